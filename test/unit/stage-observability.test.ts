import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { sqsStageHandler } from '../../functions/_runtime/sqs-stage';
import type { TaggedArticle } from '../../shared/core/article';
import { articleIdFor } from '../../shared/core/article-id';
import type { IndexQueueMessage, SourceObject } from '../../shared/core/messages';
import { METRICS } from '../../shared/metrics';
import { handleIndexMessage } from '../../shared/stages/index-stage';
import { MemoryIndex } from '../support/memory-index';
import { parsedArticle } from '../support/parsed-article';

/**
 * What the stage functions write to CloudWatch Logs: every line of a record carries that record's keys
 * even though the batch processor runs a batch's records at once, and the index emits the pipeline's
 * per-article metrics as EMF with low-cardinality dimensions and the keys as properties.
 */

const context = { awsRequestId: 'req-1', functionName: 'index' } as Context;
const sqsEvent = (bodies: unknown[]): SQSEvent => ({
  Records: bodies.map(
    (body, i) =>
      ({
        messageId: `m${i}`,
        body: JSON.stringify(body),
        attributes: { ApproximateReceiveCount: '1' },
      }) as unknown as SQSRecord,
  ),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- log lines are untyped JSON; the assertions give them their shape
type LogLine = Record<string, any>;

/** The JSON lines a handler writes to stdout and stderr (Lambda sends both to its log) while it runs. */
async function captureLines(run: () => Promise<unknown>): Promise<LogLine[]> {
  let text = '';
  const capture = (chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

/** The index stage's Lambda handler over an in-memory index, the way functions/index wires the real one. */
const indexStageHandler = (index: MemoryIndex, now?: () => Date) =>
  sqsStageHandler('index', async (record, { logger, metrics }) => {
    await handleIndexMessage(JSON.parse(record.body) as IndexQueueMessage, {
      index,
      documents: {
        save: async (d) => ({ inline: d }),
        load: async (ref) => (ref as { inline: never }).inline,
      },
      toPublish: { send: async () => undefined },
      logger,
      metrics,
      now,
    });
  });

const source = (key: string, sequencer: string, eventTime = '2026-12-01T10:00:00.000Z'): SourceObject => ({
  bucket: 'raw',
  key,
  sequencer,
  eventTime,
  etag: `etag-${sequencer}`,
});

describe('per-record log keys', () => {
  test('records handled concurrently in one batch each log their own articleId, objectKey and versionToken', async () => {
    const keys = ['incoming/a/one.txt', 'incoming/b/two.txt', 'incoming/c/three.txt'];
    const handler = sqsStageHandler('tag', async (record, { logger }) => {
      const { articleId } = JSON.parse(record.body) as { articleId: string };
      logger.info('started', { saw: articleId });
      // Later records finish first, so the three are in flight together and their lines interleave.
      await new Promise((r) => setTimeout(r, 30 - 10 * Number(record.messageId.slice(1))));
      logger.info('finished', { saw: articleId });
    });
    const messages = keys.map((key, i) => ({
      kind: 'upsert',
      articleId: articleIdFor(key),
      source: source(key, `00${i}`),
    }));

    const lines = await captureLines(() => handler(sqsEvent(messages), context));

    const logLines = lines.filter((l) => l.message === 'started' || l.message === 'finished');
    expect(logLines).toHaveLength(6);
    // Interleaved: not all of one record's lines before the next record's.
    expect(logLines.map((l) => l.saw)).not.toEqual([...logLines.map((l) => l.saw)].sort());
    for (const line of logLines) {
      const message = messages.find((m) => m.articleId === line.saw)!;
      expect(line).toMatchObject({
        stage: 'tag',
        articleId: message.articleId,
        objectKey: message.source.key,
        versionToken: message.source.sequencer,
        function_request_id: 'req-1',
      });
    }
  });

  test("the parse stage's S3 notification gives the keys the pipeline derives from it, also on a failure", async () => {
    const key = 'incoming/wire/a b.txt';
    const notification = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: '2026-12-01T10:00:00.000Z',
          s3: { bucket: { name: 'raw' }, object: { key: 'incoming/wire/a+b.txt', sequencer: '0A1B' } },
        },
      ],
    };
    const handler = sqsStageHandler('parse', async () => {
      throw new Error('bucket unreachable');
    });
    // The batch's only record failed, so the whole batch fails (and SQS retries it).
    const lines = await captureLines(() =>
      expect(handler(sqsEvent([notification]), context)).rejects.toThrow(/All records failed/),
    );
    const failure = lines.find((l) => l.level === 'ERROR')!;
    expect(failure).toMatchObject({
      stage: 'parse',
      articleId: articleIdFor(key),
      objectKey: key,
      versionToken: expect.stringMatching(/0A1B$/),
      outcome: 'failed',
    });
  });
});

describe('index metrics (EMF)', () => {
  const tagged = (key: string): TaggedArticle => ({
    ...parsedArticle('Council approves the harbour budget', ['The council approved the budget on Monday.']),
    id: articleIdFor(key),
    entities: [],
    keyPhrases: [],
    topics: [],
    fingerprints: { exact: 'a'.repeat(64), simhash: 'b'.repeat(16) },
    tagger: { engine: 'copydesk', version: 'test' },
    taggedAt: '2026-12-01T10:00:01.000Z',
  });

  test('UploadToQueryable for an indexed article and RejectedFiles by reason, each line with its keys', async () => {
    const writtenAt = new Date('2026-12-01T10:00:02.500Z');
    const index = new MemoryIndex();
    const handler = indexStageHandler(index, () => writtenAt);
    const article = { key: 'incoming/a/story.txt', sequencer: '0001' };
    const poison = { key: 'incoming/a/poison.bin', sequencer: '0002' };
    const messages: IndexQueueMessage[] = [
      {
        kind: 'upsert',
        articleId: articleIdFor(article.key),
        source: source(article.key, article.sequencer),
        doc: { inline: tagged(article.key) },
      },
      {
        kind: 'reject',
        articleId: articleIdFor(poison.key),
        source: source(poison.key, poison.sequencer),
        rejection: { code: 'BINARY', message: 'not text' },
      },
    ];

    const lines = await captureLines(() => handler(sqsEvent(messages), context));

    const emf = (name: string) =>
      lines.filter((l) =>
        l._aws?.CloudWatchMetrics?.[0]?.Metrics?.some((m: { Name: string }) => m.Name === name),
      );
    const [queryable] = emf(METRICS.uploadToQueryable);
    expect(emf(METRICS.uploadToQueryable)).toHaveLength(1);
    expect(queryable!._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'copydesk',
      Dimensions: [['service']],
      Metrics: [{ Name: 'UploadToQueryable', Unit: 'Milliseconds' }],
    });
    expect(queryable).toMatchObject({
      service: 'index',
      UploadToQueryable: 2500,
      articleId: articleIdFor(article.key),
      objectKey: article.key,
      versionToken: article.sequencer,
    });

    const [rejected] = emf(METRICS.rejectedFiles);
    expect(emf(METRICS.rejectedFiles)).toHaveLength(1);
    expect(rejected!._aws.CloudWatchMetrics[0]).toMatchObject({
      Dimensions: [['service', 'reason']],
      Metrics: [{ Name: 'RejectedFiles', Unit: 'Count' }],
    });
    expect(rejected).toMatchObject({
      service: 'index',
      reason: 'BINARY',
      RejectedFiles: 1,
      articleId: articleIdFor(poison.key),
      objectKey: poison.key,
      versionToken: poison.sequencer,
    });

    // The batch's own counts stay one line per invocation, by stage only.
    const [counts] = emf(METRICS.recordsSucceeded);
    // A zero per success beside each failure's one: RecordsFailed's average is the error rate an alarm watches.
    expect(counts).toMatchObject({ service: 'index', RecordsSucceeded: [1, 1], RecordsFailed: [0, 0] });
    expect(counts!._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service']]);

    // One INFO line per record, with its outcome.
    const info = lines.filter((l) => l.level === 'INFO');
    expect(info.map((l) => [l.articleId, l.kind, l.outcome])).toEqual(
      expect.arrayContaining([
        [articleIdFor(article.key), 'upsert', 'applied'],
        [articleIdFor(poison.key), 'reject', 'applied'],
      ]),
    );
    expect(info).toHaveLength(2);
  });

  test('counts an article once: not again for a redelivery of the version indexed, nor for an older one', async () => {
    const index = new MemoryIndex();
    const key = 'incoming/a/story.txt';
    const handler = indexStageHandler(index);
    const upsert = (sequencer: string): IndexQueueMessage => ({
      kind: 'upsert',
      articleId: articleIdFor(key),
      source: source(key, sequencer),
      doc: { inline: tagged(key) },
    });
    const first = await captureLines(() => handler(sqsEvent([upsert('0005')]), context));
    expect(first.filter((l) => METRICS.uploadToQueryable in l).map((l) => l.versionToken)).toEqual(['0005']);
    // The version was queryable from its first write: a redelivery's later time would only skew the p95.
    const again = await captureLines(() => handler(sqsEvent([upsert('0005'), upsert('0003')]), context));
    expect(again.filter((l) => METRICS.uploadToQueryable in l)).toEqual([]);
  });
});
