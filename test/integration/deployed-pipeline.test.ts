import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { articleIdFor } from '../../shared/core/article-id';
import { EMULATOR_ACCOUNT, LOCAL_REGION } from '../../shared/aws/client-config';
import { queueDepth } from '../../shared/aws/queue-depth';
import { publishedKeyFor } from '../../shared/stages/publish-stage';
import {
  DEFAULT_INLINE_MESSAGE_BYTES,
  RAW_PREFIX,
  STAGES,
  WORK_EXPIRATION_DAYS,
  WORK_PREFIX,
} from '../../shared/topology';
import { assemblyDirFor, deployToEmulator } from '../../local/deploy';
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

  it('sends a document over the inline limit through the work bucket, reads it back, and lets it expire', async () => {
    const story = longStory(300);
    const upload = await put('long-report.txt', story.text);
    const records = await waitForRecords(target, [upload], { timeoutMs: 120_000, quiet: true });
    const record = records.get(upload.key)!;
    // The tag and index stages saw the whole document, which only the work bucket could have carried.
    expect(record).toMatchObject({ status: 'indexed', title: story.headline });
    expect(record.wordCount).toBeGreaterThanOrEqual(story.words);
    expect(record.entities!.map((e) => e.name)).toEqual(expect.arrayContaining(['Marguerite Olsson']));

    const listed = await target.s3.send(
      new ListObjectsV2Command({ Bucket: target.names.workBucket, Prefix: `${WORK_PREFIX}${upload.id}/` }),
    );
    const claimChecks = (listed.Contents ?? []).map((o) => o.Key!);
    expect(claimChecks).toEqual(expect.arrayContaining([expect.stringMatching(/\/parsed\.json$/)]));
    const parsed = await target.s3.send(
      new GetObjectCommand({
        Bucket: target.names.workBucket,
        Key: claimChecks.find((k) => k.endsWith('/parsed.json')),
      }),
    );
    const document = await parsed.Body!.transformToString();
    expect(Buffer.byteLength(document)).toBeGreaterThan(DEFAULT_INLINE_MESSAGE_BYTES);
    expect(JSON.parse(document)).toMatchObject({ title: story.headline });

    // Every claim-check object falls under the rule that expires it, as the deployed stack declares it.
    // (MiniStack neither applies a template's lifecycle rules nor expires objects: the rule is read from
    // the cloud assembly this emulator was deployed from, and AWS applies it.)
    const stateful = JSON.parse(
      readFileSync(
        join(assemblyDirFor(process.env.AWS_ENDPOINT_URL!), 'CopydeskStateful.template.json'),
        'utf8',
      ),
    ) as { Resources: Record<string, { Type: string; Properties?: BucketProperties }> };
    const workBucket = Object.values(stateful.Resources).find(
      (r) => r.Type === 'AWS::S3::Bucket' && bucketName(r.Properties?.BucketName) === target.names.workBucket,
    );
    const expiring = (workBucket?.Properties?.LifecycleConfiguration?.Rules ?? []).filter(
      (r) => r.Status === 'Enabled' && r.ExpirationInDays === WORK_EXPIRATION_DAYS,
    );
    expect(expiring.length).toBeGreaterThan(0);
    for (const key of claimChecks) expect(expiring.some((r) => key.startsWith(r.Prefix ?? ''))).toBe(true);
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

interface BucketProperties {
  BucketName?: unknown;
  LifecycleConfiguration?: { Rules?: Array<{ Status?: string; ExpirationInDays?: number; Prefix?: string }> };
}

/** A bucket name as the template writes it: a string, or a join of strings and the account and region. */
function bucketName(name: unknown): string | undefined {
  if (typeof name === 'string') return name;
  const join = (name as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  if (!join) return undefined;
  const pseudo: Record<string, string> = {
    'AWS::AccountId': EMULATOR_ACCOUNT,
    'AWS::Region': process.env.AWS_REGION ?? LOCAL_REGION,
  };
  return join[1]
    .map((part) => (typeof part === 'string' ? part : pseudo[(part as { Ref: string }).Ref]))
    .join(join[0]);
}

/**
 * A long report of our own words: paragraphs of varied sentences (numbers and names change, so no line
 * repeats as furniture would), long enough that the parsed document exceeds the inline message limit.
 */
function longStory(paragraphs: number): { headline: string; text: string; words: number } {
  const headline = 'Regional water board publishes its long review of the northern reservoirs';
  const places = ['Aldmoor', 'Brenning', 'Castlereach', 'Dunmere', 'Eastholt', 'Fenwick'];
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const place = places[i % places.length]!;
    return `Inspectors visited the ${place} reservoir for the ${i + 1}th time, measuring ${(i * 7) % 93} centimetres of silt. Marguerite Olsson, who chairs the board, said section ${i + 3} of the review asks for repairs within ${(i % 11) + 2} months.`;
  });
  const text = [headline, '', ...body.flatMap((p) => [p, ''])].join('\n');
  const words = body.join(' ').split(/\s+/).length;
  return { headline, text, words };
}

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
