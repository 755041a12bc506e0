import type { Entity, Fingerprints, Rejection, TaggedArticle, Topic } from './article';
import { fingerprintKeys, fingerprintSortKey, type DuplicateOf } from './duplicates';
import type { ContainerMessage, SourceObject } from './messages';
import { RAW_PREFIX } from '../topology';
import { aliasesOf, LEAD_CHARS } from './search-model';

/**
 * The indexed view of an article and the keys it owns in the single table. Pure: the DynamoDB adapter
 * (shared/aws/article-index.ts) only moves these items.
 *
 *   pk ARTICLE#<id>       sk ARTICLE            the record
 *   pk ARTICLE#<id>       sk MEMBER#<item>      a feed's items, every one it ever produced (for withdrawing them)
 *   pk COUNT#<status>#<shard>  sk COUNT          how many records have each status (a counter per shard)
 *   pk SIMHASH#…/EXACT#…  sk <band>#<time>#<id> an indexed article's fingerprints, to find its copies (duplicates.ts)
 *   pk <list key>         sk <date>#<id>        search postings (search-model.ts)
 *   pk LANGUAGES          sk <language>         every language the archive holds, for analysing queries
 */

export type ArticleStatus = 'indexed' | 'rejected' | 'deleted';
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['indexed', 'rejected', 'deleted'];
/**
 * A record's status: an article's, or `feed` for a feed object, which is not an article itself but the
 * container of its items (listed under STATUS#feed, never faceted or published).
 */
export type RecordStatus = ArticleStatus | 'feed';

export interface EntitySummary {
  name: string;
  type: Entity['type'];
  salience: number;
  captionOnly?: boolean;
  /** How often the article names it, and by which other names (search finds it by these too). */
  count?: number;
  mentions?: string[];
  aliases?: string[];
  /** Places: ISO 3166-1 alpha-2. */
  country?: string;
}

/** One step in a record's life, newest last (the archive's article view shows them). */
export interface HistoryEntry {
  at: string;
  event: 'indexed' | 'reindexed' | 'retagged' | 'rejected' | 'deleted' | 'duplicate-found';
  version: number;
  /** The S3 event's version token (sequencer) that caused it. */
  versionToken: string;
}
/** Older steps fall off: a record stays well inside DynamoDB's item size. */
export const MAX_HISTORY = 20;

export interface ArticleRecord {
  id: string;
  status: RecordStatus;
  /** Counts accepted content changes: 1 on first index, +1 per changed re-upload. */
  version: number;
  versionToken: string;
  source: {
    bucket: string;
    key: string;
    versionId?: string;
    etag?: string;
    size?: number;
    contentHash?: string;
  };
  /** Folder under incoming/ the file was dropped in ("incoming/presstv/x.txt" -> "presstv"). */
  sourceName: string;
  /** Sort date: published date when the article states one, else when it was first indexed. */
  articleDate: string;
  firstIndexedAt: string;
  updatedAt: string;
  title?: string;
  subtitle?: string;
  /** The opening of the body (LEAD_CHARS), for search results and their highlights. */
  lead?: string;
  section?: string;
  language?: string;
  authors?: string[];
  publishedAt?: string;
  wordCount?: number;
  entities?: EntitySummary[];
  keyPhrases?: string[];
  topics?: Topic[];
  rejection?: Rejection;
  deletedAt?: string;
  /** For a feed item: the id of the feed (container) it came from. */
  feedId?: string;
  /** For a feed container: what its last accepted upload held. */
  feed?: { format: string; url?: string; itemCount: number; itemIds: string[] };
  fingerprints?: Fingerprints;
  /** The earlier indexed article this one copies, found when this version was indexed. */
  duplicateOf?: DuplicateOf;
  /** Which parser and which tagger produced an indexed record (absent on records indexed before they were kept). */
  parser?: { version: string };
  tagger?: TaggedArticle['tagger'];
  history?: HistoryEntry[];
}

export type ApplyResult =
  | { outcome: 'applied'; record: ArticleRecord; previous?: ArticleRecord; writeUnits: number }
  /** The table already holds this event or a newer one for the article: nothing written. */
  | { outcome: 'stale'; current: ArticleRecord }
  /** Same content as indexed (same ETag): nothing to rewrite. */
  | { outcome: 'unchanged'; current: ArticleRecord };

