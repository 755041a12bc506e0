import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  StartMessageMoveTaskCommand,
  type ListMessageMoveTasksResultEntry,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DeadLetterMover, MoveResult } from '../stages/operation-ports';

export interface MoverOptions {
  /** How often to ask how a move task is doing. */
  pollMs?: number;
  /** How long to wait for a move task before reporting it still RUNNING (it goes on without us). */
  maxWaitMs?: number;
}

/**
 * Moves a dead-letter queue's messages back to its source queue. SQS's StartMessageMoveTask does it on
 * the service side, at up to 500 messages a second, and keeps each message's body and attributes. An
 * endpoint without it (MiniStack 1.5 answers InvalidAction, "not valid for this endpoint") gets the
 * same move by hand: receive, send the same body and message attributes to the source queue, and only
 * then delete from the dead-letter queue, so a crash in between duplicates a message, never loses one.
 */
export class SqsDeadLetterMover implements DeadLetterMover {
  constructor(
    private readonly sqs: SQSClient,
    private readonly options: MoverOptions = {},
  ) {}

  async move(queues: { deadLetterUrl: string; url: string }): Promise<MoveResult> {
    const [sourceArn, destinationArn] = await Promise.all([
      this.arnOf(queues.deadLetterUrl),
      this.arnOf(queues.url),
    ]);
    const startedAt = Date.now();
    let handle: string | undefined;
    try {
      const started = await this.sqs.send(
        new StartMessageMoveTaskCommand({ SourceArn: sourceArn, DestinationArn: destinationArn }),
      );
      handle = started.TaskHandle;
    } catch (error) {
      if (!isUnsupportedAction(error)) throw error;
      return this.moveByHand(queues.deadLetterUrl, queues.url);
    }
    return this.waitForTask(sourceArn, handle, startedAt);
  }

  private async waitForTask(sourceArn: string, handle: string | undefined, startedAt: number) {
    const pollMs = this.options.pollMs ?? 1000;
    const deadline = Date.now() + (this.options.maxWaitMs ?? 15 * 60_000);
    for (;;) {
      const listed = await this.sqs.send(
        new ListMessageMoveTasksCommand({ SourceArn: sourceArn, MaxResults: 10 }),
      );
      const task = ourTask(listed.Results ?? [], handle, startedAt);
      const status = task?.Status ?? 'RUNNING';
      const finished = status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';
      if (finished || Date.now() >= deadline) {
        return {
          moved: Number(task?.ApproximateNumberOfMessagesMoved ?? 0),
          path: 'move-task' as const,
          failed: 0,
          taskStatus: status,
          ...(handle ? { taskHandle: handle } : {}),
          ...(task?.FailureReason ? { failureReason: task.FailureReason } : {}),
        };
      }
      await sleep(pollMs);
    }
  }

  private async moveByHand(deadLetterUrl: string, url: string): Promise<MoveResult> {
    let moved = 0;
    let failed = 0;
    // Two empty receives in a row: SQS may answer one short poll empty while messages remain.
    for (let empty = 0; empty < 2;) {
      const received = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: deadLetterUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
        }),
      );
      const messages = received.Messages ?? [];
      if (messages.length === 0) {
        empty += 1;
        continue;
      }
      empty = 0;
      const sent = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: messages.map((m, i) => ({
            Id: String(i),
            MessageBody: m.Body ?? '',
            ...(hasAttributes(m) ? { MessageAttributes: copyAttributes(m.MessageAttributes!) } : {}),
          })),
        }),
      );
      // Delete only what the source queue now holds; a message whose send failed stays dead-lettered and
      // is received again after its visibility timeout (the next redrive takes it).
      const ok = (sent.Successful ?? []).map((s) => messages[Number(s.Id)]!);
      failed += (sent.Failed ?? []).length;
      if (ok.length) {
        await this.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: deadLetterUrl,
            Entries: ok.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
          }),
        );
      }
      moved += ok.length;
      if (ok.length === 0) break; // every send failed: stop rather than spin on the same messages
    }
    return { moved, path: 'receive-send-delete', failed };
  }

  private async arnOf(url: string): Promise<string> {
    const attributes = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
    );
    const arn = attributes.Attributes?.QueueArn;
    if (!arn) throw new Error(`no ARN for queue ${url}`);
    return arn;
  }
}

/** An endpoint that does not implement the action at all, as opposed to refusing this request. */
export function isUnsupportedAction(error: unknown): boolean {
  const e = error as {
    name?: string;
    Code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const code = `${e.name ?? ''} ${e.Code ?? ''}`;
  if (/\b(InvalidAction|UnknownOperation(Exception)?|NotImplemented)\b/.test(code)) return true;
  if (e.$metadata?.httpStatusCode === 501) return true;
  return /not valid for this endpoint|not implemented|unknown operation/i.test(e.message ?? '');
}

/** The task we started: found by its handle while it runs, else the latest one started since. */
function ourTask(
  tasks: ListMessageMoveTasksResultEntry[],
  handle: string | undefined,
  startedAt: number,
): ListMessageMoveTasksResultEntry | undefined {
  const byHandle = handle ? tasks.find((t) => t.TaskHandle === handle) : undefined;
  if (byHandle) return byHandle;
  // Allow for clock skew between this machine and SQS.
  return tasks
    .filter((t) => (t.StartedTimestamp ?? 0) >= startedAt - 60_000)
    .sort((a, b) => (b.StartedTimestamp ?? 0) - (a.StartedTimestamp ?? 0))[0];
}

const hasAttributes = (m: Message) => Object.keys(m.MessageAttributes ?? {}).length > 0;

/** Message attributes as SendMessage takes them (a received value also carries list fields SQS never fills). */
function copyAttributes(attributes: Record<string, MessageAttributeValue>) {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, v]) => [
      name,
      {
        DataType: v.DataType,
        ...(v.StringValue !== undefined ? { StringValue: v.StringValue } : {}),
        ...(v.BinaryValue !== undefined ? { BinaryValue: v.BinaryValue } : {}),
      },
    ]),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
