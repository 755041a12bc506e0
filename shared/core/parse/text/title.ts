import { countWords, endsLikeSentence } from '../text-util';

const TITLE_MAX_WORDS = 30;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Headline-shaped: a few words, not a paragraph of prose, not a lead-in to a list, not a label. */
/** Counters, reading times, dates and times, pipes of a menu: page furniture shaped like a short line. */
const NOT_A_HEADLINE =
  /^\d+\s+\p{L}+$|\b\d+\s*min(?:ute)?s?\.?\s+(?:read|lesezeit|lectura)\b|\b\d{1,2}[.:]\d{2}\b|\s\|\s|^(?:anzeige|advertisement|sponsored|filed under|posted in|updated|aktualisiert)\b/iu;

export function looksLikeTitle(p: string): boolean {
  const words = countWords(p);
  if (NOT_A_HEADLINE.test(p)) return false;
  if ((words < 3 && !CJK.test(p)) || words > TITLE_MAX_WORDS || p.length > 250 || /[:,;]$/.test(p))
    return false;
  // Two sentences, or one long full-stopped sentence, is a lead paragraph rather than a headline.
  if (/\p{Ll}{2,}[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(p)) return false;
  // A line of digits and separators is a date, a price or a score.
  if (!/\p{L}{2}/u.test(p)) return false;
  return !(endsLikeSentence(p) && words > 15);
}

/** When the dump has no headline line, the first sentence of the lead stands in, cut at a word boundary. */
export function titleFromProse(p: string): string {
  const sentence = /^.{10,}?[.!?。！？](?=\s|$)/u.exec(p)?.[0] ?? p;
  if (sentence.length <= 120) return sentence;
  return `${sentence.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}
