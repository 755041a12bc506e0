import { randomUUID } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type { Context, SQSRecord } from 'aws-lambda';
import { awsClientConfig, LOCAL_REGION } from '../../../shared/aws/client-config';
import { queueDepth } from '../../../shared/aws/queue-depth';
import { STAGES, stageSettings, type StageName } from '../../../shared/topology';
import { InlineInvoker, WorkerInvoker, type Invoker, type SqsHandler } from './invokers';
import type { LocalDeployment } from './provision';

export type { SqsHandler } from './invokers';

export interface BatchReport {
  stage: StageName;
  received: number;
  failed: number;
  /** Set when the whole batch failed: the handler threw, timed out or answered malformed failures. */
  batchError?: string;
}

export interface RunnerOptions {
  /** Long-poll wait per receive; Lambda's poller uses 20 s, tests want it short. */
  waitSeconds?: number;
  onBatch?: (report: BatchReport) => void;
  /**
   * Handlers to run on the runner's own event loop instead of the deployed ones, each of which runs in
   * its own worker thread (see WorkerInvoker).
   */
  loadHandler?: (stage: StageName) => SqsHandler;
}

/**
 * Does in process what Lambda's SQS event source mapping does (for the stage tests; the deployed local
 * pipeline uses the emulator's own mappings): receives up to batchSize messages, invokes our handler in-process with the event shape Lambda
 * delivers, deletes what succeeded and leaves the reported failures to reappear after the visibility
 * timeout, until the queue's redrive policy moves them to the dead-letter queue.
 */
export class LocalRunner {
  private readonly sqs = new SQSClient(awsClientConfig());
  private readonly invokers = new Map<StageName, Invoker>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly deployment: LocalDeployment,
    private readonly options: RunnerOptions = {},
  ) {
    // The handlers read their wiring from the environment once, at load, exactly as on Lambda.
    Object.assign(process.env, deployment.functionEnv);
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  }

  private invoker(stage: StageName): Invoker {
    let invoker = this.invokers.get(stage);
    if (!invoker) {
      const { loadHandler } = this.options;
      invoker = loadHandler ? new InlineInvoker(loadHandler(stage)) : new WorkerInvoker(stage);
      this.invokers.set(stage, invoker);
    }
    return invoker;
  }

  /** Ends the function runtimes (worker threads); a runner that is not closed keeps its process alive. */
  async close(): Promise<void> {
    await this.stop();
    await Promise.all([...this.invokers.values()].map((i) => i.close()));
    this.invokers.clear();
  }

  /** One receive-invoke-settle cycle on one stage's queue. */
  async pollOnce(stage: StageName): Promise<BatchReport> {
    const queue = this.deployment.queues[stage];
    const received = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: Math.min(10, stageSettings[stage].batchSize),
        WaitTimeSeconds: this.options.waitSeconds ?? 1,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return { stage, received: 0, failed: 0 };

    const records = messages.map((m) => toSqsRecord(m, queue.arn));
    let failedIds: Set<string>;
    let batchError: string | undefined;
    try {
      const response = await this.invoker(stage).invoke(
        { Records: records },
        lambdaContext(stage),
        stageSettings[stage].functionTimeoutSeconds * 1000,
      );
      failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      // Lambda fails the whole batch when a reported identifier is not one of the batch's messages.
      if ([...failedIds].some((id) => !records.some((r) => r.messageId === id))) {
        batchError = 'batchItemFailures named a message that is not in the batch';
      }
    } catch (error) {
      batchError = (error as Error).message;
      failedIds = new Set();
    }
    if (batchError) failedIds = new Set(records.map((r) => r.messageId));

    const succeeded = messages.filter((m) => !failedIds.has(m.MessageId!));
    if (succeeded.length > 0) {
      await this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: succeeded.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
    const report = { stage, received: messages.length, failed: failedIds.size, batchError };
    this.options.onBatch?.(report);
    return report;
  }

  /** Polls every stage concurrently until stop() is called. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = STAGES.map(async (stage) => {
      while (this.running) {
        try {
          const report = await this.pollOnce(stage);
          // Without long polling an empty queue would be asked again at once, starving the emulator.
          if (report.received === 0 && !this.options.waitSeconds) await sleep(100);
        } catch (error) {
          // The emulator went away or a network blip: keep polling, as Lambda's poller does.
          console.error(`[runner] ${stage}: ${(error as Error).message}`);
          await sleep(1000);
        }
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Messages waiting or in flight across the stage queues (not the DLQs). */
  async backlog(): Promise<number> {
    let total = 0;
    for (const stage of STAGES) total += await queueDepth(this.sqs, this.deployment.queues[stage].url);
    return total;
  }

  /** Runs until every stage queue is empty and stays empty across one more poll round. */
  async drain(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (Date.now() < deadline) {
      const reports = await Promise.all(STAGES.map((stage) => this.pollOnce(stage)));
      const moved = reports.reduce((n, r) => n + r.received, 0);
      if (moved === 0 && (await this.backlog()) === 0) {
        if (++quietRounds >= 2) return;
      } else {
        quietRounds = 0;
      }
    }
    throw new Error(`pipeline did not drain within ${timeoutMs} ms`);
  }
}

function toSqsRecord(message: Message, queueArn: string): SQSRecord {
  const attrs = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
      SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
      SenderId: attrs.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? 'String',
          stringValue: value.StringValue,
          binaryValue: value.BinaryValue ? Buffer.from(value.BinaryValue).toString('base64') : undefined,
          stringListValues: value.StringListValues ?? [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: queueArn.split(':')[3] || LOCAL_REGION,
  };
}

function lambdaContext(stage: StageName): Context {
  const deadline = Date.now() + stageSettings[stage].functionTimeoutSeconds * 1000;
  const functionName = `copydesk-${stage}-local`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(stageSettings[stage].memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
