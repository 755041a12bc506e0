import type { Entity, Fingerprints, Rejection, TaggedArticle } from './article';
import { fingerprintPartitions, type DuplicateOf } from './duplicates';
import type { ContainerMessage, SourceObject } from './messages';
import { RAW_PREFIX } from '../topology';

/**
 * The indexed view of an article and the keys it owns in the single table. Pure: the DynamoDB adapter
 * (shared/aws/article-index.ts) only moves these items.
 *
 *   pk ARTICLE#<id>  sk ARTICLE          the record; gsi1 STATUS#<status> lists by status
 *   pk ARTICLE#<id>  sk FACET#<facet>    one per facet; gsi1 <facet> lists articles by it
 *   pk ARTICLE#<id>  sk MEMBER#<item>    a feed's items, every one it ever produced (for withdrawing them)
 *   pk CALENDAR      sk MONTH#<yyyy-mm>  one per month with articles, for walking NEWEST#<month>
 *   pk SIMHASH#…/EXACT#…  sk ARTICLE#<id>  an indexed article's fingerprints, to find its copies (duplicates.ts)
 *   gsi1sk = <article date>#<id>, so every list is newest-first within a date range.
 */

export type ArticleStatus = 'indexed' | 'rejected' | 'deleted';
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['indexed', 'rejected', 'deleted'];
/**
 * A record's status: an article's, or `feed` for a feed object, which is not an article itself but the
 * container of its items (listed under STATUS#feed, never faceted or published).
 */
export type RecordStatus = ArticleStatus | 'feed';

/** `copies` lists the articles found to copy one article: COPIES#<original id>. */
export type FacetKind = 'entity' | 'section' | 'tag' | 'source' | 'newest' | 'copies';

export interface EntitySummary {
  name: string;
  type: Entity['type'];
  salience: number;
  captionOnly?: boolean;
}

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
  section?: string;
  language?: string;
  authors?: string[];
  publishedAt?: string;
  wordCount?: number;
  entities?: EntitySummary[];
  keyPhrases?: string[];
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
}

export type ApplyResult =
  | { outcome: 'applied'; record: ArticleRecord; previous?: ArticleRecord; writeUnits: number }
  /** The table already holds this event or a newer one for the article: nothing written. */
  | { outcome: 'stale'; current: ArticleRecord }
  /** Same content as indexed (same ETag): nothing to rewrite. */
  | { outcome: 'unchanged'; current: ArticleRecord };

/** Facet items repeat a summary so a list query needs no second read. */
export type ArticleSummary = Pick<
  ArticleRecord,
  | 'id'
  | 'status'
  | 'title'
  | 'section'
  | 'language'
  | 'articleDate'
  | 'sourceName'
  | 'version'
  | 'rejection'
  | 'duplicateOf'
> & { source: { key: string } };

/** Caps keep one article's write inside a single DynamoDB transaction (100 items). */
export const MAX_ENTITY_FACETS = 25;
export const MAX_TAG_FACETS = 10;
export const MAX_STORED_ENTITIES = 50;

export const normalizeFacetValue = (value: string): string =>
  value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function facetKey(kind: FacetKind, value: string): string {
  return `${kind.toUpperCase()}#${kind === 'newest' ? value : normalizeFacetValue(value)}`;
}

export const statusKey = (status: RecordStatus): string => `STATUS#${status}`;
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);
export const dateSortKey = (isoDate: string, id: string): string => `${isoDate}#${id}`;

export function sourceNameOf(key: string): string {
  const rest = key.startsWith(RAW_PREFIX) ? key.slice(RAW_PREFIX.length) : key;
  const slash = rest.indexOf('/');
  return slash > 0 ? rest.slice(0, slash) : 'unsorted';
}

export function facetsOf(record: ArticleRecord): string[] {
  if (record.status !== 'indexed') return [];
  const facets = new Set<string>([
    facetKey('newest', monthOf(record.articleDate)),
    facetKey('source', record.sourceName),
  ]);
  if (record.section) facets.add(facetKey('section', record.section));
  const salient = (record.entities ?? []).filter((e) => !e.captionOnly);
  for (const entity of salient.slice(0, MAX_ENTITY_FACETS)) {
    facets.add(facetKey('entity', entity.name));
  }
  for (const phrase of (record.keyPhrases ?? []).slice(0, MAX_TAG_FACETS))
    facets.add(facetKey('tag', phrase));
  if (record.duplicateOf) facets.add(facetKey('copies', record.duplicateOf.id));
  return [...facets];
}

export function summaryOf(record: ArticleRecord): ArticleSummary {
  return {
    id: record.id,
    status: record.status,
    title: record.title,
    section: record.section,
    language: record.language,
    articleDate: record.articleDate,
    sourceName: record.sourceName,
    version: record.version,
    rejection: record.rejection,
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    source: { key: record.source.key },
  };
}

/** The sort key of fingerprint items: one per article in each of its fingerprint partitions. */
export const fingerprintSortKey = (id: string): string => `ARTICLE#${id}`;

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
  return fingerprintPartitions({ fingerprints, wordCount }).map((pk) => ({
    pk,
    sk: fingerprintSortKey(id),
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

/** What every new state of a record starts from: its identity, next version and source. */
function recordHead(id: string, status: RecordStatus, source: SourceObject, now: string, prev: Previous) {
  const firstIndexedAt = prev.record?.firstIndexedAt ?? now;
  return {
    id,
    status,
    version: nextVersion(prev.record, source),
    versionToken: source.sequencer,
    source: sourceFields(source),
    sourceName: sourceNameOf(source.key),
    articleDate: firstIndexedAt,
    firstIndexedAt,
    updatedAt: now,
  };
}

/** The record after an upsert. Caption-only entities are kept on the record but are not facets. */
export function indexedRecord(
  article: TaggedArticle,
  source: SourceObject,
  now: string,
  prev: Previous,
): ArticleRecord {
  const head = recordHead(article.id, 'indexed', source, now, prev);
  const facetEntities = article.entities.filter((e) => !e.captionOnly);
  return {
    ...head,
    articleDate: article.publishedAt ?? head.firstIndexedAt,
    title: article.title,
    section: article.section,
    language: article.language,
    authors: article.authors,
    publishedAt: article.publishedAt,
    wordCount: article.body.wordCount,
    entities: [...facetEntities, ...article.entities.filter((e) => e.captionOnly)]
      .slice(0, MAX_STORED_ENTITIES)
      .map((e) => ({
        name: e.name,
        type: e.type,
        salience: round(e.salience),
        ...(e.captionOnly ? { captionOnly: true } : {}),
      })),
    keyPhrases: article.keyPhrases.slice(0, MAX_TAG_FACETS).map((k) => k.text),
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
