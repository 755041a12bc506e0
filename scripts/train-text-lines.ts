/**
 * Trains the copied-text line model (shared/core/parse/text/line-model.json) on the even half of the
 * trafilatura evaluation set (../shared/corpus/trafilatura-eval), the half bench/text-dump.ts develops on.
 *
 *   npx tsx scripts/train-text-lines.ts [--rounds 150] [--second-rounds 100] [--depth 5] [--gold-weight 6] [--folds K]
 *
 * Each page is turned into select-all + copy text (bench/inner-text.ts) and cut into lines as parseTextDump
 * does. A line's label is the corpus's gold where a `with` or `without` snippet touches it, and otherwise the
 * HTML extractor's decision on the same page (is the line one of its paragraphs?): the markup it reads says
 * which lines are the article, so every line of the dump gets a label. Only derived numbers ship.
 *
 * The even half's F1 in bench/text-dump.ts is read on the pages whose gold trained the model. `--folds K` writes
 * no model: it splits the even half's pages into K folds, trains on K-1 of them as above and scores the held-out
 * fold's dumps with bench/text-dump.ts's measure, and writes the F1 pooled over the folds into
 * bench/results/text-lines-cv.json, which bench/text-dump.ts shows beside the even and odd halves.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { innerText } from '../bench/inner-text';
import { RESULTS_DIR } from '../bench/report';
import { measureDumps } from '../bench/text-dump';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { decodeText } from '../shared/core/parse/decode';
import { parseHtml } from '../shared/core/parse/html';
import { classifyLines, type ClassifiedLine } from '../shared/core/parse/text/classify';
import {
  FEATURE_NAMES,
  lineFeatures,
  scoreContext,
  SECOND_STAGE_FEATURES,
} from '../shared/core/parse/text/line-features';
import { lineScorer, type LineModel } from '../shared/core/parse/text/line-model';
import { dumpLines } from '../shared/core/parse/text/lines';
import { articleRegion, sandwiched } from '../shared/core/parse/text/region';
import { compileTrees, treeScore } from '../shared/core/parse/text/trees';
import { trainBoostedTrees } from './boosted-trees';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '150' },
    depth: { type: 'string', default: '5' },
    'learning-rate': { type: 'string', default: '0.1' },
    'second-rounds': { type: 'string', default: '100' },
    'gold-weight': { type: 'string', default: '6' },
    folds: { type: 'string' },
  },
});

const EVALDATA = join(CORPUS_HTML_DIR, '..', 'evaldata.json');
const OUT = join(__dirname, '..', 'shared', 'core', 'parse', 'text', 'line-model.json');
/** Shorter lines are labelled by the HTML extractor only when they are a whole paragraph of it, not a word in one. */
const SHORT_LINE = 40;
/** Lines the gold speaks for count this many times more than lines labelled by the HTML extractor. */
const GOLD_WEIGHT = Number(values['gold-weight']);

