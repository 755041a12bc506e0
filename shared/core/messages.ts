import type { Rejection, TaggedArticle, ParsedArticle } from './article';

/** The S3 object version a message is about. */
export interface SourceObject {
  bucket: string;
  key: string;
  versionId?: string;
  etag?: string;
  size?: number;
  /** Orders events on one key; see shared/core/version.ts. */
  sequencer: string;
  eventTime: string;
  /**
   * Set on the items of a feed: a fingerprint of the item itself. A refreshed feed has a new ETag, but an
   * item whose fingerprint did not change is not a new version of that item.
   */
  contentHash?: string;
}

/** Claim-check: a document travels inline when small, otherwise as a pointer into the work bucket. */
export type DocumentRef<T> = { inline: T } | { s3: { bucket: string; key: string } };

export type ParsedMessage = {
  kind: 'upsert';
  articleId: string;
  source: SourceObject;
  doc: DocumentRef<ParsedArticle>;
};
export type TaggedMessage = {
  kind: 'upsert';
  articleId: string;
  source: SourceObject;
  doc: DocumentRef<TaggedArticle>;
};
export type RejectMessage = { kind: 'reject'; articleId: string; source: SourceObject; rejection: Rejection };
export type DeleteMessage = { kind: 'delete'; articleId: string; source: SourceObject };
/**
 * A feed object was parsed into items (each sent on to the tag queue as its own article). The index keeps
 * the feed as a container that remembers every item it ever produced, so deleting the feed withdraws them.
 */
export type ContainerMessage = {
  kind: 'container';
  articleId: string;
  source: SourceObject;
  container: { format: 'rss' | 'atom' | 'json'; title: string; url?: string; itemIds: string[] };
};

/** parse -> tag */
export type TagQueueMessage = ParsedMessage;
/** parse/tag -> index */
export type IndexQueueMessage = TaggedMessage | RejectMessage | DeleteMessage | ContainerMessage;
/** index -> publish: only what the index accepted as the newest version. */
export type PublishMessage = TaggedMessage & { version: number; firstCreated: string };
/** Withdraws a published article: its object was deleted, or a re-upload was rejected. */
export type WithdrawMessage = {
  kind: 'withdraw';
  articleId: string;
  source: SourceObject;
  reason: 'deleted' | 'rejected';
};
export type PublishQueueMessage = PublishMessage | WithdrawMessage;
