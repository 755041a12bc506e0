/**
 * `npx tsx bench/text-dump.ts`: how well copydesk reads copied-text dumps (issue #3). Each page of the
 * trafilatura evaluation set (../shared/corpus/trafilatura-eval) is turned into what select-all + copy in a
 * browser gives (bench/inner-text.ts), parsed with parseTextDump, and its title + subtitle + body scored against the
 * page's gold snippets with the corpus metric (see bench/parse.ts). Two naive baselines run in the same pass
 * so the numbers mean something. Pages are split in two halves (even-indexed: the development half; odd: the
 * monitored half, scored on every run as the check that a change generalises but never read page by page) and
 * each half is reported on its own.
 *
 * Options: `--dump-dir DIR` writes every dump there (for reading, never into the project); `--worst N` prints
 * the N pages of the even half (`--half odd|all` for the others) where the parser loses the most snippets;
 * `--only FILE` scores one page and prints its output.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeText } from '../shared/core/parse/decode';
import { parseTextDump } from '../shared/core/parse/text-dump';
import type { LineScorer } from '../shared/core/parse/text/line-model';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { innerText } from './inner-text';
import { machineDescription, RESULTS_DIR, writeReport } from './report';

const EVALDATA = join(CORPUS_HTML_DIR, '..', 'evaldata.json');

interface Case {
  file: string;
  with: string[];
  without: string[];
}

interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  ms: number;
  pages: number;
  failures: number;
}

const METHODS = ['copydesk', 'keep-everything', 'long-lines'] as const;
type Method = (typeof METHODS)[number];
const HALVES = ['all', 'even', 'odd'] as const;

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Baseline: the lines of at least this many characters, the way a naive "keep the prose" filter works. */
const LONG_LINE = 80;

function extract(method: Method, dump: string, scoreLines?: LineScorer): string {
  if (method === 'keep-everything') return dump;
  if (method === 'long-lines')
    return dump
      .split('\n')
      .filter((l) => l.trim().length >= LONG_LINE)
      .join('\n');
  const x = parseTextDump(dump, scoreLines);
  // The standfirst is article text too; the parser only moves it out of the body into `subtitle`.
  return [x.title, x.subtitle ?? '', ...x.paragraphs].join('\n\n');
}

const empty = (): Counts => ({ tp: 0, fn: 0, fp: 0, tn: 0, ms: 0, pages: 0, failures: 0 });

function score(text: string, c: Case, into: Counts[]): { lostWith: number; foundWithout: number } {
  const haystack = normalize(text);
  let lostWith = 0;
  let foundWithout = 0;
  for (const s of c.with) if (!haystack.includes(normalize(s))) lostWith++;
  for (const s of c.without) if (haystack.includes(normalize(s))) foundWithout++;
  for (const k of into) {
    k.tp += c.with.length - lostWith;
    k.fn += lostWith;
    k.fp += foundWithout;
    k.tn += c.without.length - foundWithout;
    k.pages++;
  }
  return { lostWith, foundWithout };
}

