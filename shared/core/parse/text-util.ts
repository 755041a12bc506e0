/** Collapses every run of whitespace (NBSP and the other Unicode spaces included) and drops invisible marks. */
export function normalizeSpace(s: string): string {
  return s
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Node 20's Intl.Segmenter slows down far worse than linearly with the length of the string it segments
 * (200 KB of prose: ~25 s; a 1 MB article body: many minutes), so long texts are segmented in pieces of
 * about this many characters, cut at whitespace, which gives the same count.
 */
const SEGMENT_CHUNK = 512;

/** Where to cut `text` near `at`: just after whitespace, else (no space within reach) between code points. */
function chunkEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const limit = Math.min(text.length, at + SEGMENT_CHUNK);
  for (let i = at; i < limit; i++) if (/\s/.test(text[i]!)) return i + 1;
  // Text without spaces (Chinese, Japanese, Thai): after punctuation, else anywhere, which may split one
  // word in two (one word too many per chunk, at most).
  for (let i = at; i < limit; i++) if (/[^\p{L}\p{N}\p{M}\p{Cs}]/u.test(text[i]!)) return i + 1;
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/** Scripts written without spaces between words: only ICU's dictionaries can count those. */
const UNSPACED_SCRIPT =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/;
/** A word as ICU counts one in spaced scripts: letters and digits, joined by an apostrophe, dot, colon or underscore. */
const SPACED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’.:_][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Word count. Text in spaced scripts is counted with a regular expression (several times faster than
 * ICU, and the bulk of the corpus); Chinese, Japanese, Thai and the like go through ICU word
 * segmentation, so a line without spaces is not counted as one word.
 */
export function countWords(text: string): number {
  if (!UNSPACED_SCRIPT.test(text)) {
    let n = 0;
    SPACED_WORD.lastIndex = 0;
    while (SPACED_WORD.exec(text)) n++;
    return n;
  }
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let n = 0;
  for (let start = 0; start < text.length;) {
    const end = chunkEnd(text, start + SEGMENT_CHUNK);
    for (const seg of segmenter.segment(text.slice(start, end))) if (seg.isWordLike) n++;
    start = end;
  }
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
