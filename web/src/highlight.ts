import type { Highlight } from '../../shared/stages/archive-api';

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` at the [start, end) ranges (JavaScript string offsets) into plain and marked segments, so
 * the page renders matched words as <mark> around text nodes and never parses the text as HTML. Ranges
 * are clamped, sorted and merged: a bad offset from the API can only lose a highlight, never text.
 */
export function segments(text: string, ranges: readonly Highlight[] | undefined): Segment[] {
  const clean = (ranges ?? [])
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of clean) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) out.push({ text: text.slice(at, from), marked: false });
    const last = out[out.length - 1];
    if (last?.marked && from === at) last.text += text.slice(from, end);
    else out.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), marked: false });
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Where any of `forms` (an entity's mention forms) stands in `text` as whole words, case-sensitively as
 * the tagger saw them; longer forms win over shorter ones starting at the same place.
 */
export function mentionRanges(text: string, forms: readonly string[]): Highlight[] {
  const sorted = [...new Set(forms.filter((f) => f.trim().length > 0))].sort((a, b) => b.length - a.length);
  const ranges: Highlight[] = [];
  for (const form of sorted) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(form, from);
      if (at < 0) break;
      const end = at + form.length;
      const before = at > 0 ? text[at - 1]! : '';
      const after = end < text.length ? text[end]! : '';
      const whole = !WORD.test(before) && !WORD.test(after);
      if (whole && !ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      from = at + 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
