/**
 * Duplicate detection on real pages: `npx tsx bench/duplicates.ts`.
 *
 * The articles of the trafilatura evaluation set are split in two by position. The even-indexed half (the
 * selection half) chooses a threshold; the odd-indexed half (the report half) then says what that threshold
 * does on pages it was not chosen on: matches between distinct pages, and detection of the near copies
 * test/support/near-copies.ts makes of each article.
 *
 * The threshold must hold at archive scale, where each new article is compared with every stored one: a
 * wrong "copy of" on at most MAX_FALSE_PER_ARTICLE of new articles in an archive of ARCHIVE_SIZE. That needs
 * per-pair rates far below what 124,750 pairs can measure, so the selection half's measured tail (distances
 * with at least MIN_TAIL_PAIRS pairs) calibrates the binomial model of unrelated SimHashes (64 fair bits),
 * scaled up by the largest measured/model ratio there, and the model extrapolates to small distances.
 *
 * "Distinct pages" are not all distinct stories: a few pages of the set carry the same story or the same
 * long template text. A match between them is counted as a false match anyway, so the figure is an upper
 * bound; the closest pairs are listed in bench/results/duplicates.json to be read. The shipped threshold
 * (NEAR_DUPLICATE_DISTANCE) is reported beside the selected one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { articlesOf, type ParsedArticle } from '../shared/core/article';
import { parseDocument } from '../shared/core/parse';
import type { Fingerprints } from '../shared/core/article';
import { fingerprintArticle, hammingDistance } from '../shared/core/tag/fingerprint';
import { MIN_NEAR_DUPLICATE_WORDS, NEAR_DUPLICATE_DISTANCE, SIMHASH_BANDS } from '../shared/core/duplicates';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { NEAR_COPIES } from '../test/support/near-copies';
import { machineDescription, writeReport } from './report';

const ARCHIVE_SIZE = 1_000_000;
const MAX_FALSE_PER_ARTICLE = 0.01;
const MIN_TAIL_PAIRS = 20;
const MAX_DISTANCE_CONSIDERED = 20;

/** P(distance <= d) for two unrelated 64-bit SimHashes whose bits are independent and fair. */
function binomialTail(d: number): number {
  let coefficient = 1;
  let sum = 0;
  for (let k = 0; k <= d; k++) {
    sum += coefficient;
    coefficient = (coefficient * (64 - k)) / (k + 1);
  }
  return sum / 2 ** 64;
}

interface Half {
  articles: ParsedArticle[];
  prints: Fingerprints[];
}

/** For each distance d, how many pairs of distinct pages lie within d bits. */
function pairsWithin(half: Half): {
  total: number;
  within: number[];
  closest: Array<{ d: number; a: string; b: string }>;
} {
  const at = new Array<number>(65).fill(0);
  const closest: Array<{ d: number; a: string; b: string }> = [];
  const { prints, articles } = half;
  for (let i = 0; i < prints.length; i++)
    for (let j = i + 1; j < prints.length; j++) {
      const d = hammingDistance(prints[i]!.simhash, prints[j]!.simhash);
      at[d]! += 1;
      if (d <= 12) closest.push({ d, a: articles[i]!.id, b: articles[j]!.id });
    }
  const within: number[] = [];
  at.reduce((sum, n, d) => (within[d] = sum + n), 0);
  return {
    total: (prints.length * (prints.length - 1)) / 2,
    within,
    closest: closest.sort((x, y) => x.d - y.d).slice(0, 10),
  };
}

/** Each near-copy kind's distances from its original, over one half's articles. */
function copyDistances(half: Half): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(NEAR_COPIES).map(([name, copy]) => [
      name,
      half.articles.map((a, i) =>
        hammingDistance(half.prints[i]!.simhash, fingerprintArticle(copy(a)).simhash),
      ),
    ]),
  );
}

const share = (distances: number[], k: number) => distances.filter((d) => d <= k).length / distances.length;
const median = (distances: number[]) =>
  [...distances].sort((a, b) => a - b)[Math.floor(distances.length / 2)] ?? 0;

