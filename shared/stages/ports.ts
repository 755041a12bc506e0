import type { DocumentRef, SourceObject } from '../core/messages';
import type { RecordKeys } from '../core/record-keys';
import type { ParsedArticle, TaggedArticle } from '../core/article';

/**
 * What the stage use cases need from the outside world. The AWS adapters in shared/aws/ implement these;
 * the use cases never import the SDK, so the same code runs in Lambda, the CLI and the local runner.
 */

export type ObjectReadResult =
  | { found: true; bytes: Uint8Array; contentType?: string; etag?: string; versionId?: string }
  /** The object is gone (deleted after the event); its ObjectRemoved event will settle the record. */
  | { found: false }
  /** Larger than the cap: not downloaded at all. */
  | { found: true; tooLarge: true; size: number };

export interface ObjectReader {
  read(source: SourceObject, maxBytes: number): Promise<ObjectReadResult>;
}

export interface DocumentStorePort {
  save<T>(doc: T, name: { articleId: string; versionToken: string; stage: string }): Promise<DocumentRef<T>>;
  load<T>(ref: DocumentRef<T>): Promise<T>;
}

export interface MessageSender<M> {
  send(message: M): Promise<void>;
}

/**
 * A stage's log. In Lambda each record gets its own, whose every line carries the record's RecordKeys
 * (records of a batch are handled concurrently, so keys set on a shared logger would mix). One INFO line
 * per record per stage, saying what became of it: CloudWatch Logs bills every byte ingested.
 */
export interface StageLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
}

export const silentLogger: StageLogger = { info: () => undefined, warn: () => undefined };

/**
 * The pipeline's business metrics (names in shared/metrics.ts). Lambda writes them as CloudWatch EMF with
 * the keys as properties; the CLI and the tests use noStageMetrics or a collector.
 */
export interface StageMetrics {
  /** An article is queryable: its index write came this long after its upload's S3 event. */
  uploadToQueryable(keys: RecordKeys, milliseconds: number): void;
  /** The index recorded a file as rejected, with its reason code. */
  rejectedFile(keys: RecordKeys, reason: string): void;
}

export const noStageMetrics: StageMetrics = {
  uploadToQueryable: () => undefined,
  rejectedFile: () => undefined,
};

/** Names the entities, key phrases and topics of an article: the built-in tagger or a cloud service. */
export type Tagger = (article: ParsedArticle, now?: Date) => Promise<TaggedArticle>;

/**
 * A tagging service that could not answer now (throttled, failing, unreachable, not yet permitted) but may
 * later: the message is retried and in the end dead-lettered, instead of becoming a TAG_FAILED record.
 */
export class TaggerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TaggerUnavailableError';
  }
}
