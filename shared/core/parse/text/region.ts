import { isProse } from '../boilerplate';
import { endsLikeSentence } from '../text-util';
import type { ClassifiedLine } from './classify';

/** A bad line costs a fixed step plus part of its length: long furniture weighs more than a menu entry. */
const BAD_STEP = 20;
const BAD_SHARE = 0.5;
const BAD_CAP = 200;
const SHORT_SENTENCE_SHARE = 0.3;
const NEAR_SHARE = 0.5;
/**
 * An earlier stretch beats a later one it is cut off from by a barrier when it holds at least this share of
 * the later one's text: comments and "related" teasers follow the article and can outweigh a short one.
 */
const EARLIER_SHARE = 0.15;

function value(l: ClassifiedLine): number {
  if (l.own === 'good') return l.size;
  if (l.own === 'near') return l.size * NEAR_SHARE;
  // A short sentence ("Serve warm.", a list item that is a sentence) is content, not navigation.
  if (l.own === 'short' && endsLikeSentence(l.text) && l.stop > 0) return l.size * SHORT_SENTENCE_SHARE;
  // Known furniture goes anyway; a "Read more:" link inside an article should not cut it in two.
  if (l.furniture) return -BAD_STEP;
  return -(BAD_STEP + BAD_SHARE * Math.min(l.size, BAD_CAP));
}

interface Span {
  start: number;
  end: number;
  score: number;
}

/** The longest run of short lines that still reads as part of the prose around it: a list, a subheading. */
const MAX_SANDWICH = 8;

/**
 * Short lines between two good prose lines, at most MAX_SANDWICH in a row: a subheading or the items of a list,
 * as jusText keeps a short paragraph between good ones. Only good neighbours count: a teaser's summary is
 * prose too, but rarely as long.
 */
export function sandwiched(lines: readonly ClassifiedLine[]): boolean[] {
  const prose = (l: ClassifiedLine | undefined) => l?.own === 'good';
  const out = lines.map(() => false);
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && lines[j]!.own === 'short' && !lines[j]!.barrier) j++;
    if (j > i && j - i <= MAX_SANDWICH && prose(lines[i - 1]) && prose(lines[j]))
      for (let k = i; k < j; k++) out[k] = true;
    i = Math.max(j, i + 1);
  }
  return out;
}

/** The run with the most good text net of the furniture inside it (a maximum subarray, as BTE does). */
function bestSpan(v: readonly number[], from: number, to: number): Span | undefined {
  let best: Span | undefined;
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += v[i]!;
    if (sum > (best?.score ?? 0)) best = { start, end: i + 1, score: sum };
  }
  return best;
}

/**
 * The article's span of lines [start, end), or undefined when nothing reads as prose. Barrier lines
 * ("Comments", "Related posts") cut the text into stretches and the article never spans one; within a stretch
 * the best run wins, and between stretches the earliest that is not much smaller than the best.
 */
export function mainRegion(lines: readonly ClassifiedLine[]): [number, number] | undefined {
  const spans: Span[] = [];
  const inProse = sandwiched(lines);
  // Sandwiched short lines cost nothing: the article runs on across its own lists and subheadings.
  const v = lines.map((l, i) => (inProse[i] ? Math.max(0, value(l)) : value(l)));
  let from = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !lines[i]!.barrier) continue;
    const span = bestSpan(v, from, i);
    if (span) spans.push(span);
    from = i + 1;
  }
  if (spans.length === 0) return undefined;
  const max = Math.max(...spans.map((s) => s.score));
  const pick = spans.find((s) => s.score >= max * EARLIER_SHARE)!;
  return [pick.start, pick.end];
}

/**
 * mainRegion, or when no line is long enough prose to be sure of, the region once every prose-shaped line is
 * taken as content (its class is raised to 'good' in place).
 */
export function articleRegion(lines: ClassifiedLine[]): [number, number] | undefined {
  const region = mainRegion(lines);
  if (region) return region;
  for (const l of lines) if (l.own !== 'bad' && (l.own === 'near' || isProse(l.text))) l.own = 'good';
  return mainRegion(lines);
}