async function main(): Promise<void> {
  if (!existsSync(CORPUS_HTML_DIR)) {
    console.log(`skipped: no corpus at ${CORPUS_HTML_DIR}`);
    return;
  }
  const files = readdirSync(CORPUS_HTML_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  const articles: ParsedArticle[] = [];
  for (const file of files) {
    const bytes = gunzipSync(readFileSync(join(CORPUS_HTML_DIR, file)));
    const outcome = await parseDocument({ bytes, id: file, source: { path: file } });
    articles.push(...articlesOf(outcome));
  }
  const eligible = articles.filter((a) => a.body.wordCount >= MIN_NEAR_DUPLICATE_WORDS);
  const started = performance.now();
  const prints = eligible.map(fingerprintArticle);
  const ms = performance.now() - started;

  const halfOf = (parity: number): Half => ({
    articles: eligible.filter((_, i) => i % 2 === parity),
    prints: prints.filter((_, i) => i % 2 === parity),
  });
  const selection = halfOf(0);
  const report = halfOf(1);

  const selectionPairs = pairsWithin(selection);
  const ratios: number[] = [];
  for (let d = 0; d <= MAX_DISTANCE_CONSIDERED; d++)
    if (selectionPairs.within[d]! >= MIN_TAIL_PAIRS)
      ratios.push(selectionPairs.within[d]! / selectionPairs.total / binomialTail(d));
  if (!ratios.length)
    throw new Error(`no distance up to ${MAX_DISTANCE_CONSIDERED} has ${MIN_TAIL_PAIRS} pairs`);
  const calibration = Math.max(...ratios);
  const falsePerArticle = (d: number) => calibration * binomialTail(d) * ARCHIVE_SIZE;
  let selected = 0;
  for (let d = 0; d <= MAX_DISTANCE_CONSIDERED; d++)
    if (falsePerArticle(d) <= MAX_FALSE_PER_ARTICLE) selected = d;
  const selectionCopies = copyDistances(selection);

  const reportPairs = pairsWithin(report);
  const reportCopies = copyDistances(report);
  const thresholds = [...new Set([selected, NEAR_DUPLICATE_DISTANCE])].sort((a, b) => a - b);
  const rows = Object.keys(NEAR_COPIES).map((name) => ({
    copy: name,
    detected: Object.fromEntries(thresholds.map((k) => [k, share(reportCopies[name]!, k)])),
    median: median(reportCopies[name]!),
  }));

  for (let d = 0; d <= MAX_DISTANCE_CONSIDERED; d++)
    console.log(
      `distance <= ${String(d).padStart(2)}: selection ${selectionPairs.within[d]} pairs, report ${reportPairs.within[d]} pairs; copies detected (selection half) ${Object.values(
        selectionCopies,
      )
        .map((ds) => `${(share(ds, d) * 100).toFixed(0)}%`)
        .join(' ')}`,
    );

  const json = {
    machine: machineDescription(),
    articles: eligible.length,
    msPerArticle: ms / eligible.length,
    rule: `largest distance with at most ${MAX_FALSE_PER_ARTICLE} expected false matches per new article in an archive of ${ARCHIVE_SIZE}`,
    calibration,
    falsePerArticle: Object.fromEntries(thresholds.map((k) => [k, falsePerArticle(k)])),
    selectedThreshold: selected,
    shippedThreshold: NEAR_DUPLICATE_DISTANCE,
    selection: {
      articles: selection.articles.length,
      pairs: selectionPairs.total,
      pairsWithin: selectionPairs.within.slice(0, MAX_DISTANCE_CONSIDERED + 1),
      closest: selectionPairs.closest,
    },
    report: {
      articles: report.articles.length,
      pairs: reportPairs.total,
      pairsWithin: Object.fromEntries(thresholds.map((k) => [k, reportPairs.within[k]])),
      closest: reportPairs.closest,
      detection: rows,
    },
  };
  const fmt = (n: number) => `${(n * 100).toFixed(1)} %`;
  const md = `## Duplicates: SimHash on the trafilatura pages (\`npx tsx bench/duplicates.ts\`)

Machine: ${machineDescription()}. ${eligible.length} articles of ${MIN_NEAR_DUPLICATE_WORDS}+ words, fingerprinted in ${(ms / eligible.length).toFixed(2)} ms each, split by position into a selection half (${selection.articles.length} articles, ${selectionPairs.total} pairs) and a report half (${report.articles.length} articles, ${reportPairs.total} pairs).

**Threshold.** Chosen on the selection half so that, in an archive of ${ARCHIVE_SIZE.toLocaleString('en')} articles, at most ${MAX_FALSE_PER_ARTICLE} wrong matches are expected per new article. 124,750 pairs cannot measure rates that small, so the selection half's measured tail (distances with ${MIN_TAIL_PAIRS}+ pairs) calibrates the binomial model of unrelated 64-bit SimHashes: measured rates there are up to ${calibration.toFixed(2)}× the model's, and the model, scaled by that, gives the rest. Selected: **${selected} bits**; the shipped threshold is ${NEAR_DUPLICATE_DISTANCE} bits${selected === NEAR_DUPLICATE_DISTANCE ? ', the same' : ''}. The shipped threshold is also bounded by the index: its ${SIMHASH_BANDS} bands of ${64 / SIMHASH_BANDS} bits find every pair within ${SIMHASH_BANDS - 1} bits as candidates (pigeonhole) and almost every pair at ${SIMHASH_BANDS}, so a larger threshold would need more bands, that is more write units per article. Expected wrong matches per new article at 1M: ${thresholds.map((k) => `${falsePerArticle(k).toPrecision(2)} at <= ${k} bits`).join(', ')}.

**On the report half** (not used to choose):

| | ${thresholds.map((k) => `at <= ${k} bits${k === NEAR_DUPLICATE_DISTANCE ? ' (shipped)' : ''}${k === selected ? ' (selected)' : ''}`).join(' | ')} | median distance |
| --- | ${thresholds.map(() => '---').join(' | ')} | --- |
| pairs of distinct pages matching (upper bound on false matches) | ${thresholds.map((k) => `${reportPairs.within[k]} of ${reportPairs.total}`).join(' | ')} | |
${rows.map((r) => `| constructed copy: ${r.copy} | ${thresholds.map((k) => fmt(r.detected[k]!)).join(' | ')} | ${r.median} |`).join('\n')}

Some pairs of distinct pages are the same story or the same long template text, so the matching pairs are an upper bound on false matches; the closest pairs of each half are in bench/results/duplicates.json, to be read.`;
  writeReport('duplicates', json, md);
  console.log(md);
}

void main();