interface Case {
  file: string;
  with: string[];
  without: string[];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The gold's say on a line: a snippet inside it, or it inside a snippet. Undefined when silent or torn. */
function goldLabel(line: string, c: Case): number | undefined {
  const touches = (s: string) => {
    const n = normalize(s);
    return n.length > 0 && (line.includes(n) || (line.length >= 20 && n.includes(line)));
  };
  const inside = c.with.some(touches);
  const outside = c.without.some(touches);
  if (inside === outside) return undefined;
  return inside ? 1 : 0;
}

function htmlLabels(html: string): (line: string) => number {
  const x = parseHtml(html);
  const parts = [x.title, x.subtitle ?? '', ...x.paragraphs].map(normalize).filter(Boolean);
  const whole = new Set(parts);
  const text = parts.join('\n');
  return (line) => +(line.length >= SHORT_LINE ? text.includes(line) : whole.has(line));
}

interface Page {
  /** Index of the page in the evaluation set, as bench/text-dump.ts numbers it. */
  index: number;
  rows: number[][];
  labels: number[];
  weights: number[];
}

const flat = <T>(pages: readonly Page[], pick: (p: Page) => T[]): T[] => pages.flatMap(pick);

function train(features: readonly string[], pages: readonly Page[], rounds: number) {
  return trainBoostedTrees(
    features,
    flat(pages, (p) => p.rows),
    flat(pages, (p) => p.labels),
    flat(pages, (p) => p.weights),
    {
      depth: Number(values.depth),
      rounds,
      learningRate: Number(values['learning-rate']),
      lambda: 1,
      minChildWeight: 5,
    },
  );
}

function trainModel(pages: readonly Page[]): LineModel {
  const rounds = Number(values.rounds);
  const first = train(FEATURE_NAMES, pages, rounds);
  // The second stage learns from first-stage scores of pages the first stage did not see, as in use.
  const folds = [0, 1].map((f) => pages.filter((_, i) => i % 2 === f));
  const unseen = folds.map((_, f) => compileTrees(train(FEATURE_NAMES, folds[1 - f]!, rounds)));
  const second = train(
    SECOND_STAGE_FEATURES,
    folds.flatMap((fold, f) =>
      fold.map((p) => {
        const context = scoreContext(p.rows.map((row) => treeScore(unseen[f]!, row)));
        return { ...p, rows: p.rows.map((row, i) => [...row, ...context[i]!]) };
      }),
    ),
    Number(values['second-rounds']),
  );
  return { first, second };
}

/** The commit the figure was taken at, marked when the files that make it differ from that commit. */
function commitDescription(): string {
  const root = join(__dirname, '..');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    const paths = ['shared', 'scripts/train-text-lines.ts', 'scripts/boosted-trees.ts', 'bench'];
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', ...paths);
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (modified)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Even-half page `index` falls in fold `(index / 2) % k`: neighbouring pages of the set go to different folds. */
function crossValidate(pages: readonly Page[], k: number) {
  const foldOf = (index: number) => (index / 2) % k;
  const counts = { tp: 0, fn: 0, fp: 0, tn: 0, pages: 0 };
  const perFold = [];
  for (let f = 0; f < k; f++) {
    const model = trainModel(pages.filter((p) => foldOf(p.index) !== f));
    const measured = measureDumps({
      pick: (index) => index % 2 === 0 && foldOf(index) === f,
      scoreLines: lineScorer(model),
    });
    const r = measured!.results.find((x) => x.method === 'copydesk' && x.half === 'even')!;
    for (const key of ['tp', 'fn', 'fp', 'tn', 'pages'] as const) counts[key] += r[key];
    perFold.push({ fold: f, pages: r.pages, f1: r.f1 });
    console.log(`fold ${f + 1}/${k}: ${r.pages} held-out pages, F1 ${r.f1.toFixed(3)}`);
  }
  const report = {
    benchmark: 'text-lines-cv',
    command: `npx tsx scripts/train-text-lines.ts --folds ${k}`,
    date: new Date().toISOString(),
    commit: commitDescription(),
    folds: k,
    options: values,
    ...counts,
    precision: counts.tp / (counts.tp + counts.fp),
    recall: counts.tp / (counts.tp + counts.fn),
    f1: (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn),
    perFold,
  };
  writeFileSync(join(RESULTS_DIR, 'text-lines-cv.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `even half, ${k}-fold cross-validated: F1 ${report.f1.toFixed(3)} -> bench/results/text-lines-cv.json`,
  );
}

function main() {
  if (!existsSync(EVALDATA)) {
    console.error('trafilatura-eval not found beside the project (../shared/corpus); nothing to train on.');
    process.exit(1);
  }
  const cases = Object.values(JSON.parse(readFileSync(EVALDATA, 'utf8')) as Record<string, Case>);
  const pages: Page[] = [];
  cases.forEach((c, index) => {
    if (index % 2 !== 0) return;
    const path = join(CORPUS_HTML_DIR, `${c.file}.gz`);
    if (!existsSync(path)) return;
    const decoded = decodeText(new Uint8Array(gunzipSync(readFileSync(path))));
    if (!decoded.ok) return;
    const lines: ClassifiedLine[] = classifyLines(dumpLines(innerText(decoded.text)));
    const region = articleRegion(lines);
    const page: Page = {
      index,
      rows: lineFeatures(lines, region, sandwiched(lines)),
      labels: [],
      weights: [],
    };
    const fromHtml = htmlLabels(decoded.text);
    for (const l of lines) {
      const text = normalize(l.text);
      const gold = goldLabel(text, c);
      page.labels.push(gold ?? fromHtml(text));
      page.weights.push(gold === undefined ? 1 : GOLD_WEIGHT);
    }
    pages.push(page);
  });
  const lines = pages.reduce((n, p) => n + p.rows.length, 0);
  const positives = pages.reduce((n, p) => n + p.labels.filter((y) => y === 1).length, 0);
  console.log(
    `${lines} lines from ${pages.length} pages of the even half, ${positives} labelled article text`,
  );

  if (values.folds !== undefined) {
    const k = Number(values.folds);
    if (!Number.isInteger(k) || k < 2)
      throw new Error(`--folds needs a whole number of at least 2, not ${values.folds}`);
    crossValidate(pages, k);
    return;
  }
  const model = trainModel(pages);
  const { first, second } = model;
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  console.log(
    `wrote ${OUT.slice(OUT.indexOf('shared'))}: ${first.trees.length} + ${second.trees.length} trees`,
  );
}

main();
