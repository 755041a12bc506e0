import { createHash } from 'node:crypto';
import { ARTICLE_STATUSES, type ArticleRecord, type ArticleStatus } from '../core/index-model';
import { listRef, postingPartition, type ListKind, type PostingFacets } from '../core/search-model';
import { fold, matchRanges, queryTermVariants, tokenize } from '../core/text-analysis';
import { SUBTOPICS, TOPICS } from '../core/tag/topics-data';
import {
  InvalidRequestError,
  SEARCH_PARAMETERS,
  type FacetCount,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
} from './archive-api';

/**
 * Search over the inverted lists of search-model.ts, from DynamoDB alone.
 *
 * The query's words and its entity or place each name a list (a word: the union of its stems in the
 * archive's languages); the other filters (status, section, source, language, country, topic, copies)
 * are checked on what every posting carries, or, when the query has nothing else, one of them is read
 * as a list. Lists are read newest first in rounds, all within the date range:
 *  - once every list is read to its end, the answer is exact;
 *  - once one list is, its articles are the candidates, and membership in the unfinished lists is read
 *    directly (one small read per candidate and list) when that fits in what is left of the bound;
 *  - when the bound runs out first, every match newer than the point all lists were read down to is
 *    known, and the answer says so (`complete: false`, `coveredFrom`).
 * No query reads more than READ_BOUND postings (of which at most MAX_DIRECT_READS directly), plus the
 * records of the page it returns.
 */

export const READ_BOUND = 2000;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 8;
const MAX_VALUE_CHARS = 200;
/**
 * Direct membership reads are billed one by one (half a read unit each, against a twentieth of a unit for
 * a posting read in a list page), so they get a smaller share of the bound.
 */
export const MAX_DIRECT_READS = 200;
const FIRST_ROUND_PAGE = 100;
const PAGE = 200;
const FACET_SIZE = 10;
/** Recency adds up to this much to a score, halving every RECENCY_HALF_LIFE_DAYS. */
const RECENCY_WEIGHT = 1;
const RECENCY_HALF_LIFE_DAYS = 30;
/** An entity filter adds its salience in the article, times this. */
const ENTITY_WEIGHT = 2;

export interface PostingRead {
  id: string;
  /** <article date>#<id>: the list's sort key. */
  sortKey: string;
  weight: number;
  facets: PostingFacets;
}

export interface ListPage {
  postings: PostingRead[];
  /** Where the next page starts; absent at the end of the list. */
  next?: Record<string, unknown>;
}

/** What search needs from the index (ArticleIndex implements it). */
export interface SearchIndex {
  /** One page of a list, newest first, sort keys within [from, to]. */
  readList(
    partition: string,
    range: { from: string; to: string },
    limit: number,
    start?: Record<string, unknown>,
  ): Promise<ListPage>;
  /** The postings among these that exist (a direct read each). */
  findPostings(
    refs: ReadonlyArray<{ partition: string; sortKey: string }>,
  ): Promise<Array<PostingRead & { partition: string }>>;
  /** The records of these ids (missing ones left out), in any order. */
  records(ids: readonly string[]): Promise<ArticleRecord[]>;
  /** Every language the archive holds articles in. */
  languages(): Promise<string[]>;
}

// ---------------------------------------------------------------------------------------------------------
// Request

const PARAMETERS: readonly string[] = SEARCH_PARAMETERS;

const DATE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
/** A year or a month is read as its first day, to check that it is a date at all. */
const parseable = (value: string) =>
  Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);

const TOPIC_LABELS = new Map<string, string>(
  [...TOPICS, ...SUBTOPICS].flatMap((t) => [
    [fold(t.label), t.code],
    [t.code, t.code],
    [t.code.replace(/^medtop:/, ''), t.code],
  ]),
);
const TOPIC_NAMES = new Map<string, string>([...TOPICS, ...SUBTOPICS].map((t) => [t.code, t.label]));

