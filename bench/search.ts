/**
 * `npm run bench:search`: search (shared/stages/search.ts) over 10,000 indexed articles in MiniStack.
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:4630 npm run bench:search
 *   BENCH_ARTICLES=500 AWS_ENDPOINT_URL=http://127.0.0.1:4630 npm run bench:search
 *
 * 1. Builds the archive in process, fast but from real documents: every distinct document of
 *    bench/pipeline-inputs.ts (the 1,032 trafilatura pages, the seed, the samples, two long reads) is parsed
 *    once; copy c of it is that parse altered as the pipeline bench alters the HTML (a closing sentence of
 *    its own, a headline suffix every second copy, a long paragraph dropped every third), tagged again,
 *    and indexed under a key of its own (`incoming/<folder>-r<c>/...`, so each copy round is a source).
 *    Article dates are spread evenly over the two years to 2026-11-30. Without ../shared the samples
 *    alone are used (and the report says so). Records go through a real ArticleIndex (`apply`), 8 at a
 *    time, into a table made by test/support/in-process/provision.ts; no duplicate detection.
 * 2. Write units and bytes per article (bench/write-units.ts, the rules of shared/core/write-units.ts),
 *    checked against what `apply` itself returned; postings per article; the share of articles that
 *    write to each partition.
 * 3. Three classes of queries drawn from the indexed data (words; filters; words with a filter and a
 *    month range), each run through `createArchive(...).search(params)` as the HTTP API calls it. The
 *    DynamoDB client is wrapped (its `send` only observed) to count the items every Query and BatchGetItem
 *    returns and the read units DynamoDB would bill for them. Each answer is checked against an oracle
 *    computed in memory from postingsOf() of every record.
 * 4. Projects to 1,000,000 articles; writes bench/results/search.json and the Search section of
 *    BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MINISTACK_VERSION } from '../local/emulator';
import { PROJECT_ROOT } from '../local/project-root';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { ArticleIndex } from '../shared/aws/article-index';
import { awsClientConfig } from '../shared/aws/client-config';
import { documentClient } from '../shared/aws/runtime';
import { articlesOf, type ParsedArticle, type Rejection } from '../shared/core/article';
import { articleIdFor } from '../shared/core/article-id';
import {
  dateSortKey,
  fingerprintItemsOf,
  indexedRecord,
  rejectedRecord,
  type ArticleRecord,
} from '../shared/core/index-model';
import type { SourceObject } from '../shared/core/messages';
import { parseDocument } from '../shared/core/parse';
import { countWords } from '../shared/core/parse/text-util';
import {
  postingFacetsOf,
  postingPartition,
  postingsOf,
  shardOf,
  SHARDS,
  type ListKind,
  type PostingFacets,
} from '../shared/core/search-model';
import { tagArticle } from '../shared/core/tag';
import { fold, queryTermVariants, tokenize } from '../shared/core/text-analysis';
import { itemSizeBytes } from '../shared/core/write-units';
import { createArchive } from '../shared/stages/archive';
import type { SearchResponse } from '../shared/stages/archive-api';
import { MAX_DIRECT_READS, parseSearchRequest, queryWords, READ_BOUND } from '../shared/stages/search';
import { RAW_PREFIX } from '../shared/topology';
import { benchDocuments, sentence } from './pipeline-inputs';
import { RESULTS_DIR, machineDescription, percentile, writeReport } from './report';
import { articleWrites, type ArticleWrites } from './write-units';
import { ensureTable } from '../test/support/in-process/provision';

const env = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};
const ARTICLES = env('BENCH_ARTICLES', 10_000);
const WRITE_CONCURRENCY = env('BENCH_WRITE_CONCURRENCY', 8);
const QUERIES_PER_CLASS = env('BENCH_QUERIES', 30);
/** Indexed articles whose record is read back to count write units and bytes (evenly spread). */
const WRITE_UNIT_SAMPLE = env('BENCH_WRITE_UNIT_SAMPLE', 2000);
const PROJECTED_ARTICLES = 1_000_000;
const SEARCHES_PER_DAY = 100_000;
/** us-east-1 on-demand list prices (standard table class), USD. */
const PRICES = { perMillionWrite: 0.625, perMillionRead: 0.125, perGbMonth: 0.25 };
/** DynamoDB bills each stored item 100 bytes over its own size. */
const ITEM_OVERHEAD_BYTES = 100;
const DATE_END = Date.UTC(2026, 10, 30, 23, 59, 59);
const DATE_SPAN_DAYS = 730;
const DAY = 86_400_000;

