import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { awsClientConfig } from '../../shared/aws/client-config';
import { documentClient } from '../../shared/aws/runtime';
import { articleIdFor } from '../../shared/core/article-id';
import { s3EventBody } from '../../shared/core/replay-event';
import { queueDepth } from '../../shared/aws/queue-depth';
import { RAW_PREFIX, STAGES } from '../../shared/topology';
import { deployToEmulator } from '../../local/deploy';
import { emulatorPid, ensureEmulator, stopEmulator } from '../../local/emulator';
import { resolveTarget, type Target } from '../../cli/target';
import { waitForEmptyQueues, waitForRecords } from '../../cli/commands/wait';
import type { Uploaded } from '../../cli/commands/upload';

jest.setTimeout(600_000);

const CLI = join(__dirname, '..', '..', 'bin', 'copydesk.js');
const SAMPLE = readFileSync(join(__dirname, '..', '..', 'samples', 'council-budget.txt'), 'utf8');

/**
 * Faults injected into the deployed local pipeline, each followed by the documented recovery, and each
 * counted against the bucket: every uploaded object must end with exactly one current record carrying
 * its ETag (0 lost), and no source lists an article twice or under a version it did not earn
 * (0 duplicated). The suite runs its own persistent emulator on the next port, so killing it harms
 * nothing else, and so a restart finds what was saved. The kills come last: the batches they interrupt
 * stay in flight for the visibility timeout (minutes), so no later test could wait for quiet queues.
 */