/** A topic by code, by label, or by the start of exactly one label ("politics" for "politics and government"). */
function topicCode(value: string): string | undefined {
  const wanted = fold(value);
  const exact = TOPIC_LABELS.get(wanted);
  if (exact) return exact;
  const starts = [...TOPIC_NAMES].filter(([, label]) => fold(label).startsWith(`${wanted} `));
  return starts.length === 1 ? starts[0]![0] : undefined;
}

/** Turns raw query-string values into a request, or says which one is wrong and why. */
export function parseSearchRequest(params: Record<string, string | undefined>): SearchRequest {
  for (const name of Object.keys(params)) {
    if (!PARAMETERS.includes(name))
      throw new InvalidRequestError(`unknown parameter "${name}"; known: ${PARAMETERS.join(', ')}`, name);
  }
  const text = (name: keyof SearchRequest, max = MAX_VALUE_CHARS): string | undefined => {
    const raw = params[name];
    if (raw === undefined) return undefined;
    const value = raw.normalize('NFC').trim();
    if (!value) return undefined;
    if (value.length > max) throw new InvalidRequestError(`"${name}" is longer than ${max} characters`, name);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value))
      throw new InvalidRequestError(`"${name}" holds control characters`, name);
    return value;
  };
  const request: SearchRequest = { limit: DEFAULT_LIMIT };
  const q = text('q', MAX_QUERY_CHARS);
  if (q) {
    if (tokenize(q).length > MAX_QUERY_WORDS)
      throw new InvalidRequestError(`"q" may hold at most ${MAX_QUERY_WORDS} words`, 'q');
    request.q = q;
  }
  for (const name of ['entity', 'place', 'section', 'source'] as const) {
    const value = text(name);
    if (value) request[name] = value;
  }
  const country = text('country');
  if (country) {
    if (!/^[A-Za-z]{2}$/.test(country))
      throw new InvalidRequestError('"country" must be an ISO 3166-1 alpha-2 code such as JP', 'country');
    request.country = country.toUpperCase();
  }
  const topic = text('topic');
  if (topic) {
    const code = topicCode(topic);
    if (!code)
      throw new InvalidRequestError(
        `"topic" must be an IPTC Media Topic code (medtop:11000000) or label (politics), got "${topic}"`,
        'topic',
      );
    request.topic = code;
  }
  const language = text('language');
  if (language) {
    if (!/^[a-z]{2,3}$/.test(language))
      throw new InvalidRequestError('"language" must be an ISO 639-1 code such as en', 'language');
    request.language = language;
  }
  const status = text('status');
  if (status) {
    if (!(ARTICLE_STATUSES as readonly string[]).includes(status))
      throw new InvalidRequestError(`"status" must be one of ${ARTICLE_STATUSES.join(', ')}`, 'status');
    request.status = status as ArticleStatus;
  }
  const duplicateOf = text('duplicateOf');
  if (duplicateOf) {
    if (!/^[0-9a-f]{20}$/.test(duplicateOf))
      throw new InvalidRequestError('"duplicateOf" must be an article id (20 hex digits)', 'duplicateOf');
    request.duplicateOf = duplicateOf;
  }
  for (const name of ['since', 'until'] as const) {
    const value = text(name);
    if (!value) continue;
    if (!DATE.test(value) || Number.isNaN(parseable(value)))
      throw new InvalidRequestError(
        `"${name}" must be a date such as 2026, 2026-11, 2026-11-29 or 2026-11-29T08:00:00Z, got "${value}"`,
        name,
      );
    request[name] = value;
  }
  if (request.since && request.until && rangeOf(request).from > rangeOf(request).to)
    throw new InvalidRequestError('"since" is after "until"', 'since');
  const limit = text('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (!/^\d+$/.test(limit) || n < 1 || n > MAX_LIMIT)
      throw new InvalidRequestError(`"limit" must be a whole number from 1 to ${MAX_LIMIT}`, 'limit');
    request.limit = n;
  }
  const cursor = text('cursor', 500);
  if (cursor) request.cursor = cursor;
  return request;
}

/** Sort-key bounds of a date range: "~" sorts after every id, so `until` takes in its whole day or month. */
function rangeOf(request: Pick<SearchRequest, 'since' | 'until'>): { from: string; to: string } {
  return { from: request.since ?? '0', to: `${request.until ?? '9999'}~` };
}

