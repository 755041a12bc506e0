import { endsLikeSentence } from '../text-util';
import type { ClassifiedLine } from './classify';
import { looksLikeTitle } from './title';

/**
 * What the line model (line-model.ts) sees of a dump line: its own shape (length, function words, sentence
 * ending, capitals, digits, separators), where it stands against the article's region and the page, and the
 * shape of its neighbours. Only general properties of copied text, so what is learnt carries to unseen pages.
 */
const OWN = [
  'good',
  'near',
  'short',
  'bad',
  'logSize',
  'stop',
  'sentenceEnd',
  'colonEnd',
  'furniture',
  'barrier',
  'gapBefore',
  'gapAfter',
  'caps',
  'digits',
  'separators',
  'bullet',
  'titleLike',
  'repeated',
  'commas',
  'sandwiched',
] as const;

const CONTEXT = [
  'inRegion',
  'beforeRegion',
  'afterRegion',
  'cutOff',
  'position',
  'windowProse',
  'nearestGood',
  'regionShare',
  'sizeToRegionMean',
  'regionLines',
  'pageLines',
  'blockLines',
  'blockFirst',
  'blockProse',
  'blockSize',
] as const;

/** Neighbours whose own features are copied in, by offset. */
const NEIGHBOURS = [-2, -1, 1, 2] as const;
const NEIGHBOUR_OWN = [
  'good',
  'short',
  'bad',
  'logSize',
  'stop',
  'sentenceEnd',
  'gapBefore',
  'titleLike',
] as const;

export const FEATURE_NAMES: readonly string[] = [
  ...OWN,
  ...CONTEXT,
  ...NEIGHBOURS.flatMap((d) => ['missing', ...NEIGHBOUR_OWN].map((f) => `${f}@${d}`)),
];

const WINDOW = 3;
const TITLE_MAX_CHARS = 250;
const BULLET = /^(?:[-•*–·▪►]|\d{1,3}[.)])\s/;
const SEPARATOR = /[|•·»›/>]/g;
const WORD = /(?:(\p{Lu})|\p{L})[\p{L}\p{N}'’-]*/gu;

function ownFeatures(l: ClassifiedLine, repeated: boolean, sandwiched: boolean): number[] {
  const t = l.text;
  // One pass finds the words and which of them start with a capital: a test per word costs more than the rest.
  let words = 0;
  let caps = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(t); m; m = WORD.exec(t)) {
    words++;
    if (m[1]) caps++;
  }
  const digits = t.match(/\p{N}/gu)?.length ?? 0;
  const commas = t.match(/[,，、]/g)?.length ?? 0;
  return [
    +(l.own === 'good'),
    +(l.own === 'near'),
    +(l.own === 'short'),
    +(l.own === 'bad'),
    Math.log1p(l.size) / 6,
    l.stop,
    +endsLikeSentence(t),
    +/[:：]$/.test(t),
    +l.furniture,
    +l.barrier,
    +l.gapBefore,
    +l.gapAfter,
    words ? caps / words : 0,
    digits / Math.max(1, t.length),
    Math.min(3, t.match(SEPARATOR)?.length ?? 0) / 3,
    +BULLET.test(t),
    // looksLikeTitle turns down anything longer, after more work than this test.
    +(t.length <= TITLE_MAX_CHARS && looksLikeTitle(t)),
    +repeated,
    words ? Math.min(1, commas / words) : 0,
    +sandwiched,
  ];
}

const OWN_INDEX = new Map<string, number>(OWN.map((f, i) => [f, i]));
const NEIGHBOUR_INDEX = NEIGHBOUR_OWN.map((f) => OWN_INDEX.get(f)!);

