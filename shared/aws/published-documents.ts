import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { PublishedDocuments } from '../stages/archive';
import { publishedKeyFor } from '../stages/publish-stage';

/** The ninjs documents the publish stage stored, read back for the archive API. */
export class S3PublishedDocuments implements PublishedDocuments {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async get(id: string): Promise<unknown> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: publishedKeyFor(id) }));
      return JSON.parse(await out.Body!.transformToString('utf8')) as unknown;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
