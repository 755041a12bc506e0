import type { TaggedArticle } from '../core/article';
import type { PublishQueueMessage } from '../core/messages';
import { ninjsUri, toNinjs, type NinjsDocument } from '../core/ninjs';
import { EVENT_DETAIL_TYPES, PUBLISHED_PREFIX } from '../topology';
import type { DocumentStorePort, StageLogger } from './ports';

export interface PublishedStore {
  /** The version currently published under the key, if any. */
  publishedVersion(key: string): Promise<number | undefined>;
  put(key: string, doc: NinjsDocument, version: number): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ArticleEvents {
  emit(detailType: string, detail: Record<string, unknown>): Promise<void>;
}

export interface PublishStageDeps {
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
  if (message.kind === 'withdraw') {
    await deps.published.remove(key);
    await deps.events.emit(EVENT_DETAIL_TYPES.withdrawn, {
      id: message.articleId,
      uri: ninjsUri(message.articleId),
      reason: message.reason,
      sourceKey: message.source.key,
      location,
    });
    return;
  }
  // The index only forwards versions it accepted, but two of them can still race through this queue.
  const current = await deps.published.publishedVersion(key);
  if (current !== undefined && current >= message.version) {
    deps.logger.info('a newer or equal version is already published', {
      key,
      current,
      version: message.version,
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
}