function summary(k: Counts) {
  const precision = k.tp / (k.tp + k.fp);
  const recall = k.tp / (k.tp + k.fn);
  return {
    pages: k.pages,
    failures: k.failures,
    tp: k.tp,
    fn: k.fn,
    fp: k.fp,
    tn: k.tn,
    precision,
    recall,
    f1: (2 * k.tp) / (2 * k.tp + k.fp + k.fn),
    pagesPerSecond: k.pages / (k.ms / 1000),
  };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * Every page scored by every method (or only the page `only`, printed; or only the pages `pick` keeps); undefined
 * when the corpus is not beside this checkout. Exported so other parser benches can show in the same run that
 * the dump figures hold, and so scripts/train-text-lines.ts can score a cross-validated model (`scoreLines`).
 */
export function measureDumps(
  opts: { dumpDir?: string; only?: string; pick?: (index: number) => boolean; scoreLines?: LineScorer } = {},
) {
  if (!existsSync(EVALDATA)) return undefined;
  const { dumpDir, only, pick, scoreLines } = opts;
  if (dumpDir) mkdirSync(dumpDir, { recursive: true });

  const cases = Object.values(JSON.parse(readFileSync(EVALDATA, 'utf8')) as Record<string, Case>);
  const counts = new Map<string, Counts>();
  for (const m of METHODS) for (const h of HALVES) counts.set(`${m}/${h}`, empty());
  const losses: Array<{ file: string; index: number; lostWith: number; foundWithout: number }> = [];
  let dumpMs = 0;

  cases.forEach((c, index) => {
    if ((only && c.file !== only) || (pick && !pick(index))) return;
    const path = join(CORPUS_HTML_DIR, `${c.file}.gz`);
    const bytes = existsSync(path) ? new Uint8Array(gunzipSync(readFileSync(path))) : new Uint8Array();
    const decoded = decodeText(bytes);
    const started = process.hrtime.bigint();
    const dump = decoded.ok ? innerText(decoded.text) : '';
    dumpMs += Number(process.hrtime.bigint() - started) / 1e6;
    if (dumpDir) writeFileSync(join(dumpDir, `${String(index).padStart(3, '0')}_${c.file}.txt`), dump);
    const half = index % 2 === 0 ? 'even' : 'odd';
    for (const m of METHODS) {
      const into = [counts.get(`${m}/all`)!, counts.get(`${m}/${half}`)!];
      const t0 = process.hrtime.bigint();
      let text = '';
      try {
        text = extract(m, dump, scoreLines);
      } catch (err) {
        for (const k of into) k.failures++;
        if (only) console.error(err);
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      for (const k of into) k.ms += ms;
      const r = score(text, c, into);
      if (m === 'copydesk') {
        losses.push({ file: c.file, index, ...r });
        if (only) {
          console.log(text);
          console.log('---');
          for (const s of c.with) console.log(normalize(text).includes(normalize(s)) ? 'TP' : 'FN', s);
          for (const s of c.without) console.log(normalize(text).includes(normalize(s)) ? 'FP' : 'TN', s);
        }
      }
    }
  });
  const results = METHODS.flatMap((method) =>
    HALVES.map((half) => ({ method, half, ...summary(counts.get(`${method}/${half}`)!) })),
  );
  return { pages: cases.length, dumpMs, losses, results };
}

/** The last `npx tsx scripts/train-text-lines.ts --folds K` figure, if one was taken. */
function crossValidated() {
  const path = join(RESULTS_DIR, 'text-lines-cv.json');
  if (!existsSync(path)) return undefined;
  const cv = JSON.parse(readFileSync(path, 'utf8')) as {
    command: string;
    date: string;
    commit: string;
    folds: number;
    pages: number;
    precision: number;
    recall: number;
    f1: number;
  };
  const fmt = (n: number) => n.toFixed(3);
  return {
    figure: { f1: cv.f1, folds: cv.folds, date: cv.date, commit: cv.commit },
    row: `| copydesk: even half, cross-validated (model trained without the scored pages) | ${cv.pages} | ${fmt(cv.precision)} | ${fmt(cv.recall)} | ${fmt(cv.f1)} | |`,
    note: `The cross-validated row is \`${cv.command}\` (${cv.date.slice(0, 10)}, commit ${cv.commit}):\nthe even half in ${cv.folds} folds, each scored with a model trained on the other folds, counts pooled.`,
  };
}

function main() {
  const worstN = Number(option('--worst') ?? 0);
  const worstHalf = option('--half') ?? 'even';
  const only = option('--only');
  const measured = measureDumps({ dumpDir: option('--dump-dir'), only });
  if (!measured) {
    console.error('bench text-dump skipped: ../shared/corpus/trafilatura-eval is not beside this checkout');
    return;
  }
  if (only) return;
  const { pages, dumpMs, losses, results } = measured;
  const cv = crossValidated();
  const report = {
    benchmark: 'text-dump',
    date: new Date().toISOString(),
    machine: machineDescription(),
    dumpsPerSecond: pages / (dumpMs / 1000),
    results,
    ...(cv ? { crossValidated: cv.figure } : {}),
  };
  const fmt = (n: number, digits = 3) => n.toFixed(digits);
  writeReport(
    'text-dump',
    report,
    `## Copied-text dumps (trafilatura evaluation set turned into select-all + copy text, ${pages} pages)

Command: \`npx tsx bench/text-dump.ts\` · ${report.date.slice(0, 10)} · ${report.machine} · one core.
Even-indexed pages are the development half, odd-indexed pages the monitored half. The line model
(shared/core/parse/text/line-model.json, \`npm run train:text-lines\`) is trained on the even half only, so the
odd half is the check that it generalises. Baselines: the whole dump, and only its lines of ≥ ${LONG_LINE} characters.
${cv ? `The even half's own row is read on the pages whose gold trained the model.\n${cv.note}\n` : ''}
| method | pages | precision | recall | F1 | pages/s |
| --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| ${r.method} (${r.half}) | ${r.pages} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${fmt(r.pagesPerSecond, 0)} |`,
  )
  .flatMap((row, i) =>
    cv && results[i]!.method === 'copydesk' && results[i]!.half === 'even' ? [row, cv.row] : [row],
  )
  .join('\n')}`,
  );
  if (worstN > 0) {
    losses.sort((a, b) => b.lostWith + b.foundWithout - (a.lostWith + a.foundWithout));
    const inHalf = (i: number) => worstHalf === 'all' || (i % 2 === 0) === (worstHalf === 'even');
    for (const l of losses.filter((x) => inHalf(x.index)).slice(0, worstN))
      console.error(
        `${String(l.index).padStart(3, '0')} ${l.file}: -${l.lostWith} with, +${l.foundWithout} without`,
      );
  }
  console.log(
    results
      .map(
        (r) =>
          `${r.method.padEnd(16)} ${r.half.padEnd(4)} P ${fmt(r.precision)} R ${fmt(r.recall)} F1 ${fmt(r.f1)} ${fmt(r.pagesPerSecond, 0)} pages/s`,
      )
      .join('\n'),
  );
  if (cv)
    console.log(
      `copydesk even half, cross-validated: F1 ${fmt(cv.figure.f1)} (${cv.figure.date.slice(0, 10)}, ${cv.figure.commit})`,
    );
}

if (require.main === module) main();
