import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  ListMessageMoveTasksCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import {
  Cleanup,
  contractConfig,
  createQueue,
  createQueueWithDlq,
  drain,
  queueCounts,
  receive,
  sleep,
  uniqueName,
  waitFor,
} from './helpers';

const config = contractConfig();
const sqs = new SQSClient(config);
const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const receiveCount = (m: Message) => m.Attributes?.ApproximateReceiveCount;

/** Polls every 100 ms until a message is received; returns it with the time it took. */
async function nextDelivery(
  queueUrl: string,
  timeoutMs: number,
): Promise<{ message: Message; afterMs: number }> {
  const start = Date.now();
  const message = await waitFor(
    'the message to become visible again',
    async () => (await receive(sqs, queueUrl, { max: 1 }))[0],
    timeoutMs,
    100,
  );
  return { message, afterMs: Date.now() - start };
}

describe('SQS visibility timeout', () => {
  it('hides a received message for the visibility timeout, then redelivers it with ApproximateReceiveCount 2', async () => {
    // A failed batch item is simply not deleted: it must come back after the timeout, counted, so the
    // redrive policy can eventually dead-letter a poison message.
    const queue = await createQueue(sqs, cleanup, uniqueName('vis'), { VisibilityTimeout: '2' });
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'retry me' }));

    const [first] = await receive(sqs, queue.url, { waitSeconds: 2 });
    expect(first).toBeDefined();
    expect(receiveCount(first!)).toBe('1');
    expect(await receive(sqs, queue.url)).toEqual([]);
    expect(await queueCounts(sqs, queue.url)).toEqual({ visible: 0, inFlight: 1 });

    const { message: again, afterMs } = await nextDelivery(queue.url, 5_000);
    expect(afterMs).toBeGreaterThanOrEqual(1_700);
    expect(afterMs).toBeLessThan(3_500);
    expect(again.MessageId).toBe(first!.MessageId);
    expect(again.ReceiptHandle).not.toBe(first!.ReceiptHandle);
    expect(again.Body).toBe('retry me');
    expect(receiveCount(again)).toBe('2');
    expect(again.Attributes?.ApproximateFirstReceiveTimestamp).toBe(
      first!.Attributes?.ApproximateFirstReceiveTimestamp,
    );
  }, 15_000);

  it('makes a message visible at once after ChangeMessageVisibility to 0', async () => {
    // Tests peek at a queue this way (test/integration/harness.ts peekMessage) without consuming it.
    const queue = await createQueue(sqs, cleanup, uniqueName('peek'), { VisibilityTimeout: '30' });
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'peeked' }));
    const [first] = await receive(sqs, queue.url, { waitSeconds: 2 });
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queue.url,
        ReceiptHandle: first!.ReceiptHandle!,
        VisibilityTimeout: 0,
      }),
    );
    const [again] = await receive(sqs, queue.url);
    expect(again?.MessageId).toBe(first!.MessageId);
    expect(receiveCount(again!)).toBe('2');
  });
});

describe('SQS redrive to a dead-letter queue', () => {
  it('moves a message to the DLQ after maxReceiveCount 2 receives, with DeadLetterQueueSourceArn', async () => {
    // Every stage queue dead-letters poison messages this way; `copydesk` reports and redrives from the DLQs.
    const { queue, dlq } = await createQueueWithDlq(sqs, cleanup, uniqueName('redrive'), {
      visibilityTimeoutSeconds: 1,
      maxReceiveCount: 2,
    });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'poison' }));

    const [first] = await receive(sqs, queue.url, { waitSeconds: 2 });
    expect(receiveCount(first!)).toBe('1');
    const { message: second } = await nextDelivery(queue.url, 3_000);
    expect(receiveCount(second)).toBe('2');

    // A third receive never delivers it: it moves to the DLQ instead.
    await sleep(1_500);
    expect(await receive(sqs, queue.url)).toEqual([]);
    expect(await queueCounts(sqs, queue.url)).toEqual({ visible: 0, inFlight: 0 });

    const deadLettered = await drain(sqs, dlq.url);
    expect(deadLettered).toHaveLength(1);
    const [moved] = deadLettered;
    expect(moved!.Body).toBe('poison');
    expect(moved!.MessageId).toBe(sent.MessageId);
    expect(moved!.Attributes).toMatchObject({
      DeadLetterQueueSourceArn: queue.arn,
      // The count is carried over from the source queue: 2 there, plus this receive.
      ApproximateReceiveCount: '3',
    });
  }, 15_000);
});

describe('SQS message move tasks', () => {
  it('does not support StartMessageMoveTask (InvalidAction), so redrive takes the receive -> send -> delete path', async () => {
    // Redriving a dead-letter queue starts a move task where the service has them and, where the action
    // is unsupported (InvalidAction / "not valid for this endpoint"), moves messages by hand: receive with
    // their message attributes, send them to the source queue, then delete. This pins which path this
    // emulator takes: if it starts supporting move tasks this test fails, and the fallback can be revisited.
    const source = await createQueue(sqs, cleanup, uniqueName('move-src'));
    const dlq = await createQueue(sqs, cleanup, uniqueName('move-dlq'));
    const attributes = { stage: { DataType: 'String', StringValue: 'parse' } };
    await sqs.send(
      new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: 'stranded', MessageAttributes: attributes }),
    );

    const attempts: Array<[string, () => Promise<unknown>]> = [
      [
        'StartMessageMoveTask',
        () => sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: source.arn })),
      ],
      ['ListMessageMoveTasks', () => sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))],
    ];
    for (const [action, attempt] of attempts) {
      const error = await attempt().then(
        () => 'succeeded',
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        name: 'InvalidAction',
        message: `The action ${action} is not valid for this endpoint.`,
        $metadata: { httpStatusCode: 400 },
      });
    }
    expect(await queueCounts(sqs, dlq.url)).toEqual({ visible: 1, inFlight: 0 });

    // The fallback moves the message back with its body and message attributes.
    const received = await receive(sqs, dlq.url);
    expect(received).toHaveLength(1);
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: source.url,
        Entries: received.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body!,
          MessageAttributes: m.MessageAttributes,
        })),
      }),
    );
    expect(sent.Failed ?? []).toEqual([]);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: dlq.url,
        Entries: received.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
    expect(await queueCounts(sqs, dlq.url)).toEqual({ visible: 0, inFlight: 0 });
    const back = await drain(sqs, source.url);
    expect(back.map((m) => [m.Body, m.MessageAttributes])).toEqual([
      ['stranded', { stage: { DataType: 'String', StringValue: 'parse' } }],
    ]);
  });
});