const log = (line: string) =>
  console.error(`[bench:search ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Deterministic random numbers (mulberry32). */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

async function eachConcurrently<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------------------
// 1. The archive

interface Base {
  key: string;
  kind: string;
  bytes: number;
  articles: ParsedArticle[];
  rejection?: Rejection;
}

/** The distinct documents, each parsed once. */
async function baseDocuments(): Promise<{ bases: Base[]; input: string; corpus: boolean }> {
  const corpus = existsSync(CORPUS_HTML_DIR);
  let docs: Array<{ key: string; body: Buffer; kind: string }>;
  if (corpus) {
    const pages = readdirSync(CORPUS_HTML_DIR).filter((f) => f.endsWith('.gz')).length;
    const samples = readdirSync(join(PROJECT_ROOT, 'samples')).length;
    // benchDocuments(n) for n up to this holds each distinct document once (copy 0): the seed, every
    // sample, two long reads and the corpus pages.
    docs = benchDocuments(Math.min(ARTICLES, pages + samples + 3)).documents;
  } else {
    const dir = join(PROJECT_ROOT, 'samples');
    docs = readdirSync(dir)
      .sort()
      .map((name) => ({
        key: `${RAW_PREFIX}samples/${name}`,
        body: readFileSync(join(dir, name)),
        kind: 'sample',
      }));
  }
  const bases: Base[] = [];
  for (const doc of docs) {
    const outcome = await parseDocument({
      bytes: doc.body,
      id: articleIdFor(doc.key),
      source: { bucket: 'bench', key: doc.key },
    });
    bases.push({
      key: doc.key,
      kind: doc.kind,
      bytes: doc.body.length,
      articles: articlesOf(outcome),
      ...(outcome.ok ? {} : { rejection: outcome.rejection }),
    });
  }
  const counts = new Map<string, number>();
  for (const b of bases) counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1);
  const input = corpus
    ? `${bases.length} distinct documents (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}) from bench/pipeline-inputs.ts, each parsed once`
    : `../shared is absent: only the ${bases.length} samples of samples/, each repeated with variations (not representative)`;
  return { bases, input, corpus };
}

/** Copy `copy` of a parsed article, altered as alterHtml alters the page (bench/pipeline-inputs.ts). */
function alter(article: ParsedArticle, copy: number, page: number): ParsedArticle {
  if (copy === 0) return article;
  let paragraphs = [...article.body.paragraphs];
  if (copy % 3 === 0) {
    const long = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => p.trim().length > 120);
    const victim = long.length > 1 ? long[(copy / 3) % long.length] : undefined;
    if (victim) paragraphs = paragraphs.filter((_, i) => i !== victim.i);
  }
  paragraphs.push(sentence(copy, page));
  const text = paragraphs.join('\n\n');
  return {
    ...article,
    title: copy % 2 === 0 ? `${article.title} (update ${copy})` : article.title,
    body: { ...article.body, paragraphs, text, wordCount: countWords(text) },
  };
}

const copyKey = (key: string, copy: number) => {
  if (copy === 0) return key;
  const rest = key.slice(RAW_PREFIX.length);
  const slash = rest.indexOf('/');
  return `${RAW_PREFIX}${rest.slice(0, slash)}-r${copy}${rest.slice(slash)}`;
};

/** ARTICLES records: the bases, then copy after copy of them, each with a date of its own. */
function buildRecords(bases: Base[]): ArticleRecord[] {
  const random = rng(20261130);
  const records: ArticleRecord[] = [];
  for (let copy = 0; records.length < ARTICLES; copy++) {
    for (const [page, base] of bases.entries()) {
      if (records.length >= ARTICLES) break;
      const key = copyKey(base.key, copy);
      const date = new Date(DATE_END - Math.floor(random() * DATE_SPAN_DAYS * DAY)).toISOString();
      const source: SourceObject = {
        bucket: 'bench-raw',
        key,
        etag: createHash('md5').update(`${key}\n${copy}`).digest('hex'),
        size: base.bytes,
        sequencer: '0000000000000000000001',
        eventTime: date,
      };
      if (base.rejection) {
        records.push(rejectedRecord(articleIdFor(key), base.rejection, source, date, {}));
        continue;
      }
      for (const [i, parsed] of base.articles.entries()) {
        if (records.length >= ARTICLES) break;
        const id = base.articles.length === 1 ? articleIdFor(key) : articleIdFor(`${key}#${i}`);
        const article = { ...alter(parsed, copy, page), id, publishedAt: date };
        const tagged = tagArticle(article, new Date(date));
        records.push(indexedRecord(tagged, source, date, {}));
      }
    }
  }
  return records;
}

// ---------------------------------------------------------------------------------------------------------
// Read metering: every response the search's client gets, priced the DynamoDB way.

interface Reads {
  requests: number;
  /** Postings read from lists (Query) and asked for directly (BatchGetItem keys), as search counts them. */
  listItems: number;
  directKeys: number;
  directFound: number;
  records: number;
  units: { lists: number; direct: number; records: number; languages: number };
}

const emptyReads = (): Reads => ({
  requests: 0,
  listItems: 0,
  directKeys: 0,
  directFound: 0,
  records: 0,
  units: { lists: 0, direct: 0, records: 0, languages: 0 },
});

const unitsOf = (bytes: number, consistent: boolean) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

class Meter {
  reads = emptyReads();
  constructor(private readonly tableName: string) {}

  observe(command: unknown, output: unknown): void {
    const name = (command as { constructor: { name: string } }).constructor.name;
    const input = (command as { input: Record<string, unknown> }).input;
    const out = output as Record<string, unknown>;
    this.reads.requests += 1;
    if (name === 'QueryCommand') {
      const items = (out.Items ?? []) as Array<Record<string, unknown>>;
      // A Query is billed on the sum of the items it reads, rounded up to 4 KB once.
      const units = unitsOf(
        items.reduce((sum, item) => sum + itemSizeBytes(item), 0),
        input.ConsistentRead === true,
      );
      const pk = (input.ExpressionAttributeValues as Record<string, unknown> | undefined)?.[':pk'];
      if (pk === 'LANGUAGES') this.reads.units.languages += units;
      else {
        this.reads.units.lists += units;
        this.reads.listItems += items.length;
      }
    } else if (name === 'BatchGetCommand') {
      // Each key of a BatchGetItem is billed as a GetItem of its own: found or not, its size rounded to 4 KB.
      const request = (
        input.RequestItems as Record<
          string,
          { Keys: Array<Record<string, string>>; ConsistentRead?: boolean }
        >
      )[this.tableName]!;
      const unprocessed = (
        (out.UnprocessedKeys as Record<string, { Keys?: unknown[] }> | undefined)?.[this.tableName]?.Keys ??
        []
      ).length;
      const found = ((out.Responses as Record<string, Array<Record<string, unknown>>> | undefined)?.[
        this.tableName
      ] ?? []) as Array<Record<string, unknown>>;
      const keys = request.Keys.length - unprocessed;
      const consistent = request.ConsistentRead === true;
      const units =
        found.reduce((sum, item) => sum + unitsOf(itemSizeBytes(item), consistent), 0) +
        (keys - found.length) * unitsOf(0, consistent);
      if (request.Keys.every((k) => String(k.pk).startsWith('ARTICLE#'))) {
        this.reads.units.records += units;
        this.reads.records += found.length;
      } else {
        this.reads.units.direct += units;
        this.reads.directKeys += keys;
        this.reads.directFound += found.length;
      }
    } else if (name === 'GetCommand') {
      const item = out.Item as Record<string, unknown> | undefined;
      this.reads.units.records += unitsOf(item ? itemSizeBytes(item) : 0, input.ConsistentRead === true);
      this.reads.records += item ? 1 : 0;
    }
  }
}

