import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketNotificationConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';
import { decodeS3Key, readS3Notification } from '../../shared/core/s3-event';
import { versionToken } from '../../shared/core/version';
import { NOTIFICATION_EVENTS, RAW_PREFIX } from '../../shared/topology';
import { Cleanup, contractConfig, createQueue, drain, uniqueName, waitFor } from './helpers';

const config = contractConfig();
const s3 = new S3Client(config);
const sqs = new SQSClient(config);
const cleanup = new Cleanup();

const md5 = (body: string) => createHash('md5').update(body).digest('hex');

async function createBucket(name: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  cleanup.add(async () => {
    // Every version and delete marker, so that a versioned bucket empties too.
    for (;;) {
      const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: name }));
      const objects = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].map((o) => ({
        Key: o.Key!,
        VersionId: o.VersionId,
      }));
      if (objects.length === 0) break;
      await s3.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: objects } }));
    }
    await s3.send(new DeleteBucketCommand({ Bucket: name }));
  });
}

afterAll(() => cleanup.run());

const recordsOf = (messages: Message[]) => messages.flatMap((m) => (JSON.parse(m.Body!) as S3Event).Records);

/**
 * A bucket wired to its own queue as the stateful stack wires the raw bucket to the parse queue
 * (shared/topology.ts: both event families, the incoming/ prefix).
 */
async function notifiedBucket(options: { versioned: boolean }) {
  const bucket = uniqueName('raw');
  await createBucket(bucket);
  if (options.versioned) {
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  }
  const queue = await createQueue(sqs, cleanup, uniqueName('parse'));
  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Id: 'raw-to-parse',
            QueueArn: queue.arn,
            Events: [...NOTIFICATION_EVENTS],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: RAW_PREFIX }] } },
          },
        ],
      },
    }),
  );
  /** Whatever arrived on the queue as a result of saving the notification configuration. */
  const afterConfiguration = await drain(sqs, queue.url, 1);

  return {
    bucket,
    afterConfiguration,
    put: (key: string, body: string) =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })),
    remove: (key: string) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
    /** Takes exactly the next `count` messages, then checks for a second that nothing else follows. */
    async takeMessages(count: number): Promise<Message[]> {
      const taken: Message[] = [];
      await waitFor(
        `${count} notification(s)`,
        async () => {
          taken.push(...(await drain(sqs, queue.url, 0)));
          return taken.length >= count ? true : undefined;
        },
        10_000,
      );
      taken.push(...(await drain(sqs, queue.url, 1)));
      return taken;
    },
  };
}

