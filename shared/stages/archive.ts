import type { ArticleRecord, ArticleStatus } from '../core/index-model';
import { ARTICLE_STATUSES } from '../core/index-model';
import { listRef } from '../core/search-model';
import { STAGES, type StageName } from '../topology';
import {
  InvalidRequestError,
  NotFoundError,
  REJECTED_PARAMETERS,
  type ArchiveApi,
  type ArticleView,
  type RejectedResponse,
  type StatusResponse,
} from './archive-api';
import { hitOf, parseSearchRequest, search, type SearchIndex } from './search';

/** What the archive reads besides the search lists. */
export interface ArchiveIndex extends SearchIndex {
  /** Records by status, from the sharded counters the index keeps. */
  counts(): Promise<Record<ArticleStatus, number>>;
}

export interface PublishedDocuments {
  /** The stored ninjs document of an article, or undefined when none is published. */
  get(id: string): Promise<unknown>;
}

export interface QueueDepths {
  depth(stage: StageName, deadLetter: boolean): Promise<number>;
}

export interface ArchiveDeps {
  index: ArchiveIndex;
  published: PublishedDocuments;
  queues: QueueDepths;
  now?: () => Date;
}

const ARTICLE_ID = /^[0-9a-f]{20}$/;
const COPIES_SHOWN = '20';

function checkId(id: string): string {
  if (!ARTICLE_ID.test(id)) throw new InvalidRequestError('an article id is 20 hex digits', 'id');
  return id;
}

/** The archive's read side: the one use case the HTTP API, the CLI and `copydesk serve` call. */
export function createArchive(deps: ArchiveDeps): ArchiveApi {
  const { index } = deps;
  const record = async (id: string): Promise<ArticleRecord> => {
    const [found] = await index.records([checkId(id)]);
    if (!found) throw new NotFoundError(`no article with id ${id}`);
    return found;
  };
  const noTerms = new Set<string>();
  /** The first posting of each shard of the indexed list, not a whole search: a few items, not hundreds. */
  const newestArticle = async () => {
    const heads = await Promise.all(
      listRef('status', 'indexed').partitions.map((p) => index.readList(p, { from: '0', to: '~' }, 1)),
    );
    const [first] = heads.flatMap((h) => h.postings).sort((a, b) => b.sortKey.localeCompare(a.sortKey));
    const [record] = first ? await index.records([first.id]) : [];
    return record && hitOf(record, 0, noTerms);
  };
  const archive: ArchiveApi = {
    search: (params) => search(index, parseSearchRequest(params), deps.now),

    async article(id): Promise<ArticleView> {
      const article = await record(id);
      const original = article.duplicateOf ? (await index.records([article.duplicateOf.id]))[0] : undefined;
      const copies =
        article.status === 'indexed'
          ? (await archive.search({ duplicateOf: article.id, limit: COPIES_SHOWN })).items
          : [];
      return {
        article,
        duplicates: { ...(original ? { of: hitOf(original, 0, noTerms) } : {}), copies },
        history: article.history ?? [],
        ...(article.status === 'indexed' ? { ninjs: `/articles/${article.id}/ninjs` } : {}),
      };
    },

    async ninjs(id) {
      const doc = await deps.published.get(checkId(id));
      if (doc === undefined) throw new NotFoundError(`article ${id} has no published ninjs document`);
      return doc;
    },

    async rejected(params): Promise<RejectedResponse> {
      for (const name of Object.keys(params))
        if (!(REJECTED_PARAMETERS as readonly string[]).includes(name))
          throw new InvalidRequestError(
            `unknown parameter "${name}"; known: ${REJECTED_PARAMETERS.join(', ')}`,
            name,
          );
      const { items, total, complete, cursor, read } = await archive.search({
        ...params,
        status: 'rejected',
      });
      return { items, total, complete, ...(cursor ? { cursor } : {}), read };
    },

    async status(): Promise<StatusResponse> {
      const depths = await Promise.all(
        STAGES.map(async (stage) => ({
          stage,
          waiting: await deps.queues.depth(stage, false),
          deadLettered: await deps.queues.depth(stage, true),
        })),
      );
      const [articles, newest] = await Promise.all([index.counts(), newestArticle()]);
      return {
        queues: Object.fromEntries(depths.map(({ stage, ...d }) => [stage, d])),
        articles: Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, articles[s] ?? 0])) as Record<
          ArticleStatus,
          number
        >,
        ...(newest ? { newest } : {}),
      };
    },
  };
  return archive;
}
