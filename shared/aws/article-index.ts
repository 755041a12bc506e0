import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { FingerprintedArticle } from '../core/duplicates';
import { fingerprintKeys, probeKeys, PROBE_FROM_INDEXED_ARTICLES } from '../core/duplicates';
import {
  ARTICLE_STATUSES,
  dateSortKey,
  fingerprintItemsOf,
  legacyFingerprintSortKey,
  type ApplyResult,
  type ArticleRecord,
  type ArticleStatus,
} from '../core/index-model';
import {
  postingFacetsOf,
  postingPartition,
  postingsOf,
  shardOf,
  SHARDS,
  type PostingFacets,
} from '../core/search-model';
import { writeUnitsFor } from '../core/write-units';
import type { ArchiveIndex } from '../stages/archive';
import type { CandidateReadOptions } from '../stages/duplicates';
import type { ListPage, PostingRead } from '../stages/search';

export type { ApplyResult } from '../core/index-model';

const ARTICLE_SK = 'ARTICLE';
/** Records per status, one counter per shard (each its own partition) so no partition takes every write. */
const COUNT_PK_PREFIX = 'COUNT#';
/** Every language the archive holds, one item each (a put per language, never a read-modify-write). */
const LANGUAGES_PK = 'LANGUAGES';
/** DynamoDB's limits per BatchWriteItem and BatchGetItem request. */
const BATCH_WRITE = 25;
const BATCH_GET = 100;
const MAX_ATTEMPTS = 5;
/** The archive's size changes slowly; counting it costs 24 item reads, so a container does it now and then. */
const ARCHIVE_SIZE_MAX_AGE_MS = 10 * 60_000;

/**
 * A transaction is tried again, from a fresh read, when its guard failed (another writer got there first),
 * when it collided with another transaction (TransactionConflict), or when the service failed it with a 5xx
 * after the SDK's own retries. The last happens on moto, which answers a transaction that races another
 * write with HTTP 500 ("dictionary changed size during iteration" while it snapshots the table).
 */
function worthRetrying(error: unknown): boolean {
  if (error instanceof TransactionCanceledException)
    return (error.CancellationReasons ?? []).some(
      (r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict',
    );
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/** Jittered, growing pause between attempts, so racing writers fall out of step. */
const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** attempt));
/** A feed's items, one item each under the feed's partition: `MEMBER#<item id>`. */
const MEMBER_SK_PREFIX = 'MEMBER#';

const articlePk = (id: string) => `ARTICLE#${id}`;

/**
 * The record item also keeps which postings the record has (list key -> weight) and a signature of what
 * they all carry (facets and sort key), so the next version rewrites only the postings that changed.
 */
type ArticleItem = ArticleRecord & {
  pk: string;
  sk: string;
  kind: 'Article';
  postings: Record<string, number>;
  postingSig: string;
  /** 2: its fingerprint items' sort keys lead with the next band (fingerprintSortKey); unset: the legacy key. */
  fingerprintLayout?: 2;
};

