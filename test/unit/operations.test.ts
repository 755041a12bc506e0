/**
 * The operator use cases (reconcile, reprocess, redrive) with in-memory ports, and what the pipeline's own
 * stages make of the messages they send: a re-processed article whose object did not change is rewritten
 * only when another parser or tagger made its record, and then keeps its version number. The emulator
 * runs the same commands end to end in test/integration/operations.test.ts.
 */
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsDeadLetterMover } from '../../shared/aws/dead-letter-mover';
import type { ParsedArticle, TaggedArticle } from '../../shared/core/article';
import { articleIdFor } from '../../shared/core/article-id';
import type { ApplyResult, RecordStatus } from '../../shared/core/index-model';
import type { IndexQueueMessage, PublishQueueMessage, TagQueueMessage } from '../../shared/core/messages';
import { PARSER_VERSION } from '../../shared/core/parse';
import type { RecordView, StoredObject } from '../../shared/core/reconcile';
import { MIN_TOKEN, nextToken, type S3EventBody } from '../../shared/core/replay-event';
import {
  compareVersions,
  parseOlderThan,
  selectedForReprocess,
  type ReprocessFilter,
} from '../../shared/core/reprocess';
import { readS3Notification } from '../../shared/core/s3-event';
import { handleIndexMessage } from '../../shared/stages/index-stage';
import type { RawObjects, RecordReader, RecordWalker } from '../../shared/stages/operation-ports';
import { handleRawBucketMessage } from '../../shared/stages/parse-stage';
import { silentLogger, type Tagger } from '../../shared/stages/ports';
import { reconcile } from '../../shared/stages/reconcile';
import { reprocess } from '../../shared/stages/reprocess';
import { handleParsedArticle } from '../../shared/stages/tag-stage';
import { MemoryIndex as SharedMemoryIndex } from '../support/memory-index';

const T = (n: number) => n.toString(16).toUpperCase().padStart(32, '0');
const KEY = 'incoming/presstv/ties.txt';
const ID = articleIdFor(KEY);
const TEXT =
  'China and Japan hope for better ties\n\nForeign ministers met in Beijing on Monday to talk trade.';

/** The shared in-memory index, also read as the operator commands read it. */
class MemoryIndex extends SharedMemoryIndex implements RecordReader {
  /** The walk the use cases read, over the same Map. */
  walker(): RecordWalker {
    const records = this.records;
    return {
      async *walk(status: RecordStatus) {
        yield [...records.values()].filter((r) => r.status === status);
      },
    };
  }
}

