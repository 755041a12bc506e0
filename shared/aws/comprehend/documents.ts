import type { EntityZone, ParsedArticle } from '../../core/article';

/**
 * Comprehend's Batch* APIs take at most 25 documents per request, each under 5,000 bytes of UTF-8 (the
 * API reference: "fewer than 5,000 bytes"; the quota page: 5 KB), and no request may exceed 100 KB.
 * https://docs.aws.amazon.com/comprehend/latest/dg/guidelines-and-limits.html
 */
export const COMPREHEND_LIMITS = {
  documentsPerBatch: 25,
  bytesPerDocument: 4_999,
  bytesPerRequest: 100 * 1024,
} as const;

/** Paragraphs that count as the lead, as in the built-in tagger. */
const LEAD_PARAGRAPHS = 2;
/** Joins segments packed into one document; a blank line keeps Comprehend from reading across them. */
export const SEPARATOR = '\n\n';

/** One tagged span of the article: `paragraph` numbers it the way EntityOccurrence does. */
export interface Segment {
  zone: EntityZone;
  paragraph: number;
  text: string;
}

export function segmentsOf(article: ParsedArticle): Segment[] {
  const paragraphs = article.body.paragraphs;
  return [
    { zone: 'title' as const, paragraph: 0, text: article.title },
    ...paragraphs.map((text, i) => ({
      zone: i < LEAD_PARAGRAPHS ? ('lead' as const) : ('body' as const),
      paragraph: i + 1,
      text,
    })),
    ...article.captions.map((c, i) => ({
      zone: 'caption' as const,
      paragraph: paragraphs.length + 1 + i,
      text: c.text,
    })),
  ];
}

/** Where a stretch of a document came from: `segment` indexes the segment list, `offset` is within it. */
export interface Part {
  segment: number;
  offset: number;
  /** Start of the stretch within the document (UTF-16 index, as JavaScript strings count). */
  at: number;
  length: number;
}

export interface ComprehendDocument {
  text: string;
  parts: Part[];
}

const utf8Size = (codePoint: number): number =>
  // Lone surrogates are sent as U+FFFD, three bytes, like every other BMP code point above U+07FF.
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

export const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    bytes += utf8Size(cp);
    if (cp > 0xffff) i++;
  }
  return bytes;
};

const SENTENCE_END = /[.!?]["'”’)\]]*\s+|[。！？]/g;
const WHITESPACE = /\s+/g;

/** The last match of `pattern` ending in the second half of `window`: a cut there loses no word. */
function lastBreak(window: string, pattern: RegExp): number {
  let cut = -1;
  for (const m of window.matchAll(pattern)) {
    const end = m.index + m[0].length;
    if (end >= window.length / 2 && end < window.length) cut = end;
  }
  return cut;
}

/**
 * Cuts text into pieces of at most `maxBytes` UTF-8 bytes, never inside a code point (so never inside a
 * multi-byte character or a surrogate pair): after a sentence if one ends in the second half of the
 * piece, else at a space, else (unbroken text) at the last code point that fits.
 */
export function splitUtf8(text: string, maxBytes: number): Array<{ offset: number; text: string }> {
  const pieces: Array<{ offset: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let bytes = 0;
    while (end < text.length) {
      const cp = text.codePointAt(end)!;
      if (bytes + utf8Size(cp) > maxBytes) break;
      bytes += utf8Size(cp);
      end += cp > 0xffff ? 2 : 1;
    }
    if (end === start) throw new RangeError(`maxBytes ${maxBytes} cannot hold one code point`);
    if (end < text.length) {
      const window = text.slice(start, end);
      const sentence = lastBreak(window, SENTENCE_END);
      const cut = sentence > 0 ? sentence : lastBreak(window, WHITESPACE);
      if (cut > 0) end = start + cut;
    }
    pieces.push({ offset: start, text: text.slice(start, end) });
    start = end;
  }
  return pieces;
}

/**
 * Packs segments, in reading order, into as few documents as the per-document limit allows. Comprehend
 * bills every document at least 300 characters, so a title or a short paragraph sent alone costs as
 * much as three lines of text; packed, they cost what they weigh, and the model sees more context.
 */
export function packDocuments(
  segments: readonly Segment[],
  indexes: readonly number[],
): ComprehendDocument[] {
  const documents: ComprehendDocument[] = [];
  let current: ComprehendDocument | undefined;
  let currentBytes = 0;
  const separatorBytes = utf8Length(SEPARATOR);
  for (const segment of indexes) {
    for (const piece of splitUtf8(segments[segment]!.text, COMPREHEND_LIMITS.bytesPerDocument)) {
      if (!piece.text.trim()) continue;
      const bytes = utf8Length(piece.text);
      if (current && currentBytes + separatorBytes + bytes <= COMPREHEND_LIMITS.bytesPerDocument) {
        current.text += SEPARATOR;
        currentBytes += separatorBytes;
      } else {
        current = { text: '', parts: [] };
        currentBytes = 0;
        documents.push(current);
      }
      current.parts.push({
        segment,
        offset: piece.offset,
        at: current.text.length,
        length: piece.text.length,
      });
      current.text += piece.text;
      currentBytes += bytes;
    }
  }
  return documents;
}

/** Groups documents into Batch* requests within both the document-count and the request-size limits. */
export function batchesOf<T extends { text: string }>(documents: readonly T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const doc of documents) {
    const size = utf8Length(doc.text);
    if (
      batch.length === COMPREHEND_LIMITS.documentsPerBatch ||
      (batch.length > 0 && bytes + size > COMPREHEND_LIMITS.bytesPerRequest)
    ) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(doc);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