/** Rows of FEATURE_NAMES values, one per line. `region` is mainRegion's span, `sandwiched` its short-line marks. */
export function lineFeatures(
  lines: readonly ClassifiedLine[],
  region: readonly [number, number] | undefined,
  sandwiched: readonly boolean[],
): number[][] {
  const n = lines.length;
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const own = lines.map((l, i) => ownFeatures(l, counts.get(l.text)! > 1, sandwiched[i]!));
  const [start, end] = region ?? [n, n];

  // Prose mass around each line, and the distance to the nearest good line, in two sweeps.
  const prose = lines.map((l) => (l.own === 'good' || l.own === 'near' ? l.size : 0));
  const nearestGood = lines.map(() => n);
  for (let i = 0, last = -n; i < n; i++) {
    if (lines[i]!.own === 'good') last = i;
    nearestGood[i] = i - last;
  }
  for (let i = n - 1, next = 2 * n; i >= 0; i--) {
    if (lines[i]!.own === 'good') next = i;
    nearestGood[i] = Math.min(nearestGood[i]!, next - i);
  }
  // A barrier between the region and the line: the line belongs to comments, teasers or the footer.
  const cutOff = lines.map(() => false);
  for (let i = end, seen = false; i < n; i++) {
    seen ||= lines[i]!.barrier;
    cutOff[i] = seen;
  }
  for (let i = start - 1, seen = false; i >= 0; i--) {
    seen ||= lines[i]!.barrier;
    cutOff[i] = seen;
  }
  let regionSize = 0;
  for (let i = start; i < end; i++) regionSize += lines[i]!.size;
  const regionMean = end > start ? regionSize / (end - start) : 1;
  // Blocks: lines copied without a blank line between them, as a list or a menu is.
  const block = lines.map(() => ({ lines: 0, prose: 0, size: 0 }));
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && !lines[j]!.gapBefore) j++;
    const b = { lines: j - i, prose: 0, size: 0 };
    for (let k = i; k < j; k++) {
      b.size += lines[k]!.size;
      if (prose[k]! > 0) b.prose++;
      block[k] = b;
    }
    i = j;
  }

  return lines.map((l, i) => {
    let windowProse = 0;
    let windowSize = 0;
    for (let k = Math.max(0, i - WINDOW); k <= Math.min(n - 1, i + WINDOW); k++) {
      windowProse += prose[k]!;
      windowSize += lines[k]!.size;
    }
    const row = [
      ...own[i]!,
      +(i >= start && i < end),
      i < start ? Math.log1p(start - i) / 4 : 0,
      i >= end ? Math.log1p(i - end + 1) / 4 : 0,
      +cutOff[i]!,
      n > 1 ? i / (n - 1) : 0,
      windowSize ? windowProse / windowSize : 0,
      Math.log1p(Math.min(nearestGood[i]!, n)) / 4,
      regionSize ? Math.min(1, l.size / regionSize) : 0,
      Math.min(4, l.size / regionMean) / 4,
      Math.log1p(end - start) / 6,
      Math.log1p(n) / 8,
      Math.log1p(block[i]!.lines) / 4,
      +l.gapBefore,
      block[i]!.prose / block[i]!.lines,
      Math.log1p(block[i]!.size) / 8,
    ];
    for (const d of NEIGHBOURS) {
      const o = own[i + d];
      row.push(o ? 0 : 1);
      for (const k of NEIGHBOUR_INDEX) row.push(o ? o[k]! : 0);
    }
    return row;
  });
}

/** How far the second stage looks at the first stage's scores of the lines around. */
const SCORE_NEIGHBOURS = [-3, -2, -1, 1, 2, 3] as const;
const SCORE_WINDOW = 6;
/** The score a line beyond the start or end of the text stands in with: surely not article text. */
const OUTSIDE = -8;

export const SCORE_CONTEXT_NAMES: readonly string[] = [
  'score',
  ...SCORE_NEIGHBOURS.map((d) => `score@${d}`),
  'maxAbove',
  'maxBelow',
  'meanAround',
  'contentAbove',
  'contentBelow',
  'toContentAbove',
  'toContentBelow',
];

export const SECOND_STAGE_FEATURES: readonly string[] = [...FEATURE_NAMES, ...SCORE_CONTEXT_NAMES];

/**
 * The second stage's view: each line's first-stage score beside those of the lines around it, so a short line
 * between two article paragraphs (a subheading, a list item) is read with them, and a lone prose-like line
 * among teasers is read with those.
 */
export function scoreContext(scores: readonly number[]): number[][] {
  const n = scores.length;
  const at = (i: number) => (i >= 0 && i < n ? scores[i]! : OUTSIDE);
  const total = scores.filter((s) => s > 0).length;
  const above: number[] = [];
  const lastAbove: number[] = [];
  for (let i = 0, count = 0, last = -Infinity; i < n; i++) {
    above.push(count);
    lastAbove.push(last);
    if (scores[i]! > 0) {
      count++;
      last = i;
    }
  }
  const nextBelow = new Array<number>(n);
  for (let i = n - 1, next = Infinity; i >= 0; i--) {
    nextBelow[i] = next;
    if (scores[i]! > 0) next = i;
  }
  return scores.map((s, i) => {
    let maxAbove = OUTSIDE;
    let maxBelow = OUTSIDE;
    let sum = 0;
    for (let d = 1; d <= SCORE_WINDOW; d++) {
      maxAbove = Math.max(maxAbove, at(i - d));
      maxBelow = Math.max(maxBelow, at(i + d));
      sum += at(i - d) + at(i + d);
    }
    const contentAbove = above[i]!;
    return [
      s,
      ...SCORE_NEIGHBOURS.map((d) => at(i + d)),
      maxAbove,
      maxBelow,
      sum / (2 * SCORE_WINDOW),
      total ? contentAbove / total : 0,
      total ? (total - contentAbove - +(s > 0)) / total : 0,
      Math.log1p(Math.min(n, i - lastAbove[i]!)) / 4,
      Math.log1p(Math.min(n, nextBelow[i]! - i)) / 4,
    ];
  });
}
