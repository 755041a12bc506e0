import { HeadObjectCommand, NotFound, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { StoredObject } from '../core/reconcile';
import type { RawObjects } from '../stages/operation-ports';

/**
 * The raw bucket's objects, listed with ListObjectsV2 (1,000 keys a page). On a bucket with millions of
 * objects an S3 Inventory report is the scalable listing: it gives the same key, ETag and size per row.
 */
export class S3RawObjects implements RawObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async *list(prefix: string): AsyncIterable<StoredObject[]> {
    for await (const page of paginateListObjectsV2(
      { client: this.s3 },
      { Bucket: this.bucket, Prefix: prefix },
    )) {
      yield (page.Contents ?? [])
        .filter((o) => o.Key !== undefined)
        .map((o) => ({ key: o.Key!, etag: o.ETag?.replace(/"/g, ''), size: o.Size }));
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, etag: head.ETag?.replace(/"/g, ''), size: head.ContentLength };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (error instanceof NotFound || status === 404) return undefined;
      throw error;
    }
  }
}
