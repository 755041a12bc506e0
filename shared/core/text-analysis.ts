import * as stopword from 'stopword';

type Stemmer = (word: string) => string;

/*
 * @orama/stemmers ships ES modules with CommonJS builds behind its "require" condition; TypeScript's node16
 * resolution only sees the ESM typings from this CommonJS project, so the builds are loaded with plain
 * require() calls (which esbuild still bundles) and typed here.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const arabic = (require('@orama/stemmers/arabic') as { stemmer: Stemmer }).stemmer;
const bulgarian = (require('@orama/stemmers/bulgarian') as { stemmer: Stemmer }).stemmer;
const danish = (require('@orama/stemmers/danish') as { stemmer: Stemmer }).stemmer;
const dutch = (require('@orama/stemmers/dutch') as { stemmer: Stemmer }).stemmer;
const english = (require('@orama/stemmers/english') as { stemmer: Stemmer }).stemmer;
const finnish = (require('@orama/stemmers/finnish') as { stemmer: Stemmer }).stemmer;
const french = (require('@orama/stemmers/french') as { stemmer: Stemmer }).stemmer;
const german = (require('@orama/stemmers/german') as { stemmer: Stemmer }).stemmer;
const greek = (require('@orama/stemmers/greek') as { stemmer: Stemmer }).stemmer;
const hungarian = (require('@orama/stemmers/hungarian') as { stemmer: Stemmer }).stemmer;
const indonesian = (require('@orama/stemmers/indonesian') as { stemmer: Stemmer }).stemmer;
const irish = (require('@orama/stemmers/irish') as { stemmer: Stemmer }).stemmer;
const italian = (require('@orama/stemmers/italian') as { stemmer: Stemmer }).stemmer;
const lithuanian = (require('@orama/stemmers/lithuanian') as { stemmer: Stemmer }).stemmer;
const norwegian = (require('@orama/stemmers/norwegian') as { stemmer: Stemmer }).stemmer;
const portuguese = (require('@orama/stemmers/portuguese') as { stemmer: Stemmer }).stemmer;
const romanian = (require('@orama/stemmers/romanian') as { stemmer: Stemmer }).stemmer;
const russian = (require('@orama/stemmers/russian') as { stemmer: Stemmer }).stemmer;
const serbian = (require('@orama/stemmers/serbian') as { stemmer: Stemmer }).stemmer;
const spanish = (require('@orama/stemmers/spanish') as { stemmer: Stemmer }).stemmer;
const swedish = (require('@orama/stemmers/swedish') as { stemmer: Stemmer }).stemmer;
const turkish = (require('@orama/stemmers/turkish') as { stemmer: Stemmer }).stemmer;
const ukrainian = (require('@orama/stemmers/ukrainian') as { stemmer: Stemmer }).stemmer;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * How search sees text: words cut by the platform's Unicode word segmenter (Intl.Segmenter, which also
 * cuts Chinese and Japanese), case and accents folded, the language's stopwords dropped and its Snowball
 * stemmer applied. The index analyses an article in its own language; a query, whose language is not
 * known, is analysed in every language the archive holds (queryTermVariants), so "ministres" finds a
 * French article and "ministers" an English one.
 */

/** ISO 639-1 -> Snowball stemmer and the `stopword` package's ISO 639-3 list. */
const LANGUAGES: Record<string, { stem: Stemmer; stopwords?: keyof typeof stopword }> = {
  ar: { stem: arabic, stopwords: 'ara' },
  bg: { stem: bulgarian, stopwords: 'bul' },
  da: { stem: danish, stopwords: 'dan' },
  de: { stem: german, stopwords: 'deu' },
  el: { stem: greek, stopwords: 'ell' },
  en: { stem: english, stopwords: 'eng' },
  es: { stem: spanish, stopwords: 'spa' },
  fi: { stem: finnish, stopwords: 'fin' },
  fr: { stem: french, stopwords: 'fra' },
  ga: { stem: irish, stopwords: 'gle' },
  hu: { stem: hungarian, stopwords: 'hun' },
  id: { stem: indonesian, stopwords: 'ind' },
  it: { stem: italian, stopwords: 'ita' },
  lt: { stem: lithuanian, stopwords: 'lit' },
  nb: { stem: norwegian, stopwords: 'nob' },
  nl: { stem: dutch, stopwords: 'nld' },
  no: { stem: norwegian, stopwords: 'nob' },
  pt: { stem: portuguese, stopwords: 'por' },
  ro: { stem: romanian, stopwords: 'ron' },
  ru: { stem: russian, stopwords: 'rus' },
  sr: { stem: serbian },
  sv: { stem: swedish, stopwords: 'swe' },
  tr: { stem: turkish, stopwords: 'tur' },
  uk: { stem: ukrainian, stopwords: 'ukr' },
};

