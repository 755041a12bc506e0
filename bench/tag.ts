/**
 * `npm run bench:tag`: entity tagging as a user gets it from `copydesk tag`, on CoNLL-2003, with the corpus
 * README's document-level metric; copydesk and compromise side by side.
 *
 * - Development figure: eng.testa (216 documents). It has been read to find misses, so it flatters.
 * - Held-out figure: k-fold cross-validation on eng.train, the model retrained on the other folds each time
 *   (bench/tag/train.ts, the trainer of the shipped model) and each fold's stories tagged by the CLI path.
 *
 * Each engine runs in child processes of its own that import only that engine, several runs each, so peak RSS
 * and throughput are that engine's alone; medians and ranges are reported. Writes bench/results/tag.json and the
 * tag section of BENCHMARKS.md.
 *
 * Options: `--passes N` timed passes over the documents after one cold pass (default 3); `--runs N` child
 * processes per engine (default 3); `--folds K` cross-validation folds, 0 to skip (default 5); `--show N` prints
 * copydesk's misses and false alarms on the first N testa documents.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription, writeReport } from './report';
import {
  conllAvailable,
  documentText,
  goldSpans,
  pairSet,
  readConll,
  score,
  type ConllDocument,
  type NamedSpan,
  type Score,
} from './tag/conll';

const ENGINES = ['copydesk', 'compromise'] as const;
type Engine = (typeof ENGINES)[number];

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    'cross-validate': { type: 'string' },
    passes: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
    folds: { type: 'string', default: '5' },
    show: { type: 'string', default: '0' },
  },
});

const MODEL_PATH = join(__dirname, '..', 'shared', 'core', 'tag', 'ner', 'model.json');

interface EngineRun {
  engine: Engine;
  documents: number;
  typed: Score;
  untyped: Score;
  /** Documents per second over the timed passes (after the cold pass). */
  docsPerSecond: number;
  /** copydesk only: the tagger alone on articles parsed beforehand, so the parse step's share can be told apart. */
  tagOnlyDocsPerSecond?: number;
  /** Importing the engine and tagging one short story: module and model loading. */
  loadMs: number;
  /** The first pass over the documents, JIT warm-up included. */
  coldPassMs: number;
  peakRssMiB: number;
}

/** Finds the names in a batch of stories (each given as its lines); what an engine is, to this bench. */
type Tagger = (texts: readonly string[]) => Promise<NamedSpan[][]>;

/** copydesk through the CLI's `tag --jsonl` code, on `{title, body}` JSON files. */
async function copydeskTagger(): Promise<Tagger> {
  const { CliStories } = await import('./tag/cli-path.js');
  const written = new Map<readonly string[], InstanceType<typeof CliStories>>();
  process.on('exit', () => written.forEach((s) => s.remove()));
  return (texts) => {
    let stories = written.get(texts);
    if (!stories) {
      stories = new CliStories(texts);
      written.set(texts, stories);
    }
    return stories.tag();
  };
}

/**
 * compromise's people, organizations and places, each as its terms' own text joined by spaces: no quotes,
 * commas or possessive endings. Of the ways to read its matches this scores it highest, so the comparison is
 * with compromise at its best.
 */
async function compromiseTagger(): Promise<Tagger> {
  const nlp = (await import('compromise')).default;
  const spansOf = (text: string): NamedSpan[] => {
    const doc = nlp(text);
    const read = (view: { json: (o: object) => unknown }, type: NamedSpan['type']): NamedSpan[] =>
      (view.json({ terms: { text: true } }) as Array<{ terms: Array<{ text: string }> }>).map((m) => ({
        type,
        text: m.terms.map((t) => t.text).join(' '),
      }));
    return [...read(doc.people(), 'PER'), ...read(doc.organizations(), 'ORG'), ...read(doc.places(), 'LOC')];
  };
  return (texts) => Promise.resolve(texts.map(spansOf));
}

const goldOf = (d: ConllDocument): NamedSpan[] => d.sentences.flatMap(goldSpans);

function scoreAll(gold: NamedSpan[][], found: NamedSpan[][], typed: boolean): Score {
  return score(gold.map((g, i) => ({ gold: pairSet(g, typed), found: pairSet(found[i]!, typed) })));
}

/** Documents per second of tagArticle alone, over the same stories parsed once beforehand. */
async function tagOnlyThroughput(texts: readonly string[], passes: number): Promise<number> {
  const { parseDocument } = await import('../shared/core/parse/index.js');
  const { articlesOf } = await import('../shared/core/article.js');
  const { tagArticle } = await import('../shared/core/tag/index.js');
  const { storyJson } = await import('./tag/cli-path.js');
  const articles = [];
  for (const [i, text] of texts.entries()) {
    const parsed = await parseDocument({ bytes: Buffer.from(storyJson(text)), id: `story-${i}`, source: {} });
    articles.push(...articlesOf(parsed));
  }
  for (const a of articles) tagArticle(a);
  const start = performance.now();
  for (let p = 0; p < passes; p++) for (const a of articles) tagArticle(a);
  return (passes * articles.length) / ((performance.now() - start) / 1000);
}

