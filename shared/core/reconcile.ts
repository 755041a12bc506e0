import { articleIdFor } from './article-id';
import type { ArticleRecord, RecordStatus } from './index-model';
import { MIN_TOKEN, tokenAfter } from './replay-event';
import { RAW_PREFIX } from '../topology';

/**
 * Reconciling the index with the raw bucket, which is the source of truth: what to re-send so that every
 * object under incoming/ ends with a current record and every record of a vanished object is withdrawn.
 * Pure: the use case (shared/stages/reconcile.ts) lists, walks and sends.
 *
 * Feeds. A feed object's record (id = articleIdFor(key)) is its container (status `feed`); its items are
 * records of their own whose source key is the feed's key but whose ids are not articleIdFor(key). So an
 * item is never compared as an object, nor withdrawn as one: the container stands for the object, and
 * re-sending the feed object re-parses every item. Because a re-parsed feed sends every item with the
 * feed's event token, the token sent for a feed beats its items' tokens as well as the container's.
 */

/** An object in the raw bucket, as a listing gives it. */
export interface StoredObject {
  key: string;
  etag?: string;
  size?: number;
}

/** The part of a record reconcile and reprocess read. */
export type RecordView = Pick<ArticleRecord, 'id' | 'status' | 'versionToken' | 'feedId'> &
  Partial<Pick<ArticleRecord, 'feed' | 'updatedAt' | 'parser' | 'tagger'>> & {
    source: Pick<ArticleRecord['source'], 'key' | 'etag' | 'size'>;
  };

/** Statuses whose record says the object is there. */
export const LIVE_STATUSES: readonly RecordStatus[] = ['indexed', 'rejected', 'feed'];
const isLive = (status: RecordStatus) => LIVE_STATUSES.includes(status);

/** A record is the record of its object, not one item of a feed object. */
export const standsForObject = (record: Pick<RecordView, 'id' | 'source'>): boolean =>
  record.id === articleIdFor(record.source.key);

/** Keys the parse stage ingests: under incoming/, not a folder marker. */
export const isIngestedKey = (key: string): boolean => key.startsWith(RAW_PREFIX) && !key.endsWith('/');

/** S3 listings quote ETags; S3 events and the index do not. */
export const bareEtag = (etag: string | undefined): string | undefined => etag?.replace(/"/g, '');

export type ReconcileReason = 'missing' | 'stale' | 'removed';

export interface ReconcileAction {
  reason: ReconcileReason;
  change: 'created' | 'removed';
  key: string;
  /** The id of the object's record (articleIdFor(key)). */
  id: string;
  /** The version token to send (see replay-event.ts). */
  sequencer: string;
  etag?: string;
  size?: number;
  /** The object is a feed, or was one: its items' tokens count too (see `feedIdsToRead`). */
  feed: boolean;
}

export interface ReconcilePlan {
  actions: ReconcileAction[];
  objects: number;
  records: number;
  inSync: number;
}

/**
 * Compares the listing with the records:
 * - an object with no record: re-send it (`missing`), with MIN_TOKEN, or just after its items' tokens
 *   when the lost record is a feed's whose items are there;
 * - an object whose record describes other bytes (another ETag) or says it was deleted: re-send it
 *   (`stale`) with the record's token + 1;
 * - an indexed, rejected or feed record whose object is not listed: send its removal (`removed`) with the
 *   record's token + 1. So is a feed's key when only its items are still indexed (a lost withdrawal).
 */
export function planReconcile(objects: Iterable<StoredObject>, records: Iterable<RecordView>): ReconcilePlan {
  const byId = new Map<string, RecordView>();
  const itemsOf = new Map<string, RecordView[]>();
  for (const record of records) {
    if (standsForObject(record)) {
      const seen = byId.get(record.id);
      // The same record read twice (walked, then read again): the newer read wins.
      if (!seen || record.versionToken > seen.versionToken) byId.set(record.id, record);
    } else if (record.feedId) {
      const items = itemsOf.get(record.feedId) ?? [];
      if (!items.some((i) => i.id === record.id)) items.push(record);
      itemsOf.set(record.feedId, items);
    }
  }
  const itemTokens = (id: string) => (itemsOf.get(id) ?? []).map((i) => i.versionToken);
  const isFeed = (id: string) =>
    itemsOf.has(id) || byId.get(id)?.status === 'feed' || byId.get(id)?.feed !== undefined;

  const actions: ReconcileAction[] = [];
  const listed = new Set<string>();
  let objectCount = 0;
  let inSync = 0;
  for (const object of objects) {
    if (!isIngestedKey(object.key) || listed.has(object.key)) continue;
    listed.add(object.key);
    objectCount += 1;
    const id = articleIdFor(object.key);
    const record = byId.get(id);
    const etag = bareEtag(object.etag);
    const created = { change: 'created' as const, key: object.key, id, etag, size: object.size };
    if (!record) {
      const items = itemTokens(id);
      const sequencer = items.length ? tokenAfter(items) : MIN_TOKEN;
      actions.push({ ...created, reason: 'missing', sequencer, feed: isFeed(id) });
    } else if (record.status === 'deleted' || bareEtag(record.source.etag) !== etag) {
      const sequencer = tokenAfter([record.versionToken, ...itemTokens(id)]);
      actions.push({ ...created, reason: 'stale', sequencer, feed: isFeed(id) });
    } else {
      inSync += 1;
    }
  }

  const removed = new Set<string>();
  const remove = (key: string) => {
    if (removed.has(key) || listed.has(key) || !isIngestedKey(key)) return;
    removed.add(key);
    const id = articleIdFor(key);
    const sequencer = tokenAfter([byId.get(id)?.versionToken, ...itemTokens(id)]);
    actions.push({ reason: 'removed', change: 'removed', key, id, sequencer, feed: isFeed(id) });
  };
  const sorted = (list: Iterable<RecordView>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  for (const record of sorted(byId.values())) if (isLive(record.status)) remove(record.source.key);
  // Items still out although their feed's record is not live: the feed's withdrawal was lost.
  for (const [feedId, items] of itemsOf) {
    const container = byId.get(feedId);
    if (container && isLive(container.status)) continue;
    for (const item of sorted(items)) if (isLive(item.status)) remove(item.source.key);
  }

  const recordCount = byId.size + [...itemsOf.values()].reduce((n, items) => n + items.length, 0);
  return { actions, objects: objectCount, records: recordCount, inSync };
}

/**
 * The records to read once more before the plan is final, one id each: a record that looked missing
 * (the walk reads an index that lags writes, and skips deleted records), and any feed's container and
 * items, since a feed's token must beat every item's, deleted ones included. The use case reads the
 * records of these ids and of their feed members, and plans again.
 */
export const idsToRead = (plan: ReconcilePlan): string[] => [
  ...new Set(plan.actions.filter((a) => a.feed || a.reason === 'missing').map((a) => a.id)),
];
