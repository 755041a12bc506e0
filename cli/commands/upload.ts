import { readFile } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SingleBar, Presets } from 'cli-progress';
import { articleIdFor } from '../../shared/core/article-id';
import { RAW_PREFIX } from '../../shared/topology';
import { expandPaths } from '../files';
import type { Target } from '../target';

export interface UploadOptions {
  /** Folder under incoming/, which becomes the articles' source name. */
  source?: string;
  quiet?: boolean;
}

export interface Uploaded {
  path: string;
  key: string;
  id: string;
  /** The object's ETag (unquoted), which the record of this version will carry. */
  etag: string;
}

/**
 * Puts files under incoming/<source>/ in the raw bucket. A directory keeps its inner layout; its own
 * name is the default source, so `copydesk upload ./presstv` files everything under "presstv".
 */
export async function uploadFiles(
  target: Target,
  paths: string[],
  options: UploadOptions = {},
): Promise<Uploaded[]> {
  const files = await expandPaths(paths);
  const bar =
    !options.quiet && files.length > 1 && process.stderr.isTTY
      ? new SingleBar(
          { format: 'uploading [{bar}] {value}/{total} {file}', stream: process.stderr },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(files.length, 0, { file: '' });
  const uploaded: Uploaded[] = [];
  for (const file of files) {
    const inner = file.root ? relative(file.root, file.path).split(sep).join('/') : basename(file.path);
    const source = options.source ?? (file.root ? basename(file.root.replace(/[\\/]+$/, '')) : undefined);
    const key = `${RAW_PREFIX}${source ? `${source}/` : ''}${inner}`;
    const put = await target.s3.send(
      new PutObjectCommand({ Bucket: target.names.rawBucket, Key: key, Body: await readFile(file.path) }),
    );
    uploaded.push({ path: file.path, key, id: articleIdFor(key), etag: (put.ETag ?? '').replace(/"/g, '') });
    bar?.increment(1, { file: inner });
  }
  bar?.stop();
  return uploaded;
}
