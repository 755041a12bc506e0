import type { ArticleRecord, RecordStatus } from '../core/index-model';
import type { RecordView, StoredObject } from '../core/reconcile';
import type { S3EventBody } from '../core/replay-event';
import type { MessageSender } from './ports';

/**
 * What the operator use cases (reconcile, reprocess, redrive) need from the outside world. The AWS
 * adapters are shared/aws/raw-objects.ts, shared/aws/index-records.ts, shared/aws/dead-letter-mover.ts
 * and ArticleIndex; the CLI wires them (cli/commands/operate.ts).
 */

/** The raw bucket's objects. */
export interface RawObjects {
  /** Every object under the prefix, a page at a time. */
  list(prefix: string): AsyncIterable<StoredObject[]>;
  /** One object's current ETag and size, or undefined when it is gone. */
  head(key: string): Promise<StoredObject | undefined>;
}

/** Every record of one status, a page at a time (read from the index, which may lag writes a little). */
export interface RecordWalker {
  walk(status: RecordStatus): AsyncIterable<RecordView[]>;
}

/** Consistent reads of single records, and the items a feed ever produced. */
export interface RecordReader {
  get(id: string): Promise<ArticleRecord | undefined>;
  members(feedId: string): Promise<string[]>;
}

/** The parse queue, which takes S3 event notifications. */
export type ParseQueue = MessageSender<S3EventBody>;

/** How a stage's dead-letter queue was emptied into the stage's queue. */
export interface MoveResult {
  moved: number;
  /** SQS's own message move task, or the receive -> send -> delete loop where the endpoint lacks it. */
  path: 'move-task' | 'receive-send-delete';
  /** Messages received but not sent back (left on the dead-letter queue to try again). */
  failed: number;
  /** The move task's final status (COMPLETED, FAILED, CANCELLED, or RUNNING if we stopped waiting). */
  taskStatus?: string;
  taskHandle?: string;
  failureReason?: string;
}

export interface DeadLetterMover {
  move(queues: { deadLetterUrl: string; url: string }): Promise<MoveResult>;
}

/** Progress of a long operation, for a progress bar. `total` is unknown while listing. */
export type ProgressListener = (progress: { phase: string; done: number; total?: number }) => void;

/** Runs `work` over items, a few at a time. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
