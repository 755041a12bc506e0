import { randomBytes } from 'node:crypto';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { awsClientConfig, type AwsClientConfig } from '../../shared/aws/client-config';

/**
 * Shared plumbing for the emulator contract tests: each test file talks to whatever answers on
 * AWS_ENDPOINT_URL, creates its own resources under a random name and removes them afterwards.
 */
export function contractConfig(): AwsClientConfig {
  if (!process.env.AWS_ENDPOINT_URL) {
    throw new Error(
      'emulator contract tests need an emulator: set AWS_ENDPOINT_URL (or run `npm test`, which starts one)',
    );
  }
  return awsClientConfig();
}

/** A name no other test file or run uses: `ct-<what>-<8 hex>`. */
export const uniqueName = (what: string): string => `ct-${what}-${randomBytes(4).toString('hex')}`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Clean-up steps, run last-registered first; best effort, since a failed test may leave things half made. */
export class Cleanup {
  private readonly steps: Array<() => Promise<unknown>> = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.reverse()) await step().catch(() => undefined);
    this.steps.length = 0;
  }
}

/** Polls until `check` returns something other than undefined, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export interface TestQueue {
  url: string;
  arn: string;
}

export async function createQueue(
  sqs: SQSClient,
  cleanup: Cleanup,
  name: string,
  attributes: Record<string, string> = {},
): Promise<TestQueue> {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const url = created.QueueUrl!;
  cleanup.add(() => sqs.send(new DeleteQueueCommand({ QueueUrl: url })));
  const got = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: got.Attributes!.QueueArn! };
}

/** A queue that dead-letters after `maxReceiveCount` receives, and its dead-letter queue. */
export async function createQueueWithDlq(
  sqs: SQSClient,
  cleanup: Cleanup,
  name: string,
  options: { visibilityTimeoutSeconds: number; maxReceiveCount: number },
): Promise<{ queue: TestQueue; dlq: TestQueue }> {
  const dlq = await createQueue(sqs, cleanup, `${name}-dlq`);
  const queue = await createQueue(sqs, cleanup, name, {
    VisibilityTimeout: String(options.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: options.maxReceiveCount }),
  });
  return { queue, dlq };
}

/** One receive of up to 10 messages with every system attribute; never undefined. */
export async function receive(
  sqs: SQSClient,
  queueUrl: string,
  options: { waitSeconds?: number; max?: number } = {},
): Promise<Message[]> {
  const got = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: options.max ?? 10,
      WaitTimeSeconds: options.waitSeconds ?? 0,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  return got.Messages ?? [];
}

/** Receives and deletes until a receive that waited `waitSeconds` comes back empty. */
export async function drain(sqs: SQSClient, queueUrl: string, waitSeconds = 1): Promise<Message[]> {
  const taken: Message[] = [];
  for (;;) {
    const batch = await receive(sqs, queueUrl, { waitSeconds });
    if (batch.length === 0) return taken;
    for (const message of batch) {
      taken.push(message);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}

/** Visible and in-flight message counts, as SQS reports them. */
export async function queueCounts(
  sqs: SQSClient,
  queueUrl: string,
): Promise<{ visible: number; inFlight: number }> {
  const got = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    visible: Number(got.Attributes!.ApproximateNumberOfMessages),
    inFlight: Number(got.Attributes!.ApproximateNumberOfMessagesNotVisible),
  };
}
