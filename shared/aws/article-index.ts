import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { FingerprintedArticle } from '../core/duplicates';
import { fingerprintPartitions } from '../core/duplicates';
import {
  dateSortKey,
  facetKey,
  facetsOf,
  fingerprintItemsOf,
  fingerprintSortKey,
  monthOf,
  statusKey,
  summaryOf,
  type ApplyResult,
  type ArticleRecord,
  type ArticleSummary,
  type FacetKind,
  type RecordStatus,
} from '../core/index-model';
import { writeUnitsFor } from '../core/write-units';
import type { IndexReader, ListOptions, Page } from '../stages/query';
import { table } from '../topology';

export type { ApplyResult } from '../core/index-model';

const ARTICLE_SK = 'ARTICLE';
const FACET_SK_PREFIX = 'FACET#';
/**
 * One item per month that has articles, all under one partition. A put per month (not ADD to one set)
 * because concurrent index writers then never read-modify-write the same item.
 */
const CALENDAR_PK = 'CALENDAR';
const CALENDAR_SK_PREFIX = 'MONTH#';
const MAX_ATTEMPTS = 5;

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

type ArticleItem = ArticleRecord & {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
  kind: 'Article';
  facets: string[];
};

/** The article index in the single table; every write is guarded by the article's version token. */
export class ArticleIndex implements IndexReader {
  /** Months known to be in the calendar item, so each warm container adds a month once. */
  private readonly knownMonths = new Set<string>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
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
      if (previous && previous.versionToken >= token) return { outcome: 'stale', current: previous };
      if (previous && isUnchanged(previous)) return { outcome: 'unchanged', current: previous };

