import { normalizeSpace } from '../text-util';

/** One line of a dump after hard-wrapped lines are joined, with the layout around it. */
export interface DumpLine {
  text: string;
  /** A blank line (or the start of the text) precedes it: browsers copy <p> and headings that way. */
  gapBefore: boolean;
  gapAfter: boolean;
}

/** Lines this long or longer are never hard-wrapped: the writer's editor did not break them. */
const WRAP_MAX = 100;
const WRAP_MIN = 50;

/**
 * The width a hard-wrapped text (mail, wire copy, a terminal paste) was broken at, or undefined when the text
 * was not hard-wrapped. Wrapped text has no line much longer than the width, and many lines close to it.
 */
function wrapWidth(lines: readonly string[]): number | undefined {
  const lengths = lines.map((l) => l.length).filter((n) => n >= 20);
  if (lengths.length < 3) return undefined;
  const max = Math.max(...lengths);
  if (max > WRAP_MAX || max < WRAP_MIN) return undefined;
  const near = lengths.filter((n) => n >= max * 0.75).length;
  return near >= lengths.length * 0.4 ? max : undefined;
}

/**
 * Lines read at most. A copied page runs to a few thousand lines; past this the file is a log or a listing,
 * and the article, if there is one, has started long before.
 */
const MAX_LINES = 50_000;

/** A line that starts a new item however long the one before it: a bullet, a number, a label. */
const ITEM_START = /^(?:[-•*–·▪►]\s|\d{1,3}[.)]\s|\p{Lu}[\p{L} ]{0,25}:\s)/u;

/**
 * Splits a dump into lines. Copied web text puts one block per line, blank lines around paragraphs; in
 * hard-wrapped text a line that fills the width continues on the next one, and those are joined back.
 */
export function dumpLines(text: string, maxLines = MAX_LINES): DumpLine[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n', maxLines).map(normalizeSpace);
  const width = wrapWidth(raw.filter(Boolean));
  const out: DumpLine[] = [];
  let gap = true;
  let current: DumpLine | undefined;
  for (const line of raw) {
    if (!line) {
      gap = true;
      current = undefined;
      continue;
    }
    if (current && !ITEM_START.test(line)) current.text = `${current.text} ${line}`;
    else {
      current = { text: line, gapBefore: gap, gapAfter: false };
      out.push(current);
    }
    gap = false;
    // Only a line that fills the width continues on the next; in unwrapped text every line ends its block.
    if (!width || line.length < width * 0.6) current = undefined;
  }
  out.forEach((l, i) => (l.gapAfter = out[i + 1]?.gapBefore ?? true));
  return out;
}
