/** Collapses every run of whitespace (NBSP and the other Unicode spaces included) and drops invisible marks. */
export function normalizeSpace(s: string): string {
  return s
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let segmenter: Intl.Segmenter | undefined;

/** ICU word segmentation, so Chinese or Japanese text (no spaces) is not counted as one word per line. */
export function countWords(text: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let n = 0;
  for (const seg of segmenter.segment(text)) if (seg.isWordLike) n++;
  return n;
}

/** Latin-script word count; cheap enough for the per-line heuristics that run on every paragraph. */
export function roughWordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(s: string): boolean {
  return /[.!?…。！？]["'”’»)\]]*$/u.test(s.trim());
}
