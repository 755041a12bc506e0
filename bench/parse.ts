/**
 * `npm run bench:parse`: main-text extraction quality and speed on the trafilatura evaluation set
 * (../shared/corpus/trafilatura-eval), copydesk's parser and Readability.js on linkedom side by side in
 * the same run. Each extractor runs in its own child process, so each one's peak RSS is its own.
 *
 * Metric (the corpus README's): whitespace-normalize the extracted text and every snippet; a `with`
 * snippet found is a true positive, missing a false negative; a `without` snippet found is a false
 * positive. Summed over all documents; a page that fails to parse counts as empty text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { articlesOf } from '../shared/core/article';
import { parseDocument } from '../shared/core/parse';
import { decodeText } from '../shared/core/parse/decode';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { machineDescription, writeReport } from './report';

const EVALDATA = join(CORPUS_HTML_DIR, '..', 'evaldata.json');
const EXTRACTORS = ['copydesk', 'readability'] as const;
type Extractor = (typeof EXTRACTORS)[number];

interface Case {
  file: string;
  with: string[];
  without: string[];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

function readabilityText(bytes: Uint8Array): string {
  const decoded = decodeText(bytes); // the same decoding for both: only extraction is compared
  if (!decoded.ok) return '';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => { document: unknown } };
  const article = new Readability(parseHTML(decoded.text).document as never).parse();
  return article?.textContent ?? '';
}

async function copydeskText(bytes: Uint8Array, file: string): Promise<string> {
  const outcome = await parseDocument({ bytes, id: file, source: { path: file } });
  return articlesOf(outcome)
    .map((a) => `${a.title}\n${a.body.text}`)
    .join('\n');
}

/** Child mode: extract every page with one extractor and print counts, time and peak RSS as JSON. */
interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

const scores = ({ tp, fn, fp }: Counts) => ({
  precision: tp / (tp + fp),
  recall: tp / (tp + fn),
  f1: (2 * tp) / (2 * tp + fp + fn),
});

async function runExtractor(name: Extractor) {
  const cases = Object.values(JSON.parse(readFileSync(EVALDATA, 'utf8')) as Record<string, Case>);
  const total: Counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  // Even-indexed pages were the development half, odd-indexed the check against overfitting.
  const halves: Record<'even' | 'odd', Counts> = {
    even: { tp: 0, fn: 0, fp: 0, tn: 0 },
    odd: { tp: 0, fn: 0, fp: 0, tn: 0 },
  };
  let failures = 0;
  let extractMs = 0;
  let peakRss = process.memoryUsage().rss;
  for (const [index, c] of cases.entries()) {
    const path = join(CORPUS_HTML_DIR, `${c.file}.gz`);
    const bytes = existsSync(path) ? new Uint8Array(gunzipSync(readFileSync(path))) : new Uint8Array();
    const started = process.hrtime.bigint();
    let text = '';
    try {
      text = name === 'copydesk' ? await copydeskText(bytes, c.file) : readabilityText(bytes);
    } catch {
      failures++;
    }
    extractMs += Number(process.hrtime.bigint() - started) / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const haystack = normalize(text);
    const half = halves[index % 2 === 0 ? 'even' : 'odd'];
    const count = (key: keyof Counts) => {
      total[key]++;
      half[key]++;
    };
    for (const snippet of c.with) count(haystack.includes(normalize(snippet)) ? 'tp' : 'fn');
    for (const snippet of c.without) count(haystack.includes(normalize(snippet)) ? 'fp' : 'tn');
  }
  process.stdout.write(
    JSON.stringify({
      extractor: name,
      documents: cases.length,
      failures,
      ...total,
      ...scores(total),
      f1Even: scores(halves.even).f1,
      f1Odd: scores(halves.odd).f1,
      pagesPerSecond: cases.length / (extractMs / 1000),
      peakRssMiB: peakRss / 2 ** 20,
    }),
  );
}

function main() {
  const child = process.argv[2] as Extractor | undefined;
  if (child) {
    runExtractor(child).catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
    return;
  }
  if (!existsSync(EVALDATA)) {
    console.error('bench:parse skipped: ../shared/corpus/trafilatura-eval is not beside this checkout');
    return;
  }
  const results = EXTRACTORS.map((name) => {
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, name], {
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    });
    if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as Record<string, number | string>;
  });
  const report = {
    benchmark: 'parse',
    date: new Date().toISOString(),
    machine: machineDescription(),
    results,
  };
  const fmt = (n: unknown, digits = 3) => (typeof n === 'number' ? n.toFixed(digits) : String(n));
  writeReport(
    'parse',
    report,
    `## Main-text extraction (trafilatura evaluation set, ${results[0]!.documents} pages)

Command: \`npm run bench:parse\` · ${report.date.slice(0, 10)} · ${report.machine} · one core per extractor

| extractor | precision | recall | F1 | F1 even / odd half | pages/s | peak RSS | failures |
| --- | --- | --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| ${r.extractor} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${fmt(r.f1Even)} / ${fmt(r.f1Odd)} | ${fmt(r.pagesPerSecond, 1)} | ${fmt(r.peakRssMiB, 0)} MiB | ${r.failures} |`,
  )
  .join('\n')}

Targets (issue #3): F1 ≥ 0.93, precision ≥ 0.92, ≥ 3× Readability.js+linkedom's pages/s. copydesk's
extractor was developed on the even-indexed pages; the odd half is the check that it did not overfit.
Pages/s is parse time only (decoding, detection and extraction; for copydesk also metadata, renditions
and word counts), summed per page on one core.`,
  );
  console.log(JSON.stringify(report, null, 2));
}

main();
