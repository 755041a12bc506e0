import type { Caption } from '../article';
import { normalizeSpace, roughWordCount } from './text-util';

/** Photo agencies and stock libraries whose names mark a credit even without the word "photo". */
const AGENCIES = [
  'AFP',
  'Reuters',
  'AP',
  'Associated Press',
  'EPA-EFE',
  'EPA',
  'EFE',
  'Getty Images',
  'Getty',
  'Shutterstock',
  'Xinhua',
  'Anadolu Agency',
  'Anadolu',
  'Bloomberg',
  'Alamy',
  'PA Images',
  'PA Wire',
  'PA',
  'Press Association',
  'NurPhoto',
  'SOPA Images',
  'Sipa USA',
  'Sipa',
  'Sputnik',
  'TASS',
  'Kyodo',
  'Yonhap',
  'IRNA',
  'Tasnim',
  'ANSA',
  'dpa',
  'picture alliance',
  'Imago',
  'Pool',
  'Handout',
  'Wikimedia Commons',
  'AAP',
  'ZUMA Press',
  'Zuma',
  'Corbis',
  'Rex Features',
  'Shutterstock',
  'WENN',
];
const AGENCY = `(?:${AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
/** The end of the caption sentence before a trailing credit. */
const SENTENCE_END = `(?:^|[.!?]["”’)]*\\s+|\\s[-–—|]\\s*)`;

interface CreditRule {
  re: RegExp;
  credit: (m: RegExpExecArray) => string | undefined;
}

/** Ordered most to least specific; each matches only at the end of the caption. */
const CREDIT_RULES: CreditRule[] = [
  // (AP Photo/Evan Vucci)
  {
    re: /\(\s*([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)\s+Photos?\s*\/\s*([^()]{1,60})\)\.?$/,
    credit: (m) => `${m[1]}/${m[2]}`,
  },
  // (Photo by AFP), (Photo: Reuters), (Image credit: NASA), (Photo courtesy of the family)
  {
    re: /\(\s*(?:photo(?:graph)?s?|image|picture|pic|foto)\s*(?:credit\s*)?(?:by\b|:|courtesy(?:\s+of)?\b|credit\b)\s*([^()]{1,60}?)\s*\)\.?$/i,
    credit: (m) => m[1],
  },
  // (AFP photo), (Reuters file photo)
  { re: /\(\s*([^()]{1,40}?)\s+(?:file\s+photo|photos?|image|picture)\s*\)\.?$/i, credit: (m) => m[1] },
  // (Reuters), (Getty Images), (EPA/John Doe)
  { re: new RegExp(`\\(\\s*(${AGENCY}(?:\\s*/\\s*[^()]{1,50})?)\\s*\\)\\.?$`, 'i'), credit: (m) => m[1] },
  // (File photo): a caption, credit unknown
  { re: /\(\s*file\s+photo\s*\)\.?$/i, credit: () => undefined },
  // "... in 2018. Photograph: Jane Doe/Reuters", "... | Photo credit: X"
  {
    re: new RegExp(
      `${SENTENCE_END}(?:photo(?:graph)?s?|image|picture|pic|(?:photo\\s+|image\\s+)?credit)\\s*:\\s*([^:]{1,80}?)\\.?$`,
      'i',
    ),
    credit: (m) => m[1],
  },
  // "... in 2018. Jane Doe/Getty Images", "... AFP via Getty Images"
  {
    re: new RegExp(
      `${SENTENCE_END}((?:[\\p{Lu}][\\p{L}'’.-]*\\s+){0,4}(?:/\\s*)?${AGENCY}(?:\\s*/\\s*${AGENCY})?(?:\\s+via\\s+${AGENCY})?)\\.?$`,
      'u',
    ),
    credit: (m) => m[1],
  },
  // "... in 2018. REUTERS/Jane Doe", "... AFP/John Roe": the agency first, then the photographer.
  {
    re: new RegExp(
      `${SENTENCE_END}(${AGENCY}\\s*/\\s*\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3})\\.?$`,
      'iu',
    ),
    credit: (m) => m[1],
  },
  // "... in 2018. AFP photo"
  { re: new RegExp(`${SENTENCE_END}(${AGENCY})\\s+(?:file\\s+)?photo\\.?$`, 'i'), credit: (m) => m[1] },
];

const POSITION_MARKER =
  /\((?:L|R|C|M|left|right|cent(?:er|re)|top|bottom|front|back|\d+(?:st|nd|rd|th)?\s*-?\s*(?:L|R|left|right|from\s+(?:left|right))|[LR]\s*(?:to|-)\s*[LR]|from\s+(?:left|right)|(?:left|right)\s+to\s+(?:left|right))\)/i;

/** Credits read better without the "photo by"/"via" scaffolding that surrounded them. */
function cleanCredit(raw: string): string | undefined {
  const c = normalizeSpace(raw)
    .replace(/^(?:via|by)\s+/i, '')
    .replace(/\s+(?:file\s+)?photos?$/i, '')
    .replace(/^[\s"“'‘(]+|[\s"”'’).,;:]+$/g, '');
  return c || undefined;
}

export interface CreditSplit {
  text: string;
  credit?: string;
  /** True when a credit pattern matched, even one that names nobody ("(File photo)"). */
  matched: boolean;
}

export function splitCredit(text: string): CreditSplit {
  const t = normalizeSpace(text);
  for (const rule of CREDIT_RULES) {
    const m = rule.re.exec(t);
    if (!m) continue;
    // Keep the caption's own sentence punctuation; only the credit (and a dangling separator) goes.
    const kept = normalizeSpace(t.slice(0, m.index) + m[0].replace(/^([.!?]["”’)]*)?[\s\S]*$/, '$1')).replace(
      /\s*[-–—|]\s*$/,
      '',
    );
    const credit = rule.credit(m);
    return { text: kept, credit: credit ? cleanCredit(credit) : undefined, matched: true };
  }
  return { text: t, matched: false };
}

const MAX_CAPTION_WORDS = 80;

/**
 * A photo caption in copied text: it carries a photo credit, or it places people in the frame "(L)", "(2nd-R)".
 * Captions are single short paragraphs; long prose is never one.
 */
export function asCaption(paragraph: string): Caption | undefined {
  if (roughWordCount(paragraph) > MAX_CAPTION_WORDS) return undefined;
  const split = splitCredit(paragraph);
  const marker = POSITION_MARKER.exec(split.text);
  const markerEarly = marker !== null && roughWordCount(split.text.slice(0, marker.index)) <= 25;
  if (!split.matched && !markerEarly) return undefined;
  if (!split.text) return undefined;
  return split.credit ? { text: split.text, credit: split.credit } : { text: split.text };
}