type WriteRequest =
  { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** The article index in the single table; every write is guarded by the article's version token. */
export class ArticleIndex implements ArchiveIndex {
  /** Languages known to be registered, so each warm container registers a language once. */
  private readonly knownLanguages = new Set<string>();
  /** How many articles were indexed when last counted: it decides how copies are looked for. */
  private archiveSize?: { indexed: number; readAt: number };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Where probe reads take over from whole partitions; tests set it to exercise either. */
    private readonly probeFromIndexedArticles = PROBE_FROM_INDEXED_ARTICLES,
  ) {}

  async get(id: string): Promise<ArticleRecord | undefined> {
    const item = await this.getItem(id);
    return item ? toRecord(item) : undefined;
  }

  /**
   * Applies the next state of one article. `next` sees the stored record (if any) and returns the new
   * one; the write only lands if nobody changed the record since it was read (optimistic lock on the
   * version token) and the event is newer than the stored one, so redelivered and out-of-order events
   * never overwrite newer state.
   */
  async apply(
    id: string,
    token: string,
    next: (previous: ArticleRecord | undefined) => ArticleRecord | Promise<ArticleRecord>,
    isUnchanged: (previous: ArticleRecord) => boolean = () => false,
  ): Promise<ApplyResult> {
    for (let attempt = 1; ; attempt++) {
      const previousItem = await this.getItem(id);
      const previous = previousItem ? toRecord(previousItem) : undefined;
      if (previous && previous.versionToken >= token) {
        // An event again, or a late one: the run that applied the record may have died before its postings.
        await this.repairPostings(previous);
        return { outcome: 'stale', current: previous };
      }
      if (previous && isUnchanged(previous)) return { outcome: 'unchanged', current: previous };

      const record = await next(previous);
      const { writes, writeUnits, state } = this.plan(record, previousItem);
      if (record.status === 'indexed' && record.language) await this.rememberLanguage(record.language);
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: writes }));
        const postingUnits = await this.syncPostings(record, previousItem, state);
        return { outcome: 'applied', record, previous, writeUnits: writeUnits + postingUnits };
      } catch (error) {
        if (!worthRetrying(error) || attempt >= MAX_ATTEMPTS) throw error;
        // Someone else wrote this article between our read and write, or the transaction lost a race:
        // read again and re-decide.
        await pause(attempt);
      }
    }
  }

  /**
   * Rewrites the current version of a record in place (same version token), e.g. to record which article
   * it copies. `change` sees the stored record and returns the new one, or undefined to leave it. Guarded
   * on the token and on the duplicateOf it read, so a concurrent new version or revision wins.
   */
  async revise(id: string, change: (current: ArticleRecord) => ArticleRecord | undefined): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const currentItem = await this.getItem(id);
      const next = currentItem && change(toRecord(currentItem));
      if (!currentItem || !next) return false;
      const { writes, state } = this.plan(next, currentItem);
      const head = writes[0]!.Put!;
      const previousCopy = currentItem.duplicateOf?.id;
      head.ConditionExpression += previousCopy
        ? ' AND duplicateOf.#copyId = :copyOf'
        : ' AND attribute_not_exists(duplicateOf)';
      if (previousCopy) {
        head.ExpressionAttributeNames = { '#copyId': 'id' };
        head.ExpressionAttributeValues = { ...head.ExpressionAttributeValues, ':copyOf': previousCopy };
      }
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: writes }));
        await this.syncPostings(next, currentItem, state);
        return true;
      } catch (error) {
        if (!worthRetrying(error) || attempt >= MAX_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  /**
   * The fingerprint items of a partition: all of them, or those whose sort key starts with a probe's prefix
   * (and, when the caller needs only copies indexed since a time, only those).
   */
  private async fingerprintItems(
    key: { pk: string; prefix?: string },
    { consistentRead, indexedSince }: CandidateReadOptions,
  ): Promise<Array<Record<string, unknown>>> {
    const { pk, prefix } = key;
    const condition =
      prefix === undefined
        ? { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }
        : indexedSince
          ? {
              // ISO times sort below '9', so this is every time from `indexedSince` on.
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: {
                ':pk': pk,
                ':from': `${prefix}#${indexedSince}`,
                ':to': `${prefix}#9`,
              },
            }
          : {
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: { ':pk': pk, ':prefix': `${prefix}#` },
            };
    const items: Array<Record<string, unknown>> = [];
    for await (const page of this.pages({ ...condition, ConsistentRead: consistentRead }))
      items.push(...(page.Items ?? []));
    return items;
  }

  /** Whether the archive is large enough for probes to read less than whole partitions (duplicates.ts). */
  private async readsByProbes(): Promise<boolean> {
    const now = Date.now();
    if (!this.archiveSize || now - this.archiveSize.readAt > ARCHIVE_SIZE_MAX_AGE_MS)
      this.archiveSize = { indexed: (await this.counts()).indexed, readAt: now };
    return this.archiveSize.indexed >= this.probeFromIndexedArticles;
  }

  /** Every page of a query on the table, following LastEvaluatedKey. */
  private async *pages(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  ): AsyncGenerator<QueryCommandOutput> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: startKey }),
      );
      yield page;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  /** Indexed articles sharing a fingerprint partition with this one (itself included, if indexed). */
  async duplicateCandidates(
    article: Pick<FingerprintedArticle, 'fingerprints' | 'wordCount'>,
    options: CandidateReadOptions = { consistentRead: true },
  ): Promise<FingerprintedArticle[]> {
    const found = new Map<string, FingerprintedArticle>();
    const keys = fingerprintKeys(article);
    // The reads are independent: run them side by side, not one after another.
    const pages = await Promise.all(
      (await this.readsByProbes())
        ? probeKeys(keys).map((key) => this.fingerprintItems(key, options))
        : keys.map(({ pk }) => this.fingerprintItems({ pk }, options)),
    );
    for (const item of pages.flat()) {
      const id = String(item.id);
      found.set(id, {
        id,
        firstIndexedAt: String(item.firstIndexedAt),
        fingerprints: { exact: String(item.exact), simhash: String(item.simhash) },
        ...(typeof item.wordCount === 'number' ? { wordCount: item.wordCount } : {}),
      });
    }
    return [...found.values()];
  }

  /**
   * Remembers that a feed produced these items. Members are only ever added: an item that fell off the
   * feed's window is still the feed's, and is withdrawn with it. Idempotent puts, safe to repeat.
   */
  async addMembers(feedId: string, itemIds: readonly string[]): Promise<void> {
    await this.batchWrite(
      itemIds.map((itemId) => ({
        PutRequest: {
          Item: { pk: articlePk(feedId), sk: `${MEMBER_SK_PREFIX}${itemId}`, kind: 'FeedMember', itemId },
        },
      })),
    );
  }

  /** Every item a feed has produced. */
  async members(feedId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const page of this.pages({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
      ExpressionAttributeValues: { ':pk': articlePk(feedId), ':member': MEMBER_SK_PREFIX },
      ConsistentRead: true,
    }))
      for (const item of page.Items ?? []) ids.push(String(item.itemId));
    return ids;
  }

  // ----- the search side (stages/search.ts, stages/archive.ts) -----

  async readList(
    partition: string,
    range: { from: string; to: string },
    limit: number,
    start?: Record<string, unknown>,
  ): Promise<ListPage> {
    const response = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': partition, ':from': range.from, ':to': range.to },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return {
      postings: (response.Items ?? []).map(toPosting),
      ...(response.LastEvaluatedKey ? { next: response.LastEvaluatedKey } : {}),
    };
  }

  async findPostings(
    refs: ReadonlyArray<{ partition: string; sortKey: string }>,
  ): Promise<Array<PostingRead & { partition: string }>> {
    const items = await this.batchGet(refs.map((r) => ({ pk: r.partition, sk: r.sortKey })));
    return items.map((item) => ({ ...toPosting(item), partition: String(item.pk) }));
  }

  async records(ids: readonly string[]): Promise<ArticleRecord[]> {
    const items = await this.batchGet(ids.map((id) => ({ pk: articlePk(id), sk: ARTICLE_SK })));
    return items.map(toRecord);
  }

  async languages(): Promise<string[]> {
    const languages: string[] = [];
    for await (const page of this.pages({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': LANGUAGES_PK },
    }))
      for (const item of page.Items ?? []) languages.push(String(item.sk));
    return languages;
  }

  async counts(): Promise<Record<ArticleStatus, number>> {
    const counts = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>;
    const keys = ARTICLE_STATUSES.flatMap((status) =>
      Array.from({ length: SHARDS }, (_, shard) => countKey(status, shard)),
    );
    for (const item of await this.batchGet(keys)) counts[item.status as ArticleStatus] += Number(item.n ?? 0);
    return counts;
  }

  /**
   * Brings an article's postings and fingerprint items in line with its record: writes those that are
   * new or changed since `before` (the item the record replaced; none means write them all, as a repair
   * does), and deletes the postings the record no longer has (its transaction deleted such fingerprints).
   * Idempotent, so a redelivered event may run it again.
   */
  private async syncPostings(
    record: ArticleRecord,
    before: ArticleItem | undefined,
    { postings, postingSig }: PostingState = postingState(record),
  ): Promise<number> {
    const sortKey = dateSortKey(record.articleDate, record.id);
    const oldSortKey = before ? dateSortKey(before.articleDate, before.id) : undefined;
    const facets = postingFacetsOf(record);
    const marker = statusPartition(record);
    const requests: WriteRequest[] = [];
    let units = 0;
    for (const [pk, weight] of Object.entries(postings)) {
      if (pk === marker) continue;
      if (before && before.postingSig === postingSig && before.postings?.[pk] === weight) continue;
      const item = { pk, sk: sortKey, kind: 'Posting', id: record.id, w: weight, f: facets };
      requests.push({ PutRequest: { Item: item } });
      units += writeUnitsFor(item, false);
    }
    for (const pk of Object.keys(before?.postings ?? {})) {
      if (pk in postings && oldSortKey === sortKey) continue;
      requests.push({ DeleteRequest: { Key: { pk, sk: oldSortKey } } });
      units += 1;
    }
    // Fingerprint items hold what matching reads, so an unchanged one is not written again. A copy indexed
    // at the same moment may miss them until they land; settleDuplicates looks again after this returns.
    const previousPrints = new Set(
      (before?.fingerprintLayout === 2 ? fingerprintItemsOf(toRecord(before)) : []).map((p) =>
        JSON.stringify(p),
      ),
    );
    for (const print of fingerprintItemsOf(record)) {
      if (previousPrints.has(JSON.stringify(print))) continue;
      requests.push({ PutRequest: { Item: print } });
      units += writeUnitsFor(print, false);
    }
    await this.batchWrite(requests);
    // The status posting goes last and names the state it completes: while it is there with this
    // signature, every other posting of the record is too (repairPostings relies on it).
    const status = {
      pk: marker,
      sk: sortKey,
      kind: 'Posting',
      id: record.id,
      w: postings[marker] ?? 0,
      f: facets,
      sig: postingSig,
    };
    await this.batchWrite([{ PutRequest: { Item: status } }]);
    return units + writeUnitsFor(status, false);
  }

  /**
   * Writes a record's postings and fingerprints again unless its status posting says they are complete.
   * They follow the record's transaction, so a crash between the two (a killed function, an emulator
   * restored from a snapshot taken in between) leaves a record that search cannot find; any later event
   * for the article, a redelivery or one `copydesk reconcile` sends, lands here and repairs it.
   */
  private async repairPostings(record: ArticleRecord): Promise<void> {
    const marker = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: statusPartition(record), sk: dateSortKey(record.articleDate, record.id) },
        ConsistentRead: true,
      }),
    );
    const state = postingState(record);
    if (marker.Item?.sig !== state.postingSig) await this.syncPostings(record, undefined, state);
  }

  /** BatchWriteItem in requests of 25, retrying what the service leaves unprocessed. */
  private async batchWrite(requests: readonly WriteRequest[]): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH_WRITE) {
      let pending = requests.slice(i, i + BATCH_WRITE);
      for (let attempt = 1; pending.length > 0; attempt++) {
        const out = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as WriteRequest[];
        if (pending.length && attempt >= MAX_ATTEMPTS)
          throw new Error(`${pending.length} index items were not written`);
        if (pending.length) await pause(attempt);
      }
    }
  }

  /**
   * BatchGetItem in requests of 100 (eventually consistent), retrying unprocessed keys. Keys are asked for
   * once each: DynamoDB refuses a request that names a key twice.
   */
  private async batchGet(
    requested: ReadonlyArray<{ pk: string; sk: string }>,
  ): Promise<Array<Record<string, unknown>>> {
    const keys = [...new Map(requested.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
    const items: Array<Record<string, unknown>> = [];
    for (let i = 0; i < keys.length; i += BATCH_GET) {
      let pending: Array<Record<string, unknown>> = keys.slice(i, i + BATCH_GET);
      for (let attempt = 1; pending.length > 0; attempt++) {
        const out = await this.db.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }),
        );
        items.push(...(out.Responses?.[this.tableName] ?? []));
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
        if (pending.length && attempt >= MAX_ATTEMPTS)
          throw new Error(`${pending.length} index items could not be read`);
        if (pending.length) await pause(attempt);
      }
    }
    return items;
  }

  private plan(record: ArticleRecord, previousItem: ArticleItem | undefined) {
    const state = postingState(record);
    const item: ArticleItem = {
      ...record,
      pk: articlePk(record.id),
      sk: ARTICLE_SK,
      kind: 'Article',
      ...state,
      fingerprintLayout: 2,
    };
    const writes: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: item,
          ...(previousItem
            ? {
                ConditionExpression: 'versionToken = :seen',
                ExpressionAttributeValues: { ':seen': previousItem.versionToken },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
    ];
    let writeUnits = writeUnitsFor(item, true);
    // The status counters move in the same transaction as the record, so they never drift from it.
    const before = previousItem?.status;
    if (before !== record.status) {
      const shard = shardOf(record.id);
      for (const [status, delta] of [
        [before, -1],
        [record.status, 1],
      ] as const) {
        if (!status || !(ARTICLE_STATUSES as readonly string[]).includes(status)) continue;
        writes.push({
          Update: {
            TableName: this.tableName,
            Key: countKey(status as ArticleStatus, shard),
            UpdateExpression: 'ADD n :delta SET #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':delta': delta, ':status': status },
          },
        });
        writeUnits += 2;
      }
    }
    // A fingerprint the record no longer has goes with the record, in its transaction: once an article is
    // deleted or changed, no later article may take it for the original of a text it no longer holds.
    // New fingerprints are written after it, with the postings (syncPostings), at half the write units.
    const keyOf = (print: { pk: string; sk: string }) => `${print.pk}\u0000${print.sk}`;
    const prints = new Set(fingerprintItemsOf(record).map(keyOf));
    const legacy = previousItem && previousItem.fingerprintLayout !== 2;
    for (const print of previousItem ? fingerprintItemsOf(toRecord(previousItem)) : []) {
      // Legacy items all go: the ones kept are written again under their new key.
      if (!legacy && prints.has(keyOf(print))) continue;
      const sk = legacy ? legacyFingerprintSortKey(record.id) : print.sk;
      writes.push({ Delete: { TableName: this.tableName, Key: { pk: print.pk, sk } } });
      writeUnits += 2;
    }
    return { writes, writeUnits, state };
  }

  private async getItem(id: string): Promise<ArticleItem | undefined> {
    const response = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: articlePk(id), sk: ARTICLE_SK },
        ConsistentRead: true,
      }),
    );
    return response.Item as ArticleItem | undefined;
  }

  private async rememberLanguage(language: string): Promise<void> {
    if (this.knownLanguages.has(language)) return;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: LANGUAGES_PK, sk: language, kind: 'Language' },
      }),
    );
    this.knownLanguages.add(language);
  }
}

