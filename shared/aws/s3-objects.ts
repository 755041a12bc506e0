import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { SourceObject } from '../core/messages';
import type { NinjsDocument } from '../core/ninjs';
import type { PublishedStore } from '../stages/publish-stage';
import type { ObjectReader, ObjectReadResult } from '../stages/ports';

const isMissing = (error: unknown) => error instanceof NoSuchKey || error instanceof NotFound;

/** Reads uploaded objects, refusing to download one over the cap. */
export class S3ObjectReader implements ObjectReader {
  constructor(private readonly s3: S3Client) {}

  async read(source: SourceObject, maxBytes: number): Promise<ObjectReadResult> {
    try {
      const response = await this.s3.send(
        new GetObjectCommand({ Bucket: source.bucket, Key: source.key, VersionId: source.versionId }),
      );
      const size = response.ContentLength ?? 0;
      if (size > maxBytes) {
        // Do not pull a huge body into a small function just to reject it.
        (response.Body as { destroy?: () => void } | undefined)?.destroy?.();
        return { found: true, tooLarge: true, size };
      }
      const bytes = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
      return {
        found: true,
        bytes,
        contentType: response.ContentType,
        etag: response.ETag?.replace(/"/g, ''),
        versionId: response.VersionId && response.VersionId !== 'null' ? response.VersionId : undefined,
      };
    } catch (error) {
      if (isMissing(error)) return { found: false };
      throw error;
    }
  }
}

/** Lets a consumer tell the published version with a HEAD request. */
const VERSION_METADATA = 'copydesk-version';

export class S3PublishedStore implements PublishedStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, doc: NinjsDocument, version: number): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: JSON.stringify(doc),
        ContentType: 'application/json; charset=utf-8',
        Metadata: { [VERSION_METADATA]: String(version) },
      }),
    );
  }

  async remove(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
