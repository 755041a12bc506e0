import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { awsClientConfig } from '../../shared/aws/client-config';
import { DynamoRecordWalker } from '../../shared/aws/index-records';
import { queueDepth } from '../../shared/aws/queue-depth';
import { SqsSender } from '../../shared/aws/messaging';
import { S3RawObjects } from '../../shared/aws/raw-objects';
import { documentClient } from '../../shared/aws/runtime';
import { articleIdFor } from '../../shared/core/article-id';
import { MIN_TOKEN, nextToken, type S3EventBody } from '../../shared/core/replay-event';
import { readS3Notification } from '../../shared/core/s3-event';
import { reconcile } from '../../shared/stages/reconcile';
import { reprocess } from '../../shared/stages/reprocess';
import { RAW_PREFIX, type StageName } from '../../shared/topology';
import { redriveCommand } from '../../cli/commands/operate';
import type { Target } from '../../cli/target';
import { createHarness, type Harness } from './harness';

jest.setTimeout(180_000);

/** The adapters the CLI wires, on the harness's own deployment. */
function operationsOn(h: Harness) {
  const names = h.deployment.names;
  return {
    objects: new S3RawObjects(h.s3, names.rawBucket),
    records: new DynamoRecordWalker(documentClient(awsClientConfig()), names.table),
    index: h.index,
    parseQueue: new SqsSender<S3EventBody>(h.sqs, h.deployment.queues.parse.url),
    bucket: names.rawBucket,
  };
}

/** The CLI's Target for the harness's deployment (its names, clients and queues). */
function targetOf(h: Harness): Target {
  const queues = h.deployment.queues;
  const byName = new Map(
    Object.values(queues).flatMap((q) => [
      [q.url.split('/').pop()!, q.url],
      [q.deadLetterUrl.split('/').pop()!, q.deadLetterUrl],
    ]),
  );
  return {
    names: h.deployment.names,
    s3: h.s3,
    sqs: h.sqs,
    index: h.index,
    archive: h.archive,
    queueUrl: async (name) => byName.get(name)!,
    stageQueueUrl: async (stage: StageName, deadLetter = false) =>
      deadLetter ? queues[stage].deadLetterUrl : queues[stage].url,
  };
}

/**
 * Takes the S3 notification about `key` off the parse queue before the pipeline sees it, as if it had
 * been lost; other messages are left for the pipeline.
 */
async function loseNotification(h: Harness, key: string, change: 'created' | 'removed'): Promise<void> {
  const url = h.deployment.queues.parse.url;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const got = await h.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    let found = false;
    for (const m of got.Messages ?? []) {
      const content = readS3Notification(m.Body ?? '');
      const isIt =
        content.kind === 'changes' &&
        content.changes.some((c) => c.source.key === key && c.change === change);
      if (isIt) {
        await h.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
        found = true;
      } else {
        await h.sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: url,
            ReceiptHandle: m.ReceiptHandle!,
            VisibilityTimeout: 0,
          }),
        );
      }
    }
    if (found) return;
  }
  throw new Error(`no ${change} notification for ${key} arrived on the parse queue`);
}

const etagOf = async (h: Harness, key: string) =>
  (await h.s3.send(new HeadObjectCommand({ Bucket: h.deployment.names.rawBucket, Key: key }))).ETag!.replace(
    /"/g,
    '',
  );

const article = (title: string) =>
  `${title}\n\nThe council met on Monday and agreed the plan after a long debate, a spokesman said.\n\n` +
  'Work is due to start next spring and last two years, according to the published timetable.';

describe('copydesk reconcile on the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it('re-sends a lost record, a lost overwrite and a lost delete, then has nothing left to send', async () => {
    const lost = await h.upload('ops/lost record.txt', article('Bridge reopens after repairs'));
    const changed = await h.upload('ops/changed+again.txt', article('Library opens late'));
    const gone = await h.upload('ops/gone.txt', article('Council approves cycle lanes'));
    await h.drain();
    const [lostId, changedId, goneId] = [lost, changed, gone].map(articleIdFor) as [string, string, string];
    const changedBefore = await h.index.get(changedId);
    const goneBefore = await h.index.get(goneId);
    expect(changedBefore?.status).toBe('indexed');

    // A write the index lost.
    await documentClient(awsClientConfig()).send(
      new DeleteCommand({
        TableName: h.deployment.names.table,
        Key: { pk: `ARTICLE#${lostId}`, sk: 'ARTICLE' },
      }),
    );
    // An overwrite and a delete whose notifications never reached the pipeline.
    await h.s3.send(
      new PutObjectCommand({
        Bucket: h.deployment.names.rawBucket,
        Key: changed,
        Body: article('Library opens late on weekdays'),
      }),
    );
    await loseNotification(h, changed, 'created');
    await h.remove('ops/gone.txt');
    await loseNotification(h, gone, 'removed');
    await h.drain();
    expect(await h.index.get(lostId)).toBeUndefined();
    expect((await h.index.get(changedId))?.title).toBe('Library opens late');
    expect((await h.index.get(goneId))?.status).toBe('indexed');

    const report = await reconcile(operationsOn(h));
    expect(report).toMatchObject({
      objects: 2,
      records: 2,
      resentMissing: 1,
      resentStale: 1,
      removalsSent: 1,
      inSync: 0,
    });
    expect(report.actions.map((a) => [a.reason, a.key]).sort()).toEqual(
      [
        ['missing', lost],
        ['removed', gone],
        ['stale', changed],
      ].sort(),
    );
    await h.drain();

    // Every object has one current record, indexed, describing the object as it is now.
    for (const key of [lost, changed]) {
      expect(await h.index.get(articleIdFor(key))).toMatchObject({
        status: 'indexed',
        source: { key, etag: await etagOf(h, key) },
      });
    }
    expect(await h.index.get(lostId)).toMatchObject({ version: 1, versionToken: MIN_TOKEN });
    expect(await h.index.get(changedId)).toMatchObject({
      title: 'Library opens late on weekdays',
      version: changedBefore!.version + 1,
      versionToken: nextToken(changedBefore!.versionToken),
    });
    expect(await h.index.get(goneId)).toMatchObject({
      status: 'deleted',
      versionToken: nextToken(goneBefore!.versionToken),
    });
    const indexed = (await h.find({})).map((i) => i.id);
    expect(indexed.sort()).toEqual([lostId, changedId].sort());
    expect((await h.find({ status: 'deleted' })).map((i) => i.id)).toEqual([goneId]);

    const again = await reconcile(operationsOn(h));
    expect(again).toMatchObject({
      resentMissing: 0,
      resentStale: 0,
      removalsSent: 0,
      inSync: 2,
      actions: [],
    });
    expect(await h.deadLetterDepth('parse')).toBe(0);
  });
});

