import { endsLikeSentence, roughWordCount } from './text-util';

/**
 * Page furniture that copy-paste and extractors drag along. Only short paragraphs are tested, so prose that
 * merely mentions "copyright" or "subscribe" is never dropped.
 */
const BOILERPLATE: RegExp[] = [
  // Mirror and app-access footers: "This site can also be accessed at the following alternate domains".
  /\b(?:can|may) (?:also )?be (?:accessed|read|reached) (?:at|via|through|on|in) (?:the following|these|our|this) (?:alternate |alternative |mirror )?(?:addresses|domains|links|sites|mirrors|urls|apps?)\b/i,
  /^(?:share|share this(?: article| story| page)?|share on \w+|tweet|e-?mail|print|copy link|whatsapp|facebook|twitter|linkedin|reddit)\b[\s\w:|/,-]{0,40}$/i,
  /^(?:subscribe|sign up|sign in|log in|register|join our|get our|newsletter|follow us|follow @|like us on)\b/i,
  /^(?:read more|read also|also read|see also|related(?: articles| stories| news| content| posts| topics)?|more on this|more from|recommended|most (?:read|popular|viewed)|trending|you may also like|you might also like|don'?t miss|advertisement|advertising|sponsored(?: content)?|skip to(?: main)? content|skip navigation|click here|continue reading|download (?:the|our) app|back to top|scroll to top)\b/i,
  /©|\bcopyright\b|\ball rights reserved\b/i,
  /^(?:comments?|leave a (?:comment|reply)|\d+ comments?|show comments|view comments)$/i,
  /^(?:tags?|topics?|filed under|categories|keywords)\s*:/i,
  /^(?:privacy policy|terms of (?:use|service)|contact us|about us|terms & conditions|imprint|impressum)\b/i,
  /^(?:loading|please wait|javascript is (?:disabled|required))\b/i,
];

/** Consent banners run longer than other furniture, so they get a looser length limit. */
const COOKIE_BANNER: RegExp[] = [
  /\b(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings))\b/i,
  // Consent banners in other languages: "cookie" plus a use/accept/policy word in the same short paragraph.
  /\bcookies?\b.*\b(?:utiliz|usamos|verwende|nutzen|akzept|accept|acept|politi|richtlinie|consent|zustimm|einwillig)|\b(?:utiliz|usamos|verwende|nutzen|akzept|accept|acept)\w*\b.*\bcookies?\b/i,
];

const MAX_BOILERPLATE_WORDS = 30;
const MAX_BANNER_WORDS = 70;

export function isBoilerplate(paragraph: string): boolean {
  const words = roughWordCount(paragraph);
  const t = paragraph.trim();
  if (words <= MAX_BOILERPLATE_WORDS && BOILERPLATE.some((re) => re.test(t))) return true;
  return words <= MAX_BANNER_WORDS && COOKIE_BANNER.some((re) => re.test(t));
}

/** Prose worth keeping at the end of an article: a sentence, or long enough to be one without the full stop. */
export function isProse(paragraph: string): boolean {
  return endsLikeSentence(paragraph) || roughWordCount(paragraph) > 12;
}

/**
 * Drops the tail after the last prose paragraph: station names, app links, "find us at:" lines. A tail line
 * ending in ":" introduces a list we already dropped, so it goes too. Text with no prose at all is left alone.
 */
export function trimTrailingFooter(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 0) {
    const p = paragraphs[end - 1] ?? '';
    const tail = isBoilerplate(p) || /:\s*$/.test(p) || !isProse(p);
    if (!tail) break;
    end--;
  }
  return end === 0 ? paragraphs : paragraphs.slice(0, end);
}
