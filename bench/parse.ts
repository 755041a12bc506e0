/**
 * `npm run bench:parse`: main-text extraction quality and speed on the trafilatura evaluation set
 * (../shared/corpus/trafilatura-eval), copydesk's parser and Readability.js on linkedom side by side.
 * Each extractor runs in its own child process that imports only that extractor, so each one's peak RSS
 * is its own; the children alternate over several rounds (BENCH_PARSE_RUNS, default 3) and the report
 * gives the median and range, because a single sample of a shared machine's RSS or speed is noise.
 *
 * Metric (the corpus README's): whitespace-normalize the extracted text and every snippet; a `with`
 * snippet found is a true positive, missing a false negative; a `without` snippet found is a false
 * positive. Summed over all documents; a page that fails to parse counts as empty text.
 *
 * Heavy pages: the evaluated pages whose decompressed size is at or above the set's 75th percentile.
 * Their speed is summed from the same per-page times as the whole set, so both extractors are timed on
 * the same pages, parse time only, after the same warm-up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { machineDescription, percentile, writeReport } from './report';

const EVALDATA = join(CORPUS_HTML_DIR, '..', 'evaldata.json');
const EXTRACTORS = ['copydesk', 'readability'] as const;
type Extractor = (typeof EXTRACTORS)[number];
const RUNS = Math.max(1, Number(process.env['BENCH_PARSE_RUNS'] ?? 3));
const HEAVY_PERCENTILE = 75;

interface Case {
  file: string;
  with: string[];
  without: string[];
}

type Extract = (bytes: Uint8Array, file: string) => Promise<string>;

/**
 * Loads only the extractor being measured: the other one's modules would weigh on this child's RSS. Plain
 * require() behind the switch, as in cli/main.ts: a dynamic import() of a relative path needs extensions here.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
function loadExtractor(name: Extractor): Extract {
  if (name === 'copydesk') {
    const { parseDocument } = require('../shared/core/parse') as typeof import('../shared/core/parse');
    const { articlesOf } = require('../shared/core/article') as typeof import('../shared/core/article');
    return async (bytes, file) => {
      const outcome = await parseDocument({ bytes, id: file, source: { path: file } });
      return articlesOf(outcome)
        .map((a) => `${a.title}\n${a.body.text}`)
        .join('\n');
    };
  }
  const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
  const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => { document: unknown } };
  const { decodeText } =
    require('../shared/core/parse/decode') as typeof import('../shared/core/parse/decode');
  return async (bytes) => {
    const decoded = decodeText(bytes); // the same decoding for both: only extraction is compared
    if (!decoded.ok) return '';
    const article = new Readability(parseHTML(decoded.text).document as never).parse();
    return article?.textContent ?? '';
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}
const zero = (): Counts => ({ tp: 0, fn: 0, fp: 0, tn: 0 });

const scores = ({ tp, fn, fp }: Counts) => ({
  precision: tp / (tp + fp),
  recall: tp / (tp + fn),
  f1: (2 * tp) / (2 * tp + fp + fn),
});

interface Slice {
  pages: number;
  bytes: number;
  ms: number;
}
const rates = (s: Slice) => ({
  pagesPerSecond: s.pages / (s.ms / 1000),
  megabytesPerSecond: s.bytes / 1e6 / (s.ms / 1000),
});

interface ChildResult {
  extractor: Extractor;
  documents: number;
  failures: number;
  precision: number;
  recall: number;
  f1: number;
  f1Even: number;
  f1Odd: number;
  pagesPerSecond: number;
  megabytesPerSecond: number;
  heavy: {
    pages: number;
    minBytes: number;
    meanBytes: number;
    f1: number;
    precision: number;
    recall: number;
  } & ReturnType<typeof rates>;
  peakRssMiB: number;
}

/** Child mode: extract every page with one extractor and print counts, times and peak RSS as JSON. */
async function runExtractor(name: Extractor): Promise<ChildResult> {
  const extract = loadExtractor(name);
  const cases = Object.values(JSON.parse(readFileSync(EVALDATA, 'utf8')) as Record<string, Case>);
  const pageBytes = (c: Case): Uint8Array => {
    const path = join(CORPUS_HTML_DIR, `${c.file}.gz`);
    return existsSync(path) ? new Uint8Array(gunzipSync(readFileSync(path))) : new Uint8Array();
  };
  // Sizes first, pages read one at a time after: holding all 990 pages would count toward peak RSS.
  const heavyMin = percentile(
    cases.map((c) => pageBytes(c).length).sort((a, b) => a - b),
    HEAVY_PERCENTILE,
  );
  // Lazily built parts (tinyld's model, Readability's and linkedom's first use) are start-up, not parsing:
  // one untimed page first.
  await extract(cases[0] ? pageBytes(cases[0]) : new Uint8Array(), 'warm-up').catch(() => '');
  const total = zero();
  const heavyCounts = zero();
  // Even-indexed pages were the development half, odd-indexed the check against overfitting.
  const halves = { even: zero(), odd: zero() };
  const all: Slice = { pages: 0, bytes: 0, ms: 0 };
  const heavy: Slice = { pages: 0, bytes: 0, ms: 0 };
  let failures = 0;
  for (const [index, c] of cases.entries()) {
    const bytes = pageBytes(c);
    const isHeavy = bytes.length >= heavyMin;
    const started = process.hrtime.bigint();
    let text = '';
    try {
      text = await extract(bytes, c.file);
    } catch {
      failures++;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    for (const s of isHeavy ? [all, heavy] : [all]) {
      s.pages++;
      s.bytes += bytes.length;
      s.ms += ms;
    }
    const haystack = normalize(text);
    const tallies = [total, halves[index % 2 === 0 ? 'even' : 'odd'], ...(isHeavy ? [heavyCounts] : [])];
    const count = (key: keyof Counts) => tallies.forEach((t) => t[key]++);
    for (const snippet of c.with) count(haystack.includes(normalize(snippet)) ? 'tp' : 'fn');
    for (const snippet of c.without) count(haystack.includes(normalize(snippet)) ? 'fp' : 'tn');
  }
  return {
    extractor: name,
    documents: cases.length,
    failures,
    ...scores(total),
    f1Even: scores(halves.even).f1,
    f1Odd: scores(halves.odd).f1,
    ...rates(all),
    heavy: {
      pages: heavy.pages,
      minBytes: heavyMin,
      meanBytes: heavy.bytes / heavy.pages,
      ...scores(heavyCounts),
      ...rates(heavy),
    },
    // The kernel's high-water mark for this process, not a sample between pages.
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const spread = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

function runChild(name: Extractor): ChildResult {
  const run = spawnSync(process.execPath, [...process.execArgv, __filename, name], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

function main() {
  const child = process.argv[2] as Extractor | undefined;
  if (child) {
    runExtractor(child)
      .then((r) => process.stdout.write(JSON.stringify(r)))
      .catch((err: unknown) => {
        console.error(err);
        process.exitCode = 1;
      });
    return;
  }
  if (!existsSync(EVALDATA)) {
    console.error('bench:parse skipped: ../shared/corpus/trafilatura-eval is not beside this checkout');
    return;
  }
  // Rounds alternate the extractors, so a burst of load from elsewhere falls on both rather than one.
  const rounds: Record<Extractor, ChildResult>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const round = Object.fromEntries(EXTRACTORS.map((name) => [name, runChild(name)])) as Record<
      Extractor,
      ChildResult
    >;
    rounds.push(round);
    console.error(
      `round ${i + 1}/${RUNS}: ${EXTRACTORS.map((n) => `${n} ${round[n].pagesPerSecond.toFixed(1)} pages/s (heavy ${round[n].heavy.pagesPerSecond.toFixed(1)})`).join(', ')}`,
    );
  }
  const results = EXTRACTORS.map((name) => {
    const runs = rounds.map((r) => r[name]);
    const { pagesPerSecond: _p, megabytesPerSecond: _m, peakRssMiB: _r, heavy, ...quality } = runs[0]!;
    return {
      ...quality,
      pagesPerSecond: spread(runs.map((r) => r.pagesPerSecond)),
      megabytesPerSecond: spread(runs.map((r) => r.megabytesPerSecond)),
      peakRssMiB: spread(runs.map((r) => r.peakRssMiB)),
      heavy: {
        pages: heavy.pages,
        minBytes: heavy.minBytes,
        meanBytes: heavy.meanBytes,
        precision: heavy.precision,
        recall: heavy.recall,
        f1: heavy.f1,
        pagesPerSecond: spread(runs.map((r) => r.heavy.pagesPerSecond)),
        megabytesPerSecond: spread(runs.map((r) => r.heavy.megabytesPerSecond)),
      },
    };
  });
  // Each round's two extractors ran back to back on the same pages: their ratio is the fair comparison.
  const ratio = (pick: (r: ChildResult) => number) =>
    spread(rounds.map((r) => pick(r.copydesk) / pick(r.readability)));
  const speedup = { all: ratio((r) => r.pagesPerSecond), heavy: ratio((r) => r.heavy.pagesPerSecond) };
  const report = {
    benchmark: 'parse',
    date: new Date().toISOString(),
    machine: machineDescription(),
    runs: RUNS,
    results,
    speedupOverReadability: speedup,
    rounds,
  };
  const fmt = (n: number, digits = 3) => n.toFixed(digits);
  const range = (s: { median: number; min: number; max: number }, digits = 1, unit = '') =>
    `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
  const [first] = results;
  const heavy = first!.heavy;
  writeReport(
    'parse',
    report,
    `## Main-text extraction (trafilatura evaluation set, ${first!.documents} pages)

Command: \`npm run bench:parse\` · ${report.date.slice(0, 10)} · ${report.machine} · one core per extractor ·
${RUNS} alternating runs per extractor, median (range)

| extractor | precision | recall | F1 | F1 even / odd half | pages/s | MB/s | peak RSS (MiB) | failures |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| ${r.extractor} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${fmt(r.f1Even)} / ${fmt(r.f1Odd)} | ${range(r.pagesPerSecond)} | ${range(r.megabytesPerSecond, 2)} | ${range(r.peakRssMiB, 0)} | ${r.failures} |`,
  )
  .join('\n')}

Heavy pages: the ${heavy.pages} pages at or above the 75th percentile of decompressed size
(≥ ${fmt(heavy.minBytes / 1024, 0)} KiB, mean ${fmt(heavy.meanBytes / 1024, 0)} KiB), timed within the same runs.

| extractor | precision | recall | F1 | pages/s | MB/s |
| --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| ${r.extractor} | ${fmt(r.heavy.precision)} | ${fmt(r.heavy.recall)} | ${fmt(r.heavy.f1)} | ${range(r.heavy.pagesPerSecond)} | ${range(r.heavy.megabytesPerSecond, 2)} |`,
  )
  .join('\n')}

copydesk ÷ Readability.js pages/s, per run: ${range(speedup.all, 2, '×')} on all pages, ${range(speedup.heavy, 2, '×')}
on the heavy pages.

Targets (issues #3, #10): F1 ≥ 0.93, precision ≥ 0.92, ≥ 3× Readability.js+linkedom's pages/s, on the
heavy pages too. copydesk's extractor was developed on the even-indexed pages; the odd half is the check
that it did not overfit. Pages/s is parse time only (decoding, detection and extraction; for copydesk also
metadata, renditions and word counts), summed per page on one core, start-up excluded. Peak RSS is each
child's high-water mark, start-up included; the child loads only the extractor it measures.`,
  );
  console.log(JSON.stringify({ ...report, rounds: undefined }, null, 2));
}

main();
