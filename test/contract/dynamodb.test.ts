import {
  ConditionalCheckFailedException,
  DeleteTableCommand,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/aws/runtime';
import { dateSortKey } from '../../shared/core/index-model';
import { listRef } from '../../shared/core/search-model';
import { table } from '../../shared/topology';
import { ensureTable } from '../support/in-process/provision';
import { Cleanup, contractConfig, uniqueName } from './helpers';

const config = contractConfig();
const db = documentClient(config);
const cleanup = new Cleanup();
const tableName = uniqueName('articles');
const { partitionKey: pk, sortKey: sk } = table;

beforeAll(async () => {
  const dynamo = new DynamoDBClient(config);
  await ensureTable(dynamo, tableName);
  cleanup.add(() => dynamo.send(new DeleteTableCommand({ TableName: tableName })));
});

afterAll(() => cleanup.run());

const getItem = async (key: Record<string, string>) =>
  (await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

/** The error a promise rejects with; fails the test if it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let outcome: unknown;
  await promise.then(
    () => {
      outcome = new Error('expected the request to be rejected, but it succeeded');
    },
    (error: unknown) => {
      outcome = { rejected: error };
    },
  );
  if (outcome instanceof Error) throw outcome;
  return (outcome as { rejected: unknown }).rejected;
}

describe('DynamoDB TransactWriteItems', () => {
  it('cancels the whole transaction when one guard fails: reasons in item order, ALL_OLD item, nothing written', async () => {
    // ArticleIndex.apply writes an article and its facet items in one transaction guarded by the version
    // token, and retries from a fresh read only when a reason says ConditionalCheckFailed
    // (worthRetrying in shared/aws/article-index.ts). A partial write would leave facets of a version
    // that never became current.
    const article = { [pk]: 'ARTICLE#tx', [sk]: 'ARTICLE', versionToken: '0002', title: 'stored' };
    await db.send(new PutCommand({ TableName: tableName, Item: article }));
    const facetKey = { [pk]: 'ARTICLE#tx', [sk]: 'FACET#topic#x' };
    const guardedPut = {
      Put: {
        TableName: tableName,
        Item: { ...article, versionToken: '0003', title: 'new' },
        ConditionExpression: 'versionToken = :seen',
        ExpressionAttributeValues: { ':seen': '0001' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    };
    const facetPut = { Put: { TableName: tableName, Item: { ...facetKey, title: 'new' } } };

    const error = await rejectionOf(
      db.send(new TransactWriteCommand({ TransactItems: [guardedPut, facetPut] })),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons).toEqual([
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        // Exceptions are not unmarshalled by the document client: the raw attribute values.
        Item: {
          [pk]: { S: 'ARTICLE#tx' },
          [sk]: { S: 'ARTICLE' },
          versionToken: { S: '0002' },
          title: { S: 'stored' },
        },
      },
      { Code: 'None' },
    ]);
    expect(await getItem({ [pk]: 'ARTICLE#tx', [sk]: 'ARTICLE' })).toEqual(article);
    expect(await getItem(facetKey)).toBeUndefined();

    // Reasons follow the items' order, not "failures first".
    const reversed = await rejectionOf(
      db.send(new TransactWriteCommand({ TransactItems: [facetPut, guardedPut] })),
    );
    expect((reversed as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    expect(await getItem(facetKey)).toBeUndefined();
  });
});

describe('DynamoDB conditional writes', () => {
  it('PutItem with attribute_not_exists(pk) creates once, then fails with ConditionalCheckFailedException', async () => {
    // The first version of an article is written with this guard, so two racing first writers cannot both win.
    const first = { [pk]: 'ARTICLE#new', [sk]: 'ARTICLE', versionToken: '0001' };
    const put = (item: Record<string, string>) =>
      db.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression: `attribute_not_exists(${pk})`,
        }),
      );

    await put(first);
    expect(await getItem({ [pk]: 'ARTICLE#new', [sk]: 'ARTICLE' })).toEqual(first);

    const error = await rejectionOf(put({ ...first, versionToken: '0002' }));
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(await getItem({ [pk]: 'ARTICLE#new', [sk]: 'ARTICLE' })).toEqual(first);
  });

  it('UpdateItem guarded by versionToken = :seen passes for the token read and fails for a stale one', async () => {
    // The optimistic lock on an article: a writer that read an older version must lose, not overwrite.
    const key = { [pk]: 'ARTICLE#upd', [sk]: 'ARTICLE' };
    await db.send(
      new PutCommand({ TableName: tableName, Item: { ...key, versionToken: '0001', title: 'a' } }),
    );
    const update = (seen: string, next: string, title: string) =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET versionToken = :next, title = :title',
          ConditionExpression: 'versionToken = :seen',
          ExpressionAttributeValues: { ':seen': seen, ':next': next, ':title': title },
        }),
      );

    await update('0001', '0002', 'b');
    expect(await getItem(key)).toEqual({ ...key, versionToken: '0002', title: 'b' });

    const error = await rejectionOf(update('0001', '0003', 'stale'));
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(await getItem(key)).toEqual({ ...key, versionToken: '0002', title: 'b' });
  });
});

describe('DynamoDB query of one list', () => {
  it('pages a BETWEEN range newest first with Limit and ExclusiveStartKey: every item once, in order, nothing outside', async () => {
    // The search lists (ArticleIndex.readList) are read exactly like this, one page per request.
    const [partition, otherPartition] = listRef('status', 'indexed').partitions;
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour)).toISOString(); // March 2026
    const item = (list: string, isoDate: string, id: string) => ({
      [pk]: list,
      [sk]: dateSortKey(isoDate, id),
      id,
    });
    const inRange = Array.from({ length: 250 }, (_, i) =>
      item(partition!, at(1 + (i % 28), i % 24), `in${i}`),
    );
    const outside = [
      ...Array.from({ length: 10 }, (_, i) => item(partition!, `2026-02-${10 + i}T00:00:00.000Z`, `feb${i}`)),
      ...Array.from({ length: 10 }, (_, i) => item(partition!, `2026-04-${10 + i}T00:00:00.000Z`, `apr${i}`)),
      ...Array.from({ length: 10 }, (_, i) => item(otherPartition!, at(5, i), `other${i}`)),
    ];
    const all = [...inRange, ...outside];
    for (let i = 0; i < all.length; i += 25) {
      const chunk = all.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: chunk } }));
      expect(result.UnprocessedItems?.[tableName] ?? []).toEqual([]);
    }

    const pageSizes: number[] = [];
    const seen: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
          // "~" sorts after every id character, as in ArticleIndex: the whole of the last day is in.
          ExpressionAttributeValues: { ':pk': partition, ':from': '2026-03-01', ':to': '2026-03-31~' },
          ScanIndexForward: false,
          Limit: 25,
          ExclusiveStartKey: startKey,
        }),
      );
      pageSizes.push(page.Count!);
      seen.push(...(page.Items ?? []).map((i) => i[sk] as string));
      startKey = page.LastEvaluatedKey;
      expect(pageSizes.length).toBeLessThanOrEqual(12);
    } while (startKey);

    const expected = inRange
      .map((i) => i[sk]!)
      .sort()
      .reverse();
    expect(seen).toEqual(expected);
    // Ten full pages, then (as on AWS) an empty one: a full last page still carries a LastEvaluatedKey.
    expect(pageSizes).toEqual([25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 0]);
  }, 30_000);
});
