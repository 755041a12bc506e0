import { articleIdFor } from '../core/article-id';
import { bareEtag, type RecordView } from '../core/reconcile';
import { s3EventBody, tokenAfter } from '../core/replay-event';
import { selectedForReprocess, type ReprocessFilter } from '../core/reprocess';
import {
  eachConcurrently,
  type ParseQueue,
  type ProgressListener,
  type RawObjects,
  type RecordReader,
  type RecordWalker,
} from './operation-ports';

export interface ReprocessDeps {
  objects: RawObjects;
  records: RecordWalker;
  index: RecordReader;
  parseQueue: ParseQueue;
  /** The raw bucket, named in the messages sent. */
  bucket: string;
  now?: () => Date;
  onProgress?: ProgressListener;
}

export interface ReprocessReport {
  dryRun: boolean;
  /** Records the filters chose (each item of a feed counts). */
  selected: number;
  /** Objects sent to the parse queue (a feed is one object, however many of its items were chosen). */
  resent: number;
  /** Objects not sent: gone from the bucket, or their record says deleted (`copydesk reconcile` settles those). */
  skippedGone: number;
  objects: Array<{ key: string; id: string; sequencer?: string; records: number; skipped?: 'gone' }>;
}

const CONCURRENCY = 8;
export const REPROCESS_SENDER = 'copydesk-reprocess';

/**
 * Re-runs parse and tag over stored raw objects chosen by their records: sends each object's S3 event
 * again with a token just after its record's, so the index takes the result.
 *
 * Same bytes are not a new version (isSameContent), so the index skips a same-ETag upsert whose record
 * was made by the same parser and tagger: re-running unchanged software changes nothing and writes
 * nothing. A record made by another parser or tagger version (or one that does not say) is rewritten
 * with the new tags under its new token, keeping its version number, and published again
 * (isSameProducers in shared/core/index-model.ts). A rejected record is always rewritten.
 *
 * A feed item cannot be parsed alone: its feed object is re-sent, once, with a token after the
 * container's and every item's, so each item of the feed is re-tagged.
 */
export async function reprocess(
  deps: ReprocessDeps,
  filter: ReprocessFilter,
  options: { dryRun?: boolean } = {},
): Promise<ReprocessReport> {
  const progress = deps.onProgress ?? (() => undefined);
  const byKey = new Map<string, RecordView[]>();
  let walked = 0;
  for (const status of filter.statuses) {
    for await (const page of deps.records.walk(status)) {
      walked += page.length;
      for (const record of page) {
        if (!selectedForReprocess(record, filter)) continue;
        const chosen = byKey.get(record.source.key) ?? [];
        chosen.push(record);
        byKey.set(record.source.key, chosen);
      }
      progress({ phase: 'reading records', done: walked });
    }
  }

  const report: ReprocessReport = {
    dryRun: !!options.dryRun,
    selected: [...byKey.values()].reduce((n, r) => n + r.length, 0),
    resent: 0,
    skippedGone: 0,
    objects: [],
  };
  const eventTime = (deps.now?.() ?? new Date()).toISOString();
  const keys = [...byKey.keys()].sort();
  let done = 0;
  const outcomes = new Map<string, ReprocessReport['objects'][number]>();
  await eachConcurrently(keys, CONCURRENCY, async (key) => {
    const id = articleIdFor(key);
    const chosen = byKey.get(key)!;
    const [object, tokens] = await Promise.all([deps.objects.head(key), tokensOf(deps.index, id, chosen)]);
    if (!object || tokens.deleted) {
      report.skippedGone += 1;
      outcomes.set(key, { key, id, records: chosen.length, skipped: 'gone' });
    } else {
      const sequencer = tokenAfter(tokens.all);
      if (!options.dryRun) {
        await deps.parseQueue.send(
          s3EventBody({
            change: 'created',
            bucket: deps.bucket,
            key,
            sequencer,
            etag: bareEtag(object.etag),
            size: object.size,
            eventTime,
            sender: REPROCESS_SENDER,
          }),
        );
      }
      report.resent += 1;
      outcomes.set(key, { key, id, sequencer, records: chosen.length });
    }
    progress({ phase: options.dryRun ? 'planning' : 'sending', done: ++done, total: keys.length });
  });
  report.objects = keys.map((k) => outcomes.get(k)!);
  return report;
}

/**
 * Every token the re-sent event must beat: the object's record (read again, consistently), and for a
 * feed every item it ever produced. `deleted` when the object's record says the object was deleted.
 */
async function tokensOf(index: RecordReader, id: string, chosen: readonly RecordView[]) {
  const record = await index.get(id);
  const all: string[] = chosen.map((r) => r.versionToken);
  if (record) all.push(record.versionToken);
  const isFeed = record?.status === 'feed' || record?.feed !== undefined || chosen.some((r) => r.id !== id);
  if (isFeed) {
    const items = await index.members(id);
    await eachConcurrently(items, CONCURRENCY, async (itemId) => {
      const item = await index.get(itemId);
      if (item) all.push(item.versionToken);
    });
  }
  return { all, deleted: record?.status === 'deleted' };
}