describe('S3 -> SQS notifications (the raw bucket feeding the parse queue)', () => {
  let raw: Awaited<ReturnType<typeof notifiedBucket>>;
  let bucket: string;
  const put = (key: string, body: string) => raw.put(key, body);
  const takeMessages = (count: number) => raw.takeMessages(count);

  beforeAll(async () => {
    raw = await notifiedBucket({ versioned: false });
    bucket = raw.bucket;
  });

  it('sends exactly one s3:TestEvent when the configuration is saved, which the parse stage recognises and skips', () => {
    // AWS does this too. The parse stage must classify it as a test event: anything else would fail the
    // message until it lands in the dead-letter queue on every `copydesk up`.
    expect(raw.afterConfiguration).toHaveLength(1);
    const body = raw.afterConfiguration[0]!.Body!;
    expect(JSON.parse(body)).toEqual({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      Bucket: bucket,
      RequestId: expect.any(String),
      HostId: expect.any(String),
    });
    expect(readS3Notification(body)).toEqual({ kind: 'test-event' });
  });

  it('reports a put under incoming/ as one ObjectCreated:Put record with bucket, key, size and eTag', async () => {
    const key = `${RAW_PREFIX}plain.html`;
    const put1 = await put(key, 'hello');
    const messages = await takeMessages(1);

    expect(messages).toHaveLength(1);
    const records = recordsOf(messages);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      s3: { bucket: { name: bucket }, object: { key, size: 5, eTag: md5('hello') } },
    });
    // The event's eTag is PutObject's ETag without the quotes: the parse stage matches them.
    expect(`"${records[0]!.s3.object.eTag}"`).toBe(put1.ETag);
    expect(readS3Notification(messages[0]!.Body!)).toEqual({
      kind: 'changes',
      changes: [
        {
          change: 'created',
          source: expect.objectContaining({ bucket, key, etag: md5('hello'), size: 5 }),
        },
      ],
    });
  });

  it('does not report a put outside the incoming/ prefix', async () => {
    // Only uploads are articles; copydesk writes nothing else into the raw bucket that should be parsed.
    await put('elsewhere/not-an-upload.html', 'x');
    await put(`${RAW_PREFIX}marker.html`, 'marker');
    const keys = recordsOf(await takeMessages(1)).map((r) => r.s3.object.key);
    expect(keys).toEqual([`${RAW_PREFIX}marker.html`]);
  });

  it('reports a delete as ObjectRemoved:Delete with size 0 and an empty eTag', async () => {
    // A delete withdraws the article. AWS sends neither size nor eTag on a delete; MiniStack sends 0 and ''
    // and readS3Notification turns the empty eTag into "no eTag".
    const key = `${RAW_PREFIX}withdrawn.html`;
    await put(key, 'soon gone');
    await takeMessages(1);
    await raw.remove(key);

    const messages = await takeMessages(1);
    expect(messages).toHaveLength(1);
    const records = recordsOf(messages);
    expect(records.map((r) => r.eventName)).toEqual(['ObjectRemoved:Delete']);
    expect(records[0]!.s3.object).toEqual({ key, size: 0, eTag: '', sequencer: expect.any(String) });
    const content = readS3Notification(messages[0]!.Body!);
    expect(content).toEqual({
      kind: 'changes',
      changes: [{ change: 'removed', source: expect.objectContaining({ bucket, key, etag: undefined }) }],
    });
  });

  it('URL-encodes keys as AWS does (form encoding, "/" kept) and decodeS3Key restores them', async () => {
    // moto encoded the "/" too; copydesk's article ids come from the decoded key, so both must decode alike.
    const key = `${RAW_PREFIX}My File+é (1).html`;
    await put(key, 'odd name');
    const messages = await takeMessages(1);

    const encoded = recordsOf(messages)[0]!.s3.object.key;
    expect(encoded).toBe(`${RAW_PREFIX}My+File%2B%C3%A9+%281%29.html`);
    expect(decodeS3Key(encoded)).toBe(key);
    const content = readS3Notification(messages[0]!.Body!);
    expect(content.kind === 'changes' && content.changes.map((c) => c.source.key)).toEqual([key]);
  });

  it('gives every create/delete event an 18-digit hex sequencer, clock-seeded, growing with each event', async () => {
    // copydesk orders versions of one key by sequencer (shared/core/version.ts): the index drops any event
    // whose token is not above the stored one as stale. If sequencers did not grow, a re-upload would be
    // silently ignored; if they restarted from zero after an emulator restart (state is persisted), every
    // later upload of an already indexed key would be. MiniStack seeds its counter from the clock in
    // microseconds, so a sequencer is never ahead of the clock and keeps growing across restarts.
    const key = `${RAW_PREFIX}revised.html`;
    const bodies = ['first version', 'second version', 'third version'];
    for (const body of bodies) await put(key, body);
    await raw.remove(key);
    const after = BigInt(Date.now()) * 1000n;

    const records = recordsOf(await takeMessages(4));
    expect(records).toHaveLength(4);
    // SQS does not keep order, so put events are matched to puts by eTag; the delete comes last.
    const byEtag = new Map(records.map((r) => [r.s3.object.eTag, r.s3.object.sequencer]));
    const sequencers = [
      ...bodies.map((b) => byEtag.get(md5(b))),
      records.find((r) => r.eventName === 'ObjectRemoved:Delete')!.s3.object.sequencer,
    ];
    for (const sequencer of sequencers) expect(sequencer).toMatch(/^[0-9A-F]{18}$/);
    const tokens = sequencers.map((s) => versionToken(s, '1970-01-01T00:00:00.000Z'));
    expect([...tokens].sort()).toEqual(tokens);
    expect(new Set(tokens).size).toBe(4);
    // Clock-seeded: at least 2026 in microseconds, never ahead of now.
    const values = sequencers.map((s) => BigInt(`0x${s}`));
    expect(values[0]! > BigInt(Date.parse('2026-01-01T00:00:00Z')) * 1000n).toBe(true);
    expect(values[3]! <= after).toBe(true);
  });
});

