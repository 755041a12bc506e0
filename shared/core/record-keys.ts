import { articleIdFor } from './article-id';
import type { SourceObject } from './messages';
import { readS3Notification } from './s3-event';

/**
 * What every log line and metric of a pipeline record carries, so one article can be followed through
 * the stages (`copydesk trace`): its id, the object key it came from and the version token (the S3
 * sequencer) of the upload being processed.
 */
export interface RecordKeys {
  articleId: string;
  objectKey: string;
  versionToken: string;
}

export const recordKeysOf = (message: { articleId: string; source: SourceObject }): RecordKeys => ({
  articleId: message.articleId,
  objectKey: message.source.key,
  versionToken: message.source.sequencer,
});

/**
 * The keys of a stage's SQS message body: a stage message names its article, the parse stage's S3
 * notification names the object, whose id is derived as the parse stage derives it. An S3 notification
 * holds one record; undefined for anything that is about no article (s3:TestEvent, a malformed body).
 */
export function recordKeysOfBody(body: string): RecordKeys | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = parsed as Partial<{ articleId: unknown; source: Partial<SourceObject> }>;
  if (
    typeof message?.articleId === 'string' &&
    typeof message.source?.key === 'string' &&
    typeof message.source.sequencer === 'string'
  )
    return recordKeysOf(message as { articleId: string; source: SourceObject });
  const notification = readS3Notification(body);
  if (notification.kind !== 'changes') return undefined;
  const [first] = notification.changes;
  return first && recordKeysOf({ articleId: articleIdFor(first.source.key), source: first.source });
}

/** `copydesk get`/`trace` take either: an object key (it has a "/") is turned into its article id. */
export const articleIdOfIdOrKey = (idOrKey: string): string =>
  idOrKey.includes('/') ? articleIdFor(idOrKey) : idOrKey;
