import type { TaggedArticle } from '../core/article';
import {
  containerRecord,
  deletedRecord,
  indexedRecord,
  isSameContent,
  isSameProducers,
  rejectedRecord,
  type ApplyResult,
  type ArticleRecord,
} from '../core/index-model';
import type {
  ContainerMessage,
  IndexQueueMessage,
  PublishQueueMessage,
  SourceObject,
} from '../core/messages';
import { recordKeysOf } from '../core/record-keys';
import { settleDuplicates, withOriginal, type DuplicateIndex } from './duplicates';
import {
  noStageMetrics,
  type DocumentStorePort,
  type MessageSender,
  type StageLogger,
  type StageMetrics,
} from './ports';

/** The slice of ArticleIndex this stage uses. */
export interface IndexWriter extends DuplicateIndex {
  apply(
    id: string,
    token: string,
    next: (previous: ArticleRecord | undefined) => ArticleRecord | Promise<ArticleRecord>,
    isUnchanged?: (previous: ArticleRecord) => boolean,
  ): Promise<ApplyResult>;
  /** Records that a feed produced these items (never forgets one). */
  addMembers(feedId: string, itemIds: readonly string[]): Promise<void>;
  /** Every item a feed ever produced. */
  members(feedId: string): Promise<string[]>;
}

export interface IndexStageDeps {
  index: IndexWriter;
  documents: DocumentStorePort;
  toPublish: MessageSender<PublishQueueMessage>;
  logger: StageLogger;
  /** UploadToQueryable and RejectedFiles; none when unset. */
  metrics?: StageMetrics;
  now?: () => Date;
}

export async function handleIndexMessage(
  message: IndexQueueMessage,
  deps: IndexStageDeps,
): Promise<ApplyResult> {
  const now = (deps.now?.() ?? new Date()).toISOString();
  const { articleId, source } = message;
  const metrics = deps.metrics ?? noStageMetrics;
  let result: ApplyResult;
  if (message.kind === 'container') {
    result = await applyContainer(message, now, deps);
  } else if (message.kind === 'upsert') {
    const article = await deps.documents.load<TaggedArticle>(message.doc);
    result = await deps.index.apply(
      articleId,
      source.sequencer,
      (previous) => withOriginal(indexedRecord(article, source, now, { record: previous }), deps.index),
      (previous) =>
        previous.status === 'indexed' &&
        isSameContent(previous, source) &&
        isSameProducers(previous, article),
    );
    // This very event applied before: the run that applied it may have died before passing it on, and
    // nothing else would (the record is current, so reconcile sees nothing to do). Publishing is idempotent.
    const repeated =
      result.outcome === 'stale' &&
      result.current.status === 'indexed' &&
      result.current.versionToken === source.sequencer;
    const record = result.outcome === 'applied' ? result.record : repeated ? result.current : undefined;
    if (result.outcome === 'applied') {
      // Once per version: a redelivery's later time would say nothing of when it became queryable.
      const writtenAt = (deps.now?.() ?? new Date()).getTime();
      metrics.uploadToQueryable(recordKeysOf(message), writtenAt - Date.parse(source.eventTime));
    }
    if (record) {
      await settleDuplicates(record, deps.index, deps.now);
      await deps.toPublish.send({ ...message, version: record.version, firstCreated: record.firstIndexedAt });
    }
  } else {
    result = await deps.index.apply(articleId, source.sequencer, (previous) =>
      message.kind === 'reject'
        ? rejectedRecord(articleId, message.rejection, source, now, { record: previous })
        : deletedRecord(articleId, source, now, { record: previous }),
    );
    if (message.kind === 'reject' && result.outcome === 'applied')
      metrics.rejectedFile(recordKeysOf(message), message.rejection.code);
    // An article that was out is taken back when its file is deleted or a re-upload is rejected.
    if (result.outcome === 'applied' && result.previous?.status === 'indexed') {
      const reason = message.kind === 'reject' ? 'rejected' : 'deleted';
      await deps.toPublish.send({ kind: 'withdraw', articleId, source, reason });
    }
    // A deleted feed takes every item it ever produced with it. Also when this very delete was applied
    // before (a redelivery after a crash mid-way): the per-item tokens make the repeat harmless.
    const isThisDelete =
      result.outcome === 'applied' ||
      (result.outcome === 'stale' &&
        result.current.status === 'deleted' &&
        result.current.versionToken === source.sequencer);
    if (message.kind === 'delete' && isThisDelete) {
      const items = await deps.index.members(articleId);
      if (items.length) deps.logger.info('withdrawing the items of a deleted feed', { items: items.length });
      await withdrawItems(items, source, now, deps);
    }
  }
  // The record's one line: the log keys (article, object, version token) are the logger's own.
  const current = result.outcome === 'applied' ? result.record : result.current;
  deps.logger.info('index write', { kind: message.kind, outcome: result.outcome, version: current.version });
  return result;
}

/**
 * A feed's container: its members are recorded first (whatever happens next, a delete finds them), then
 * the container record itself, under the same version token rules as an article.
 */
async function applyContainer(
  message: ContainerMessage,
  now: string,
  deps: IndexStageDeps,
): Promise<ApplyResult> {
  const { articleId, source } = message;
  await deps.index.addMembers(articleId, message.container.itemIds);
  const result = await deps.index.apply(
    articleId,
    source.sequencer,
    (previous) => containerRecord(message, now, { record: previous }),
    (previous) => previous.status === 'feed' && isSameContent(previous, source),
  );
  // The key held an article before it held a feed: that article is out.
  if (result.outcome === 'applied' && result.previous?.status === 'indexed')
    await deps.toPublish.send({ kind: 'withdraw', articleId, source, reason: 'deleted' });
  // The feed was deleted after this upload (events arrive out of order): its items, still on their way
  // through the tagger, must find tombstones newer than themselves.
  if (result.outcome === 'stale' && result.current.status === 'deleted') {
    const tombstone: SourceObject = {
      ...source,
      sequencer: result.current.versionToken,
      eventTime: result.current.deletedAt ?? source.eventTime,
    };
    await withdrawItems(message.container.itemIds, tombstone, now, deps);
  }
  return result;
}

async function withdrawItems(
  itemIds: readonly string[],
  source: SourceObject,
  now: string,
  deps: IndexStageDeps,
): Promise<void> {
  for (const itemId of itemIds) {
    const r = await deps.index.apply(itemId, source.sequencer, (previous) =>
      deletedRecord(itemId, source, now, { record: previous }),
    );
    if (r.outcome === 'applied' && r.previous?.status === 'indexed')
      await deps.toPublish.send({ kind: 'withdraw', articleId: itemId, source, reason: 'deleted' });
  }
}
