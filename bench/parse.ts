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

function copydeskText(bytes: Uint8Array, file: string): string {
  const outcome = parseDocument({ bytes, id: file, source: { path: file } });
  return outcome.ok ? `${outcome.article.title}\n${outcome.article.body.text}` : '';
}

/** Child mode: extract every page with one extractor and print counts, time and peak RSS as JSON. */
function runExtractor(name: Extractor) {
  const cases = Object.values(JSON.parse(readFileSync(EVALDATA, 'utf8')) as Record<string, Case>);
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  let failures = 0;
  let extractMs = 0;
  let peakRss = process.memoryUsage().rss;
  for (const c of cases) {
    const path = join(CORPUS_HTML_DIR, `${c.file}.gz`);
    const bytes = existsSync(path) ? new Uint8Array(gunzipSync(readFileSync(path))) : new Uint8Array();
    const started = process.hrtime.bigint();
    let text = '';
    try {
      text = name === 'copydesk' ? copydeskText(bytes, c.file) : readabilityText(bytes);
    } catch {
      failures++;
    }
    extractMs += Number(process.hrtime.bigint() - started) / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const haystack = normalize(text);
    for (const snippet of c.with) {
      if (haystack.includes(normalize(snippet))) tp++;
      else fn++;
    }
    for (const snippet of c.without) {
      if (haystack.includes(normalize(snippet))) fp++;
      else tn++;
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  process.stdout.write(
    JSON.stringify({
      extractor: name,
      documents: cases.length,
      failures,
      tp,
      fn,
      fp,
      tn,
      precision,
      recall,
      f1: (2 * tp) / (2 * tp + fp + fn),
      pagesPerSecond: cases.length / (extractMs / 1000),
      peakRssMiB: peakRss / 2 ** 20,
    }),
  );
}

function main() {
  const child = process.argv[2] as Extractor | undefined;
  if (child) return runExtractor(child);
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

| extractor | precision | recall | F1 | pages/s | peak RSS | failures |
| --- | --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| ${r.extractor} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${fmt(r.pagesPerSecond, 1)} | ${fmt(r.peakRssMiB, 0)} MiB | ${r.failures} |`,
  )
  .join('\n')}

Targets (issue #3): F1 ≥ 0.93, precision ≥ 0.92, ≥ 3× Readability.js+linkedom's pages/s.`,
  );
  console.log(JSON.stringify(report, null, 2));
}

main();
