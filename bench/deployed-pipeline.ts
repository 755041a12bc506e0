/**
 * The deployed pipeline on the local emulator, as the benches drive it: `cdk deploy` onto the emulator,
 * uploads into the raw bucket, a watch on the index for each upload to settle, the stage queues' depths,
 * and what is read back afterwards (records, listings, log groups). `npm run bench` (bench/pipeline.ts)
 * and `npm run bench:cost` (bench/cost.ts) both run the pipeline through these.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Target } from '../cli/target';
import { deployToEmulator } from '../local/deploy';
import { PROJECT_ROOT } from '../local/project-root';
import type { documentClient } from '../shared/aws/runtime';
import { articleIdFor } from '../shared/core/article-id';
import { fingerprintItemsOf, type ArticleRecord, type RecordStatus } from '../shared/core/index-model';
import { DynamoRecordWalker } from '../shared/aws/index-records';
import { STAGES } from '../shared/topology';
import type { BenchDocument, DocumentKind } from './pipeline-inputs';
import { RESULTS_DIR } from './report';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/**
 * The app id the benches' own AWS SDK clients send (AWS_SDK_UA_APP_ID puts `app/<id>` in their
 * User-Agent), so the emulator's request log tells their requests from the functions'.
 */
export const BENCH_APP_ID = 'copydesk-bench';
export const BENCH_USER_AGENT = `copydesk-bench app/${BENCH_APP_ID}`;
export const log = (line: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

export type Phase = 'latency' | 'throughput';

export interface Upload {
  key: string;
  id: string;
  etag: string;
  kind: DocumentKind;
  bytes: number;
  phase: Phase;
  startedAt: number;
  uploadedAt: number;
}

export interface Settled {
  observedAt: number;
  writtenAt: number;
  status: RecordStatus;
}

/**
 * Watches the index for uploads. One BatchGetItem reads 100 records (projected to the few fields that say
 * whether the upload is settled), so a round over `pollWindow` pending uploads costs the emulator 4
 * requests. Listing by status or newest would read far more: the "newest" order is the
 * article's own date, not when it was indexed, so a walk would re-read the whole partition every round.
 * A record settles an upload as in cli/commands/wait.ts: not deleted, and it carries the uploaded ETag.
 */
export class Tracker {
  readonly settled = new Map<string, Settled>();
  private pending: Upload[] = [];
  private stopped = false;
  private loop?: Promise<void>;
  lastSettleAt = Date.now();
  rounds = 0;
  requests = 0;

  constructor(
    private readonly db: ReturnType<typeof documentClient>,
    private readonly tableName: string,
    private readonly polling: { pollMs: number; pollWindow: number },
  ) {}

  add(upload: Upload): void {
    this.pending.push(upload);
  }

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        const began = Date.now();
        try {
          await this.round();
        } catch (error) {
          log(`poll failed: ${(error as Error).message}`);
        }
        await sleep(this.polling.pollMs - (Date.now() - began));
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  pendingCount(phase?: Phase): number {
    return phase ? this.pending.filter((u) => u.phase === phase).length : this.pending.length;
  }

  private cursor = 0;

  private async round(): Promise<void> {
    this.rounds += 1;
    const { pollWindow } = this.polling;
    const oldest = Math.ceil(pollWindow / 2);
    const rest = this.pending.length - oldest;
    if (this.cursor >= rest) this.cursor = 0;
    const window = [
      ...this.pending.slice(0, oldest),
      ...this.pending.slice(oldest + this.cursor, oldest + this.cursor + (pollWindow - oldest)),
    ];
    this.cursor += pollWindow - oldest;
    const done = new Set<string>();
    for (let i = 0; i < window.length; i += 100) {
      const chunk = window.slice(i, i + 100);
      const byId = new Map(chunk.map((u) => [u.id, u]));
      let keys: Record<string, unknown>[] = chunk.map((u) => ({ pk: `ARTICLE#${u.id}`, sk: 'ARTICLE' }));
      while (keys.length) {
        this.requests += 1;
        const out = await this.db.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: keys,
                ProjectionExpression: '#id, #st, updatedAt, #src.etag',
                ExpressionAttributeNames: { '#id': 'id', '#st': 'status', '#src': 'source' },
              },
            },
          }),
        );
        const observedAt = Date.now();
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const upload = byId.get(String(item.id));
          const record = item as Pick<ArticleRecord, 'id' | 'status' | 'updatedAt' | 'source'>;
          if (!upload || record.status === 'deleted' || record.source?.etag !== upload.etag) continue;
          this.settled.set(upload.key, {
            observedAt,
            writtenAt: Date.parse(record.updatedAt),
            status: record.status,
          });
          done.add(upload.key);
        }
        keys = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    if (done.size) {
      this.pending = this.pending.filter((u) => !done.has(u.key));
      this.lastSettleAt = Date.now();
    }
  }
}

