import stopwordsIso from 'stopwords-iso';

const LISTS = stopwordsIso as Record<string, readonly string[] | undefined>;
const sets = new Map<string, ReadonlySet<string> | undefined>();

/** stopwords-iso's list for a language (ISO 639-1, all lower case) as a set, built once; undefined without one. */
export function isoStopwords(language: string): ReadonlySet<string> | undefined {
  if (!sets.has(language)) {
    const list = LISTS[language];
    sets.set(language, list ? new Set(list) : undefined);
  }
  return sets.get(language);
}
