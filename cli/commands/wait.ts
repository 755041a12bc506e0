import { Presets, SingleBar } from 'cli-progress';
import { queueDepth } from '../../shared/aws/queue-depth';
import type { ArticleRecord } from '../../shared/core/index-model';
import { STAGES } from '../../shared/topology';
import { CliError } from '../errors';
import type { Target } from '../target';
import type { Uploaded } from './upload';

/** A record that settles an upload: the pipeline read this very object and indexed or rejected it. */
const settles = (record: ArticleRecord | undefined, upload: Uploaded) =>
  !!record && record.status !== 'deleted' && record.source.etag === upload.etag;

/**
 * Waits until every uploaded object has its current record, with a progress bar when stderr is a
 * terminal. The pipeline runs on its own (the emulator's event source mappings, or Lambda on AWS); this
 * only watches the index, so it works the same on both.
 */
export async function waitForRecords(
  target: Target,
  uploads: Uploaded[],
  options: { timeoutMs?: number; quiet?: boolean } = {},
): Promise<Map<string, ArticleRecord>> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const settled = new Map<string, ArticleRecord>();
  const bar =
    !options.quiet && process.stderr.isTTY
      ? new SingleBar(
          { format: 'processing [{bar}] {value}/{total}', stream: process.stderr },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(uploads.length, 0);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const pending = uploads.filter((u) => !settled.has(u.key));
      for (const upload of pending) {
        const record = await target.index.get(upload.id);
        if (settles(record, upload)) settled.set(upload.key, record!);
      }
      bar?.update(settled.size);
      if (settled.size === uploads.length) return settled;
      if (Date.now() > deadline) {
        const missing = uploads.filter((u) => !settled.has(u.key)).map((u) => u.key);
        throw new CliError(
          `${missing.length} upload(s) not processed after ${timeoutMs / 1000} s (first: ${missing[0]}); ` +
            'see `copydesk status` for queue and dead-letter depths',
          1,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    bar?.stop();
  }
}

/**
 * Waits (at most `timeoutMs`, then goes on) until no stage queue holds a message, `quietChecks` times
 * in a row half a second apart: SQS's counts are approximate, so a caller that must be sure asks twice.
 */
export async function waitForEmptyQueues(
  target: Target,
  timeoutMs: number,
  quietChecks = 1,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const depths = await Promise.all(
      STAGES.map(async (stage) => queueDepth(target.sqs, await target.stageQueueUrl(stage))),
    );
    quiet = depths.every((d) => d === 0) ? quiet + 1 : 0;
    if (quiet >= quietChecks) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