// ---------------------------------------------------------------------------------------------------------
// Cursor: which query, how far into its ranking, and the instant recency was scored at (so every page of
// one search ranks alike). Checksummed: a cursor edited by hand or taken from another query is refused.

interface CursorState {
  query: string;
  offset: number;
  at: number;
}

const queryHash = (request: SearchRequest): string => {
  const { cursor: _c, limit: _l, ...query } = request;
  const sorted = Object.fromEntries(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 16);
};
const checksum = (payload: string) =>
  createHash('sha256').update(`copydesk-cursor:${payload}`).digest('base64url').slice(0, 12);

function encodeCursor(state: CursorState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${checksum(payload)}`;
}

function decodeCursor(cursor: string, request: SearchRequest): CursorState {
  const [payload, sum, extra] = cursor.split('.');
  if (!payload || !sum || extra !== undefined || checksum(payload) !== sum)
    throw new InvalidRequestError(
      '"cursor" is not one this API issued: pass back a page\'s cursor unchanged',
      'cursor',
    );
  let state: CursorState;
  try {
    state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorState;
  } catch {
    throw new InvalidRequestError('"cursor" cannot be read', 'cursor');
  }
  if (state.query !== queryHash(request))
    throw new InvalidRequestError(
      '"cursor" belongs to another query: repeat the query it came from',
      'cursor',
    );
  if (!Number.isInteger(state.offset) || state.offset < 0 || !Number.isFinite(state.at))
    throw new InvalidRequestError('"cursor" cannot be read', 'cursor');
  return state;
}

// ---------------------------------------------------------------------------------------------------------
// Plan

/** A list to read: one ListRef, or for a word, the union of its stems (each a ListRef). */
interface Group {
  refs: Array<{ kind: ListKind; value: string }>;
  /** What a match in this list adds to the score. */
  scale: number;
}

interface Plan {
  groups: Group[];
  /** Filters checked on each posting's facets. */
  accept: (facets: PostingFacets) => boolean;
  /** The words' terms, for highlighting. */
  terms: Set<string>;
}

/**
 * The words of a query, each as the terms it may have been indexed as in these languages; stopwords and
 * repeats left out. Every word must match one of its terms.
 */
export function queryWords(q: string, languages: readonly string[]): string[][] {
  const words = new Map<string, string[]>();
  for (const token of tokenize(q)) {
    const variants = queryTermVariants(token.text, languages);
    if (variants.length) words.set(variants.join('|'), variants);
  }
  return [...words.values()];
}

async function planOf(request: SearchRequest, index: SearchIndex): Promise<Plan> {
  const groups: Group[] = [];
  const terms = new Set<string>();
  if (request.q) {
    const languages = request.language ? [request.language] : await index.languages();
    for (const variants of queryWords(request.q, languages)) {
      variants.forEach((v) => terms.add(v));
      groups.push({ refs: variants.map((value) => ({ kind: 'word', value })), scale: 1 });
    }
  }
  for (const name of [request.entity, request.place]) {
    if (name) groups.push({ refs: [{ kind: 'entity', value: name }], scale: ENTITY_WEIGHT });
  }
  const status = request.status ?? 'indexed';
  const filters: Array<{ kind: ListKind; value: string; test: (f: PostingFacets) => boolean }> = [];
  if (request.duplicateOf) {
    const id = request.duplicateOf;
    filters.push({ kind: 'copies', value: id, test: (f) => f.d === id });
  }
  if (request.topic) {
    const code = request.topic;
    filters.push({ kind: 'topic', value: code, test: (f) => !!f.t?.includes(code) });
  }
  if (request.country) {
    const cc = request.country;
    filters.push({ kind: 'country', value: cc, test: (f) => !!f.c?.includes(cc) });
  }
  if (request.section) {
    const section = fold(request.section);
    filters.push({
      kind: 'section',
      value: request.section,
      test: (f) => !!f.sec && fold(f.sec) === section,
    });
  }
  if (request.source) {
    const source = fold(request.source);
    filters.push({ kind: 'source', value: request.source, test: (f) => fold(f.src) === source });
  }
  if (request.language) {
    const language = request.language;
    filters.push({ kind: 'language', value: language, test: (f) => f.l === language });
  }
  // Rejected and deleted records are few, and are not in most other lists (a deleted one is in none).
  const byStatus = { kind: 'status' as const, value: status, test: (f: PostingFacets) => f.st === status };
  if (status === 'indexed') filters.push(byStatus);
  else filters.unshift(byStatus);
  // With nothing else to read (or only stopwords), the most selective filter is read as a list: they
  // are listed from the narrowest kind to the broadest.
  if (!groups.length) {
    const first = filters[0]!;
    groups.push({ refs: [{ kind: first.kind, value: first.value }], scale: 0 });
  }
  return { groups, terms, accept: (f) => filters.every((filter) => filter.test(f)) };
}

// ---------------------------------------------------------------------------------------------------------
// Read

interface Stream {
  partition: string;
  next?: Record<string, unknown>;
  done: boolean;
  /** The oldest sort key read so far: everything newer is known. */
  oldest?: string;
}

interface GroupState extends Group {
  streams: Stream[];
  /** id -> the best posting read for it (a word's stems: the highest weight). */
  found: Map<string, PostingRead>;
}

const isDone = (g: GroupState) => g.streams.every((s) => s.done);
/** Every posting of the group newer than this has been read ('' when it has been read to the end). */
const frontier = (g: GroupState) =>
  g.streams.reduce((max, s) => {
    if (s.done) return max;
    const oldest = s.oldest ?? '\uffff'; // a stream not read yet knows nothing
    return oldest > max ? oldest : max;
  }, '');

class Reader {
  read = 0;
  private rounds = 0;
  constructor(
    private readonly index: SearchIndex,
    private readonly range: { from: string; to: string },
  ) {}

  get left() {
    return READ_BOUND - this.read;
  }

  /** One more page of every unfinished stream of these groups; false when the bound does not allow it. */
  async round(groups: GroupState[]): Promise<boolean> {
    const streams = groups.flatMap((g) => g.streams.filter((s) => !s.done).map((s) => ({ g, s })));
    if (!streams.length) return false;
    const page = Math.min(
      this.rounds === 0 ? FIRST_ROUND_PAGE : PAGE,
      Math.floor(this.left / streams.length),
    );
    if (page < 1) return false;
    this.rounds += 1;
    await Promise.all(
      streams.map(async ({ g, s }) => {
        const result = await this.index.readList(s.partition, this.range, page, s.next);
        this.read += result.postings.length;
        s.next = result.next;
        s.done = !result.next;
        for (const posting of result.postings) {
          if (!s.oldest || posting.sortKey < s.oldest) s.oldest = posting.sortKey;
          const known = g.found.get(posting.id);
          if (!known || posting.weight > known.weight) g.found.set(posting.id, posting);
        }
      }),
    );
    return true;
  }
}

interface Match {
  id: string;
  sortKey: string;
  facets: PostingFacets;
  /** Weight per group, in plan order. */
  weights: number[];
}

/** Reads the plan's lists within the bound and returns every match it can vouch for. */
async function findMatches(
  plan: Plan,
  index: SearchIndex,
  range: { from: string; to: string },
): Promise<{ matches: Match[]; complete: boolean; coveredFrom?: string; read: number }> {
  const reader = new Reader(index, range);
  const groups: GroupState[] = plan.groups.map((g) => ({
    ...g,
    streams: g.refs.flatMap((r) =>
      listRef(r.kind, r.value).partitions.map((partition) => ({ partition, done: false })),
    ),
    found: new Map(),
  }));
  if (!groups.length) return { matches: [], complete: true, read: 0 };

  await reader.round(groups);
  for (;;) {
    if (groups.every(isDone))
      return { matches: intersect(groups, plan, ''), complete: true, read: reader.read };
    const finished = groups.filter(isDone);
    if (finished.length) {
      const driver = finished.reduce((a, b) => (b.found.size < a.found.size ? b : a));
      const resolved = await resolveCandidates(driver, groups, plan, index, reader);
      if (resolved) return { matches: resolved, complete: true, read: reader.read };
      // Too many unknowns for direct reads: read further down the unfinished lists instead.
    }
    if (!(await reader.round(groups.filter((g) => !isDone(g))))) {
      const cutoff = groups.reduce((max, g) => (frontier(g) > max ? frontier(g) : max), '');
      return {
        matches: intersect(groups, plan, cutoff),
        complete: false,
        coveredFrom: cutoff.slice(0, cutoff.lastIndexOf('#')),
        read: reader.read,
      };
    }
  }
}

/** Articles every group has read, with sort keys at or above `cutoff`, that pass the filters. */
function intersect(groups: GroupState[], plan: Plan, cutoff: string): Match[] {
  const [smallest] = [...groups].sort((a, b) => a.found.size - b.found.size);
  const matches: Match[] = [];
  for (const [id, posting] of smallest!.found) {
    if (posting.sortKey < cutoff || !plan.accept(posting.facets)) continue;
    const weights = groups.map((g) => g.found.get(id)?.weight);
    if (weights.some((w) => w === undefined)) continue;
    matches.push({ id, sortKey: posting.sortKey, facets: posting.facets, weights: weights as number[] });
  }
  return matches;
}

/**
 * With one list read to its end, its articles are the only candidates: each unfinished list either has
 * read past a candidate (so knows), or is asked directly. Undefined when the direct reads would not fit.
 */
async function resolveCandidates(
  driver: GroupState,
  groups: GroupState[],
  plan: Plan,
  index: SearchIndex,
  reader: Reader,
): Promise<Match[] | undefined> {
  const candidates = [...driver.found.values()].filter((p) => plan.accept(p.facets));
  const asks: Array<{ partition: string; sortKey: string; group: number; id: string }> = [];
  const weights = new Map<string, Array<number | undefined>>();
  const excluded = new Set<string>();
  for (const candidate of candidates) {
    const row = groups.map((g) => g.found.get(candidate.id)?.weight);
    weights.set(candidate.id, row);
    groups.forEach((g, i) => {
      if (row[i] !== undefined || isDone(g)) {
        if (row[i] === undefined) excluded.add(candidate.id);
        return;
      }
      if (candidate.sortKey > frontier(g)) {
        excluded.add(candidate.id); // the list has read past it without seeing it
        return;
      }
      for (const ref of g.refs)
        asks.push({
          partition: postingPartition(ref.kind, ref.value, candidate.id),
          sortKey: candidate.sortKey,
          group: i,
          id: candidate.id,
        });
    });
  }
  const open = asks.filter((a) => !excluded.has(a.id));
  if (open.length > Math.min(reader.left, MAX_DIRECT_READS)) return undefined;
  if (open.length) {
    reader.read += open.length;
    const found = await index.findPostings(open);
    const groupOf = new Map(open.map((a) => [`${a.partition}\u0000${a.sortKey}`, a.group]));
    for (const posting of found) {
      const group = groupOf.get(`${posting.partition}\u0000${posting.sortKey}`);
      const row = weights.get(posting.id);
      if (group === undefined || !row) continue;
      row[group] = Math.max(row[group] ?? 0, posting.weight);
    }
  }
  return candidates
    .filter((c) => !excluded.has(c.id) && weights.get(c.id)!.every((w) => w !== undefined))
    .map((c) => ({ id: c.id, sortKey: c.sortKey, facets: c.facets, weights: weights.get(c.id) as number[] }));
}

// ---------------------------------------------------------------------------------------------------------
// Rank, count, page

const dateOf = (sortKey: string) => sortKey.slice(0, sortKey.lastIndexOf('#'));

function scoreOf(match: Match, plan: Plan, at: number): number {
  const relevance = match.weights.reduce((sum, w, i) => sum + w * plan.groups[i]!.scale, 0);
  const time = Date.parse(dateOf(match.sortKey));
  const ageDays = Number.isNaN(time) ? Infinity : Math.max(0, (at - time) / 86_400_000);
  const recency = RECENCY_WEIGHT * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
  return Math.round((relevance + recency) * 10_000) / 10_000;
}

function count(
  values: Iterable<string | undefined>,
  label?: (value: string) => string | undefined,
): FacetCount[] {
  const counts = new Map<string, { value: string; count: number }>();
  for (const value of values) {
    if (!value) continue;
    const key = fold(value);
    const entry = counts.get(key) ?? { value, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, FACET_SIZE)
    .map(({ value, count }) => {
      const shown = label?.(value);
      return shown && shown !== value ? { value, label: shown, count } : { value, count };
    });
}

function facetsOf(matches: Match[]): SearchResponse['facets'] {
  const all = (pick: (f: PostingFacets) => string[] | string | undefined) =>
    matches.flatMap((m) => {
      const v = pick(m.facets);
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    });
  return {
    entities: count(all((f) => f.e)),
    places: count(all((f) => f.p)),
    topics: count(
      all((f) => f.t),
      (code) => TOPIC_NAMES.get(code),
    ),
    sections: count(all((f) => f.sec)),
    sources: count(all((f) => f.src)),
    months: count(matches.map((m) => dateOf(m.sortKey).slice(0, 7))).sort((a, b) =>
      b.value.localeCompare(a.value),
    ),
  };
}

export function hitOf(record: ArticleRecord, score: number, terms: ReadonlySet<string>): SearchHit {
  const language = record.language ?? 'und';
  const highlights: SearchHit['highlights'] = {};
  if (terms.size) {
    for (const field of ['title', 'subtitle', 'lead'] as const) {
      const text = record[field];
      const ranges = text ? matchRanges(text, language, terms) : [];
      if (ranges.length) highlights[field] = ranges;
    }
  }
  const entities = (record.entities ?? [])
    .filter((e) => !e.captionOnly)
    .slice(0, 5)
    .map((e) => ({ name: e.name, type: e.type }));
  return {
    id: record.id,
    status: record.status as ArticleStatus,
    ...(record.title ? { title: record.title } : {}),
    ...(record.subtitle ? { subtitle: record.subtitle } : {}),
    ...(record.lead ? { lead: record.lead } : {}),
    ...(record.section ? { section: record.section } : {}),
    ...(record.language ? { language: record.language } : {}),
    sourceName: record.sourceName,
    articleDate: record.articleDate,
    version: record.version,
    source: { key: record.source.key },
    ...(entities.length ? { entities } : {}),
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    ...(record.rejection ? { rejection: record.rejection } : {}),
    score,
    highlights,
  };
}

export async function search(
  index: SearchIndex,
  request: SearchRequest,
  now: () => Date = () => new Date(),
): Promise<SearchResponse> {
  const position = request.cursor
    ? decodeCursor(request.cursor, request)
    : { query: queryHash(request), offset: 0, at: now().getTime() };
  const plan = await planOf(request, index);
  const found = await findMatches(plan, index, rangeOf(request));
  const ranked = found.matches
    .map((m) => ({ m, score: scoreOf(m, plan, position.at) }))
    .sort(
      (a, b) => b.score - a.score || b.m.sortKey.localeCompare(a.m.sortKey) || a.m.id.localeCompare(b.m.id),
    );
  const page = ranked.slice(position.offset, position.offset + request.limit);
  const records = new Map((await index.records(page.map((p) => p.m.id))).map((r) => [r.id, r]));
  const items = page.flatMap(({ m, score }) => {
    const record = records.get(m.id);
    return record ? [hitOf(record, score, plan.terms)] : [];
  });
  const end = position.offset + request.limit;
  return {
    items,
    total: ranked.length,
    complete: found.complete,
    ...(found.coveredFrom ? { coveredFrom: found.coveredFrom } : {}),
    facets: facetsOf(found.matches),
    ...(end < ranked.length ? { cursor: encodeCursor({ ...position, offset: end }) } : {}),
    read: { items: found.read + page.length, bound: READ_BOUND + request.limit },
  };
}
