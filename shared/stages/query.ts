import {
  ARTICLE_STATUSES,
  type ArticleRecord,
  type ArticleStatus,
  type ArticleSummary,
} from '../core/index-model';

export interface ListOptions {
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** The read side of the index, as the query function and the CLI use it. */
export interface IndexReader {
  get(id: string): Promise<ArticleRecord | undefined>;
  listByFacet(
    kind: 'entity' | 'section' | 'tag' | 'source' | 'copies',
    value: string,
    options?: ListOptions,
  ): Promise<Page<ArticleSummary>>;
  listByStatus(status: ArticleStatus, options?: ListOptions): Promise<Page<ArticleSummary>>;
  listNewest(options?: ListOptions): Promise<Page<ArticleSummary>>;
  countByStatus(status: ArticleStatus): Promise<number>;
}

export type QueryRequest =
  | { op: 'get'; id: string }
  /** `copies`: the articles found to copy the article whose id is `value`. */
  | ({
      op: 'list';
      by: 'entity' | 'section' | 'tag' | 'source' | 'status' | 'copies';
      value: string;
    } & ListOptions)
  | ({ op: 'list'; by: 'newest' } & ListOptions)
  | { op: 'counts' };

export type QueryResponse =
  | { op: 'get'; article: ArticleRecord | null }
  | ({ op: 'list' } & Page<ArticleSummary>)
  | { op: 'counts'; counts: Record<ArticleStatus, number> };

export class InvalidQueryError extends Error {}

export const MAX_LIMIT = 100;

/** Turns an untrusted request (a Lambda event, CLI flags) into a valid one, or says what is wrong. */
export function validateQuery(input: unknown): QueryRequest {
  if (!input || typeof input !== 'object') throw new InvalidQueryError('request must be a JSON object');
  const request = input as Record<string, unknown>;
  const text = (name: string, required: boolean): string | undefined => {
    const value = request[name];
    if (value === undefined || value === null || value === '') {
      if (required) throw new InvalidQueryError(`"${name}" is required`);
      return undefined;
    }
    if (typeof value !== 'string') throw new InvalidQueryError(`"${name}" must be a string`);
    return value.trim();
  };
  const date = (name: string): string | undefined => {
    const value = text(name, false);
    if (value !== undefined && !/^\d{4}-\d{2}(-\d{2}(T[\d:.]+Z?)?)?$/.test(value)) {
      throw new InvalidQueryError(`"${name}" must be an ISO 8601 date such as 2026-11-29, got "${value}"`);
    }
    return value;
  };
  if (request.op === 'get') return { op: 'get', id: text('id', true)! };
  if (request.op === 'counts') return { op: 'counts' };
  if (request.op !== 'list') throw new InvalidQueryError('"op" must be one of get, list, counts');

  const limitValue = request.limit ?? 20;
  const limit = Number(limitValue);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidQueryError(`"limit" must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const options: ListOptions = {
    since: date('since'),
    until: date('until'),
    limit,
    cursor: text('cursor', false),
  };
  const by = request.by ?? 'newest';
  if (by === 'newest') return { op: 'list', by, ...options };
  if (
    by !== 'entity' &&
    by !== 'section' &&
    by !== 'tag' &&
    by !== 'source' &&
    by !== 'status' &&
    by !== 'copies'
  ) {
    throw new InvalidQueryError('"by" must be one of newest, entity, section, tag, source, status, copies');
  }
  const value = text('value', true)!;
  if (by === 'status' && !ARTICLE_STATUSES.includes(value as ArticleStatus)) {
    throw new InvalidQueryError(`status must be one of ${ARTICLE_STATUSES.join(', ')}`);
  }
  return { op: 'list', by, value, ...options };
}

export async function runQuery(index: IndexReader, request: QueryRequest): Promise<QueryResponse> {
  switch (request.op) {
    case 'get':
      return { op: 'get', article: (await index.get(request.id)) ?? null };
    case 'counts': {
      const counts = await Promise.all(ARTICLE_STATUSES.map((s) => index.countByStatus(s)));
      return {
        op: 'counts',
        counts: Object.fromEntries(ARTICLE_STATUSES.map((s, i) => [s, counts[i]!])) as Record<
          ArticleStatus,
          number
        >,
      };
    }
    case 'list': {
      const { since, until, limit, cursor } = request;
      const options = { since, until, limit, cursor };
      if (request.by === 'newest') return { op: 'list', ...(await index.listNewest(options)) };
      if (request.by === 'status') {
        return { op: 'list', ...(await index.listByStatus(request.value as ArticleStatus, options)) };
      }
      return { op: 'list', ...(await index.listByFacet(request.by, request.value, options)) };
    }
  }
}
