import type { ComprehendDocument, Part } from './documents';

/** A span Comprehend reported, placed back in the article: which segment, and where in its text. */
export interface Located {
  segment: number;
  start: number;
  end: number;
  text: string;
}

/** UTF-16 index of each code point of `text`, plus its length: Comprehend counts code points. */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    if (text.codePointAt(i)! > 0xffff) i++;
  }
  starts.push(text.length);
  return starts;
}

const SURROGATE = /[\uD800-\uDFFF]/;
/** How far from its reported offset a span may be found: a few characters, not a later mention. */
const NEARBY = 32;

export interface Span {
  Text?: string | undefined;
  BeginOffset?: number | undefined;
}

/**
 * Places the spans Comprehend reports in one document back in the article. Comprehend counts code points
 * (end exclusive), JavaScript strings count UTF-16 units, so offsets are converted when the document has
 * characters outside the BMP. The reported text is checked against the document and looked for nearby
 * when they disagree, so a changed offset convention misplaces nothing silently; a span that cannot be
 * found, or that runs across two segments, is dropped.
 */
export function locator(doc: ComprehendDocument): (span: Span) => Located | undefined {
  const starts = SURROGATE.test(doc.text) ? codePointStarts(doc.text) : undefined;
  const toUtf16 = (cp: number) => (starts ? starts[Math.min(cp, starts.length - 1)]! : cp);
  return (span) => {
    const text = span.Text;
    if (!text || span.BeginOffset === undefined) return undefined;
    let begin = toUtf16(span.BeginOffset);
    if (doc.text.slice(begin, begin + text.length) !== text) {
      const near = doc.text.indexOf(text, Math.max(0, begin - text.length - 8));
      if (near < 0 || near > begin + NEARBY) return undefined;
      begin = near;
    }
    const end = begin + text.length;
    const part = doc.parts.find((p: Part) => begin >= p.at && end <= p.at + p.length);
    if (!part) return undefined;
    const start = part.offset + begin - part.at;
    return { segment: part.segment, start, end: start + text.length, text };
  };
}
