/**
 * Trains the copied-text line model (shared/core/parse/text/line-model.json) on the even half of the
 * trafilatura evaluation set (../shared/corpus/trafilatura-eval), the half bench/text-dump.ts develops on.
 *
 *   npx tsx scripts/train-text-lines.ts [--rounds 150] [--second-rounds 100] [--depth 5] [--gold-weight 6]
 *
 * Each page is turned into select-all + copy text (bench/inner-text.ts) and cut into lines as parseTextDump
 * does. A line's label is the corpus's gold where a `with` or `without` snippet touches it, and otherwise the
 * HTML extractor's decision on the same page (is the line one of its paragraphs?): the markup it reads says
 * which lines are the article, so every line of the dump gets a label. Only derived numbers ship.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { innerText } from '../bench/inner-text';
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
import type { LineModel } from '../shared/core/parse/text/line-model';
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
    const page: Page = { rows: lineFeatures(lines, region, sandwiched(lines)), labels: [], weights: [] };
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
  const model: LineModel = { first, second };
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  console.log(
    `wrote ${OUT.slice(OUT.indexOf('shared'))}: ${first.trees.length} + ${second.trees.length} trees`,
  );
}

main();
