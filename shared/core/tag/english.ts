import { isoStopwords } from './iso-stopwords';

/**
 * Whether a text is English enough for the entity model, which learnt from English news. Language detection
 * reads names as words, so an English results table of Dutch clubs, or a story full of Polish bank names, can
 * be detected as Dutch. The words that are not names (those written in lower case) say it better: in English
 * most of them are English function words, and more of them English ones than the detected language's.
 */

const NONE: ReadonlySet<string> = new Set();
const stopwords = (language: string): ReadonlySet<string> => isoStopwords(language) ?? NONE;

/** Enough text to be sure, and cheap on a long body. */
const SAMPLE_CHARS = 5000;
/**
 * Share of lower-case words that must be English stopwords (over half in English prose), and how far they must
 * outnumber the detected language's. Set so that of 849 web pages detected as another language only 8, mostly
 * English-heavy pages, pass, while 78 of the 86 CoNLL stories detected as another language do.
 */
const MIN_ENGLISH_SHARE = 0.3;
const MIN_MARGIN = 1.5;
const MIN_ENGLISH_WORDS = 3;

export function readsAsEnglish(texts: readonly string[], detected: string): boolean {
  if (detected === 'en' || detected === 'und') return true;
  const sample = texts.join('\n').slice(0, SAMPLE_CHARS);
  const english = stopwords('en');
  const theirs = stopwords(detected);
  let words = 0;
  let englishWords = 0;
  let theirWords = 0;
  for (const [word] of sample.matchAll(/\p{L}[\p{L}']*/gu)) {
    if (!/^\p{Ll}/u.test(word)) continue;
    words++;
    if (english.has(word)) englishWords++;
    if (theirs.has(word)) theirWords++;
  }
  return (
    englishWords >= MIN_ENGLISH_WORDS &&
    englishWords > MIN_MARGIN * theirWords &&
    englishWords >= MIN_ENGLISH_SHARE * words
  );
}