/** The client as search sees it: every call passes through unchanged, and the meter sees its answer. */
function metered(db: DynamoDBDocumentClient, meter: Meter): DynamoDBDocumentClient {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'send')
        return async (command: Parameters<DynamoDBDocumentClient['send']>[0]) => {
          const output = await target.send(command);
          meter.observe(command, output);
          return output;
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// The oracle: what every query should find, from postingsOf() of every record.

interface Doc {
  id: string;
  sortKey: string;
  pks: Set<string>;
  facets: PostingFacets;
  record: ArticleRecord;
}

class Oracle {
  readonly docs: Doc[];
  readonly listSize = new Map<string, number>();
  readonly languages: string[];
  constructor(records: ArticleRecord[]) {
    this.docs = records.map((record) => ({
      id: record.id,
      sortKey: dateSortKey(record.articleDate, record.id),
      pks: new Set(postingsOf(record).map((p) => p.pk)),
      facets: postingFacetsOf(record),
      record,
    }));
    for (const doc of this.docs)
      for (const pk of doc.pks) this.listSize.set(pk, (this.listSize.get(pk) ?? 0) + 1);
    this.languages = [
      ...new Set(records.filter((r) => r.status === 'indexed' && r.language).map((r) => r.language!)),
    ];
  }

  /** The articles a query should find, and the sizes (within its date range) of the lists it reads. */
  expect(params: Record<string, string>): { ids: Map<string, string>; lists: number[] } {
    const request = parseSearchRequest(params);
    const range = { from: request.since ?? '0', to: `${request.until ?? '9999'}~` };
    const groups: Array<(doc: Doc) => boolean> = [];
    if (request.q) {
      const languages = request.language ? [request.language] : this.languages;
      for (const variants of queryWords(request.q, languages)) {
        const pks = variants.map((v) => postingPartition('word', v, ''));
        groups.push((doc) => pks.some((pk) => doc.pks.has(pk)));
      }
    }
    for (const name of [request.entity, request.place]) {
      if (name) {
        const pk = postingPartition('entity', name, '');
        groups.push((doc) => doc.pks.has(pk));
      }
    }
    const status = request.status ?? 'indexed';
    const filters: Array<{ kind: ListKind; value: string; test: (f: PostingFacets) => boolean }> = [];
    if (request.duplicateOf)
      filters.push({ kind: 'copies', value: request.duplicateOf, test: (f) => f.d === request.duplicateOf });
    if (request.topic)
      filters.push({ kind: 'topic', value: request.topic, test: (f) => !!f.t?.includes(request.topic!) });
    if (request.country)
      filters.push({
        kind: 'country',
        value: request.country,
        test: (f) => !!f.c?.includes(request.country!),
      });
    if (request.section)
      filters.push({
        kind: 'section',
        value: request.section,
        test: (f) => !!f.sec && fold(f.sec) === fold(request.section!),
      });
    if (request.source)
      filters.push({
        kind: 'source',
        value: request.source,
        test: (f) => fold(f.src) === fold(request.source!),
      });
    if (request.language)
      filters.push({ kind: 'language', value: request.language, test: (f) => f.l === request.language });
    filters.push({ kind: 'status', value: status, test: (f) => f.st === status });
    if (!groups.length) {
      const first = filters[0]!;
      groups.push((doc) => doc.pks.has(postingPartition(first.kind, first.value, doc.id)));
    }
    const inRange = this.docs.filter((d) => d.sortKey >= range.from && d.sortKey <= range.to);
    const ids = new Map<string, string>();
    for (const doc of inRange)
      if (groups.every((g) => g(doc)) && filters.every((f) => f.test(doc.facets)))
        ids.set(doc.id, doc.sortKey);
    return { ids, lists: groups.map((g) => inRange.filter(g).length) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Queries drawn from the archive

type QueryClass = 'words' | 'filters' | 'combined';
interface Query {
  class: QueryClass;
  label: string;
  params: Record<string, string>;
}

const month = (iso: string, add = 0) => {
  const d = new Date(iso);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + add);
  return d.toISOString().slice(0, 7);
};

function drawQueries(oracle: Oracle): Query[] {
  const random = rng(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const indexed = oracle.docs.filter((d) => d.record.status === 'indexed');
  const wordDf = (word: string) =>
    Math.max(0, ...queryTermVariants(word, oracle.languages).map((v) => oracle.listSize.get(`W#${v}`) ?? 0));
  const titleWords = (doc: Doc) =>
    tokenize(doc.record.title ?? '', doc.record.language ?? 'en')
      .map((t) => t.text)
      .filter((w) => /^\p{L}{3,}$/u.test(w) && queryTermVariants(w, oracle.languages).length > 0);
  const vocabulary = new Map<string, number>();
  for (const doc of indexed)
    for (const w of titleWords(doc)) if (!vocabulary.has(w)) vocabulary.set(w, wordDf(w));
  const words = [...vocabulary].sort((a, b) => a[0].localeCompare(b[0]));
  const rare = words.filter(([, df]) => df >= 1 && df <= 15).map(([w]) => w);
  const common = words
    .filter(([, df]) => df >= Math.max(20, indexed.length / 100))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 150)
    .map(([w]) => w);
  const phrase = (doc: Doc, n: number) => {
    const source =
      random() < 0.5 && doc.record.keyPhrases?.length
        ? pick(doc.record.keyPhrases)
        : (doc.record.title ?? '');
    const ws = tokenize(source, doc.record.language ?? 'en')
      .map((t) => t.text)
      .filter((w) => queryTermVariants(w, oracle.languages).length > 0 && !/^\d+$/.test(w));
    if (ws.length === 0) return undefined;
    const start = Math.floor(random() * Math.max(1, ws.length - n + 1));
    return ws.slice(start, start + n).join(' ');
  };
  const queries: Query[] = [];
  const add = (cls: QueryClass, label: string, params: Record<string, string>) => {
    if (!queries.some((q) => JSON.stringify(q.params) === JSON.stringify(params)))
      queries.push({ class: cls, label, params });
  };
  const per = QUERIES_PER_CLASS;
  const third = Math.ceil(per / 3);

  // Words: rare single words, common single words, and 2-3 words from a headline or key phrase.
  for (let i = 0; i < third * 4 && queries.filter((q) => q.label === 'rare word').length < third; i++)
    if (rare.length) add('words', 'rare word', { q: pick(rare) });
  for (let i = 0; i < third * 4 && queries.filter((q) => q.label === 'common word').length < third; i++)
    // Alternately among the ten most common words, whose lists outgrow the bound, and the rest.
    if (common.length) add('words', 'common word', { q: pick(i % 2 ? common.slice(0, 10) : common) });
  for (let i = 0; i < per * 10 && queries.filter((q) => q.class === 'words').length < per; i++) {
    const text = phrase(pick(indexed), 2 + Math.floor(random() * 2));
    if (text && tokenize(text).length >= 2) add('words', 'phrase', { q: text });
  }

  // Filters: each kind a few times, values from the data, common and rare alike.
  const values = (get: (d: Doc) => string[] | string | undefined) => {
    const counts = new Map<string, number>();
    for (const d of indexed) {
      const v = get(d);
      for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v])
        counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const spread = (vs: Array<[string, number]>, n: number) => {
    // Half from the most frequent values, half from the rest.
    const out: string[] = [];
    for (let i = 0; i < n && vs.length; i++) {
      const pool = i % 2 === 0 ? vs.slice(0, 10) : vs.slice(10).length ? vs.slice(10) : vs;
      out.push(pick(pool)[0]);
    }
    return out;
  };
  const entities = values((d) =>
    (d.record.entities ?? []).filter((e) => !e.captionOnly && e.type !== 'place').map((e) => e.name),
  );
  const sections = values((d) => d.record.section);
  const sources = values((d) => d.record.sourceName);
  const countries = values((d) => d.facets.c);
  const topics = values((d) => d.facets.t);
  const languages = values((d) => d.record.language);
  const rejected = oracle.docs.filter((d) => d.record.status === 'rejected');
  const plan: Array<[string, () => Record<string, string> | undefined, number]> = [
    ['entity', () => ({ entity: spread(entities, 1)[0]! }), 6],
    ['section', () => (sections.length ? { section: spread(sections, 1)[0]! } : undefined), 4],
    ['source', () => ({ source: spread(sources, 1)[0]! }), 4],
    ['country', () => (countries.length ? { country: spread(countries, 1)[0]! } : undefined), 4],
    ['topic', () => (topics.length ? { topic: spread(topics, 1)[0]! } : undefined), 4],
    [
      'month range',
      () => {
        const since = month(pick(indexed).record.articleDate);
        // Mostly one to three months; one in four a wide range of six months to a year.
        const months = random() < 0.25 ? 5 + Math.floor(random() * 7) : Math.floor(random() * 3);
        return { since, until: month(`${since}-01`, months) };
      },
      4,
    ],
    ['language', () => ({ language: spread(languages, 1)[0]! }), 2],
    [
      'status=rejected',
      () =>
        rejected.length
          ? random() < 0.5
            ? ({ status: 'rejected' } as Record<string, string>)
            : { status: 'rejected', source: pick(rejected).record.sourceName }
          : undefined,
      2,
    ],
  ];
  for (let round = 0; queries.filter((q) => q.class === 'filters').length < per && round < 20; round++)
    for (const [label, make, n] of plan) {
      if (queries.filter((q) => q.label === label).length >= n * (1 + Math.floor(round / 5))) continue;
      if (queries.filter((q) => q.class === 'filters').length >= per) break;
      const params = make();
      if (params) add('filters', label, params);
    }

  // Combined: words from an article, with one of its entities, its section or country, and a month range
  // around its date.
  const combined: Array<[string, (d: Doc) => Record<string, string> | undefined]> = [
    [
      'words + entity + months',
      (d) => {
        const e = (d.record.entities ?? []).filter((x) => !x.captionOnly && x.type !== 'place');
        return e.length ? { entity: pick(e).name } : undefined;
      },
    ],
    ['words + section + months', (d) => (d.record.section ? { section: d.record.section } : undefined)],
    ['words + country + months', (d) => (d.facets.c?.length ? { country: pick(d.facets.c) } : undefined)],
    ['words + source + months', (d) => ({ source: d.record.sourceName })],
  ];
  for (let i = 0; i < per * 50 && queries.filter((q) => q.class === 'combined').length < per; i++) {
    const [label, make] = combined[i % combined.length]!;
    if (queries.filter((q) => q.label === label).length >= third) continue;
    const doc = pick(indexed);
    const filter = make(doc);
    const text = phrase(doc, 1 + Math.floor(random() * 2));
    if (!filter || !text) continue;
    const before = Math.floor(random() * 3);
    add('combined', label, {
      q: text,
      ...filter,
      since: month(doc.record.articleDate, -before),
      until: month(doc.record.articleDate, Math.floor(random() * 3)),
    });
  }
  return queries;
}

interface Measured {
  class: QueryClass;
  label: string;
  params: Record<string, string>;
  ms: number;
  readUnits: number;
  unitsSplit: Reads['units'];
  requests: number;
  /** Postings the search read from lists and asked for directly, as DynamoDB returned them. */
  listItems: number;
  directKeys: number;
  records: number;
  read: SearchResponse['read'];
  complete: boolean;
  coveredFrom?: string;
  total: number;
  returned: number;
  expected: number;
  listsInRange: number[];
  check: string;
  error?: string;
}

function checkAnswer(response: SearchResponse, expected: Map<string, string>): string {
  const problems: string[] = [];
  const wrong = response.items.filter((i) => !expected.has(i.id)).map((i) => i.id);
  if (wrong.length)
    problems.push(`${wrong.length} returned items do not match (${wrong.slice(0, 3).join(', ')})`);
  if (response.complete) {
    if (response.total !== expected.size)
      problems.push(`complete, total ${response.total}, expected ${expected.size}`);
  } else {
    const from = response.coveredFrom ?? '';
    const newer = [...expected.values()].filter((sk) => sk.slice(0, sk.lastIndexOf('#')) > from).length;
    const atOrNewer = [...expected.values()].filter((sk) => sk.slice(0, sk.lastIndexOf('#')) >= from).length;
    if (response.total < newer || response.total > atOrNewer)
      problems.push(
        `incomplete from ${from}: total ${response.total}, expected ${newer}..${atOrNewer} matches that new`,
      );
  }
  if (response.read.items > response.read.bound)
    problems.push(`read ${response.read.items} > bound ${response.read.bound}`);
  return problems.length ? problems.join('; ') : 'ok';
}

// ---------------------------------------------------------------------------------------------------------

function gitDescription(): string {
  try {
    const run = (...args: string[]) =>
      execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const paths = ['shared', 'bench/search.ts', 'bench/write-units.ts', 'bench/pipeline-inputs.ts'];
    return `${run('rev-parse', '--short', 'HEAD')}${run('status', '--porcelain', '--', ...paths) ? ' (modified)' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--markdown-only')) {
    // Re-renders the BENCHMARKS.md section from the last JSON report, without measuring again.
    const last = JSON.parse(readFileSync(join(RESULTS_DIR, 'search.json'), 'utf8')) as Report;
    writeReport('search', last, markdown(last));
    return;
  }
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint)
    throw new Error(
      'run through `npm run bench:search`, which starts the emulator and sets AWS_ENDPOINT_URL',
    );

  // 1. Build and index.
  let started = performance.now();
  const { bases, input, corpus } = await baseDocuments();
  const parseSeconds = (performance.now() - started) / 1000;
  log(`parsed ${bases.length} distinct documents in ${parseSeconds.toFixed(0)} s`);
  started = performance.now();
  const records = buildRecords(bases);
  const tagSeconds = (performance.now() - started) / 1000;
  const indexedRecords = records.filter((r) => r.status === 'indexed');
  log(`tagged ${records.length} records (${indexedRecords.length} indexed) in ${tagSeconds.toFixed(0)} s`);

  const db = documentClient(awsClientConfig());
  const tableName = `copydesk-bench-search-${Date.now()}`;
  await ensureTable(new DynamoDBClient(awsClientConfig()), tableName);
  const writer = new ArticleIndex(db, tableName);
  const applied = new Map<string, number>();
  const outcomes: Record<string, number> = {};
  started = performance.now();
  let done = 0;
  await eachConcurrently(records, WRITE_CONCURRENCY, async (record) => {
    const result = await writer.apply(record.id, record.versionToken, () => record);
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    if (result.outcome === 'applied') applied.set(record.id, result.writeUnits);
    if (++done % 1000 === 0) log(`indexed ${done}/${records.length}`);
  });
  const indexSeconds = (performance.now() - started) / 1000;
  log(
    `indexed ${records.length} in ${indexSeconds.toFixed(0)} s (${(records.length / indexSeconds).toFixed(1)}/s)`,
  );

  // 2. Write units and bytes, read back from the table.
  const step = Math.max(1, Math.floor(indexedRecords.length / WRITE_UNIT_SAMPLE));
  const sample = indexedRecords.filter((_, i) => i % step === 0).slice(0, WRITE_UNIT_SAMPLE);
  const writes: ArticleWrites[] = [];
  const mismatches: Array<{ id: string; applied: number; counted: number }> = [];
  await eachConcurrently(sample, 4, async (record) => {
    const item = (
      await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: `ARTICLE#${record.id}`, sk: 'ARTICLE' } }),
      )
    ).Item;
    if (!item) return;
    const w = articleWrites(item);
    writes.push(w);
    const own = applied.get(record.id);
    if (own !== undefined && own !== w.units)
      mismatches.push({ id: record.id, applied: own, counted: w.units });
  });
  const postingCounts = stats(indexedRecords.map((r) => postingsOf(r).length));
  const unitStats = stats(writes.map((w) => w.units));
  const split = {
    recordAndCounter: stats(writes.map((w) => w.split.recordAndCounter)),
    fingerprints: stats(writes.map((w) => w.split.fingerprints)),
    postings: stats(writes.map((w) => w.split.postings)),
  };
  const byteStats = stats(writes.map((w) => w.bytes));
  const bytesSplit = {
    record: stats(writes.map((w) => w.bytesSplit.record)).mean,
    fingerprints: stats(writes.map((w) => w.bytesSplit.fingerprints)).mean,
    postings: stats(writes.map((w) => w.bytesSplit.postings)).mean,
  };
  // Stored items per article: the record, its fingerprints and its postings (the counters are shared).
  const storedItems = stats(writes.map((w) => w.items - 1)).mean;
  const billedBytesPerArticle = byteStats.mean + ITEM_OVERHEAD_BYTES * storedItems;
  log(
    `write units/article mean ${unitStats.mean.toFixed(1)}, ${mismatches.length} differ from apply()'s own count`,
  );

  // Which partitions take the writes: the share of all articles that write into each partition key.
  const writesPerPartition = new Map<string, number>();
  const bump = (pk: string) => writesPerPartition.set(pk, (writesPerPartition.get(pk) ?? 0) + 1);
  for (const record of records) {
    bump(`COUNT#${record.status}#${shardOf(record.id)}`); // one counter per status and shard, each its own partition
    for (const pk of new Set(postingsOf(record).map((p) => p.pk))) bump(pk);
    for (const print of fingerprintItemsOf(record)) bump(print.pk);
  }
  const hottest = [...writesPerPartition]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([pk, n]) => ({ pk, articles: n, share: r2(n / records.length) }));
  const hottestList = hottest.find((h) => !h.pk.startsWith('COUNT#'))!;
  const hottestCounter = [...writesPerPartition]
    .filter(([pk]) => pk.startsWith('COUNT#'))
    .sort((a, b) => b[1] - a[1])
    .map(([pk, n]) => ({ pk, share: r2(n / records.length) }))[0]!;
  const topWords = [...writesPerPartition]
    .filter(([pk]) => pk.startsWith('W#'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([pk, n]) => ({ pk, share: r2(n / records.length) }));
  const kindOf = (pk: string) => (pk.startsWith('COUNT#') ? 'counter' : pk.split('#')[0]!);
  const maxShareByKind: Record<string, { pk: string; share: number }> = {};
  for (const [pk, n] of writesPerPartition) {
    const kind = kindOf(pk);
    if (!maxShareByKind[kind] || n / records.length > maxShareByKind[kind].share)
      maxShareByKind[kind] = { pk, share: r2(n / records.length) };
  }

  // 3. Queries.
  const oracle = new Oracle(records);
  const queries = drawQueries(oracle);
  log(
    `${queries.length} queries: ${['words', 'filters', 'combined'].map((c) => `${c} ${queries.filter((q) => q.class === c).length}`).join(', ')}`,
  );
  const meter = new Meter(tableName);
  const reader = new ArticleIndex(metered(db, meter), tableName);
  const archive = createArchive({
    index: reader,
    published: { get: () => Promise.resolve(undefined) },
    queues: { depth: () => Promise.resolve(0) },
  });
  // Warm up: the first calls pay for module and connection set-up.
  for (const q of queries.slice(0, 5)) await archive.search(q.params);
  const measured: Measured[] = [];
  for (const q of queries) {
    const expected = oracle.expect(q.params);
    meter.reads = emptyReads();
    const began = performance.now();
    try {
      const response = await archive.search(q.params);
      const ms = performance.now() - began;
      const reads = meter.reads;
      const u = reads.units;
      measured.push({
        class: q.class,
        label: q.label,
        params: q.params,
        ms: r1(ms),
        readUnits: u.lists + u.direct + u.records + u.languages,
        unitsSplit: u,
        requests: reads.requests,
        listItems: reads.listItems,
        directKeys: reads.directKeys,
        records: reads.records,
        read: response.read,
        complete: response.complete,
        ...(response.coveredFrom ? { coveredFrom: response.coveredFrom } : {}),
        total: response.total,
        returned: response.items.length,
        expected: expected.ids.size,
        listsInRange: expected.lists,
        check: checkAnswer(response, expected.ids),
      });
    } catch (error) {
      measured.push({
        class: q.class,
        label: q.label,
        params: q.params,
        ms: r1(performance.now() - began),
        readUnits: NaN,
        unitsSplit: meter.reads.units,
        requests: meter.reads.requests,
        listItems: 0,
        directKeys: 0,
        records: 0,
        read: { items: 0, bound: 0 },
        complete: false,
        total: 0,
        returned: 0,
        expected: expected.ids.size,
        listsInRange: expected.lists,
        check: 'crashed',
        error: (error as Error).message,
      });
    }
  }
  const problems = measured.filter((m) => m.check !== 'ok');
  for (const p of problems)
    log(`CHECK ${JSON.stringify(p.params)}: ${p.check}${p.error ? ` (${p.error})` : ''}`);
  // The index's own count of what it read (search's `read.items` less the records of the page) against
  // what DynamoDB returned for it.
  const readCountDiffers = measured.filter(
    (m) => !m.error && m.read.items - m.returned !== m.listItems + m.directKeys,
  ).length;
  const overBound = measured.filter((m) => m.listItems + m.directKeys > READ_BOUND).length;

  // Does MiniStack report consumed capacity, and does it agree with the item sizes?
  const biggestWord = [...oracle.listSize]
    .filter(([pk]) => pk.startsWith('W#'))
    .sort((a, b) => b[1] - a[1])[0]!;
  const probe = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': biggestWord[0] },
      Limit: 200,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const probeBytes = (probe.Items ?? []).reduce((s, i) => s + itemSizeBytes(i), 0);
  const recordProbe = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: { pk: `ARTICLE#${indexedRecords[0]!.id}`, sk: 'ARTICLE' },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const consumedCapacity = {
    query: {
      partition: biggestWord[0],
      items: probe.Items?.length ?? 0,
      bytes: probeBytes,
      reported: probe.ConsumedCapacity?.CapacityUnits ?? null,
      computed: unitsOf(probeBytes, false),
    },
    getItem: {
      bytes: recordProbe.Item ? itemSizeBytes(recordProbe.Item) : 0,
      reported: recordProbe.ConsumedCapacity?.CapacityUnits ?? null,
      computed: unitsOf(recordProbe.Item ? itemSizeBytes(recordProbe.Item) : 0, false),
    },
  };

  // 4. Summaries and the projection.
  const classes = (['words', 'filters', 'combined'] as const).map((cls) => {
    const ms = measured.filter((m) => m.class === cls && !m.error);
    return {
      class: cls,
      queries: measured.filter((m) => m.class === cls).length,
      latencyMs: stats(ms.map((m) => m.ms)),
      readUnits: stats(ms.map((m) => m.readUnits)),
      itemsRead: stats(ms.map((m) => m.listItems + m.directKeys + m.records)),
      directKeys: stats(ms.map((m) => m.directKeys)),
      boundItems: stats(ms.map((m) => m.read.items)),
      completeShare: ms.length ? ms.filter((m) => m.complete).length / ms.length : NaN,
      total: stats(ms.map((m) => m.total)),
      // Rough: would the query still finish within the bound with every list 100x longer? It reads its
      // smallest list to the end and asks the others about each of its articles, or reads every list.
      completeAt1MEstimate: ms.length
        ? ms.filter((m) => {
            const scale = PROJECTED_ARTICLES / records.length;
            const lists = m.listsInRange.map((n) => n * scale);
            const all = lists.reduce((a, b) => a + b, 0);
            const viaSmallest = Math.min(...lists) * lists.length;
            return Math.min(all, viaSmallest) <= READ_BOUND;
          }).length / ms.length
        : NaN,
      problems:
        ms.filter((m) => m.check !== 'ok').length + measured.filter((m) => m.class === cls && m.error).length,
    };
  });
  const allUnits = stats(measured.filter((m) => !m.error).map((m) => m.readUnits));
  const postingBytes =
    writes.reduce((s, w) => s + w.bytesSplit.postings, 0) / writes.reduce((s, w) => s + w.postings, 0);
  // Worst case: as many direct membership reads as a search may make (each billed as a GetItem of its own,
  // 0.5), the rest of the bound read from list pages, plus a page of 100 records and the languages query.
  const recordUnits = Math.max(1, Math.ceil(bytesSplit.record / 4096)) * 0.5;
  const listUnits = (postings: number) =>
    Math.ceil(postings / 200) * Math.ceil((200 * postingBytes) / 4096) * 0.5;
  const worst = {
    allDirect: MAX_DIRECT_READS * 0.5 + listUnits(READ_BOUND - MAX_DIRECT_READS) + 100 * recordUnits + 0.5,
    allListReads:
      Math.ceil(READ_BOUND / 200) * Math.ceil((200 * postingBytes) / 4096) * 0.5 + 100 * recordUnits + 0.5,
  };
  const gb = (bytes: number) => bytes / 2 ** 30;
  const storageGb = gb(billedBytesPerArticle * PROJECTED_ARTICLES);
  const searchesPerMonth = SEARCHES_PER_DAY * 30;
  const projection = {
    articles: PROJECTED_ARTICLES,
    prices: PRICES,
    writeUnitsPerArticle: r1(unitStats.mean),
    ingestWriteUnits: Math.round(unitStats.mean * PROJECTED_ARTICLES),
    ingestCost: r2((unitStats.mean * PROJECTED_ARTICLES * PRICES.perMillionWrite) / 1e6),
    storageGb: r1(storageGb),
    storageCostPerMonth: r2(storageGb * PRICES.perGbMonth),
    searchesPerMonth,
    readUnitsPerSearch: {
      mean: r2(allUnits.mean),
      p95: allUnits.p95,
      worstAllDirect: worst.allDirect,
      worstAllListReads: worst.allListReads,
    },
    searchCostPerMonth: {
      atMean: r2((allUnits.mean * searchesPerMonth * PRICES.perMillionRead) / 1e6),
      atP95: r2((allUnits.p95 * searchesPerMonth * PRICES.perMillionRead) / 1e6),
      atWorst: r2((worst.allDirect * searchesPerMonth * PRICES.perMillionRead) / 1e6),
    },
  };

  const report = {
    date: new Date().toISOString(),
    commit: gitDescription(),
    machine: machineDescription(),
    emulator: `MiniStack ${MINISTACK_VERSION}`,
    command: 'AWS_ENDPOINT_URL=http://127.0.0.1:4630 npm run bench:search',
    settings: {
      articles: ARTICLES,
      writeConcurrency: WRITE_CONCURRENCY,
      queriesPerClass: QUERIES_PER_CLASS,
      readBound: READ_BOUND,
      shards: SHARDS,
    },
    input,
    corpus,
    archive: {
      records: records.length,
      indexed: indexedRecords.length,
      rejected: records.filter((r) => r.status === 'rejected').length,
      languages: oracle.languages.length,
      withSection: indexedRecords.filter((r) => r.section).length,
      sources: new Set(records.map((r) => r.sourceName)).size,
      dates: `${DATE_SPAN_DAYS} days to ${new Date(DATE_END).toISOString().slice(0, 10)}, evenly spread`,
    },
    build: {
      parseSeconds: r1(parseSeconds),
      tagSeconds: r1(tagSeconds),
      indexSeconds: r1(indexSeconds),
      indexedPerSecond: r1(records.length / indexSeconds),
      outcomes,
    },
    writes: {
      sample: writes.length,
      unitsPerArticle: unitStats,
      split,
      differFromApply: mismatches.length,
      mismatches: mismatches.slice(0, 5),
      postingsPerArticle: postingCounts,
      bytesPerArticle: byteStats,
      bytesSplit,
      storedItemsPerArticle: r1(storedItems),
      billedBytesPerArticle: Math.round(billedBytesPerArticle),
      meanPostingBytes: Math.round(postingBytes),
    },
    partitions: { hottest, maxShareByKind, hottestList, hottestCounter, topWords },
    consumedCapacity,
    search: {
      classes,
      readCountDiffers,
      overBound,
      problems: problems.map((p) => ({ params: p.params, check: p.check, error: p.error })),
      queries: measured,
    },
    projection,
  };
  writeReport('search', report, markdown(report));
  log(`wrote bench/results/search.json and the search section of BENCHMARKS.md`);
}

