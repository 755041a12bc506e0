import type { ArticleRecord, ArticleStatus, HistoryEntry } from '../core/index-model';
import type { EntityType, Rejection } from '../core/article';
import type { DuplicateOf } from '../core/duplicates';

export type { HistoryEntry } from '../core/index-model';

/**
 * The shapes the archive answers in: the HTTP API's JSON, the CLI's `--json`, and what the web page reads.
 * One definition, so the three can never drift; docs/openapi.yaml describes the same shapes.
 */

/** GET /articles: every filter is optional and they are AND'ed together. */
export interface SearchRequest {
  /** Words, matched in the headline, sub-headline, lead, key phrases and entity names. */
  q?: string;
  /** An entity by canonical name or by an alias it was named by ("Kono" finds "Taro Kono"). */
  entity?: string;
  /** A place by name ("Beijing"). */
  place?: string;
  /** ISO 3166-1 alpha-2 code: articles naming a place in that country. */
  country?: string;
  /** IPTC Media Topic code (medtop:11000000) or its label ("politics"). */
  topic?: string;
  section?: string;
  /** The folder under incoming/ the file was dropped in. */
  source?: string;
  /** ISO 639-1. */
  language?: string;
  /** Defaults to indexed. */
  status?: ArticleStatus;
  /** Articles found to copy this article id. */
  duplicateOf?: string;
  /** Article date range, inclusive: 2026, 2026-11, 2026-11-29 or a full ISO instant. */
  since?: string;
  until?: string;
  /** 1..100, default 20. */
  limit: number;
  cursor?: string;
}

/** Every parameter of GET /articles, as a record so that a SearchRequest field missing here fails to compile. */
const SEARCH_PARAMETER_SET: Record<keyof SearchRequest, true> = {
  q: true,
  entity: true,
  place: true,
  country: true,
  topic: true,
  section: true,
  source: true,
  language: true,
  status: true,
  duplicateOf: true,
  since: true,
  until: true,
  limit: true,
  cursor: true,
};
export const SEARCH_PARAMETERS = Object.keys(SEARCH_PARAMETER_SET) as ReadonlyArray<keyof SearchRequest>;
/** GET /rejected pages through rejected files newest first, within an optional date range and source. */
export const REJECTED_PARAMETERS: ReadonlyArray<keyof SearchRequest> = [
  'source',
  'since',
  'until',
  'limit',
  'cursor',
];

/** [start, end) character offsets of matched words in the field's text. */
export type Highlight = [number, number];

export interface SearchHit {
  id: string;
  status: ArticleStatus;
  title?: string;
  subtitle?: string;
  /** The opening of the body, up to about 300 characters. */
  lead?: string;
  section?: string;
  language?: string;
  sourceName: string;
  articleDate: string;
  version: number;
  source: { key: string };
  /** The most salient entities (up to 5). */
  entities?: Array<{ name: string; type: EntityType }>;
  duplicateOf?: DuplicateOf;
  rejection?: Rejection;
  /** Higher is better; equal scores are ordered newest first, then by id. */
  score: number;
  /** Where the query's words matched, per field; empty without `q`. */
  highlights: { title?: Highlight[]; subtitle?: Highlight[]; lead?: Highlight[] };
}

export interface FacetCount {
  /** What to pass back as the filter's value (an entity's name, a country code, a topic code, a month). */
  value: string;
  /** How to show it, when it differs from the value (a topic's label). */
  label?: string;
  count: number;
}

export interface SearchResponse {
  items: SearchHit[];
  /** Articles matching, among those read; a lower bound when `complete` is false. */
  total: number;
  /**
   * False when the read bound stopped the search before it had seen every candidate: the results are then
   * every match dated `coveredFrom` or later, and nothing older.
   */
  complete: boolean;
  coveredFrom?: string;
  /** Counts over the whole result set (not only this page), biggest first, at most 10 each. */
  facets: {
    entities: FacetCount[];
    places: FacetCount[];
    topics: FacetCount[];
    sections: FacetCount[];
    sources: FacetCount[];
    months: FacetCount[];
  };
  /** Pass back with the same query for the next page; absent on the last page. */
  cursor?: string;
  /** What this query read from the index, against the bound every query stays inside. */
  read: { items: number; bound: number };
}

/** GET /articles/{id}. */
export interface ArticleView {
  article: ArticleRecord;
  /** The article this one copies, and the articles found to copy it. */
  duplicates: { of?: SearchHit; copies: SearchHit[] };
  history: HistoryEntry[];
  /** Where the published ninjs document is served: GET /articles/{id}/ninjs (indexed articles only). */
  ninjs?: string;
}

/** GET /rejected: rejected files, newest first, each with its reason. */
export type RejectedResponse = Pick<SearchResponse, 'items' | 'total' | 'complete' | 'cursor' | 'read'>;

/** GET /status. */
export interface StatusResponse {
  queues: Record<string, { waiting: number; deadLettered: number }>;
  articles: Record<ArticleStatus, number>;
  newest?: SearchHit;
}

/** Every 4xx body: what was wrong, in words a caller can act on. */
export interface ErrorResponse {
  error: string;
  /** The parameter at fault, when one is. */
  parameter?: string;
}

/** A request the archive will not answer: becomes a 400 (or the CLI's usage error), never a 500. */
export class InvalidRequestError extends Error {
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** An id nobody indexed: a 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * The archive's read side as every adapter (Lambda, CLI, `copydesk serve`) calls it. `params` are raw
 * query-string values: the use case validates them.
 */
export interface ArchiveApi {
  search(params: Record<string, string | undefined>): Promise<SearchResponse>;
  article(id: string): Promise<ArticleView>;
  /** The published ninjs document, as stored. */
  ninjs(id: string): Promise<unknown>;
  rejected(params: Record<string, string | undefined>): Promise<RejectedResponse>;
  status(): Promise<StatusResponse>;
}
