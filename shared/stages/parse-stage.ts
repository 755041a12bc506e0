import type { ParsedFeed } from '../core/article';
import { articleIdFor } from '../core/article-id';
import type { IndexQueueMessage, SourceObject, TagQueueMessage } from '../core/messages';
import { parseDocument } from '../core/parse';
import { readS3Notification } from '../core/s3-event';
import { RAW_PREFIX } from '../topology';
import { failureAsRejectionAsync } from './pure-step';
import type { DocumentStorePort, MessageSender, ObjectReader, StageLogger } from './ports';

export interface ParseStageDeps {
  objects: ObjectReader;
  documents: DocumentStorePort;
  toTag: MessageSender<TagQueueMessage>;
  toIndex: MessageSender<IndexQueueMessage>;
  maxInputBytes: number;
  logger: StageLogger;
  now?: () => Date;
}

/** Thrown for a message that is not an S3 notification: retrying cannot help, so it ends in the DLQ. */
export class UnrecognisedMessageError extends Error {}

/** One SQS message from the raw bucket's notifications: route removals, parse creations. */
export async function handleRawBucketMessage(body: string, deps: ParseStageDeps): Promise<void> {
  const content = readS3Notification(body);
  if (content.kind === 'test-event') {
    deps.logger.info('ignoring s3:TestEvent sent when the notification configuration was saved');
    return;
  }
  if (content.kind === 'unrecognised')
    throw new UnrecognisedMessageError(`not an S3 notification: ${content.reason}`);

  for (const { change, source } of content.changes) {
    if (!source.key.startsWith(RAW_PREFIX) || source.key.endsWith('/')) {
      deps.logger.info('skipping key outside the ingest prefix or a folder marker', { key: source.key });
      continue;
    }
    const articleId = articleIdFor(source.key);
    if (change === 'removed') {
      await deps.toIndex.send({ kind: 'delete', articleId, source });
      deps.logger.info('object removed: sent to index', { outcome: 'removed' });
    } else {
      await parseCreatedObject(articleId, source, deps);
    }
  }
}

async function parseCreatedObject(articleId: string, eventSource: SourceObject, deps: ParseStageDeps) {
  const read = await deps.objects.read(eventSource, deps.maxInputBytes);
  if (!read.found) {
    deps.logger.warn('object no longer exists; its removal event settles the record', { outcome: 'gone' });
    return;
  }
  if ('tooLarge' in read) {
    await deps.toIndex.send({
      kind: 'reject',
      articleId,
      source: { ...eventSource, size: read.size },
      rejection: {
        code: 'TOO_LARGE',
        message: `object is ${read.size} bytes; the limit is ${deps.maxInputBytes}`,
      },
    });
    deps.logger.info('input rejected', { outcome: 'rejected', code: 'TOO_LARGE' });
    return;
  }
  // Describe the bytes actually read: with an unversioned read they may be newer than the event.
  const source: SourceObject = {
    ...eventSource,
    etag: read.etag ?? eventSource.etag,
    versionId: read.versionId ?? eventSource.versionId,
    size: read.bytes.length,
  };
  const outcome = await failureAsRejectionAsync('PARSE_FAILED', () =>
    parseDocument({
      bytes: read.bytes,
      id: articleId,
      source: {
        bucket: source.bucket,
        key: source.key,
        versionId: source.versionId,
        etag: source.etag,
        sequencer: source.sequencer,
        size: source.size,
        contentType: read.contentType,
      },
      contentType: read.contentType,
      maxBytes: deps.maxInputBytes,
      now: deps.now?.(),
    }),
  );
  if (!outcome.ok) {
    deps.logger.info('input rejected', { outcome: 'rejected', code: outcome.rejection.code });
    await deps.toIndex.send({ kind: 'reject', articleId, source, rejection: outcome.rejection });
    return;
  }
  if (outcome.feed) {
    await sendFeed(outcome.feed, articleId, source, deps);
    return;
  }
  const doc = await deps.documents.save(outcome.article, {
    articleId,
    versionToken: source.sequencer,
    stage: 'parsed',
  });
  await deps.toTag.send({ kind: 'upsert', articleId, source, doc });
  deps.logger.info('parsed: sent to tag', { outcome: 'parsed', format: outcome.article.format });
}

/** Items go out a few at a time: a feed has tens to hundreds of them. */
const FEED_SEND_CONCURRENCY = 8;

/**
 * A feed: the container (the list of item ids) to the index first, then each item to the tagger as an
 * article of its own. Each item's source carries its fingerprint, so an unchanged item in a refreshed feed
 * is not a new version. A retried message sends everything again; the index's version tokens and
 * fingerprints make that harmless.
 */
async function sendFeed(feed: ParsedFeed, articleId: string, source: SourceObject, deps: ParseStageDeps) {
  await deps.toIndex.send({
    kind: 'container',
    articleId,
    source,
    container: {
      format: feed.format,
      title: feed.title,
      ...(feed.url ? { url: feed.url } : {}),
      itemIds: feed.items.map((item) => item.id),
    },
  });
  deps.logger.info('feed parsed', {
    outcome: 'feed',
    items: feed.items.length,
    skipped: feed.skipped.length,
  });
  const queue = [...feed.items];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const itemSource: SourceObject = { ...source, contentHash: item.feed?.itemHash };
      const doc = await deps.documents.save(item, {
        articleId: item.id,
        versionToken: source.sequencer,
        stage: 'parsed',
      });
      await deps.toTag.send({ kind: 'upsert', articleId: item.id, source: itemSource, doc });
    }
  };
  await Promise.all(Array.from({ length: Math.min(FEED_SEND_CONCURRENCY, queue.length) }, worker));
}