type Report = {
  date: string;
  commit: string;
  machine: string;
  emulator: string;
  command: string;
  settings: { articles: number; writeConcurrency: number };
  input: string;
  archive: {
    records: number;
    indexed: number;
    rejected: number;
    languages: number;
    withSection: number;
    sources: number;
    dates: string;
  };
  build: { parseSeconds: number; tagSeconds: number; indexSeconds: number; indexedPerSecond: number };
  writes: {
    sample: number;
    unitsPerArticle: ReturnType<typeof stats>;
    split: Record<'recordAndCounter' | 'fingerprints' | 'postings', ReturnType<typeof stats>>;
    differFromApply: number;
    postingsPerArticle: ReturnType<typeof stats>;
    bytesPerArticle: ReturnType<typeof stats>;
    bytesSplit: Record<'record' | 'fingerprints' | 'postings', number>;
    storedItemsPerArticle: number;
    billedBytesPerArticle: number;
    meanPostingBytes: number;
  };
  partitions: {
    hottest: Array<{ pk: string; articles: number; share: number }>;
    maxShareByKind: Record<string, { pk: string; share: number }>;
    hottestList: { pk: string; share: number };
    hottestCounter: { pk: string; share: number };
    topWords: Array<{ pk: string; share: number }>;
  };
  consumedCapacity: {
    query: { items: number; bytes: number; reported: number | null; computed: number };
    getItem: { bytes: number; reported: number | null; computed: number };
  };
  search: {
    classes: Array<{
      class: string;
      queries: number;
      latencyMs: ReturnType<typeof stats>;
      readUnits: ReturnType<typeof stats>;
      itemsRead: ReturnType<typeof stats>;
      directKeys: ReturnType<typeof stats>;
      boundItems: ReturnType<typeof stats>;
      completeShare: number;
      completeAt1MEstimate: number;
      problems: number;
    }>;
    readCountDiffers: number;
    overBound: number;
    problems: Array<{ params: Record<string, string>; check: string; error?: string }>;
  };
  projection: {
    prices: typeof PRICES;
    writeUnitsPerArticle: number;
    ingestCost: number;
    storageGb: number;
    storageCostPerMonth: number;
    searchesPerMonth: number;
    readUnitsPerSearch: { mean: number; p95: number; worstAllDirect: number; worstAllListReads: number };
    searchCostPerMonth: { atMean: number; atP95: number; atWorst: number };
  };
};

