type Tinyld = typeof import('tinyld');

/**
 * tinyld with the languages detection may answer: its living languages with an ISO 639-1 code. Latin,
 * Esperanto, Volapük, Klingon and Berber (no 639-1 code) are left out: on news they are only ever wrong
 * guesses. Loaded on first use, because building its model takes longer than the rest of a CLI's start-up.
 */
let detector: { tinyld: Tinyld; only: { only: string[] } } | undefined;
function languageDetector(): NonNullable<typeof detector> {
  if (detector) return detector;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tinyld = require('tinyld') as Tinyld;
  const only = tinyld.supportedLanguages
    .map((l) => tinyld.toISO2(l) || l)
    .filter((l) => /^[a-z]{2}$/.test(l) && !['la', 'eo', 'vo'].includes(l));
  return (detector = { tinyld, only: { only } });
}

/** "en-US", "EN_gb", "zh-Hant-TW" -> "en", "en", "zh"; anything that is not a language tag -> undefined. */
export function normalizeLanguageTag(tag: string | null | undefined): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  const code = m?.[1]?.toLowerCase();
  if (!code || code === 'und' || code === 'mul' || code === 'zxx') return undefined;
  return code;
}

/**
 * How much of a text detection reads: enough prose to be sure, and cheap on a long body. Callers may pass
 * only this much (a prefix of the text) and get the same answer.
 */
export const LANGUAGE_SAMPLE_CHARS = 5000;

/** Detection needs some prose to be right; a few words are "und" rather than a guess. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (sample.replace(/[^\p{L}]/gu, '').length < 20) return 'und';
  const { tinyld, only } = languageDetector();
  return normalizeLanguageTag(tinyld.detect(sample, only)) ?? 'und';
}

/**
 * Templates often hard-code <html lang="en"> on pages in other languages. The declaration stands unless the
 * text is long enough to judge and detection is confident it is another language that the declared one
 * barely scores in.
 */
export function reconcileLanguage(declared: string | undefined, text: string): string {
  if (!declared) return detectLanguage(text);
  if (text.length < 500) return declared;
  const { tinyld, only } = languageDetector();
  const scores = tinyld.detectAll(text.slice(0, LANGUAGE_SAMPLE_CHARS), only);
  const top = scores[0];
  const declaredScore = scores.find((s) => s.lang === declared)?.accuracy ?? 0;
  if (top && top.lang !== declared && top.accuracy >= 0.5 && declaredScore < 0.2) {
    return normalizeLanguageTag(top.lang) ?? declared;
  }
  return declared;
}
