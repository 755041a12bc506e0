import type { IndexQueueMessage, TagQueueMessage } from '../core/messages';
import type { ParsedArticle, Rejection, TaggedArticle } from '../core/article';
import { tagArticle } from '../core/tag';
import {
  silentLogger,
  TaggerUnavailableError,
  type DocumentStorePort,
  type MessageSender,
  type StageLogger,
  type Tagger,
} from './ports';
import { asRejection } from './pure-step';

export interface TagStageDeps {
  documents: DocumentStorePort;
  toIndex: MessageSender<IndexQueueMessage>;
  /** The built-in tagger unless the deployment chose another engine. */
  tagger?: Tagger;
  logger?: StageLogger;
  now?: () => Date;
}

const builtInTagger: Tagger = async (article, now) => tagArticle(article, now);

export async function handleParsedArticle(message: TagQueueMessage, deps: TagStageDeps): Promise<void> {
  const parsed = await deps.documents.load<ParsedArticle>(message.doc);
  const outcome = await tagOrReject(deps.tagger ?? builtInTagger, parsed, deps.now?.());
  const logger = deps.logger ?? silentLogger;
  if (!outcome.ok) {
    await deps.toIndex.send({
      kind: 'reject',
      articleId: message.articleId,
      source: message.source,
      rejection: outcome.rejection,
    });
    logger.info('tagging failed: sent to index as rejected', {
      outcome: 'rejected',
      code: outcome.rejection.code,
    });
    return;
  }
  const doc = await deps.documents.save(outcome.tagged, {
    articleId: message.articleId,
    versionToken: message.source.sequencer,
    stage: 'tagged',
  });
  await deps.toIndex.send({ kind: 'upsert', articleId: message.articleId, source: message.source, doc });
  logger.info('tagged: sent to index', {
    outcome: 'tagged',
    entities: outcome.tagged.entities.length,
    topics: outcome.tagged.topics.length,
  });
}

/**
 * A tagger that fails on an article fails on it every time, so the failure is recorded as TAG_FAILED (see
 * pure-step.ts). A tagging service that is throttled or down is the exception: it will answer later, so
 * its error propagates and SQS retries the message, then dead-letters it.
 */
async function tagOrReject(
  tagger: Tagger,
  article: ParsedArticle,
  now: Date | undefined,
): Promise<{ ok: true; tagged: TaggedArticle } | { ok: false; rejection: Rejection }> {
  try {
    return { ok: true, tagged: await tagger(article, now) };
  } catch (error) {
    if (error instanceof TaggerUnavailableError) throw error;
    return asRejection('TAG_FAILED', error);
  }
}