      const record = await next(previous);
      const { writes, writeUnits } = this.plan(record, previousItem);
      if (record.status === 'indexed') await this.rememberMonth(monthOf(record.articleDate));
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: writes }));
        return { outcome: 'applied', record, previous, writeUnits };
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
      const { writes } = this.plan(next, currentItem);
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
        return true;
      } catch (error) {
        if (!worthRetrying(error) || attempt >= MAX_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  /** Every item of one fingerprint partition. */
  private async partitionItems(partition: string): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = [];
    for await (const page of this.pages({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ConsistentRead: true,
    }))
      items.push(...(page.Items ?? []));
    return items;
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
  ): Promise<FingerprintedArticle[]> {
    const found = new Map<string, FingerprintedArticle>();
    // The partitions are independent: read them side by side, not one after another.
    const pages = await Promise.all(fingerprintPartitions(article).map((p) => this.partitionItems(p)));
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

  async listByFacet(kind: Exclude<FacetKind, 'newest'>, value: string, options: ListOptions = {}) {
    return this.listPartition(facetKey(kind, value), options);
  }

  async listByStatus(status: RecordStatus, options: ListOptions = {}): Promise<Page<ArticleSummary>> {
    return this.listPartition(statusKey(status), options);
  }

  /** Newest first across month partitions, so no single partition takes every write. */
  async listNewest(options: ListOptions = {}): Promise<Page<ArticleSummary>> {
    const limit = options.limit ?? 20;
    const months = (await this.calendar())
      .filter(
        (m) =>
          (!options.since || m >= monthOf(options.since)) && (!options.until || m <= monthOf(options.until)),
      )
      .sort()
      .reverse();
    const position = options.cursor ? decodeCursor(options.cursor) : { month: months[0], key: undefined };
    const items: ArticleSummary[] = [];
    let index = position.month ? months.indexOf(position.month) : -1;
    let startKey = position.key;
    while (index >= 0 && index < months.length && items.length < limit) {
      const month = months[index]!;
      const page = await this.queryPartition(
        facetKey('newest', month),
        { ...options, limit: limit - items.length },
        startKey,
      );
      items.push(...page.items);
      if (page.lastKey) return { items, cursor: encodeCursor({ month, key: page.lastKey }) };
      index += 1;
      startKey = undefined;
    }
    const more = index >= 0 && index < months.length;
    return { items, cursor: more ? encodeCursor({ month: months[index]!, key: undefined }) : undefined };
  }

  /**
   * Remembers that a feed produced these items. Members are only ever added: an item that fell off the
   * feed's window is still the feed's, and is withdrawn with it. Idempotent puts, safe to repeat.
   */
  async addMembers(feedId: string, itemIds: readonly string[]): Promise<void> {
    for (let i = 0; i < itemIds.length; i += 25) {
      let requests: Array<{ PutRequest: { Item: Record<string, unknown> } }> = itemIds
        .slice(i, i + 25)
        .map((itemId) => ({
          PutRequest: {
            Item: { pk: articlePk(feedId), sk: `${MEMBER_SK_PREFIX}${itemId}`, kind: 'FeedMember', itemId },
          },
        }));
      for (let attempt = 1; requests.length > 0; attempt++) {
        const out = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        if (requests.length && attempt >= MAX_ATTEMPTS)
          throw new Error(`${requests.length} feed members were not written`);
        if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
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

  async countByStatus(status: RecordStatus): Promise<number> {
    let count = 0;
    for await (const page of this.pages({
      IndexName: table.facetIndex.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': table.facetIndex.partitionKey },
      ExpressionAttributeValues: { ':pk': statusKey(status) },
      Select: 'COUNT',
    }))
      count += page.Count ?? 0;
    return count;
  }

  private async listPartition(partition: string, options: ListOptions): Promise<Page<ArticleSummary>> {
    const start = options.cursor ? decodeCursor(options.cursor).key : undefined;
    const page = await this.queryPartition(partition, options, start);
    return { items: page.items, cursor: page.lastKey ? encodeCursor({ key: page.lastKey }) : undefined };
  }

  private async queryPartition(partition: string, options: ListOptions, startKey?: Record<string, unknown>) {
    const names: Record<string, string> = { '#pk': table.facetIndex.partitionKey };
    const values: Record<string, unknown> = { ':pk': partition };
    let condition = '#pk = :pk';
    if (options.since || options.until) {
      names['#sk'] = table.facetIndex.sortKey;
      // "~" sorts after every id character, so an `until` date includes that whole day/instant.
      values[':from'] = options.since ?? '0';
      values[':to'] = `${options.until ?? '9999'}~`;
      condition += ' AND #sk BETWEEN :from AND :to';
    }
    const response = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: table.facetIndex.name,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit ?? 20,
        ExclusiveStartKey: startKey,
      }),
    );
    return {
      items: (response.Items ?? []).map(toSummary),
      lastKey: response.LastEvaluatedKey as Record<string, unknown> | undefined,
    };
  }

  private plan(record: ArticleRecord, previousItem: ArticleItem | undefined) {
    const facets = facetsOf(record);
    const sortKey = dateSortKey(record.articleDate, record.id);
    const item: ArticleItem = {
      ...record,
      pk: articlePk(record.id),
      sk: ARTICLE_SK,
      gsi1pk: statusKey(record.status),
      gsi1sk: sortKey,
      kind: 'Article',
      facets,
    };
    const summary = summaryOf(record);
    const summaryChanged =
      !previousItem ||
      previousItem.gsi1sk !== sortKey ||
      JSON.stringify(summaryOf(toRecord(previousItem))) !== JSON.stringify(summary);
    const previousFacets = new Set(previousItem?.facets ?? []);

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
    let writeUnits = writeUnitsFor(item, true) + writeUnitsFor(item, false); // base table + its GSI copy
    for (const facet of facets) {
      if (!summaryChanged && previousFacets.has(facet)) continue;
      const facetItem = {
        pk: item.pk,
        sk: FACET_SK_PREFIX + facet,
        gsi1pk: facet,
        gsi1sk: sortKey,
        kind: 'Facet',
        ...summary,
      };
      writes.push({ Put: { TableName: this.tableName, Item: facetItem } });
      writeUnits += writeUnitsFor(facetItem, true) + writeUnitsFor(facetItem, false);
    }
    for (const facet of previousFacets) {
      if (facets.includes(facet)) continue;
      writes.push({
        Delete: { TableName: this.tableName, Key: { pk: item.pk, sk: FACET_SK_PREFIX + facet } },
      });
      writeUnits += 2 + 1;
    }
    // Fingerprint items hold what matching reads, so an unchanged one is not written again.
    const previousPrints = new Map(
      (previousItem ? fingerprintItemsOf(toRecord(previousItem)) : []).map((p) => [p.pk, JSON.stringify(p)]),
    );
    const prints = fingerprintItemsOf(record);
    for (const print of prints) {
      if (previousPrints.get(print.pk) === JSON.stringify(print)) continue;
      writes.push({ Put: { TableName: this.tableName, Item: print } });
      writeUnits += writeUnitsFor(print, true);
    }
    for (const pk of previousPrints.keys()) {
      if (prints.some((p) => p.pk === pk)) continue;
      writes.push({ Delete: { TableName: this.tableName, Key: { pk, sk: fingerprintSortKey(record.id) } } });
      writeUnits += 2;
    }
    return { writes, writeUnits };
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

  private async rememberMonth(month: string): Promise<void> {
    if (this.knownMonths.has(month)) return;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: CALENDAR_PK, sk: `${CALENDAR_SK_PREFIX}${month}`, month },
      }),
    );
    this.knownMonths.add(month);
  }

  private async calendar(): Promise<string[]> {
    const months: string[] = [];
    for await (const page of this.pages({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': CALENDAR_PK },
      ProjectionExpression: '#month',
      ExpressionAttributeNames: { '#month': 'month' },
    }))
      for (const item of page.Items ?? []) months.push(String(item.month));
    return months;
  }
}

function toRecord(item: object): ArticleRecord {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g2,
    kind: _kind,
    facets: _facets,
    ...record
  } = item as Partial<ArticleItem>;
  return record as unknown as ArticleRecord;
}

function toSummary(item: Record<string, unknown>): ArticleSummary {
  const record = toRecord(item) as ArticleRecord;
  return summaryOf(record);
}

interface Cursor {
  month?: string;
  key?: Record<string, unknown>;
}
const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
function decodeCursor(cursor: string): Cursor {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw new InvalidCursorError();
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor: pass back the cursor a previous page returned');
  }
}
