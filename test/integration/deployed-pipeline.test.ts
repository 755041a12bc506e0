import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { articleIdFor } from '../../shared/core/article-id';
import { queueDepth } from '../../shared/aws/queue-depth';
import { publishedKeyFor } from '../../shared/stages/publish-stage';
import { RAW_PREFIX, STAGES } from '../../shared/topology';
import { deployToEmulator } from '../../local/deploy';
import { resolveTarget, type Target } from '../../cli/target';
import { waitForRecords } from '../../cli/commands/wait';
import type { Uploaded } from '../../cli/commands/upload';
import { ninjsValidator } from '../support/ninjs-validator';

jest.setTimeout(240_000);

const SAMPLES = join(__dirname, '..', '..', 'samples');

/**
 * The local pipeline as users run it: `cdk deploy` of the real app onto the emulator, and the emulator's
 * own S3 notifications and SQS event source mappings invoking the bundled functions. Nothing in process
 * stands in for Lambda here. Each run works under a source folder of its own, so a test emulator that
 * already holds other runs' articles does not matter.
 */
describe('the deployed pipeline on the emulator', () => {
  let target: Target;
  const source = `deployed-${randomBytes(3).toString('hex')}`;
  let cdkOutput = '';

  const put = async (name: string, body: Uint8Array | string): Promise<Uploaded> => {
    const key = `${RAW_PREFIX}${source}/${name}`;
    const response = await target.s3.send(
      new PutObjectCommand({ Bucket: target.names.rawBucket, Key: key, Body: body }),
    );
    return { path: name, key, id: articleIdFor(key), etag: response.ETag!.replace(/"/g, '') };
  };

  beforeAll(async () => {
    if (!process.env.AWS_ENDPOINT_URL) throw new Error('run with `npm test`, which starts the emulator');
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => (cdkOutput += chunk.toString()));
    await deployToEmulator({ output });
    target = resolveTarget({});
  });

  it('deploys with the CDK CLI: both stacks, as on AWS', () => {
    expect(cdkOutput).toMatch(/CopydeskStateful/);
    expect(cdkOutput).toMatch(/✅\s+CopydeskStateless/);
  });

  it('indexes, tags and publishes uploads through the deployed functions, and rejects a poison file', async () => {
    const uploads = [
      await put('council-budget.txt', readFileSync(join(SAMPLES, 'council-budget.txt'))),
      await put('harbour-bridge.html', readFileSync(join(SAMPLES, 'harbour-bridge.html'))),
      await put('poison.bin', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x13, 0x37])),
    ];
    const records = await waitForRecords(target, uploads, { timeoutMs: 120_000, quiet: true });

    const council = records.get(uploads[0]!.key)!;
    expect(council).toMatchObject({ status: 'indexed', version: 1, sourceName: source });
    expect(council.entities!.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Patricia Gomez', 'James Whitfield']),
    );
    expect(records.get(uploads[1]!.key)).toMatchObject({ status: 'indexed' });
    expect(records.get(uploads[2]!.key)).toMatchObject({ status: 'rejected', rejection: { code: 'BINARY' } });

    // Search finds indexed articles; the rejected file is listed with its reason instead.
    const bySource = await target.archive.search({ source });
    expect(bySource.items.map((i) => i.id).sort()).toEqual([uploads[0]!.id, uploads[1]!.id].sort());
    const rejected = await target.archive.rejected({ source });
    expect(rejected.items.map((i) => i.id)).toContain(uploads[2]!.id);

    // The publish stage runs after the index stage: the document follows the record.
    const published = await eventually(() =>
      target.s3.send(
        new GetObjectCommand({ Bucket: target.names.publishedBucket, Key: publishedKeyFor(council.id) }),
      ),
    );
    const doc = JSON.parse(await published.Body!.transformToString());
    expect(ninjsValidator()(doc)).toEqual({ valid: true, errors: 'No errors' });
    expect(doc.headlines[0].value).toBe(council.title);

    // The poison file was rejected inside its batch: nothing went to a dead-letter queue.
    for (const stage of STAGES) {
      expect(await queueDepth(target.sqs, await target.stageQueueUrl(stage, true))).toBe(0);
    }
  });

  it('unindexes and withdraws an article whose object is deleted from the versioned raw bucket', async () => {
    const upload = await put('glacier-study.txt', readFileSync(join(SAMPLES, 'glacier-study.txt')));
    await waitForRecords(target, [upload], { timeoutMs: 120_000, quiet: true });
    await target.s3.send(new DeleteObjectCommand({ Bucket: target.names.rawBucket, Key: upload.key }));

    const deadline = Date.now() + 60_000;
    while ((await target.index.get(upload.id))?.status !== 'deleted' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(await target.index.get(upload.id)).toMatchObject({ status: 'deleted' });
    // The publish stage runs after the index stage: give it the same time to withdraw the document.
    const gone = async () =>
      target.s3
        .send(
          new HeadObjectCommand({ Bucket: target.names.publishedBucket, Key: publishedKeyFor(upload.id) }),
        )
        .then(
          () => false,
          () => true,
        );
    while (!(await gone()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(await gone()).toBe(true);
  });
});

/** The first answer `attempt` gives without throwing, within a minute. */
async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