describe('faults in the deployed pipeline, and recovery', () => {
  const previousEndpoint = process.env.AWS_ENDPOINT_URL;
  const endpoint = `http://127.0.0.1:${Number(new URL(previousEndpoint ?? 'http://127.0.0.1:4566').port || 4566) + 1}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-faults-'));
  const quietDeploy = () => deployToEmulator({ output: devNull() });
  let target: Target;

  /** A distinct article per call: same story, its own number, so every ETag and fingerprint differs. */
  const article = (n: number) =>
    `${SAMPLE.replace('Riverton council', `Riverton council (meeting ${n})`)}\nMeeting record ${n}: ${randomBytes(8).toString('hex')}.\n`;

  const upload = async (source: string, count: number): Promise<Uploaded[]> => {
    const uploads: Uploaded[] = [];
    for (let n = 0; n < count; n++) {
      const key = `${RAW_PREFIX}${source}/story-${n}.txt`;
      const put = await target.s3.send(
        new PutObjectCommand({ Bucket: target.names.rawBucket, Key: key, Body: article(n) }),
      );
      uploads.push({ path: key, key, id: articleIdFor(key), etag: put.ETag!.replace(/"/g, '') });
    }
    return uploads;
  };

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, AWS_ENDPOINT_URL: endpoint, COPYDESK_TARGET: '' },
    });
    if (result.status !== 0) throw new Error(`copydesk ${args.join(' ')}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  /** 0 lost, 0 duplicated: one current record per object, each source listing each article once. */
  const expectExactlyOneRecordEach = async (source: string, uploads: Uploaded[]) => {
    const records = await waitForRecords(target, uploads, { timeoutMs: 180_000, quiet: true });
    expect(records.size).toBe(uploads.length);
    // One map, so a failure shows every record that went wrong and how.
    const seen = Object.fromEntries(
      uploads.map((u) => {
        const r = records.get(u.key)!;
        return [u.key, { status: r.status, version: r.version, etag: r.source.etag, token: r.versionToken }];
      }),
    );
    const expected = Object.fromEntries(
      uploads.map((u) => [u.key, { status: 'indexed', version: 1, etag: u.etag, token: expect.any(String) }]),
    );
    expect(seen).toEqual(expected);
    // Search follows the records: postings are written just after them, or repaired by the event
    // reconcile sends for a record search could not find (killed workers' own messages stay in flight
    // for minutes, so waiting for empty queues would not do).
    const ids = uploads.map((u) => u.id).sort();
    const listed = async () =>
      (await target.archive.search({ source, limit: '100' })).items.map((i) => i.id).sort();
    for (const until = Date.now() + 120_000; Date.now() < until;) {
      if (JSON.stringify(await listed()) === JSON.stringify(ids)) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect(await listed()).toEqual(ids);
  };

  beforeAll(async () => {
    process.env.AWS_ENDPOINT_URL = endpoint;
    // Snapshots every few seconds, so a kill usually lands after one: recovery is tested from a
    // snapshot, not only from nothing.
    process.env.COPYDESK_SNAPSHOT_SECONDS = '5';
    await ensureEmulator(endpoint, { persist: true, dataDir });
    await quietDeploy();
    target = resolveTarget({});
  });

  afterAll(async () => {
    await stopEmulator(endpoint);
    rmSync(dataDir, { recursive: true, force: true });
    process.env.AWS_ENDPOINT_URL = previousEndpoint;
    delete process.env.COPYDESK_SNAPSHOT_SECONDS;
  });

  it('keeps one version through duplicate deliveries and an older event arriving late', async () => {
    const source = 'duplicates';
    const [first] = await upload(source, 1);
    const record = (await waitForRecords(target, [first!], { quiet: true })).get(first!.key)!;
    const parseQueue = await target.stageQueueUrl('parse');
    const replay = (sequencer: string) =>
      target.sqs.send(
        new SendMessageCommand({
          QueueUrl: parseQueue,
          MessageBody: JSON.stringify(
            s3EventBody({
              change: 'created',
              bucket: target.names.rawBucket,
              key: first!.key,
              sequencer,
              etag: first!.etag,
              eventTime: new Date().toISOString(),
              sender: 'fault-test',
            }),
          ),
        }),
      );
    await replay(record.versionToken); // the same event again
    await replay(record.versionToken); // and again
    await replay('1'); // an older event for the same key
    expect(await waitForEmptyQueues(target, 120_000, 5)).toBe(true);
    expect(await target.index.get(first!.id)).toMatchObject({
      version: 1,
      versionToken: record.versionToken,
      status: 'indexed',
    });
    await expectExactlyOneRecordEach(source, [first!]);
  });

  it('rejects a poison file with a reason and goes on with the rest of its batch', async () => {
    const source = 'poison';
    const good = await upload(source, 3);
    const poisonKey = `${RAW_PREFIX}${source}/poison.bin`;
    const put = await target.s3.send(
      new PutObjectCommand({
        Bucket: target.names.rawBucket,
        Key: poisonKey,
        Body: Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x80]),
      }),
    );
    const poison = {
      path: poisonKey,
      key: poisonKey,
      id: articleIdFor(poisonKey),
      etag: put.ETag!.replace(/"/g, ''),
    };
    const records = await waitForRecords(target, [...good, poison], { timeoutMs: 180_000, quiet: true });
    expect(records.get(poisonKey)).toMatchObject({ status: 'rejected', rejection: { code: 'BINARY' } });
    await expectExactlyOneRecordEach(source, good);
    for (const stage of STAGES) {
      expect(await queueDepth(target.sqs, await target.stageQueueUrl(stage, true))).toBe(0);
    }
  });

  it('brings back every dead-lettered message with `copydesk redrive`', async () => {
    const source = 'dead-lettered';
    const uploads = await upload(source, 5);
    const records = await waitForRecords(target, uploads, { quiet: true });
    // As if these events had failed until the dead-letter queue took them, and their records were lost:
    // the records go, and their notifications wait in the parse DLQ.
    await forgetRecords(
      target,
      uploads.map((u) => u.id),
    );
    const deadLetters = await target.stageQueueUrl('parse', true);
    for (const u of uploads) {
      const body = s3EventBody({
        change: 'created',
        bucket: target.names.rawBucket,
        key: u.key,
        sequencer: records.get(u.key)!.versionToken,
        etag: u.etag,
        eventTime: new Date().toISOString(),
        sender: 'fault-test',
      });
      await target.sqs.send(
        new SendMessageCommand({ QueueUrl: deadLetters, MessageBody: JSON.stringify(body) }),
      );
    }
    expect(await queueDepth(target.sqs, deadLetters)).toBe(uploads.length);

    const moved = cli('redrive', 'parse');
    expect(JSON.stringify(moved)).toContain(`"moved":${uploads.length}`);
    expect(await queueDepth(target.sqs, deadLetters)).toBe(0);
    await expectExactlyOneRecordEach(source, uploads);
  });

  it('loses nothing when the parse and tag function workers are killed mid-batch', async () => {
    const source = 'killed-workers';
    const uploads = await upload(source, 20);
    await waitUntil(async () => (await target.index.get(uploads[0]!.id)) !== undefined);
    const killed = killFunctionWorkers(emulatorPid(endpoint)!, ['ParseFunction', 'TagFunction']);
    expect(killed).toBeGreaterThan(0);

    // The killed batches' messages come back after the visibility timeout (minutes); reconcile re-sends
    // at once whatever has no record yet, and the redelivered ones later change nothing.
    cli('reconcile');
    await expectExactlyOneRecordEach(source, uploads);
  });

  it('loses nothing when the emulator is killed (-9) mid-ingest and started again', async () => {
    const source = 'killed-emulator';
    const uploads = await upload(source, 30);
    await waitUntil(async () => (await target.index.get(uploads[0]!.id)) !== undefined);
    process.kill(-emulatorPid(endpoint)!, 'SIGKILL');
    await waitUntil(async () => emulatorPid(endpoint) === undefined);

    // What a user does after a crash: `copydesk up` (start, redeploy what the snapshot lacks), then
    // `copydesk reconcile`. Uploads are on disk whatever happened.
    await ensureEmulator(endpoint, { persist: true, dataDir });
    await quietDeploy();
    target = resolveTarget({});
    const report = cli('reconcile');
    expect(report.objects).toBeGreaterThanOrEqual(uploads.length);
    await expectExactlyOneRecordEach(source, uploads);
    expect(cli('reconcile')).toMatchObject({ resentMissing: 0, resentStale: 0, removalsSent: 0 });
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGKILLs the emulator's node workers for the named functions; returns how many it killed. */
function killFunctionWorkers(emulator: number, functions: string[]): number {
  let killed = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === emulator && functions.some((f) => command.includes(f))) {
        process.kill(Number(entry), 'SIGKILL');
        killed++;
      }
    } catch {
      // the process ended while we looked
    }
  }
  return killed;
}

/** Deletes every item of the given articles (record and facets), as a lost write would leave them. */
async function forgetRecords(target: Target, ids: string[]): Promise<void> {
  const dynamo = documentClient(awsClientConfig());
  for (const id of ids) {
    const items = await dynamo.send(
      new QueryCommand({
        TableName: target.names.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ARTICLE#${id}` },
      }),
    );
    const keys = (items.Items ?? []).map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } }));
    for (let i = 0; i < keys.length; i += 25) {
      await dynamo.send(
        new BatchWriteCommand({ RequestItems: { [target.names.table]: keys.slice(i, i + 25) } }),
      );
    }
  }
}

const devNull = (): NodeJS.WritableStream => new Writable({ write: (_chunk, _encoding, done) => done() });
