import type { TaggedArticle } from '../core/article';
import {
  deletedRecord,
  indexedRecord,
  isSameContent,
  rejectedRecord,
  type ApplyResult,
  type ArticleRecord,
} from '../core/index-model';
import type { IndexQueueMessage, PublishQueueMessage } from '../core/messages';
import type { DocumentStorePort, MessageSender, StageLogger } from './ports';

/** The slice of ArticleIndex this stage uses. */
export interface IndexWriter {
  apply(
    id: string,
    token: string,
    next: (previous: ArticleRecord | undefined) => ArticleRecord,
    isUnchanged?: (previous: ArticleRecord) => boolean,
  ): Promise<ApplyResult>;
}

export interface IndexStageDeps {
  index: IndexWriter;
  documents: DocumentStorePort;
  toPublish: MessageSender<PublishQueueMessage>;
  logger: StageLogger;
  now?: () => Date;
}

export async function handleIndexMessage(
  message: IndexQueueMessage,
  deps: IndexStageDeps,
): Promise<ApplyResult> {
  const now = (deps.now?.() ?? new Date()).toISOString();
  const { articleId, source } = message;
  let result: ApplyResult;
  if (message.kind === 'upsert') {
    const article = await deps.documents.load<TaggedArticle>(message.doc);
    result = await deps.index.apply(
      articleId,
      source.sequencer,
      (previous) => indexedRecord(article, source, now, { record: previous }),
      (previous) => previous.status === 'indexed' && isSameContent(previous, source),
    );
    if (result.outcome === 'applied') {
      await deps.toPublish.send({
        ...message,
        version: result.record.version,
        firstCreated: result.record.firstIndexedAt,
      });
    }
  } else {
    result = await deps.index.apply(articleId, source.sequencer, (previous) =>
      message.kind === 'reject'
        ? rejectedRecord(articleId, message.rejection, source, now, { record: previous })
        : deletedRecord(articleId, source, now, { record: previous }),
    );
    // An article that was out is taken back when its file is deleted or a re-upload is rejected.
    if (result.outcome === 'applied' && result.previous?.status === 'indexed') {
      const reason = message.kind === 'reject' ? 'rejected' : 'deleted';
      await deps.toPublish.send({ kind: 'withdraw', articleId, source, reason });
    }
  }
  deps.logger.info('index write', { articleId, kind: message.kind, outcome: result.outcome });
  return result;
}
