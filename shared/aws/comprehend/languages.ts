import { LanguageCode, type DominantLanguage } from '@aws-sdk/client-comprehend';

/** Languages DetectEntities and DetectKeyPhrases accept (the SDK's LanguageCode); detection knows 100+. */
const ANALYZABLE = new Set<string>(Object.values(LanguageCode));
/** Below this, Comprehend is guessing (a short or mixed text) and the parser's reading of the page stands. */
const MIN_LANGUAGE_SCORE = 0.5;

export interface LanguageChoice {
  /** ISO 639-1 for the article, as the parser gives it. */
  language: string;
  /** The code to analyze with, or none when Comprehend cannot analyze the language. */
  analyzeAs?: LanguageCode;
}

/**
 * The language Comprehend detected when it is confident, else the one the parser read from the page.
 * Comprehend answers in RFC 5646 ("zh-TW"), analyzes "zh-TW" apart from "zh", and uses ISO 639-2
 * codes where ISO 639-1 has none; the article keeps a two-letter code.
 */
export function chooseLanguage(
  detected: readonly DominantLanguage[] | undefined,
  parsed: string,
): LanguageChoice {
  const top = [...(detected ?? [])].sort((a, b) => (b.Score ?? 0) - (a.Score ?? 0))[0];
  const code = top?.LanguageCode && (top.Score ?? 0) >= MIN_LANGUAGE_SCORE ? top.LanguageCode : parsed;
  const primary = code.split('-')[0]!.toLowerCase();
  const language = /^[a-z]{2}$/.test(primary) ? primary : parsed;
  const analyzeAs = [code, primary].find((c) => ANALYZABLE.has(c)) as LanguageCode | undefined;
  return analyzeAs ? { language, analyzeAs } : { language };
}