/** Stage queue depths (visible + in flight) every 5 s: which stage holds the backlog. */
export class QueueWatcher {
  readonly samples: Array<{ t: number } & Record<string, number>> = [];
  private timer?: NodeJS.Timeout;
  constructor(private readonly target: Target) {}

  async depths(deadLetter = false): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const stage of STAGES) {
      const attributes = await this.target.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: await this.target.stageQueueUrl(stage, deadLetter),
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      out[stage] =
        Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0) +
        Number(attributes.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    }
    return out;
  }

  start(): void {
    const tick = async () => {
      try {
        this.samples.push({ t: Date.now(), ...(await this.depths()) });
      } catch (error) {
        log(`queue depth failed: ${(error as Error).message}`);
      }
    };
    void tick();
    this.timer = setInterval(() => void tick(), 5000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

export async function uploadOne(target: Target, doc: BenchDocument, phase: Phase): Promise<Upload> {
  const startedAt = Date.now();
  const put = await target.s3.send(
    new PutObjectCommand({ Bucket: target.names.rawBucket, Key: doc.key, Body: doc.body }),
  );
  return {
    key: doc.key,
    id: articleIdFor(doc.key),
    etag: (put.ETag ?? '').replace(/"/g, ''),
    kind: doc.kind,
    bytes: doc.body.length,
    phase,
    startedAt,
    uploadedAt: Date.now(),
  };
}

/**
 * Uploads `docs`. At a fixed rate the schedule is open loop: the i-th PUT starts at i/rate seconds whether
 * or not earlier ones have been answered (up to MAX_IN_FLIGHT at once), so a slow emulator cannot quietly
 * lower the offered rate. With rate 0, `concurrency` PUTs at a time, as fast as they are answered.
 */
export async function uploadPhase(
  target: Target,
  docs: BenchDocument[],
  phase: Phase,
  rate: number,
  concurrency: number,
  onUpload: (u: Upload) => void,
): Promise<void> {
  const MAX_IN_FLIGHT = 256;
  const failures: string[] = [];
  const uploadWithRetry = async (doc: BenchDocument) => {
    for (let attempt = 1; ; attempt++) {
      try {
        onUpload(await uploadOne(target, doc, phase));
        return;
      } catch (error) {
        if (attempt >= 3) {
          failures.push(`${doc.key}: ${(error as Error).message}`);
          return;
        }
        await sleep(500 * attempt);
      }
    }
  };
  if (rate > 0) {
    const began = Date.now();
    const inFlight = new Set<Promise<void>>();
    for (const [i, doc] of docs.entries()) {
      await sleep(began + (i * 1000) / rate - Date.now());
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      const put: Promise<void> = uploadWithRetry(doc).finally(() => inFlight.delete(put));
      inFlight.add(put);
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < docs.length; i = next++) await uploadWithRetry(docs[i]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, docs.length) }, worker));
  }
  if (failures.length) throw new Error(`${failures.length} uploads failed, first: ${failures[0]}`);
}

/** Every page of a query on the table or its index. */
export async function* queryPages(
  db: ReturnType<typeof documentClient>,
  input: QueryCommandInput,
): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield (page.Items ?? []) as Record<string, unknown>[];
    start = page.LastEvaluatedKey as Record<string, unknown> | undefined;
  } while (start);
}

export async function listKeys(target: Target, bucket: string, prefix: string) {
  const objects: Array<{ key: string; etag?: string; size?: number }> = [];
  let token: string | undefined;
  do {
    const page = await target.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) objects.push({ key: o.Key!, etag: o.ETag, size: o.Size });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

const RECORD_STATUSES: RecordStatus[] = ['indexed', 'rejected', 'feed', 'deleted'];

/** Every record, by the status lists of the index, with the fields the checks need. */
export async function walkRecords(db: ReturnType<typeof documentClient>, tableName: string) {
  const records: Array<Pick<ArticleRecord, 'id' | 'status' | 'version' | 'source' | 'rejection'>> = [];
  const walker = new DynamoRecordWalker(db, tableName);
  for (const status of RECORD_STATUSES)
    for await (const page of walker.walk(status)) records.push(...(page as unknown as typeof records));
  return records;
}

/**
 * Items in the partitions of this article's fingerprint items (its 8 SimHash bands, or its exact hash):
 * what a duplicate check reads when it reads those partitions whole.
 */
export async function fingerprintItemsRead(
  db: ReturnType<typeof documentClient>,
  tableName: string,
  record: ArticleRecord,
) {
  let items = 0;
  for (const partition of new Set(fingerprintItemsOf(record).map((item) => item.pk))) {
    for await (const page of queryPages(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ProjectionExpression: 'sk',
    }))
      items += page.length;
  }
  return items;
}

