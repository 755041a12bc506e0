import type { ArticleRecord } from '../core/index-model';
import {
  LIVE_STATUSES,
  idsToRead,
  planReconcile,
  type ReconcileAction,
  type ReconcileReason,
  type RecordView,
  type StoredObject,
} from '../core/reconcile';
import { s3EventBody } from '../core/replay-event';
import { RAW_PREFIX } from '../topology';
import {
  eachConcurrently,
  type ParseQueue,
  type ProgressListener,
  type RawObjects,
  type RecordReader,
  type RecordWalker,
} from './operation-ports';

export interface ReconcileDeps {
  objects: RawObjects;
  records: RecordWalker;
  index: RecordReader;
  parseQueue: ParseQueue;
  /** The raw bucket, named in the messages sent. */
  bucket: string;
  now?: () => Date;
  onProgress?: ProgressListener;
}

export interface ReconcileReport {
  dryRun: boolean;
  objects: number;
  records: number;
  resentMissing: number;
  resentStale: number;
  removalsSent: number;
  inSync: number;
  /** What was (or, on a dry run, would be) sent. */
  actions: Array<Pick<ReconcileAction, 'reason' | 'key' | 'id' | 'sequencer'>>;
}

/** Sends and reads at a time: enough to keep SQS and DynamoDB busy, few enough for an emulator. */
const CONCURRENCY = 8;

/** The name the messages carry in `s3.configurationId`, so logs say where an event came from. */
export const RECONCILE_SENDER = 'copydesk-reconcile';

/**
 * Makes the index agree with the raw bucket (see shared/core/reconcile.ts for the decisions), by sending
 * S3-shaped events through the real pipeline. Safe to run at any time, and again: every message carries
 * a version token the index accepts only if nothing newer happened, so an event still on its way wins
 * over what reconcile sends. Run it when the pipeline is quiet to avoid re-sending what is in flight.
 *
 * The listing is ListObjectsV2, a page of 1,000 keys per request, and every key is held in memory. That
 * is fine up to a few million objects; beyond that the scalable input is an S3 Inventory report (a daily
 * or weekly CSV/Parquet listing with ETags, delivered to a bucket), read in place of the listing.
 */
export async function reconcile(
  deps: ReconcileDeps,
  options: { dryRun?: boolean } = {},
): Promise<ReconcileReport> {
  const progress = deps.onProgress ?? (() => undefined);
  const objects: StoredObject[] = [];
  for await (const page of deps.objects.list(RAW_PREFIX)) {
    objects.push(...page);
    progress({ phase: 'listing objects', done: objects.length });
  }
  const records: RecordView[] = [];
  for (const status of LIVE_STATUSES) {
    for await (const page of deps.records.walk(status)) {
      records.push(...page);
      progress({ phase: 'reading records', done: records.length });
    }
  }

  let plan = planReconcile(objects, records);
  const toRead = idsToRead(plan);
  if (toRead.length) {
    const reread = await readRecords(deps.index, toRead, progress);
    plan = planReconcile(objects, [...records, ...reread]);
  }

  const report: ReconcileReport = {
    dryRun: !!options.dryRun,
    objects: plan.objects,
    records: plan.records,
    resentMissing: 0,
    resentStale: 0,
    removalsSent: 0,
    inSync: plan.inSync,
    actions: [],
  };
  const counter: Record<ReconcileReason, 'resentMissing' | 'resentStale' | 'removalsSent'> = {
    missing: 'resentMissing',
    stale: 'resentStale',
    removed: 'removalsSent',
  };
  const eventTime = (deps.now?.() ?? new Date()).toISOString();
  let sent = 0;
  await eachConcurrently(plan.actions, CONCURRENCY, async (action) => {
    if (!options.dryRun) {
      await deps.parseQueue.send(
        s3EventBody({
          change: action.change,
          bucket: deps.bucket,
          key: action.key,
          sequencer: action.sequencer,
          etag: action.etag,
          size: action.size,
          eventTime,
          sender: RECONCILE_SENDER,
        }),
      );
    }
    report[counter[action.reason]] += 1;
    progress({ phase: options.dryRun ? 'planning' : 'sending', done: ++sent, total: plan.actions.length });
  });
  report.actions = plan.actions.map(({ reason, key, id, sequencer }) => ({ reason, key, id, sequencer }));
  return report;
}

/** Consistent reads of these records and of every item of those that are feeds. */
async function readRecords(
  index: RecordReader,
  ids: readonly string[],
  progress: ProgressListener,
): Promise<ArticleRecord[]> {
  const found: ArticleRecord[] = [];
  const memberIds: string[] = [];
  let done = 0;
  await eachConcurrently(ids, CONCURRENCY, async (id) => {
    const record = await index.get(id);
    if (record) found.push(record);
    memberIds.push(...(await index.members(id)));
    progress({ phase: 'checking records', done: ++done, total: ids.length });
  });
  await eachConcurrently([...new Set(memberIds)], CONCURRENCY, async (id) => {
    const record = await index.get(id);
    if (record) found.push(record);
  });
  return found;
}
