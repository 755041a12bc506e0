import type { TaggedArticle } from '../core/article';
import type { ArticleRecord } from '../core/index-model';
import type { PublishQueueMessage } from '../core/messages';
import { ninjsUri, toNinjs, type NinjsDocument } from '../core/ninjs';
import { EVENT_DETAIL_TYPES, PUBLISHED_PREFIX } from '../topology';
import type { DocumentStorePort, StageLogger } from './ports';

export interface PublishedStore {
  put(key: string, doc: NinjsDocument, version: number): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ArticleEvents {
  emit(detailType: string, detail: Record<string, unknown>): Promise<void>;
}

/** The index is the truth about what should be out; publish checks it before acting. */
export interface PublishedStateReader {
  get(id: string): Promise<ArticleRecord | undefined>;
}

export interface PublishStageDeps {
  index: PublishedStateReader;
  documents: DocumentStorePort;
  published: PublishedStore;
  events: ArticleEvents;
  publishedBucket: string;
  logger: StageLogger;
  now?: () => Date;
}

export const publishedKeyFor = (articleId: string) => `${PUBLISHED_PREFIX}${articleId}.json`;

/** Delivery is at least once: consumers de-duplicate ArticlePublished on (id, version). */
export async function handlePublishMessage(
  message: PublishQueueMessage,
  deps: PublishStageDeps,
): Promise<void> {
  const key = publishedKeyFor(message.articleId);
  const location = { bucket: deps.publishedBucket, key };
  // The publish queue is not FIFO: a withdrawal can overtake an upsert and the other way round. Acting
  // only when the index still says the same thing keeps a deleted article from being resurrected.
  const record = await deps.index.get(message.articleId);
  if (message.kind === 'withdraw') {
    if (record?.status === 'indexed') {
      deps.logger.info('not withdrawing: the article was indexed again since', { outcome: 'kept' });
      return;
    }
    await deps.published.remove(key);
    await deps.events.emit(EVENT_DETAIL_TYPES.withdrawn, {
      id: message.articleId,
      uri: ninjsUri(message.articleId),
      reason: message.reason,
      sourceKey: message.source.key,
      location,
    });
    deps.logger.info('withdrawn', { outcome: 'withdrawn', reason: message.reason });
    return;
  }
  if (record?.status !== 'indexed' || record.version !== message.version) {
    deps.logger.info('superseded before publishing', {
      outcome: 'superseded',
      version: message.version,
      current: record?.version,
    });
    return;
  }
  const article = await deps.documents.load<TaggedArticle>(message.doc);
  const versionCreated = (deps.now?.() ?? new Date()).toISOString();
  const doc = toNinjs(article, {
    version: message.version,
    firstCreated: message.firstCreated,
    versionCreated,
  });
  // A redelivered message writes the same document and emits the event again: at least once, never lost.
  await deps.published.put(key, doc, message.version);
  await deps.events.emit(EVENT_DETAIL_TYPES.published, {
    id: message.articleId,
    uri: doc.uri,
    version: message.version,
    title: article.title,
    section: article.section,
    language: article.language,
    sourceKey: message.source.key,
    location,
  });
  deps.logger.info('published', { outcome: 'published', version: message.version });
}
