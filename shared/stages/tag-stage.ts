import type { IndexQueueMessage, TagQueueMessage } from '../core/messages';
import type { ParsedArticle } from '../core/article';
import { tagArticle } from '../core/tag';
import type { DocumentStorePort, MessageSender } from './ports';
import { failureAsRejection } from './pure-step';

export interface TagStageDeps {
  documents: DocumentStorePort;
  toIndex: MessageSender<IndexQueueMessage>;
  now?: () => Date;
}

export async function handleParsedArticle(message: TagQueueMessage, deps: TagStageDeps): Promise<void> {
  const parsed = await deps.documents.load<ParsedArticle>(message.doc);
  const outcome = failureAsRejection('TAG_FAILED', () => ({
    ok: true as const,
    tagged: tagArticle(parsed, deps.now?.()),
  }));
  if (!outcome.ok) {
    await deps.toIndex.send({
      kind: 'reject',
      articleId: message.articleId,
      source: message.source,
      rejection: outcome.rejection,
    });
    return;
  }
  const doc = await deps.documents.save(outcome.tagged, {
    articleId: message.articleId,
    versionToken: message.source.sequencer,
    stage: 'tagged',
  });
  await deps.toIndex.send({ kind: 'upsert', articleId: message.articleId, source: message.source, doc });
}