/** parse -> tag (with a tagger of a given version) -> index, in memory, over one bucket of objects. */
function pipeline() {
  const bucket = new Map<string, { body: string; etag: string }>();
  const index = new MemoryIndex();
  const published: PublishQueueMessage[] = [];
  const sent: S3EventBody[] = [];
  let taggerVersion = '1';
  const tagger: Tagger = async (article: ParsedArticle): Promise<TaggedArticle> => ({
    ...article,
    entities: [],
    keyPhrases: [],
    topics: [],
    fingerprints: { exact: '0'.repeat(64), simhash: '0'.repeat(16) },
    tagger: { engine: 'copydesk', version: taggerVersion },
    taggedAt: article.parsedAt,
  });
  const documents = {
    save: async <T>(doc: T) => ({ inline: doc }),
    load: async <T>(ref: { inline: T } | { s3: unknown }) => (ref as { inline: T }).inline,
  };
  const toIndex: IndexQueueMessage[] = [];
  const toTag: TagQueueMessage[] = [];
  const run = async (body: S3EventBody | string) => {
    await handleRawBucketMessage(typeof body === 'string' ? body : JSON.stringify(body), {
      objects: {
        read: async (s) => {
          const o = bucket.get(s.key);
          return o ? { found: true, bytes: Buffer.from(o.body), etag: o.etag } : { found: false };
        },
      },
      documents,
      toTag: { send: async (m) => void toTag.push(m) },
      toIndex: { send: async (m) => void toIndex.push(m) },
      maxInputBytes: 1 << 20,
      logger: silentLogger,
    });
    for (const m of toTag.splice(0))
      await handleParsedArticle(m, {
        documents,
        tagger,
        toIndex: { send: async (x) => void toIndex.push(x) },
      });
    const results: ApplyResult[] = [];
    for (const m of toIndex.splice(0))
      results.push(
        await handleIndexMessage(m, {
          index,
          documents,
          toPublish: { send: async (p) => void published.push(p) },
          logger: silentLogger,
        }),
      );
    return results;
  };
  const objects: RawObjects = {
    async *list(prefix) {
      yield [...bucket.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .map(([key, o]): StoredObject => ({ key, etag: `"${o.etag}"`, size: o.body.length }));
    },
    head: async (key) => {
      const o = bucket.get(key);
      return o && { key, etag: `"${o.etag}"`, size: o.body.length };
    },
  };
  const deps = {
    objects,
    records: index.walker(),
    index,
    parseQueue: { send: async (m: S3EventBody) => void sent.push(m) },
    bucket: 'raw',
    now: () => new Date('2026-11-30T09:00:00.000Z'),
  };
  const upload = async (key: string, body: string, etag: string, sequencer: string) => {
    bucket.set(key, { body, etag });
    return run(
      JSON.stringify({
        Records: [
          {
            eventName: 'ObjectCreated:Put',
            eventTime: '2026-11-29T10:00:00.000Z',
            s3: { bucket: { name: 'raw' }, object: { key, size: body.length, eTag: etag, sequencer } },
          },
        ],
      }),
    );
  };
  return {
    bucket,
    index,
    published,
    sent,
    deps,
    run,
    upload,
    setTaggerVersion: (v: string) => void (taggerVersion = v),
    /** Delivers what the use case sent, as the parse queue would. */
    deliver: async () => (await Promise.all(sent.splice(0).map((m) => run(m)))).flat(),
  };
}

describe('reprocess through the real stages', () => {
  it('changes nothing for an article made by the same parser and tagger: same bytes, same software', async () => {
    const p = pipeline();
    await p.upload(KEY, TEXT, 'etag-1', T(100));
    const before = p.index.records.get(ID)!;
    expect(before).toMatchObject({
      status: 'indexed',
      version: 1,
      parser: { version: PARSER_VERSION },
      tagger: { engine: 'copydesk', version: '1' },
    });

    const report = await reprocess(p.deps, { statuses: ['indexed'] });
    expect(report).toMatchObject({ selected: 1, resent: 1, skippedGone: 0 });
    expect(p.sent[0]!.Records[0]!.s3.object.sequencer).toBe(T(101));
    const results = await p.deliver();
    expect(results.map((r) => r.outcome)).toEqual(['unchanged']);
    expect(p.index.records.get(ID)).toEqual(before);
    expect(p.published).toHaveLength(1);
  });

  it('re-tags an article whose tagger changed: one record, new tags and token, same version, republished', async () => {
    const p = pipeline();
    await p.upload(KEY, TEXT, 'etag-1', T(100));
    p.setTaggerVersion('2');

    const report = await reprocess(p.deps, {
      statuses: ['indexed'],
      olderThan: parseOlderThan('tagger@2'),
    });
    expect(report.resent).toBe(1);
    const results = await p.deliver();
    expect(results.map((r) => r.outcome)).toEqual(['applied']);
    expect(p.index.records.size).toBe(1);
    expect(p.index.records.get(ID)).toMatchObject({
      version: 1,
      versionToken: T(101),
      source: { etag: 'etag-1' },
      tagger: { version: '2' },
    });
    expect(p.published.map((m) => (m.kind === 'upsert' ? m.version : m.kind))).toEqual([1, 1]);

    // Now every record is as new as the filter asks: nothing more to do.
    expect(
      (await reprocess(p.deps, { statuses: ['indexed'], olderThan: parseOlderThan('tagger@2') })).selected,
    ).toBe(0);
  });

  it('re-sends a feed once for its chosen items, after every token the feed and its items hold', async () => {
    const p = pipeline();
    const feedKey = 'incoming/gazette/local.rss';
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
      <item><guid>a</guid><title>Bridge reopens</title><description>The bridge reopened on Tuesday.</description></item>
      <item><guid>b</guid><title>Library opens late</title><description>The library stays open until ten.</description></item>
      </channel></rss>`;
    await p.upload(feedKey, rss, 'feed-1', T(200));
    const items = [...p.index.records.values()].filter((r) => r.feedId);
    expect(items).toHaveLength(2);
    // One item was written by a later event than the container's (e.g. its container write was redriven).
    p.index.records.set(items[1]!.id, { ...items[1]!, versionToken: T(250) });

    const report = await reprocess(p.deps, { statuses: ['indexed'] });
    expect(report).toMatchObject({ selected: 2, resent: 1 });
    expect(report.objects).toEqual([
      { key: feedKey, id: articleIdFor(feedKey), sequencer: T(251), records: 2 },
    ]);
  });

  it('skips an object that is gone, and sends nothing on a dry run', async () => {
    const p = pipeline();
    await p.upload(KEY, TEXT, 'etag-1', T(100));
    await p.upload('incoming/presstv/gone.txt', TEXT, 'etag-2', T(100));
    p.bucket.delete('incoming/presstv/gone.txt');
    const report = await reprocess(p.deps, { statuses: ['indexed'] }, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, selected: 2, resent: 1, skippedGone: 1 });
    expect(p.sent).toEqual([]);
  });
});

describe('reconcile through the real stages', () => {
  it('repairs a lost record, a lost overwrite and a lost delete, then finds nothing to do', async () => {
    const p = pipeline();
    for (const name of ['a', 'b', 'c'])
      await p.upload(`incoming/x/${name}.txt`, `${TEXT} ${name}`, `e-${name}`, T(100));
    p.index.records.delete(articleIdFor('incoming/x/a.txt')); // a lost write
    p.bucket.set('incoming/x/b.txt', { body: `${TEXT} changed`, etag: 'e-b2' }); // its event lost
    p.bucket.delete('incoming/x/c.txt'); // its event lost

    const progress: string[] = [];
    const dry = await reconcile({ ...p.deps, onProgress: (e) => progress.push(e.phase) }, { dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      objects: 2,
      resentMissing: 1,
      resentStale: 1,
      removalsSent: 1,
    });
    expect(p.sent).toEqual([]);
    expect(progress).toEqual(expect.arrayContaining(['listing objects', 'reading records', 'planning']));

    const report = await reconcile(p.deps);
    expect(report).toMatchObject({
      objects: 2,
      records: 2,
      resentMissing: 1,
      resentStale: 1,
      removalsSent: 1,
      inSync: 0,
    });
    const kinds = p.sent.map((m) => readS3Notification(JSON.stringify(m)));
    expect(kinds.map((k) => (k.kind === 'changes' ? k.changes[0]!.change : k.kind)).sort()).toEqual([
      'created',
      'created',
      'removed',
    ]);
    await p.deliver();
    expect(p.index.records.get(articleIdFor('incoming/x/a.txt'))).toMatchObject({
      status: 'indexed',
      versionToken: MIN_TOKEN,
      source: { etag: 'e-a' },
    });
    expect(p.index.records.get(articleIdFor('incoming/x/b.txt'))).toMatchObject({
      status: 'indexed',
      version: 2,
      versionToken: nextToken(T(100)),
      source: { etag: 'e-b2' },
    });
    expect(p.index.records.get(articleIdFor('incoming/x/c.txt'))?.status).toBe('deleted');

    expect(await reconcile(p.deps)).toMatchObject({
      resentMissing: 0,
      resentStale: 0,
      removalsSent: 0,
      inSync: 2,
    });
    expect(p.sent).toEqual([]);
  });
});

describe('choosing records to reprocess', () => {
  const view = (overrides: Partial<RecordView>): RecordView => ({
    id: 'x',
    status: 'indexed',
    versionToken: T(1),
    source: { key: KEY },
    updatedAt: '2026-11-29T10:00:00.000Z',
    parser: { version: '2026.11.29' },
    tagger: { engine: 'copydesk', version: '2026.11.29' },
    ...overrides,
  });
  const all: ReprocessFilter = { statuses: ['indexed', 'rejected'] };

  it('filters on status and on when the record was written', () => {
    expect(selectedForReprocess(view({}), { statuses: ['rejected'] })).toBe(false);
    expect(selectedForReprocess(view({ status: 'rejected' }), { statuses: ['rejected'] })).toBe(true);
    expect(selectedForReprocess(view({ status: 'deleted' }), all)).toBe(false);
    expect(selectedForReprocess(view({ status: 'feed' }), all)).toBe(false);
    expect(selectedForReprocess(view({}), { ...all, since: '2026-11-29T10:00:00.000Z' })).toBe(true);
    expect(selectedForReprocess(view({}), { ...all, since: '2026-11-30T00:00:00.000Z' })).toBe(false);
  });

  it('chooses records made by an older producer, or by one they do not name', () => {
    const olderThan = (v: string) => ({ ...all, olderThan: parseOlderThan(v) });
    expect(selectedForReprocess(view({}), olderThan('tagger@2026.12.1'))).toBe(true);
    expect(selectedForReprocess(view({}), olderThan('tagger@2026.11.29'))).toBe(false);
    expect(selectedForReprocess(view({}), olderThan('parser@2026.11.3'))).toBe(false);
    expect(selectedForReprocess(view({ parser: undefined }), olderThan('parser@2026.11.3'))).toBe(true);
    expect(selectedForReprocess(view({ status: 'rejected', tagger: undefined }), olderThan('tagger@1'))).toBe(
      true,
    );
  });

  it('compares versions part by part, numbers as numbers', () => {
    expect(compareVersions('2026.11.29', '2026.12.1')).toBe(-1);
    expect(compareVersions('2026.12.10', '2026.12.9')).toBe(1);
    expect(compareVersions('2026.12', '2026.12.0')).toBe(-1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.2.3-beta', '1.2.3')).toBe(1);
    expect(() => parseOlderThan('tagger')).toThrow(/parser\|tagger/);
    expect(() => parseOlderThan('index@1')).toThrow();
  });
});

describe('SqsDeadLetterMover', () => {
  const queues = { deadLetterUrl: 'https://sqs/dlq', url: 'https://sqs/q' };
  const arns = (mock: ReturnType<typeof mockClient>) =>
    mock
      .on(GetQueueAttributesCommand, { QueueUrl: queues.deadLetterUrl })
      .resolves({ Attributes: { QueueArn: 'arn:dlq' } })
      .on(GetQueueAttributesCommand, { QueueUrl: queues.url })
      .resolves({ Attributes: { QueueArn: 'arn:q' } });

  it('uses SQS message move tasks and waits for the task to finish', async () => {
    const mock = mockClient(SQSClient);
    arns(mock);
    mock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'h1' });
    mock
      .on(ListMessageMoveTasksCommand)
      .resolvesOnce({
        Results: [{ TaskHandle: 'h1', Status: 'RUNNING', ApproximateNumberOfMessagesMoved: 1 }],
      })
      .resolves({
        Results: [{ Status: 'COMPLETED', StartedTimestamp: Date.now(), ApproximateNumberOfMessagesMoved: 3 }],
      });
    const result = await new SqsDeadLetterMover(new SQSClient({}), { pollMs: 1 }).move(queues);
    expect(result).toEqual({
      moved: 3,
      path: 'move-task',
      failed: 0,
      taskStatus: 'COMPLETED',
      taskHandle: 'h1',
    });
    expect(mock.commandCalls(StartMessageMoveTaskCommand)[0]!.args[0].input).toEqual({
      SourceArn: 'arn:dlq',
      DestinationArn: 'arn:q',
    });
    mock.restore();
  });

  it('falls back to receive, send, delete where the endpoint lacks the action, sending before deleting', async () => {
    const mock = mockClient(SQSClient);
    arns(mock);
    const unsupported = Object.assign(
      new Error('The action StartMessageMoveTask is not valid for this endpoint.'),
      {
        name: 'InvalidAction',
      },
    );
    mock.on(StartMessageMoveTaskCommand).rejects(unsupported);
    mock
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          {
            Body: 'one',
            ReceiptHandle: 'r1',
            MessageAttributes: { why: { DataType: 'String', StringValue: 'poison', StringListValues: [] } },
          },
          { Body: 'two', ReceiptHandle: 'r2' },
        ],
      })
      .resolves({ Messages: [] });
    const order: string[] = [];
    mock.on(SendMessageBatchCommand).callsFake(() => {
      order.push('send');
      return {
        Successful: ['0', '1'].map((Id) => ({ Id, MessageId: `m${Id}`, MD5OfMessageBody: 'x' })),
        Failed: [],
      };
    });
    mock.on(DeleteMessageBatchCommand).callsFake(() => {
      order.push('delete');
      return {};
    });
    const result = await new SqsDeadLetterMover(new SQSClient({})).move(queues);
    expect(result).toEqual({ moved: 2, path: 'receive-send-delete', failed: 0 });
    expect(order).toEqual(['send', 'delete']);
    expect(mock.commandCalls(SendMessageBatchCommand)[0]!.args[0].input).toEqual({
      QueueUrl: queues.url,
      Entries: [
        {
          Id: '0',
          MessageBody: 'one',
          MessageAttributes: { why: { DataType: 'String', StringValue: 'poison' } },
        },
        { Id: '1', MessageBody: 'two' },
      ],
    });
    mock.restore();
  });

  it('keeps on the dead-letter queue a message it could not send', async () => {
    const mock = mockClient(SQSClient);
    arns(mock);
    mock.on(StartMessageMoveTaskCommand).rejects(Object.assign(new Error('nope'), { name: 'InvalidAction' }));
    mock
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          { Body: 'one', ReceiptHandle: 'r1' },
          { Body: 'two', ReceiptHandle: 'r2' },
        ],
      })
      .resolves({ Messages: [] });
    mock.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '1', MessageId: 'm', MD5OfMessageBody: 'x' }],
      Failed: [{ Id: '0', Code: 'x', SenderFault: false }],
    });
    mock.on(DeleteMessageBatchCommand).resolves({});
    const result = await new SqsDeadLetterMover(new SQSClient({})).move(queues);
    expect(result).toMatchObject({ moved: 1, failed: 1 });
    expect(mock.commandCalls(DeleteMessageBatchCommand)[0]!.args[0].input.Entries).toEqual([
      { Id: '0', ReceiptHandle: 'r2' },
    ]);
    mock.restore();
  });

  it('does not take a refusal for a missing action', async () => {
    const mock = mockClient(SQSClient);
    arns(mock);
    mock
      .on(StartMessageMoveTaskCommand)
      .rejects(
        Object.assign(new Error('source is not a dead-letter queue'), { name: 'InvalidParameterValue' }),
      );
    await expect(new SqsDeadLetterMover(new SQSClient({})).move(queues)).rejects.toThrow(/not a dead-letter/);
    expect(mock.commandCalls(ReceiveMessageCommand)).toHaveLength(0);
    mock.restore();
  });
});

describe('the index stage, when an event it applied comes again', () => {
  it('passes it on to publish again (the run that wrote it may have died before sending), an older one not', async () => {
    const p = pipeline();
    const text =
      'Ferry strike ends\n\nThe ferry strike on the island routes ended on Monday after three days.';
    await p.upload('incoming/wire/a.txt', text, 'e1', '0002');
    expect(p.published).toHaveLength(1);
    const [again] = await p.upload('incoming/wire/a.txt', text, 'e1', '0002');
    expect(again!.outcome).toBe('stale');
    expect(p.published).toHaveLength(2);
    expect(p.published[1]).toMatchObject({ kind: 'upsert', version: 1 });
    await p.upload('incoming/wire/a.txt', 'Older text\n\nAn older version that arrived late.', 'e0', '0001');
    expect(p.published).toHaveLength(2);
  });
});