const pct = (x: number) => `${Math.round(x * 100)} %`;
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

function markdown(r: Report): string {
  const w = r.writes;
  const p = r.projection;
  const rows = r.search.classes
    .map(
      (c) =>
        `| ${c.class} | ${c.queries} | ${r1(c.latencyMs.p50)} | ${r1(c.latencyMs.p95)} | ${c.readUnits.p50} / ${c.readUnits.p95} | ${n0(c.itemsRead.p50)} / ${n0(c.itemsRead.p95)} (max ${n0(c.itemsRead.max)}) | ${n0(c.directKeys.p95)} | ${pct(c.completeShare)} | ${pct(c.completeAt1MEstimate)} | ${c.problems} |`,
    )
    .join('\n');
  const kinds = Object.entries(r.partitions.maxShareByKind)
    .sort((a, b) => b[1].share - a[1].share)
    .map(([kind, m]) => `${kind} ${pct(m.share)} (\`${m.pk}\`)`)
    .join(', ');
  const cc = r.consumedCapacity;
  return `
## Search (${n0(r.archive.records)} articles in the local emulator)

Command: \`${r.command}\` (BENCH_ARTICLES=${r.settings.articles}, ${r.settings.writeConcurrency} writes at a time) · ${r.date.slice(0, 10)} · commit ${r.commit} · ${r.machine} · ${r.emulator}

**Archive.** ${r.input}; copies of them altered as \`npm run bench\` alters its uploads, tagged in process, and written with \`ArticleIndex.apply\` (no duplicate detection): ${n0(r.archive.indexed)} indexed and ${n0(r.archive.rejected)} rejected records, ${r.archive.languages} languages, ${r.archive.sources} sources, ${n0(r.archive.withSection)} with a section, dates over ${r.archive.dates}. Parsing took ${r.build.parseSeconds} s, tagging ${r.build.tagSeconds} s; indexing ran at ${r.build.indexedPerSecond} articles/s (${r.build.indexSeconds} s) against MiniStack.

**Writes per indexed article** (DynamoDB rules, shared/core/write-units.ts; ${n0(w.sample)} records read back, ${w.differFromApply} differ from what \`apply()\` returned):

| | write units, mean | p50 | p95 |
|---|---|---|---|
| record (transactional, 2×) + status counter | ${r1(w.split.recordAndCounter.mean)} | ${w.split.recordAndCounter.p50} | ${w.split.recordAndCounter.p95} |
| fingerprint items (batch writes) | ${r1(w.split.fingerprints.mean)} | ${w.split.fingerprints.p50} | ${w.split.fingerprints.p95} |
| search postings (batch writes) | ${r1(w.split.postings.mean)} | ${w.split.postings.p50} | ${w.split.postings.p95} |
| **total** | **${r1(w.unitsPerArticle.mean)}** | ${w.unitsPerArticle.p50} | ${w.unitsPerArticle.p95} |

Postings per article: p50 ${w.postingsPerArticle.p50}, p95 ${w.postingsPerArticle.p95}, max ${w.postingsPerArticle.max} (a posting is ${w.meanPostingBytes} bytes on average). Bytes stored per article: mean ${n0(w.bytesPerArticle.mean)} (record ${n0(w.bytesSplit.record)}, fingerprints ${n0(w.bytesSplit.fingerprints)}, postings ${n0(w.bytesSplit.postings)}), ${w.storedItemsPerArticle} items; with DynamoDB's 100 bytes a item, ${n0(w.billedBytesPerArticle)} billed bytes.

**Hot partitions.** The share of all articles that write into one partition key, the largest of each kind: ${kinds}. The sharded lists (${'`'}ST#${'`'}, ${'`'}L#${'`'}, ${'`'}SRC#${'`'}, ... at SHARDS = 8) stay near 1/8 each; the busiest list partition is \`${r.partitions.hottestList.pk}\` (${pct(r.partitions.hottestList.share)} of articles). Word lists are not sharded, so a common word's list takes that word's share of all writes: the largest are ${r.partitions.topWords.map((t) => `\`${t.pk}\` ${pct(t.share)}`).join(', ')}${r.partitions.topWords.some((t) => t.pk === 'W#updat') ? ' (`W#updat` is the "(update N)" this bench, like `npm run bench`, adds to every second copy\'s headline)' : ''}. The status counters are one partition per status and shard: the busiest, \`${r.partitions.hottestCounter.pk}\`, takes ${pct(r.partitions.hottestCounter.share)} of articles.

**Search** (${r.search.classes.reduce((s, c) => s + c.queries, 0)} queries drawn from the indexed data, run one at a time through \`createArchive(...).search(params)\`; read units counted from the items each Query and BatchGetItem returned, eventually consistent: a Query ⌈bytes/4 KB⌉ × 0.5, each BatchGetItem key ⌈bytes/4 KB⌉ × 0.5, a missing key 0.5):

| query class | n | p50 ms | p95 ms | read units p50 / p95 | items read p50 / p95 | direct reads p95 | complete | complete at 1M (est.) | wrong answers |
|---|---|---|---|---|---|---|---|---|---|
${rows}

- Items read are postings from lists, keys asked for directly, and the records of the page. Every answer was checked against an oracle computed from \`postingsOf()\` of every record: with \`complete\`, the total must equal the matches; without, it must equal the matches dated \`coveredFrom\` or later. ${r.search.problems.length ? `**${r.search.problems.length} answers failed the check**: see \`search.problems\` in bench/results/search.json.` : 'Every answer passed.'} The largest \`read.items\` any query reported was ${n0(Math.max(...r.search.classes.map((c) => c.boundItems.max)))} against its bound of ${n0(READ_BOUND + 20)} (READ_BOUND + the page's 20 records); no query read more postings than READ_BOUND (${r.search.overBound} over); the index's own \`read.items\` differs from what DynamoDB returned in ${r.search.readCountDiffers} queries.
- MiniStack is one Python process on a shared machine: the latencies are MiniStack's, not DynamoDB's. What carries over to AWS is the number of requests and items and the read units.
- MiniStack returns ConsumedCapacity, but not by size: ${cc.query.reported} for a Query of ${cc.query.items} postings (${n0(cc.query.bytes)} bytes, ${cc.query.computed} by DynamoDB's rules) and ${cc.getItem.reported} for a record of ${n0(cc.getItem.bytes)} bytes (${cc.getItem.computed}). The units here are computed, not reported.

**At 1,000,000 articles** (us-east-1 on-demand: $${p.prices.perMillionWrite} per million write request units, $${p.prices.perMillionRead} per million read request units, $${p.prices.perGbMonth} per GB-month; prices assumed, not read from a bill):

- Write units per article do not depend on the archive's size: ${p.writeUnitsPerArticle} a article, so ingesting 1M articles costs ${n0(p.writeUnitsPerArticle * 1e6)} write units, **$${p.ingestCost}**.
- Storage: ${p.storageGb} GB, **$${p.storageCostPerMonth} a month**.
- Reads per search are bounded by READ_BOUND (2,000 postings) plus the page's records, whatever the archive's size. Measured here: mean ${p.readUnitsPerSearch.mean}, p95 ${p.readUnitsPerSearch.p95} read units. The worst case is a query that makes all the direct membership reads a search may (${MAX_DIRECT_READS}, each a BatchGetItem key billed like a GetItem) and reads the rest of its bound from lists, with a page of 100 records and the languages query: ≈ **${p.readUnitsPerSearch.worstAllDirect} read units**; all from list pages it is about ${p.readUnitsPerSearch.worstAllListReads}. ${n0(p.searchesPerMonth)} searches a month (100,000 a day) cost **$${p.searchCostPerMonth.atMean}** at this mix's mean, $${p.searchCostPerMonth.atP95} at its p95, and at most $${p.searchCostPerMonth.atWorst} if every search were the worst case.
- What grows with the archive is not the cost of a search but how often it is cut short. A list 100 times longer no longer fits in the bound, and the answer comes back \`complete: false\`: it holds every match dated \`coveredFrom\` or later, and says nothing of older ones (the next pages of the same query do not reach further back). The "complete at 1M" column estimates this from each query's list sizes within its date range, times 100: it finishes if all its lists fit in 2,000 postings, or its smallest list does with one direct read per candidate and other list.
`;
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