/** Caps keep one article's record well inside DynamoDB's 400 KB item. */
export const MAX_STORED_ENTITIES = 50;
export const MAX_KEY_PHRASES = 10;
const MAX_MENTIONS = 8;

export const dateSortKey = (isoDate: string, id: string): string => `${isoDate}#${id}`;

export function sourceNameOf(key: string): string {
  const rest = key.startsWith(RAW_PREFIX) ? key.slice(RAW_PREFIX.length) : key;
  const slash = rest.indexOf('/');
  return slash > 0 ? rest.slice(0, slash) : 'unsorted';
}

/** Where fingerprint items were kept before their sort keys led with the next band; deleted when an article changes. */
export const legacyFingerprintSortKey = (id: string): string => `ARTICLE#${id}`;

/**
 * The items that let later articles find this one: only an indexed article's, so a deleted, rejected or
 * withdrawn article is never anyone's original. They repeat what matching needs, so finding candidates
 * takes no second read.
 */
export function fingerprintItemsOf(
  record: ArticleRecord,
): Array<Record<string, unknown> & { pk: string; sk: string }> {
  if (record.status !== 'indexed' || !record.fingerprints) return [];
  const { id, firstIndexedAt, fingerprints, wordCount } = record;
  return fingerprintKeys({ fingerprints, wordCount }).map((key) => ({
    pk: key.pk,
    sk: fingerprintSortKey(key, firstIndexedAt, id),
    kind: 'Fingerprint',
    id,
    firstIndexedAt,
    exact: fingerprints.exact,
    simhash: fingerprints.simhash,
    ...(wordCount !== undefined ? { wordCount } : {}),
  }));
}

function sourceFields(source: SourceObject): ArticleRecord['source'] {
  return {
    bucket: source.bucket,
    key: source.key,
    versionId: source.versionId,
    etag: source.etag,
    size: source.size,
    ...(source.contentHash ? { contentHash: source.contentHash } : {}),
  };
}

interface Previous {
  record?: ArticleRecord;
}

/** The record's history with one more step, the oldest steps dropped past MAX_HISTORY. */
export function withHistory(
  history: readonly HistoryEntry[] | undefined,
  entry: HistoryEntry,
): HistoryEntry[] {
  return [...(history ?? []), entry].slice(-MAX_HISTORY);
}

function eventOf(
  status: RecordStatus,
  version: number,
  prev: ArticleRecord | undefined,
): HistoryEntry['event'] {
  if (status === 'rejected') return 'rejected';
  if (status === 'deleted') return 'deleted';
  if (!prev || prev.status !== status) return 'indexed';
  return version === prev.version ? 'retagged' : 'reindexed';
}

/** What every new state of a record starts from: its identity, next version, source and history. */
function recordHead(id: string, status: RecordStatus, source: SourceObject, now: string, prev: Previous) {
  const firstIndexedAt = prev.record?.firstIndexedAt ?? now;
  const version = nextVersion(prev.record, source);
  return {
    id,
    status,
    version,
    versionToken: source.sequencer,
    source: sourceFields(source),
    sourceName: sourceNameOf(source.key),
    articleDate: firstIndexedAt,
    firstIndexedAt,
    updatedAt: now,
    history: withHistory(prev.record?.history, {
      at: now,
      event: eventOf(status, version, prev.record),
      version,
      versionToken: source.sequencer,
    }),
  };
}

/** The opening of a body, cut at a word boundary near `chars`. */
export function leadOf(text: string, chars = LEAD_CHARS): string | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  if (clean.length <= chars) return clean;
  const cut = clean.lastIndexOf(' ', chars);
  return `${clean.slice(0, cut > chars / 2 ? cut : chars)}…`;
}

