import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DocumentRef } from '../core/messages';
import { WORK_PREFIX } from '../topology';

/**
 * The claim-check between stages: a document small enough to share one SQS billing chunk with its
 * envelope travels inline; a larger one is written to the work bucket and the message carries its key.
 * Either way the message stays far below the SQS size limit.
 */
export class DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly inlineLimitBytes: number,
  ) {}

  async save<T>(
    doc: T,
    name: { articleId: string; versionToken: string; stage: string },
  ): Promise<DocumentRef<T>> {
    const json = JSON.stringify(doc);
    if (Buffer.byteLength(json, 'utf8') <= this.inlineLimitBytes) return { inline: doc };
    const key = `${WORK_PREFIX}${name.articleId}/${name.versionToken}/${name.stage}.json`;
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: json, ContentType: 'application/json' }),
    );
    return { s3: { bucket: this.bucket, key } };
  }

  async load<T>(ref: DocumentRef<T>): Promise<T> {
    if ('inline' in ref) return ref.inline;
    const response = await this.s3.send(new GetObjectCommand({ Bucket: ref.s3.bucket, Key: ref.s3.key }));
    if (!response.Body) throw new Error(`claim-check s3://${ref.s3.bucket}/${ref.s3.key} has no body`);
    return JSON.parse(await response.Body.transformToString('utf8')) as T;
  }
}