describe('S3 -> SQS notifications on a versioned bucket (as the deployed raw bucket is)', () => {
  it('carries the versionId on puts, and reports a plain delete as ObjectRemoved:DeleteMarkerCreated', async () => {
    // The parse stage reads exactly the version an event names (GetObject with VersionId), so a later
    // upload cannot be parsed under an earlier event. A delete only adds a marker on a versioned bucket;
    // the index must still see it as a removal (readS3Notification: any ObjectRemoved:*).
    const versioned = await notifiedBucket({ versioned: true });
    const key = `${RAW_PREFIX}versioned.html`;
    const put = await versioned.put(key, 'hello');
    const deleted = await versioned.remove(key);
    expect(deleted.DeleteMarker).toBe(true);

    const records = recordsOf(await versioned.takeMessages(2));
    expect(records.map((r) => [r.eventName, r.s3.object.versionId])).toEqual(
      expect.arrayContaining([
        ['ObjectCreated:Put', put.VersionId],
        ['ObjectRemoved:DeleteMarkerCreated', deleted.VersionId],
      ]),
    );
    expect(records).toHaveLength(2);
    expect(put.VersionId).not.toBe(deleted.VersionId);
    const marker = records.find((r) => r.eventName === 'ObjectRemoved:DeleteMarkerCreated')!;
    expect(readS3Notification(JSON.stringify({ Records: [marker] }))).toEqual({
      kind: 'changes',
      changes: [
        { change: 'removed', source: expect.objectContaining({ key, versionId: deleted.VersionId }) },
      ],
    });
  });
});

describe('S3 ListObjectsV2', () => {
  it('pages 1,200 keys with MaxKeys 500 and ContinuationToken: every key once, in order, nothing outside the prefix', async () => {
    // Listing a source's uploads must see all of them, however many pages that takes.
    const bucket = uniqueName('list');
    await createBucket(bucket);
    const keys = Array.from({ length: 1200 }, (_, i) => `${RAW_PREFIX}${String(i).padStart(4, '0')}.html`);
    const others = ['elsewhere/a.html', 'incoming-not/b.html', 'zzz.html'];
    const all = [...keys, ...others];
    for (let i = 0; i < all.length; i += 50) {
      await Promise.all(
        all.slice(i, i + 50).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))),
      );
    }

    const pages: { count: number; truncated: boolean | undefined; keys: string[] }[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: RAW_PREFIX,
          MaxKeys: 500,
          ContinuationToken: token,
        }),
      );
      pages.push({
        count: page.KeyCount!,
        truncated: page.IsTruncated,
        keys: (page.Contents ?? []).map((o) => o.Key!),
      });
      token = page.NextContinuationToken;
      expect(pages.length).toBeLessThanOrEqual(3);
    } while (token);

    expect(pages.map((p) => [p.count, p.truncated])).toEqual([
      [500, true],
      [500, true],
      [200, false],
    ]);
    expect(pages.flatMap((p) => p.keys)).toEqual(keys);
  }, 60_000);
});