/** Languages without a stemmer still lose their stopwords where the `stopword` package lists them. */
const STOPWORDS_ONLY: Record<string, keyof typeof stopword> = {
  zh: 'zho',
  ja: 'jpn',
  ko: 'kor',
  pl: 'pol',
  cs: 'ces',
  he: 'heb',
  fa: 'fas',
  hi: 'hin',
  vi: 'vie',
  th: 'tha',
};

const stopwordSets = new Map<string, Set<string>>();
function stopwordsOf(language: string): Set<string> {
  let set = stopwordSets.get(language);
  if (!set) {
    const list = LANGUAGES[language]?.stopwords ?? STOPWORDS_ONLY[language];
    const words = list && Array.isArray(stopword[list]) ? (stopword[list] as string[]) : [];
    set = new Set(words.map(fold));
    stopwordSets.set(language, set);
  }
  return set;
}

/** Lower case without accents or compatibility forms: "Ñandú" and "nandu" are one word. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFKC');
}

export interface Token {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    const locale = language && language !== 'und' ? language : 'en';
    try {
      s = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'word' });
    }
    segmenters.set(language, s);
  }
  return s;
}

/** The words of a text with their offsets (punctuation and spaces are not words). */
export function tokenize(text: string, language = 'en'): Token[] {
  const tokens: Token[] = [];
  for (const part of segmenter(language).segment(text)) {
    if (!part.isWordLike) continue;
    tokens.push({ text: part.segment, start: part.index, end: part.index + part.segment.length });
  }
  return tokens;
}

/** Longer words are not words people search for (hashes, URLs run together): they are not indexed. */
export const MAX_TERM_LENGTH = 40;

/** One word's index term in a language, or undefined for a stopword or a word too short or long. */
export function termOf(word: string, language: string): string | undefined {
  const folded = fold(word);
  if (folded.length > MAX_TERM_LENGTH) return undefined;
  // One Latin letter or digit says nothing; one CJK character is a word.
  if (folded.length < 2 && /^[\p{Script=Latin}\p{N}]$/u.test(folded)) return undefined;
  if (stopwordsOf(language).has(folded)) return undefined;
  const stem = LANGUAGES[language]?.stem;
  if (!stem || !/^\p{L}+$/u.test(folded)) return folded;
  return stem(folded) || folded;
}

/** The distinct terms of a text in a language. */
export function termsOf(text: string, language: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(text, language)) {
    const term = termOf(token.text, language);
    if (term) terms.add(term);
  }
  return [...terms];
}

/**
 * The terms one query word may have been indexed as: its term in each of `languages` (the languages the
 * archive holds, or the one the query is limited to) where it is not a stopword. Empty when the word is a
 * stopword in all of them, so it does not constrain the search.
 */
export function queryTermVariants(word: string, languages: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const language of languages.length ? languages : ['en']) {
    const term = termOf(word, language);
    if (term) variants.add(term);
  }
  return [...variants];
}

/** Where any of `terms` occurs in a text analysed in `language`, as [start, end) offsets. */
export function matchRanges(
  text: string,
  language: string,
  terms: ReadonlySet<string>,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const token of tokenize(text, language)) {
    const term = termOf(token.text, language);
    if (term && terms.has(term)) ranges.push([token.start, token.end]);
  }
  return ranges;
}