export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i]!);
    }),
  );
}

/** A CloudWatch Logs action on the emulator, by its JSON protocol (see invocationCounts). */
export function cloudWatchLogsCall(endpoint: string) {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  return async (action: string, body: object) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `Logs_20140328.${action}`,
        'User-Agent': BENCH_USER_AGENT,
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/logs/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${action}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
}

/**
 * MiniStack keeps each invocation's output as a log stream of its own in the function's log group, so
 * counting streams counts invocations (and articles / invocations is the mean batch size). CloudWatch
 * Logs has no client in this project, so this speaks its JSON protocol directly; MiniStack routes by the
 * credential scope and does not check the signature. Emulator-only, best effort.
 */
export async function invocationCounts(endpoint: string) {
  const call = cloudWatchLogsCall(endpoint);
  const out: Record<string, { invocations: number; logBytes: number }> = {};
  const deadline = Date.now() + 180_000;
  try {
    const groups = (await call('DescribeLogGroups', {})).logGroups as Array<{
      logGroupName: string;
      storedBytes?: number;
    }>;
    for (const group of groups) {
      const fn = /(\w+?)Function(?:LogGroup)?[0-9A-F]*$/.exec(
        group.logGroupName.split('/').at(-1) ?? '',
      )?.[1];
      if (!fn) continue;
      let streams = 0;
      let token: string | undefined;
      do {
        const page = await call('DescribeLogStreams', {
          logGroupName: group.logGroupName,
          limit: 50,
          ...(token ? { nextToken: token } : {}),
        });
        streams += (page.logStreams as unknown[]).length;
        token = page.nextToken as string | undefined;
        if (Date.now() > deadline) throw new Error('still counting log streams after 3 minutes');
      } while (token);
      out[fn.toLowerCase()] = { invocations: streams, logBytes: group.storedBytes ?? 0 };
    }
  } catch (error) {
    log(`could not count invocations: ${(error as Error).message}`);
  }
  return out;
}

/** The code a pipeline run exercises: the functions, the app, the emulator launcher and this bench. */
const MEASURED_PATHS = ['shared', 'functions', 'infra', 'local', 'cli', 'bench/*.ts', 'package-lock.json'];

export function gitDescription(): string {
  try {
    const run = (...args: string[]) =>
      execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    return `${run('rev-parse', '--short', 'HEAD')}${run('status', '--porcelain', '--', ...MEASURED_PATHS) ? ' (modified)' : ''}`;
  } catch {
    return 'unknown';
  }
}

export async function deploy(): Promise<number> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logPath = join(RESULTS_DIR, 'pipeline-deploy.tmp');
  const output = createWriteStream(logPath);
  const started = Date.now();
  try {
    // Another checkout's `cdk deploy` may hold cdk.out's lock for a moment: try again a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        await deployToEmulator({ output, log: (line) => log(line) });
        break;
      } catch (error) {
        if (attempt >= 3) throw new Error(`${(error as Error).message}; see ${logPath}`, { cause: error });
        log(`deploy failed (${(error as Error).message}), trying again; see ${logPath}`);
        await sleep(10_000 * attempt);
      }
    }
  } finally {
    output.end();
  }
  log(`deployed in ${((Date.now() - started) / 1000).toFixed(1)} s (CDK output in ${logPath})`);
  return (Date.now() - started) / 1000;
}

/**
 * Batches MiniStack's event source mappings reported as failed (it logs each at WARNING), by function and
 * error type, from the part of the emulator's log written since `offset`.
 */
export function failedBatches(logPath: string, offset: number): Record<string, number> {
  const out: Record<string, number> = {};
  if (!existsSync(logPath)) return out;
  const text = readFileSync(logPath).subarray(offset).toString('utf8');
  for (const m of text.matchAll(
    /Lambda \S*?-(\w+?)Function\S* failed processing SQS batch .*?\(errorType=(\S+)/g,
  )) {
    const key = `${m[1]!.toLowerCase()} ${m[2]}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