/** Each shard's counter is a partition of its own: one partition per status would take every write. */
const statusPartition = (record: ArticleRecord) => postingPartition('status', record.status, record.id);

const countKey = (status: ArticleStatus, shard: number) => ({
  pk: `${COUNT_PK_PREFIX}${status}#${shard}`,
  sk: 'COUNT',
});

/** The postings a record has, and a signature of what each of them carries. */
type PostingState = Pick<ArticleItem, 'postings' | 'postingSig'>;

function postingState(record: ArticleRecord): PostingState {
  const postings = Object.fromEntries(postingsOf(record).map((p) => [p.pk, p.weight]));
  // The fingerprint items are written with the postings, so the status posting vouches for them too.
  const carried = JSON.stringify([
    postingFacetsOf(record),
    dateSortKey(record.articleDate, record.id),
    fingerprintItemsOf(record),
  ]);
  return { postings, postingSig: createHash('sha256').update(carried).digest('base64url').slice(0, 16) };
}

function toPosting(item: Record<string, unknown>): PostingRead {
  return {
    id: String(item.id),
    sortKey: String(item.sk),
    weight: Number(item.w ?? 0),
    facets: (item.f ?? { st: 'indexed', src: '' }) as PostingFacets,
  };
}

function toRecord(item: object): ArticleRecord {
  const {
    pk: _pk,
    sk: _sk,
    kind: _kind,
    postings: _postings,
    postingSig: _sig,
    fingerprintLayout: _layout,
    ...record
  } = item as Partial<ArticleItem>;
  return record as unknown as ArticleRecord;
}