async function runEngine(engine: Engine, passes: number): Promise<EngineRun> {
  const docs = readConll('eng.testa');
  const texts = docs.map(documentText);
  const loadStart = performance.now();
  const tag = engine === 'copydesk' ? await copydeskTagger() : await compromiseTagger();
  await tag(['Talks in Geneva', 'Kofi Annan met Bill Clinton in New York on Monday.']);
  const loadMs = performance.now() - loadStart;
  const cold = performance.now();
  const found = await tag(texts);
  const coldPassMs = performance.now() - cold;
  const start = performance.now();
  for (let p = 0; p < passes; p++) await tag(texts);
  const seconds = (performance.now() - start) / 1000;
  const tagOnlyDocsPerSecond = engine === 'copydesk' ? await tagOnlyThroughput(texts, passes) : undefined;
  const gold = docs.map(goldOf);
  for (let i = 0; i < Math.min(Number(values.show), docs.length); i++) {
    const g = pairSet(gold[i]!, true);
    const f = pairSet(found[i]!, true);
    console.error(
      `doc ${i}: missed ${[...g].filter((x) => !f.has(x)).join(', ')} | false ${[...f].filter((x) => !g.has(x)).join(', ')}`,
    );
  }
  return {
    engine,
    documents: docs.length,
    typed: scoreAll(gold, found, true),
    untyped: scoreAll(gold, found, false),
    docsPerSecond: (passes * docs.length) / seconds,
    ...(tagOnlyDocsPerSecond ? { tagOnlyDocsPerSecond } : {}),
    loadMs,
    coldPassMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

interface CrossValidation {
  folds: number;
  documents: number;
  /** Micro scores pooled over every held-out document. */
  typed: Score;
  untyped: Score;
  foldF1: number[];
}

/** Contiguous slices, not every k-th document: neighbouring Reuters stories share days and topics. */
async function crossValidate(k: number): Promise<CrossValidation> {
  const { trainEntityModel, SHIPPED_TRAINING } = await import('./tag/train.js');
  const { serializeModel } = await import('../shared/core/tag/ner/model.js');
  const { useEntityModel } = await import('../shared/core/tag/ner/index.js');
  const tag = await copydeskTagger();
  const docs = readConll('eng.train');
  const gold: NamedSpan[][] = [];
  const found: NamedSpan[][] = [];
  const foldF1: number[] = [];
  for (let f = 0; f < k; f++) {
    const from = Math.floor((f * docs.length) / k);
    const to = Math.floor(((f + 1) * docs.length) / k);
    const held = docs.slice(from, to);
    const weights = trainEntityModel([...docs.slice(0, from), ...docs.slice(to)], SHIPPED_TRAINING);
    // Through the shipped file format, so rounding and pruning are as in production.
    useEntityModel(JSON.parse(serializeModel(weights, {})));
    const foldGold = held.map(goldOf);
    const foldFound = await tag(held.map(documentText));
    gold.push(...foldGold);
    found.push(...foldFound);
    foldF1.push(scoreAll(foldGold, foldFound, true).f1);
    console.error(`fold ${f + 1}/${k}: typed F1 ${foldF1[f]!.toFixed(3)} on ${held.length} documents`);
  }
  return {
    folds: k,
    documents: docs.length,
    typed: scoreAll(gold, found, true),
    untyped: scoreAll(gold, found, false),
    foldF1,
  };
}

function child<T>(args: string[]): T {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out) as T;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** "12.3 (11.9–12.8)": the median and the range over runs. */
const spread = (xs: number[], digits: number): string =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

interface EngineSummary {
  engine: Engine;
  typed: Score;
  untyped: Score;
  docsPerSecond: number[];
  tagOnlyDocsPerSecond: number[];
  loadMs: number[];
  coldPassMs: number[];
  peakRssMiB: number[];
}

async function main(): Promise<void> {
  if (!conllAvailable('eng.testa') || !conllAvailable('eng.train')) {
    console.error(
      'bench:tag skipped: conll2003/eng.testa and eng.train are not beside the project (../shared/corpus).',
    );
    return;
  }
  const passes = Number(values.passes);
  if (values.engine) {
    process.stdout.write(JSON.stringify(await runEngine(values.engine as Engine, passes)));
    return;
  }
  if (values['cross-validate']) {
    process.stdout.write(JSON.stringify(await crossValidate(Number(values['cross-validate']))));
    return;
  }
  const runs = Number(values.runs);
  const byEngine = new Map<Engine, EngineRun[]>(ENGINES.map((e) => [e, []]));
  // Engines alternate, so a busy spell on the shared machine falls on both rather than on one.
  for (let r = 0; r < runs; r++) {
    for (const engine of ENGINES) {
      console.error(`run ${r + 1}/${runs}: ${engine} ...`);
      const show = r === 0 && engine === 'copydesk' ? String(values.show) : '0';
      byEngine
        .get(engine)!
        .push(child<EngineRun>(['--engine', engine, '--passes', String(passes), '--show', show]));
    }
  }
  const summaries: EngineSummary[] = ENGINES.map((engine) => {
    const rs = byEngine.get(engine)!;
    return {
      engine,
      // Tagging is deterministic: every run scores the same.
      typed: rs[0]!.typed,
      untyped: rs[0]!.untyped,
      docsPerSecond: rs.map((r) => r.docsPerSecond),
      tagOnlyDocsPerSecond: rs.flatMap((r) => (r.tagOnlyDocsPerSecond ? [r.tagOnlyDocsPerSecond] : [])),
      loadMs: rs.map((r) => r.loadMs),
      coldPassMs: rs.map((r) => r.coldPassMs),
      peakRssMiB: rs.map((r) => r.peakRssMiB),
    };
  });
  const folds = Number(values.folds);
  let cv: CrossValidation | undefined;
  if (folds > 1) {
    console.error(`cross-validating copydesk over ${folds} folds of eng.train ...`);
    cv = child<CrossValidation>(['--cross-validate', String(folds)]);
  }
  const [ours, theirs] = summaries as [EngineSummary, EngineSummary];
  const speedups = byEngine
    .get('copydesk')!
    .map((r, i) => r.docsPerSecond / byEngine.get('compromise')![i]!.docsPerSecond);
  const tagOnlySpeedups = byEngine
    .get('copydesk')!
    .map((r, i) => (r.tagOnlyDocsPerSecond ?? NaN) / byEngine.get('compromise')![i]!.docsPerSecond);
  const modelBytes = statSync(MODEL_PATH).size;
  const json = {
    machine: machineDescription(),
    corpus: 'CoNLL-2003 eng.testa (development), eng.train (cross-validated)',
    passes,
    runs,
    modelBytes,
    results: summaries,
    speedups,
    tagOnlySpeedups,
    crossValidation: cv,
  };
  const row = (s: EngineSummary) =>
    `| ${s.engine} | ${r3(s.typed.precision)} | ${r3(s.typed.recall)} | **${r3(s.typed.f1)}** | ${r3(s.untyped.f1)} | ${spread(s.docsPerSecond, 1)} | ${spread(s.loadMs, 0)} | ${spread(s.coldPassMs, 0)} | ${spread(s.peakRssMiB, 0)} |`;
  const cvText = cv
    ? `Held out: ${cv.folds}-fold cross-validation on eng.train (${cv.documents} documents in contiguous slices; for each,
the model retrained on the other folds with the shipped model's settings, then the slice tagged through the same CLI
path): typed P ${r3(cv.typed.precision)} R ${r3(cv.typed.recall)} **F1 ${r3(cv.typed.f1)}**, untyped F1 ${r3(cv.untyped.f1)};
per fold ${cv.foldF1.map(r3).join(', ')}. This is the figure to trust for unseen stories.`
    : 'Cross-validation skipped (`--folds 0`).';
  const md = `## Tagging: entities as \`copydesk tag\` gives them, on CoNLL-2003 (\`npm run bench:tag\`)

Machine: ${machineDescription()}; shared with other work while measured, so speed figures are noisy: compare the
ratio. Each story is written as a \`{title, body}\` JSON file (headline line as title, the other lines as body
paragraphs) and tagged by the CLI's own \`tag --jsonl\` code; every name an entity is output with (its name and each
mention) is scored. Metric from the corpus README: unique (type, name) pairs per document for PER/ORG/LOC, names
NFC-normalized, case-folded, whitespace-collapsed; micro P/R/F1. compromise 14 is scored on people(),
organizations() and places() of the same text. Each engine runs alone in ${runs} child processes that import only it;
throughput is ${passes} timed passes after a cold pass (copydesk's includes JSON parsing and output, as the CLI
does). Speed cells: median (range) over the runs.

Development (eng.testa, ${ours.typed.tp + ours.typed.fn} gold names; read to find misses, so it flatters):

| engine | typed P | typed R | typed F1 | untyped F1 | docs/s | load ms | cold pass ms | peak RSS MiB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${row(ours)}
${row(theirs)}

${cvText}

Through the CLI path (parse, tag, JSON out) copydesk is ${spread(speedups, 1)}× compromise's throughput, per run side by
side; its tagger alone (tagArticle on the stories parsed beforehand, ${spread(ours.tagOnlyDocsPerSecond, 1)} docs/s) is
${spread(tagOnlySpeedups, 1)}×. Entity model: ${(modelBytes / 1e6).toFixed(2)} MB on
disk (shared/core/tag/ner/model.json); "load ms" is importing the engine and tagging one short story, model included.`;
  writeReport('tag', json, md);
  console.log(md);
}

void main();
