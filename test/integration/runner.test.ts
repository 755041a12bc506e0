import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import type { IndexQueueMessage } from '../../shared/core/messages';
import { LocalRunner } from '../support/in-process/runner';
import { createHarness, TEST_VISIBILITY_SECONDS, type Harness } from './harness';

jest.setTimeout(60_000);

describe("the local runner, as Lambda's SQS event source mapping", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });

  afterAll(() => h?.close());

  const reject = (id: string): IndexQueueMessage => ({
    kind: 'reject',
    articleId: id,
    source: {
      bucket: 'raw',
      key: `incoming/t/${id}.bin`,
      sequencer: '0001',
      eventTime: new Date().toISOString(),
    },
    rejection: { code: 'BINARY', message: 'test' },
  });

  it('settles a batch item by item: successes deleted, the failure retried and then dead-lettered', async () => {
    const url = h.deployment.queues.index.url;
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(reject('good1')) }));
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{ not json' }));
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(reject('good2')) }));

    const first = await h.runner.pollOnce('index');
    expect(first).toMatchObject({ stage: 'index', received: 3, failed: 1 });
    expect(first.batchError).toBeUndefined();
    expect((await h.index.get('good1'))?.status).toBe('rejected');
    expect((await h.index.get('good2'))?.status).toBe('rejected');

    // Invisible for the visibility timeout, then received again; after maxReceiveCount it moves to the DLQ.
    expect((await h.runner.pollOnce('index')).received).toBe(0);
    await h.drain();
    expect(await h.deadLetterDepth('index')).toBe(1);
  });

  it('hands the handler the event Lambda would deliver', async () => {
    const url = h.deployment.queues.publish.url;
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"hello":"world"}' }));
    const events: SQSEvent[] = [];
    const runner = new LocalRunner(h.deployment, {
      waitSeconds: 1,
      loadHandler: () => async (event) => {
        events.push(event);
        return { batchItemFailures: [] };
      },
    });
    expect(await runner.pollOnce('publish')).toMatchObject({ received: 1, failed: 0 });
    const record = events[0]!.Records[0]!;
    expect(record).toMatchObject({
      body: '{"hello":"world"}',
      eventSource: 'aws:sqs',
      eventSourceARN: h.deployment.queues.publish.arn,
      awsRegion: h.deployment.queues.publish.arn.split(':')[3],
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(record.messageId).toEqual(expect.any(String));
    expect(record.receiptHandle).toEqual(expect.any(String));
    expect(Number(record.attributes.SentTimestamp)).toBeGreaterThan(0);
  });

  it('fails the whole batch when the handler throws or names a message not in the batch, as Lambda does', async () => {
    const url = h.deployment.queues.tag.url;
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'a' }));
    const receiveCounts: string[] = [];
    let call = 0;
    const runner = new LocalRunner(h.deployment, {
      waitSeconds: 3,
      loadHandler: () => async (event) => {
        receiveCounts.push(event.Records[0]!.attributes.ApproximateReceiveCount);
        call += 1;
        if (call === 1) throw new Error('boom');
        return { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] };
      },
    });
    expect(await runner.pollOnce('tag')).toMatchObject({ received: 1, failed: 1, batchError: 'boom' });
    await new Promise((r) => setTimeout(r, TEST_VISIBILITY_SECONDS * 1000 + 500));
    const second = await runner.pollOnce('tag');
    expect(second).toMatchObject({ received: 1, failed: 1 });
    expect(second.batchError).toMatch(/not in the batch/);
    expect(receiveCounts).toEqual(['1', '2']);
  });
});