describe('copydesk reprocess on the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it('re-sends exactly the rejected objects when asked for rejected ones', async () => {
    const good = [
      await h.upload('rp/one.txt', article('Harbour bridge reopens')),
      await h.upload('rp/two.txt', article('Museum extends opening hours')),
    ];
    const bad = [
      await h.upload('rp/empty.txt', ''),
      await h.upload('rp/poison.bin', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x13])),
    ];
    await h.drain();
    const before = new Map(
      await Promise.all([...good, ...bad].map(async (k) => [k, await h.index.get(articleIdFor(k))] as const)),
    );
    expect(bad.map((k) => before.get(k)?.status)).toEqual(['rejected', 'rejected']);

    const report = await reprocess(operationsOn(h), { statuses: ['rejected'] });
    expect(report).toMatchObject({ selected: 2, resent: 2, skippedGone: 0 });
    expect(report.objects.map((o) => o.key).sort()).toEqual([...bad].sort());
    await h.drain();

    for (const key of bad) {
      const was = before.get(key)!;
      expect(await h.index.get(articleIdFor(key))).toMatchObject({
        status: 'rejected',
        rejection: { code: was.rejection!.code },
        version: was.version,
        versionToken: nextToken(was.versionToken),
      });
    }
    for (const key of good) expect(await h.index.get(articleIdFor(key))).toEqual(before.get(key));
  });

  it('re-tags nothing when the parser and tagger are the ones that made the records', async () => {
    const key = `${RAW_PREFIX}rp/one.txt`;
    const was = await h.index.get(articleIdFor(key));
    const report = await reprocess(operationsOn(h), {
      statuses: ['indexed'],
      olderThan: { producer: 'tagger', version: was!.tagger!.version },
    });
    expect(report).toMatchObject({ selected: 0, resent: 0 });
    // Asked for all indexed ones anyway: sent, read, parsed, tagged, and recognised as unchanged.
    expect((await reprocess(operationsOn(h), { statuses: ['indexed'] })).resent).toBe(2);
    expect(await queueDepth(h.sqs, h.deployment.queues.parse.url)).toBe(2);
    await h.drain();
    for (const stage of ['parse', 'tag', 'index'] as const) expect(await h.deadLetterDepth(stage)).toBe(0);
    expect(await h.index.get(articleIdFor(key))).toEqual(was);
  });
});

describe('copydesk redrive on the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it("moves a dead-letter queue's messages back to the stage's queue, body and attributes", async () => {
    const queue = h.deployment.queues.publish;
    for (const body of ['{"n":1}', '{"n":2}']) {
      await h.sqs.send(
        new SendMessageCommand({
          QueueUrl: queue.deadLetterUrl,
          MessageBody: body,
          MessageAttributes: { origin: { DataType: 'String', StringValue: 'test' } },
        }),
      );
    }
    expect(await h.deadLetterDepth('publish')).toBe(2);

    const lines: string[] = [];
    const [result] = await redriveCommand(targetOf(h), 'publish', {}, (l) => lines.push(l));
    expect(result).toMatchObject({ stage: 'publish', moved: 2, failed: 0 });
    expect(['move-task', 'receive-send-delete']).toContain(result!.path);
    expect(lines.join('\n')).toMatch(/^publish\s+moved 2 \(/);

    expect(await h.deadLetterDepth('publish')).toBe(0);
    const got = await h.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = got.Messages ?? [];
    expect(messages.map((m) => m.Body).sort()).toEqual(['{"n":1}', '{"n":2}']);
    for (const m of messages) {
      expect(m.MessageAttributes?.origin?.StringValue).toBe('test');
      await h.sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: m.ReceiptHandle! }));
    }
  });

  it('redrives every stage with all, and moves nothing from empty dead-letter queues', async () => {
    const results = await redriveCommand(targetOf(h), 'all', { json: true }, () => undefined);
    expect(results.map((r) => [r.stage, r.moved])).toEqual([
      ['parse', 0],
      ['tag', 0],
      ['index', 0],
      ['publish', 0],
    ]);
    await expect(redriveCommand(targetOf(h), 'nope', {}, () => undefined)).rejects.toThrow(/unknown stage/);
  });
});
