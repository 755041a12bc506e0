/**
 * Failure modes the emulator cannot produce on demand: partial PutEvents failures, a concurrent writer
 * slipping in between the index's read and its transaction, S3 errors. aws-sdk-client-mock stands in
 * for AWS here only; the happy paths run against the emulator in test/integration.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ArticleIndex } from '../../shared/aws/article-index';
import { EventBridgeArticleEvents } from '../../shared/aws/messaging';
import { S3ObjectReader } from '../../shared/aws/s3-objects';
import { rejectedRecord } from '../../shared/core/index-model';
import type { SourceObject } from '../../shared/core/messages';

const source: SourceObject = {
  bucket: 'raw',
  key: 'incoming/a.txt',
  sequencer: '0005',
  eventTime: '2026-11-29T10:00:00Z',
};

describe('EventBridgeArticleEvents', () => {
  it('fails the record when PutEvents reports a failed entry, so the event is retried, not lost', async () => {
    const mock = mockClient(EventBridgeClient);
    mock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
    });
    const events = new EventBridgeArticleEvents(new EventBridgeClient({}), 'bus');
    await expect(events.emit('ArticlePublished', { id: 'x' })).rejects.toThrow(
      'PutEvents failed: ThrottlingException slow down',
    );
    mock.restore();
  });
});

describe('ArticleIndex against DynamoDB answers the emulator cannot give on demand', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  // The search postings written after the record's transaction always land here.
  beforeEach(() => ddb.on(BatchWriteCommand).resolves({}));
  afterEach(() => ddb.reset());
  const index = () => new ArticleIndex(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'table');
  const conditionFailed = () =>
    new TransactionCanceledException({
      message: 'cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
    });

  it('re-reads after losing the race and stops when the winner was newer', async () => {
    const newer = {
      ...rejectedRecord('a', { code: 'EMPTY', message: 'm' }, { ...source, sequencer: '0009' }, 'now', {}),
      pk: 'ARTICLE#a',
      sk: 'ARTICLE',
      facets: [],
    };
    ddb.on(GetCommand).resolvesOnce({}).resolves({ Item: newer });
    ddb.on(TransactWriteCommand).rejects(conditionFailed());
    const result = await index().apply('a', '0005', (prev) =>
      rejectedRecord('a', { code: 'BINARY', message: 'm' }, source, 'now', { record: prev }),
    );
    expect(result.outcome).toBe('stale');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('retries and lands when the concurrent writer was older', async () => {
    const older = {
      ...rejectedRecord('a', { code: 'EMPTY', message: 'm' }, { ...source, sequencer: '0001' }, 'now', {}),
      pk: 'ARTICLE#a',
      sk: 'ARTICLE',
      facets: [],
    };
    ddb.on(GetCommand).resolvesOnce({}).resolves({ Item: older });
    ddb.on(TransactWriteCommand).rejectsOnce(conditionFailed()).resolves({});
    ddb.on(UpdateCommand).resolves({});
    const result = await index().apply('a', '0005', (prev) =>
      rejectedRecord('a', { code: 'BINARY', message: 'm' }, source, 'now', { record: prev }),
    );
    expect(result.outcome).toBe('applied');
    const second = ddb.commandCalls(TransactWriteCommand)[1]!.args[0].input.TransactItems![0]!.Put!;
    expect(second.ConditionExpression).toBe('versionToken = :seen');
    expect(second.ExpressionAttributeValues).toEqual({ ':seen': '0001' });
  });

  it('tries again from a fresh read when the service fails the transaction with a 5xx', async () => {
    // moto does this when a transaction races another write; DynamoDB may after the SDK's own retries.
    const serverError = Object.assign(new Error('Internal Server Error'), {
      $metadata: { httpStatusCode: 500 },
    });
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).rejectsOnce(serverError).resolves({});
    ddb.on(UpdateCommand).resolves({});
    const result = await index().apply('a', '0005', (prev) =>
      rejectedRecord('a', { code: 'BINARY', message: 'm' }, source, 'now', { record: prev }),
    );
    expect(result.outcome).toBe('applied');
    expect(ddb.commandCalls(GetCommand)).toHaveLength(2);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('retries a transaction that conflicted with another one', async () => {
    ddb.on(GetCommand).resolves({});
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(
        new TransactionCanceledException({
          message: 'cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        }),
      )
      .resolves({});
    ddb.on(UpdateCommand).resolves({});
    const result = await index().apply('a', '0005', (prev) =>
      rejectedRecord('a', { code: 'BINARY', message: 'm' }, source, 'now', { record: prev }),
    );
    expect(result.outcome).toBe('applied');
  });

  it('does not retry other transaction failures', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    await expect(
      index().apply('a', '0005', (prev) =>
        rejectedRecord('a', { code: 'BINARY', message: 'm' }, source, 'now', { record: prev }),
      ),
    ).rejects.toThrow('ProvisionedThroughputExceeded');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('asks for each key once, as DynamoDB refuses a BatchGetItem naming a key twice', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { table: [] } });
    // Two query words whose stems overlap ask about the same posting of the same candidate.
    const ref = { partition: 'W#minist', sortKey: '2026-11-01T00:00:00Z#a' };
    await index().findPostings([ref, ref, { ...ref, partition: 'W#minister' }]);
    const keys = ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!.table!.Keys;
    expect(keys).toEqual([
      { pk: 'W#minist', sk: ref.sortKey },
      { pk: 'W#minister', sk: ref.sortKey },
    ]);
  });
});

describe('S3ObjectReader', () => {
  const s3 = mockClient(S3Client);
  afterEach(() => s3.reset());

  it('reports an object deleted since its event as not found', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'gone', $metadata: {} }));
    await expect(new S3ObjectReader(new S3Client({})).read(source, 100)).resolves.toEqual({ found: false });
  });

  it('refuses to download an object over the cap', async () => {
    const destroy = jest.fn();
    s3.on(GetObjectCommand).resolves({ ContentLength: 101, Body: { destroy } as never });
    await expect(new S3ObjectReader(new S3Client({})).read(source, 100)).resolves.toEqual({
      found: true,
      tooLarge: true,
      size: 101,
    });
    expect(destroy).toHaveBeenCalled();
  });

  it('lets other S3 errors fail the record so it is retried', async () => {
    s3.on(GetObjectCommand).rejects(new Error('SlowDown'));
    await expect(new S3ObjectReader(new S3Client({})).read(source, 100)).rejects.toThrow('SlowDown');
  });
});
