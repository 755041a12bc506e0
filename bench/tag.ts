/**
 * `npm run bench:tag`: entity tagging on CoNLL-2003 eng.testa (216 Reuters documents, the development split)
 * with the corpus README's document-level metric, copydesk's tagger and compromise side by side. Each engine
 * runs in a child process of its own, one after the other, so peak RSS is that engine's alone and neither
 * slows the other. Writes bench/results/tag.json and the tag section of BENCHMARKS.md.
 *
 * Options: `--passes N` timed passes over the documents after one warm-up (default 3);
 * `--show N` prints copydesk's misses and false alarms for the first N documents.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import type { ParsedArticle } from '../shared/core/article';
import { tagArticle } from '../shared/core/tag';
import { isReference } from '../shared/core/tag/entities';
import { machineDescription, writeReport } from './report';
import {
  conllAvailable,
  documentText,
  goldSpans,
  pairSet,
  readConll,
  score,
  type NamedSpan,
  type Score,
} from './tag/conll';

const ENGINES = ['copydesk', 'compromise'] as const;
type Engine = (typeof ENGINES)[number];

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    passes: { type: 'string', default: '3' },
    show: { type: 'string', default: '0' },
  },
});

interface EngineResult {
  engine: Engine;
  documents: number;
  typed: Score;
  untyped: Score;
  /** Documents per second over the timed passes (after one warm-up pass). */
  docsPerSecond: number;
  /** The first, cold pass: model loading and JIT warm-up included. */
  coldPassMs: number;
  peakRssMiB: number;
}

const TYPE = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

/** A CoNLL document as the parse stage would hand it over: the first line is the headline. */
function articleOf(text: string, i: number): ParsedArticle {
  const [title = '', ...paragraphs] = text.split('\n');
  return {
    id: `testa-${i}`,
    source: {},
    format: 'text',
    title,
    language: 'en',
    body: { paragraphs, text: paragraphs.join('\n\n'), wordCount: 0, html: '', markdown: '' },
    captions: [],
    images: [],
    authors: [],
    parsedAt: '1996-08-30T00:00:00.000Z',
  };
}

/** Every name an entity is written as in the text; "the Japanese foreign minister" is a reference, not a name. */
function copydeskSpans(article: ParsedArticle): NamedSpan[] {
  const tagged = tagArticle(article, new Date(0));
  return tagged.entities.flatMap((e) =>
    e.mentions
      .filter((m) => /^[\p{Lu}\p{N}]/u.test(m) && !isReference(m))
      .map((text) => ({ type: TYPE[e.type], text })),
  );
}

/**
 * compromise's people, organizations and places, each as its terms' own text joined by spaces: no quotes,
 * commas or possessive endings. Of the ways to read its matches this scores it highest, so the comparison
 * is with compromise at its best.
 */
function compromiseSpans(text: string): NamedSpan[] {
  const doc = nlp(text);
  const read = (view: { json: (o: object) => unknown }, type: NamedSpan['type']): NamedSpan[] =>
    (view.json({ terms: { text: true } }) as Array<{ terms: Array<{ text: string }> }>).map((m) => ({
      type,
      text: m.terms.map((t) => t.text).join(' '),
    }));
  return [...read(doc.people(), 'PER'), ...read(doc.organizations(), 'ORG'), ...read(doc.places(), 'LOC')];
}

function runEngine(engine: Engine, passes: number): EngineResult {
  const docs = readConll('eng.testa');
  const texts = docs.map(documentText);
  const articles = texts.map(articleOf);
  const find = (i: number): NamedSpan[] =>
    engine === 'copydesk' ? copydeskSpans(articles[i]!) : compromiseSpans(texts[i]!);
  const cold = performance.now();
  const found = docs.map((_, i) => find(i));
  const coldPassMs = performance.now() - cold;
  const start = performance.now();
  for (let p = 0; p < passes; p++) for (let i = 0; i < docs.length; i++) find(i);
  const seconds = (performance.now() - start) / 1000;
  const gold = docs.map((d) => d.sentences.flatMap(goldSpans));
  const show = Number(values.show);
  for (let i = 0; i < Math.min(show, docs.length); i++) {
    const g = pairSet(gold[i]!, true);
    const f = pairSet(found[i]!, true);
    console.error(
      `doc ${i}: missed ${[...g].filter((x) => !f.has(x)).join(', ')} | false ${[...f].filter((x) => !g.has(x)).join(', ')}`,
    );
  }
  return {
    engine,
    documents: docs.length,
    typed: score(docs.map((_, i) => ({ gold: pairSet(gold[i]!, true), found: pairSet(found[i]!, true) }))),
    untyped: score(
      docs.map((_, i) => ({ gold: pairSet(gold[i]!, false), found: pairSet(found[i]!, false) })),
    ),
    docsPerSecond: (passes * docs.length) / seconds,
    coldPassMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function main(): void {
  if (!conllAvailable('eng.testa')) {
    console.error('bench:tag skipped: conll2003/eng.testa is not beside the project (../shared/corpus).');
    return;
  }
  const passes = Number(values.passes);
  if (values.engine) {
    process.stdout.write(JSON.stringify(runEngine(values.engine as Engine, passes)));
    return;
  }
  const results = ENGINES.map((engine): EngineResult => {
    console.error(`running ${engine} ...`);
    const out = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        __filename,
        '--engine',
        engine,
        '--passes',
        String(passes),
        '--show',
        String(values.show),
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 24,
      },
    );
    return JSON.parse(out) as EngineResult;
  });
  const [ours, theirs] = results as [EngineResult, EngineResult];
  const speedup = ours.docsPerSecond / theirs.docsPerSecond;
  const json = { machine: machineDescription(), corpus: 'CoNLL-2003 eng.testa', passes, results, speedup };
  const row = (r: EngineResult) =>
    `| ${r.engine} | ${r3(r.typed.precision)} | ${r3(r.typed.recall)} | **${r3(r.typed.f1)}** | ${r3(r.untyped.precision)} | ${r3(r.untyped.recall)} | ${r3(r.untyped.f1)} | ${r.docsPerSecond.toFixed(1)} | ${Math.round(r.coldPassMs)} | ${Math.round(r.peakRssMiB)} |`;
  const md = `## Tagging: entities on CoNLL-2003 eng.testa (\`npm run bench:tag\`)

Machine: ${machineDescription()}. ${ours.documents} documents; document-level metric from the corpus README (unique
(type, name) pairs per document for PER/ORG/LOC, names NFC-normalized, case-folded, whitespace-collapsed; micro
P/R/F1). copydesk runs its whole tagger (entities, key phrases, topics, fingerprints) and is scored on every name
its entities are written as; compromise 14 is scored on people(), organizations() and places(). Throughput is
${passes} timed passes after one warm-up pass; each engine runs alone in its own process.

| engine | typed P | typed R | typed F1 | untyped P | untyped R | untyped F1 | docs/s | cold pass ms | peak RSS MiB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${row(ours)}
${row(theirs)}

copydesk is ${speedup.toFixed(1)}× compromise's throughput on the same documents.`;
  writeReport('tag', json, md);
  console.log(md);
}

main();