/** The record after an upsert. Caption-only entities are kept on the record but are not searched by. */
export function indexedRecord(
  article: TaggedArticle,
  source: SourceObject,
  now: string,
  prev: Previous,
): ArticleRecord {
  const head = recordHead(article.id, 'indexed', source, now, prev);
  const bodyEntities = article.entities.filter((e) => !e.captionOnly);
  const lead = leadOf(article.body.text);
  return {
    ...head,
    articleDate: article.publishedAt ?? head.firstIndexedAt,
    title: article.title,
    ...(article.subtitle ? { subtitle: article.subtitle } : {}),
    ...(lead ? { lead } : {}),
    section: article.section,
    language: article.language,
    authors: article.authors,
    publishedAt: article.publishedAt,
    wordCount: article.body.wordCount,
    entities: [...bodyEntities, ...article.entities.filter((e) => e.captionOnly)]
      .slice(0, MAX_STORED_ENTITIES)
      .map((e) => {
        const aliases = aliasesOf(e.name, e.mentions, e.type);
        return {
          name: e.name,
          type: e.type,
          salience: round(e.salience),
          count: e.count,
          mentions: e.mentions.slice(0, MAX_MENTIONS),
          ...(aliases.length ? { aliases } : {}),
          ...(e.country ? { country: e.country } : {}),
          ...(e.captionOnly ? { captionOnly: true } : {}),
        };
      }),
    keyPhrases: article.keyPhrases.slice(0, MAX_KEY_PHRASES).map((k) => k.text),
    ...(article.topics.length ? { topics: article.topics } : {}),
    ...(article.feed ? { feedId: article.feed.id } : {}),
    fingerprints: article.fingerprints,
    ...(article.parser ? { parser: { version: article.parser.version } } : {}),
    tagger: { engine: article.tagger.engine, version: article.tagger.version },
  };
}

/** The item ids a container record keeps inline (all of them stay as MEMBER# items). */
export const MAX_INLINE_ITEM_IDS = 200;

/** A feed object's record: the container of its items. */
export function containerRecord(message: ContainerMessage, now: string, prev: Previous): ArticleRecord {
  const { source, container } = message;
  return {
    ...recordHead(message.articleId, 'feed', source, now, prev),
    ...(container.title ? { title: container.title } : {}),
    feed: {
      format: container.format,
      ...(container.url ? { url: container.url } : {}),
      itemCount: container.itemIds.length,
      itemIds: container.itemIds.slice(0, MAX_INLINE_ITEM_IDS),
    },
  };
}

export function rejectedRecord(
  articleId: string,
  rejection: Rejection,
  source: SourceObject,
  now: string,
  prev: Previous,
): ArticleRecord {
  return {
    ...recordHead(articleId, 'rejected', source, now, prev),
    rejection,
  };
}

/** A delete keeps the record (status deleted, when and which event) so `copydesk get` can say so. */
export function deletedRecord(
  articleId: string,
  source: SourceObject,
  now: string,
  prev: Previous,
): ArticleRecord {
  const base = prev.record;
  return {
    ...(base ?? {
      id: articleId,
      version: 0,
      sourceName: sourceNameOf(source.key),
      articleDate: now,
      firstIndexedAt: now,
      source: sourceFields(source),
    }),
    id: articleId,
    status: 'deleted',
    versionToken: source.sequencer,
    updatedAt: now,
    deletedAt: source.eventTime,
    history: withHistory(base?.history, {
      at: now,
      event: 'deleted',
      version: base?.version ?? 0,
      versionToken: source.sequencer,
    }),
  };
}

/**
 * Same bytes again (a redelivered event, moto's extra Put on multipart) is not a new version. A feed item
 * is compared by its own fingerprint: the feed's ETag changes whenever any item does.
 */
export function isSameContent(prev: ArticleRecord | undefined, source: SourceObject): boolean {
  if (!prev || prev.status === 'deleted') return false;
  if (source.contentHash || prev.source.contentHash) return prev.source.contentHash === source.contentHash;
  return !!source.etag && prev.source.etag === source.etag;
}

/**
 * Whether the stored record was made by the same parser and tagger as this article. Same content made by
 * other software is a different record (new tags), so the index rewrites it: that is what lets
 * `copydesk reprocess` re-tag an article whose object did not change. It keeps its version number, which
 * counts content changes.
 */
export function isSameProducers(
  prev: ArticleRecord,
  article: Pick<TaggedArticle, 'parser' | 'tagger'>,
): boolean {
  return (
    prev.parser?.version === article.parser?.version &&
    prev.tagger?.engine === article.tagger.engine &&
    prev.tagger?.version === article.tagger.version
  );
}

function nextVersion(prev: ArticleRecord | undefined, source: SourceObject): number {
  if (!prev) return 1;
  return isSameContent(prev, source) ? prev.version : prev.version + 1;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
