/**
 * `npm run bench`: the deployed local pipeline at 10,000 articles. MiniStack (started by
 * scripts/with-emulator.js on AWS_ENDPOINT_URL's port, nothing kept on disk) gets the real CDK app with
 * `cdk deploy` (local/deploy.ts), and from then on MiniStack's own SQS event source mappings run the
 * bundled functions as node worker processes, as `copydesk up` does. This process only uploads into the
 * deployed raw bucket and watches the index; it runs none of the pipeline.
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:4630 npm run bench
 *   BENCH_ARTICLES=300 AWS_ENDPOINT_URL=http://127.0.0.1:4630 npm run bench
 *
 * Two phases: a latency phase (BENCH_LATENCY_ARTICLES, default 600, offered at a steady BENCH_RATE,
 * default 10 articles/s), then a throughput phase (the rest, uploaded as fast as BENCH_UPLOAD_CONCURRENCY
 * PUTs go, or at BENCH_THROUGHPUT_RATE articles/s when set). See bench/pipeline-inputs.ts for what is
 * uploaded, and BENCHMARKS.md for how to read the numbers.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { resolveTarget, type Target } from '../cli/target';
import { esbuildOptions } from '../infra/bundling';
import { DEFAULT_LOCAL_CONCURRENCY } from '../local/deploy';
import { MINISTACK_VERSION } from '../local/emulator';
import { PROJECT_ROOT } from '../local/project-root';
import { CORPUS_HTML_DIR, SEED_PATH } from '../local/shared-material';
import { awsClientConfig } from '../shared/aws/client-config';
import { documentClient } from '../shared/aws/runtime';
import { articleIdFor } from '../shared/core/article-id';
import { type ArticleRecord } from '../shared/core/index-model';
import { DynamoRecordWalker } from '../shared/aws/index-records';
import { DEFAULT_INLINE_MESSAGE_BYTES, RAW_PREFIX, STAGES, WORK_PREFIX } from '../shared/topology';
import {
  QueueWatcher,
  Tracker,
  deploy,
  eachConcurrently,
  failedBatches,
  fingerprintItemsRead,
  gitDescription,
  invocationCounts,
  listKeys,
  log,
  sleep,
  uploadPhase,
  walkRecords,
  type Phase,
  type Upload,
} from './deployed-pipeline';
import { benchDocuments } from './pipeline-inputs';
import { ProcessSampler } from './process-sampler';
import { exitWith, machineDescription, percentile, writeReport } from './report';
import { writeUnitsOf } from './write-units';

const env = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};
const ARTICLES = env('BENCH_ARTICLES', 10_000);
const RATE = env('BENCH_RATE', 10);
const LATENCY_ARTICLES = Math.min(
  ARTICLES,
  env('BENCH_LATENCY_ARTICLES', Math.min(600, Math.round(ARTICLES / 5))),
);
const THROUGHPUT_RATE = env('BENCH_THROUGHPUT_RATE', 0);
const UPLOAD_CONCURRENCY = env('BENCH_UPLOAD_CONCURRENCY', 8);
/** No record settled for this long: stop and count what is missing as lost (longer than the 360 s
 * visibility timeout of parse and tag, so a message that failed once is retried in time). */
const STALL_SECONDS = env('BENCH_STALL_SECONDS', 900);
const POLL_MS = env('BENCH_POLL_MS', 500);
/**
 * Pending uploads read per poll round (BatchGetItem, 100 keys a request): the oldest half of the window,
 * and the other half from a cursor walking the rest, so one that overtook older ones is seen too.
 */
const POLL_WINDOW = env('BENCH_POLL_WINDOW', 400);
/** Indexed articles whose items are read back to count write units (evenly spread). */
const WRITE_UNIT_SAMPLE = env('BENCH_WRITE_UNIT_SAMPLE', 2000);
const FUNCTIONS = ['parse', 'tag', 'index', 'publish', 'api'];

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
};

interface ReconcileTiming {
  what: string;
  seconds: number;
  objects: number;
  records?: number;
  inSync?: number;
  actions?: Record<string, number>;
}

/**
 * The whole-bucket reconcile (shared/stages/reconcile.ts, `copydesk reconcile`) as a dry run, timed, with
 * adapters of its ports written here. The module is loaded by path so the benchmark still builds and runs
 * where it does not exist yet; then a full listing plus one consistent record read per key is timed
 * instead, and labelled as such.
 */
async function timeReconcile(
  target: Target,
  db: ReturnType<typeof documentClient>,
): Promise<ReconcileTiming> {
  const modulePath = join(PROJECT_ROOT, 'shared', 'stages', 'reconcile.ts');
  const started = Date.now();
  if (existsSync(modulePath)) {
    type Page<T> = AsyncIterable<T[]>;
    interface Report {
      objects: number;
      records: number;
      inSync: number;
      resentMissing: number;
      resentStale: number;
      removalsSent: number;
    }
    const mod = (await import(pathToFileURL(modulePath).href)) as {
      reconcile?: (deps: unknown, options: { dryRun: boolean }) => Promise<Report>;
    };
    if (typeof mod.reconcile === 'function') {
      const objects = {
        async *list(prefix: string): Page<{ key: string; etag?: string; size?: number }> {
          let token: string | undefined;
          do {
            const page = await target.s3.send(
              new ListObjectsV2Command({
                Bucket: target.names.rawBucket,
                Prefix: prefix,
                ContinuationToken: token,
              }),
            );
            yield (page.Contents ?? []).map((o) => ({ key: o.Key!, etag: o.ETag, size: o.Size }));
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
          } while (token);
        },
        async head(key: string) {
          try {
            const head = await target.s3.send(
              new HeadObjectCommand({ Bucket: target.names.rawBucket, Key: key }),
            );
            return { key, etag: head.ETag, size: head.ContentLength };
          } catch {
            return undefined;
          }
        },
      };
      const records = new DynamoRecordWalker(db, target.names.table);
      const parseQueue = {
        send: async () => {
          throw new Error('the benchmark runs reconcile as a dry run: nothing is sent');
        },
      };
      const report = await mod.reconcile(
        { objects, records, index: target.index, parseQueue, bucket: target.names.rawBucket },
        { dryRun: true },
      );
      return {
        what: 'reconcile use case (shared/stages/reconcile.ts), dry run over the whole raw bucket',
        seconds: (Date.now() - started) / 1000,
        objects: report.objects,
        records: report.records,
        inSync: report.inSync,
        actions: {
          missing: report.resentMissing,
          stale: report.resentStale,
          removed: report.removalsSent,
        },
      };
    }
  }
  const listed = await listKeys(target, target.names.rawBucket, RAW_PREFIX);
  let inSync = 0;
  await eachConcurrently(listed, 8, async (o) => {
    const found = await db.send(
      new GetCommand({
        TableName: target.names.table,
        Key: { pk: `ARTICLE#${articleIdFor(o.key)}`, sk: 'ARTICLE' },
        ConsistentRead: true,
      }),
    );
    if ((found.Item as ArticleRecord | undefined)?.source?.etag === o.etag?.replace(/"/g, '')) inSync += 1;
  });
  return {
    what: 'no reconcile use case yet: ListObjectsV2 over the raw bucket + one consistent GetItem per key (8 at a time)',
    seconds: (Date.now() - started) / 1000,
    objects: listed.length,
    inSync,
  };
}

async function bundleSizes() {
  const sizes: Record<string, number> = {};
  for (const fn of FUNCTIONS) {
    const result = await build({
      ...esbuildOptions,
      sourcemap: false,
      entryPoints: [join(PROJECT_ROOT, 'functions', fn, 'index.ts')],
      write: false,
      logLevel: 'silent',
    });
    sizes[fn] = gzipSync(result.outputFiles[0]!.contents).length;
  }
  return sizes;
}

async function main(): Promise<number> {
  if (!existsSync(CORPUS_HTML_DIR) || !existsSync(SEED_PATH)) {
    console.log(
      `bench skipped: ../shared (the corpus at ${CORPUS_HTML_DIR} and the seed) is not beside this checkout`,
    );
    return 0;
  }
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint)
    throw new Error('run through `npm run bench`, which starts the emulator and sets AWS_ENDPOINT_URL');
  const port = new URL(endpoint).port || '4566';

  log(`building ${ARTICLES} documents`);
  const built = Date.now();
  const mix = benchDocuments(ARTICLES);
  const buildSeconds = (Date.now() - built) / 1000;
  log(`built in ${buildSeconds.toFixed(0)} s: ${JSON.stringify(mix.counts)}`);

  const deploySeconds = await deploy();
  const target = resolveTarget({});
  const db = documentClient(awsClientConfig());

  const sampler = ProcessSampler.forPort(join(PROJECT_ROOT, '.copydesk', `emulator-${port}.pid`));
  if (!sampler)
    log('no emulator pid file for this port (an emulator not started by copydesk): no RSS figures');
  const queues = new QueueWatcher(target);
  const tracker = new Tracker(db, target.names.table, { pollMs: POLL_MS, pollWindow: POLL_WINDOW });
  const uploads: Upload[] = [];
  const onUpload = (u: Upload) => {
    uploads.push(u);
    tracker.add(u);
  };

  const emulatorLog = join(PROJECT_ROOT, '.copydesk', `emulator-${port}.log`);
  const logOffset = existsSync(emulatorLog) ? statSync(emulatorLog).size : 0;
  sampler?.start();
  queues.start();
  tracker.start();
  const progress = setInterval(() => {
    const rss = sampler?.samples.at(-1);
    const depth = queues.samples.at(-1);
    log(
      `uploaded ${uploads.length}/${ARTICLES}, settled ${tracker.settled.size}` +
        (depth ? `, queues ${STAGES.map((s) => `${s} ${depth[s]}`).join(' ')}` : '') +
        (rss ? `, emulator ${rss.emulatorRssMiB} MiB, ${rss.workers} workers ${rss.workerRssMiB} MiB` : ''),
    );
  }, 15_000);

  const latencyDocs = mix.documents.slice(0, LATENCY_ARTICLES);
  const throughputDocs = mix.documents.slice(LATENCY_ARTICLES);
  const firstUploadAt = Date.now();
  log(`latency phase: ${latencyDocs.length} articles at ${RATE}/s`);
  await uploadPhase(target, latencyDocs, 'latency', RATE, UPLOAD_CONCURRENCY, onUpload);
  const latencyUploadsDoneAt = Date.now();
  // Let the latency phase drain before the burst, so the burst does not count in its latencies.
  while (tracker.pendingCount('latency') > 0 && Date.now() - latencyUploadsDoneAt < 120_000) await sleep(200);
  const throughputStartedAt = Date.now();
  log(
    `throughput phase: ${throughputDocs.length} articles, ` +
      (THROUGHPUT_RATE > 0 ? `${THROUGHPUT_RATE}/s` : `as fast as ${UPLOAD_CONCURRENCY} PUTs at a time go`),
  );
  await uploadPhase(target, throughputDocs, 'throughput', THROUGHPUT_RATE, UPLOAD_CONCURRENCY, onUpload);
  const uploadsDoneAt = Date.now();
  log(`all uploaded in ${((uploadsDoneAt - throughputStartedAt) / 1000).toFixed(1)} s (throughput phase)`);

  while (tracker.pendingCount() > 0 && Date.now() - tracker.lastSettleAt < STALL_SECONDS * 1000)
    await sleep(500);
  const settledAt = Date.now();
  await tracker.stop();
  clearInterval(progress);
  queues.stop();
  sampler?.stop();
  const stalled = tracker.pendingCount();
  if (stalled) log(`${stalled} uploads never settled (nothing new for ${STALL_SECONDS} s)`);
  else log(`all ${uploads.length} settled`);

  // Records are queryable before their batch is done: the index still looks for copies and hands the
  // article to publish. Let every stage queue empty (a message from a failed batch comes back after its
  // visibility timeout, at most 360 s) before counting what was published.
  const drainStarted = Date.now();
  let inFlight = await queues.depths();
  while (Object.values(inFlight).some((n) => n > 0) && Date.now() - drainStarted < 420_000) {
    await sleep(2000);
    inFlight = await queues.depths();
  }
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  log(`queues drained in ${drainSeconds.toFixed(0)} s: ${JSON.stringify(inFlight)}`);

  // ---- checks, after the run ----
  const checksStarted = Date.now();
  const batchFailures = failedBatches(emulatorLog, logOffset);
  const deadLetters = await queues.depths(true);
  const stageQueues = await queues.depths(false);
  const records = await walkRecords(db, target.names.table);
  const rawObjects = await listKeys(target, target.names.rawBucket, RAW_PREFIX);
  const inBucket = new Set(rawObjects.map((o) => o.key));
  const uploadedByKey = new Map(uploads.map((u) => [u.key, u]));
  const liveByKey = new Map<string, number>();
  const recordById = new Map(records.map((r) => [r.id, r]));
  let orphans = 0;
  let feedItems = 0;
  let reVersioned = 0;
  const statuses: Record<string, number> = {};
  const rejections: Record<string, number> = {};
  for (const r of records) {
    if (r.id !== articleIdFor(r.source.key)) {
      feedItems += 1;
      continue;
    }
    if (r.status !== 'deleted') liveByKey.set(r.source.key, (liveByKey.get(r.source.key) ?? 0) + 1);
    if (!uploadedByKey.has(r.source.key) || !inBucket.has(r.source.key)) orphans += 1;
    if (r.version !== 1) reVersioned += 1;
  }
  let lost = 0;
  for (const u of uploads) {
    const r = recordById.get(u.id);
    const ok = r && r.status !== 'deleted' && r.source.etag === u.etag && r.source.key === u.key;
    if (!ok) lost += 1;
    const status = r?.status ?? 'missing';
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (r?.rejection) rejections[r.rejection.code] = (rejections[r.rejection.code] ?? 0) + 1;
  }
  const duplicatedKeys = [...liveByKey.values()].filter((n) => n > 1).length;
  const published = await listKeys(target, target.names.publishedBucket, 'articles/');
  const work = await listKeys(target, target.names.workBucket, WORK_PREFIX);
  const workIds = new Set(work.map((o) => o.key.slice(WORK_PREFIX.length).split('/')[0]!));
  const kindById = new Map(uploads.map((u) => [u.id, u.kind]));
  const claimCheckedByKind: Record<string, number> = {};
  for (const id of workIds) {
    const kind = kindById.get(id) ?? 'other';
    claimCheckedByKind[kind] = (claimCheckedByKind[kind] ?? 0) + 1;
  }
  const workByStage: Record<string, number> = {};
  for (const o of work) {
    const stage = o.key
      .split('/')
      .at(-1)!
      .replace(/\.json$/, '');
    workByStage[stage] = (workByStage[stage] ?? 0) + 1;
  }

  const indexedIds = uploads.filter((u) => recordById.get(u.id)?.status === 'indexed').map((u) => u.id);
  const step = Math.max(1, Math.floor(indexedIds.length / WRITE_UNIT_SAMPLE));
  const sampleIds = indexedIds.filter((_, i) => i % step === 0).slice(0, WRITE_UNIT_SAMPLE);
  let units = 0;
  let itemsWritten = 0;
  let itemBytes = 0;
  const sampledRecords: ArticleRecord[] = [];
  await eachConcurrently(sampleIds, 4, async (id) => {
    const w = await writeUnitsOf(db, target.names.table, id);
    units += w.units;
    itemsWritten += w.items;
    itemBytes += w.bytes;
    if (w.record) sampledRecords.push(w.record);
  });
  // How much one duplicate check reads (the index runs it twice per indexed article), on 200 of them.
  const partitionReads: number[] = [];
  const partitionStep = Math.max(1, Math.floor(sampledRecords.length / 200));
  await eachConcurrently(
    sampledRecords.filter((_, i) => i % partitionStep === 0).slice(0, 200),
    4,
    async (record) => {
      partitionReads.push(await fingerprintItemsRead(db, target.names.table, record));
    },
  );
  // Indexed records with no ninjs document: a publish that never happened.
  const publishedIds = new Set(published.map((o) => o.key.replace(/^articles\//, '').replace(/\.json$/, '')));
  const unpublished = records
    .filter((r) => r.status === 'indexed' && !publishedIds.has(r.id))
    .map((r) => ({ id: r.id, key: r.source.key }));
  const checksSeconds = (Date.now() - checksStarted) / 1000;

  log('timing reconcile');
  const reconcileTiming = await timeReconcile(target, db);
  log(`reconcile: ${reconcileTiming.seconds.toFixed(1)} s (${reconcileTiming.what})`);
  const invocations = await invocationCounts(endpoint);
  const bundles = await bundleSizes();

  // ---- numbers ----
  const settledUploads = uploads.filter((u) => tracker.settled.has(u.key));
  const lastObserved = Math.max(...settledUploads.map((u) => tracker.settled.get(u.key)!.observedAt));
  const lastWritten = Math.max(...settledUploads.map((u) => tracker.settled.get(u.key)!.writtenAt));
  const phaseStats = (phase: Phase) => {
    const list = settledUploads.filter((u) => u.phase === phase);
    const all = uploads.filter((u) => u.phase === phase);
    const first = Math.min(...all.map((u) => u.startedAt));
    const last = Math.max(...all.map((u) => u.uploadedAt));
    return {
      articles: all.length,
      /** Uploads answered per second over the phase's uploads (the offered rate, if the emulator kept up). */
      achievedUploadRate: all.length / Math.max(0.001, (last - first) / 1000),
      putMs: stats(all.map((u) => u.uploadedAt - u.startedAt)),
      settled: list.length,
      observedMs: stats(list.map((u) => tracker.settled.get(u.key)!.observedAt - u.uploadedAt)),
      writtenMs: stats(list.map((u) => tracker.settled.get(u.key)!.writtenAt - u.uploadedAt)),
    };
  };
  const throughputSettles = settledUploads
    .filter((u) => u.phase === 'throughput')
    .map((u) => tracker.settled.get(u.key)!.writtenAt)
    .sort((a, b) => a - b);
  const t10 = percentile(throughputSettles, 10);
  const t90 = percentile(throughputSettles, 90);
  const perTenSeconds: number[] = [];
  for (const u of settledUploads) {
    const bucket = Math.floor((tracker.settled.get(u.key)!.writtenAt - firstUploadAt) / 10_000);
    perTenSeconds[bucket] = (perTenSeconds[bucket] ?? 0) + 1;
  }
  // Median latency of the uploads of each 10 s of the latency phase: falling means cold starts being
  // paid off, rising means the pipeline does not keep up with the offered rate.
  const latencyBySecond: number[][] = [];
  for (const u of settledUploads.filter((x) => x.phase === 'latency')) {
    const bucket = Math.floor((u.uploadedAt - firstUploadAt) / 10_000);
    (latencyBySecond[bucket] ??= []).push(tracker.settled.get(u.key)!.observedAt - u.uploadedAt);
  }
  const latencyPhaseP50PerTenSeconds = Array.from(latencyBySecond, (list) =>
    list
      ? percentile(
          [...list].sort((a, b) => a - b),
          50,
        )
      : null,
  );
  // Per minute of the run: articles whose index write landed, and the CPU the emulator and the function
  // workers spent per such article, to show how the cost per article changes as the table grows.
  const minutes: Array<{
    minute: number;
    settled: number;
    emulatorCpuMs: number | null;
    workerCpuMs: number | null;
  }> = [];
  const cpuAt = (t: number) => sampler?.samples.find((x) => x.t >= t) ?? sampler?.samples.at(-1);
  for (let m = 0; firstUploadAt + m * 60_000 < lastObserved; m++) {
    const from = firstUploadAt + m * 60_000;
    const to = from + 60_000;
    const settled = settledUploads.filter((u) => {
      const w = tracker.settled.get(u.key)!.writtenAt;
      return w >= from && w < to;
    }).length;
    const a = cpuAt(from);
    const b = cpuAt(to);
    minutes.push({
      minute: m,
      settled,
      emulatorCpuMs:
        a && b && settled ? Math.round(((b.emulatorCpu - a.emulatorCpu) * 1000) / settled) : null,
      workerCpuMs: a && b && settled ? Math.round(((b.workerCpu - a.workerCpu) * 1000) / settled) : null,
    });
  }
  // Little's law on the latency phase: a stage's mean queue depth (waiting + in flight) over the rate
  // articles arrive is the mean time an article spends in that stage.
  const latencyWindow = queues.samples.filter((q) => q.t >= firstUploadAt && q.t <= latencyUploadsDoneAt);
  const latencyPhase = phaseStats('latency');
  const secondsPerStage = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      latencyWindow.length
        ? mean(latencyWindow.map((q) => q[stage] ?? 0)) / Math.max(0.001, latencyPhase.achievedUploadRate)
        : null,
    ]),
  );
  const processes = sampler?.summary();
  const endToEndSeconds = (lastObserved - firstUploadAt) / 1000;
  const throughputPhaseSeconds = (lastObserved - throughputStartedAt) / 1000;

  const report = {
    benchmark: 'pipeline',
    date: new Date().toISOString(),
    machine: machineDescription(),
    emulator: { name: 'MiniStack', version: MINISTACK_VERSION, endpoint },
    /** The code measured: HEAD, and whether the working tree differed from it. */
    commit: gitDescription(),
    settings: {
      /** Concurrent invocations per stage on the emulator (`cdk deploy -c maxConcurrency`, local/deploy.ts). */
      stageConcurrency: Number(process.env.COPYDESK_LOCAL_CONCURRENCY ?? DEFAULT_LOCAL_CONCURRENCY),
      articles: ARTICLES,
      latencyArticles: LATENCY_ARTICLES,
      rate: RATE,
      throughputRate: THROUGHPUT_RATE || 'as fast as uploads go',
      uploadConcurrency: UPLOAD_CONCURRENCY,
      pollMs: POLL_MS,
      pollWindow: POLL_WINDOW,
    },
    inputs: {
      counts: mix.counts,
      corpusPages: mix.corpusPages,
      bytes: uploads.reduce((s, u) => s + u.bytes, 0),
      buildSeconds,
    },
    deploySeconds,
    uploads: uploads.length,
    settled: settledUploads.length,
    statuses,
    rejections,
    throughput: {
      endToEndArticlesPerSecond: settledUploads.length / endToEndSeconds,
      endToEndSeconds,
      throughputPhaseArticlesPerSecond: throughputDocs.length
        ? (uploads.length - LATENCY_ARTICLES) / throughputPhaseSeconds
        : null,
      throughputPhaseSeconds,
      throughputPhaseUploadSeconds: (uploadsDoneAt - throughputStartedAt) / 1000,
      /** Between the 10th and 90th percentile of the throughput phase's index writes. */
      sustainedArticlesPerSecond:
        throughputSettles.length > 10 ? (0.8 * throughputSettles.length) / ((t90 - t10) / 1000) : null,
      latencyPhaseDrainSeconds: (throughputStartedAt - latencyUploadsDoneAt) / 1000,
      lastIndexWriteToLastObservedMs: lastObserved - lastWritten,
      settledPerTenSeconds: Array.from(perTenSeconds, (n) => n ?? 0),
    },
    latency: {
      latency: latencyPhase,
      /** Mean seconds an article spent in each stage (queue + processing) during the latency phase. */
      latencyPhaseSecondsPerStage: secondsPerStage,
      throughput: phaseStats('throughput'),
      latencyPhaseP50PerTenSeconds,
    },
    correctness: {
      lost,
      neverSettled: stalled,
      duplicatedKeys,
      recordsWithVersionOtherThan1: reVersioned,
      recordsWithoutObject: orphans,
      feedItems,
      publishedDocuments: published.length,
      indexedButNotPublished: unpublished.length,
      unpublished: unpublished.slice(0, 20),
      indexed: statuses.indexed ?? 0,
      /** Seconds waited after the last record for every stage queue to empty, before these checks. */
      drainSeconds,
      stageQueuesAtEnd: stageQueues,
      /** Batches the mappings saw fail (a timeout or a crash; messages come back after the visibility timeout). */
      failedBatches: batchFailures,
      deadLettersAtEnd: deadLetters,
    },
    claimCheck: {
      thresholdBytes: DEFAULT_INLINE_MESSAGE_BYTES,
      workObjects: work.length,
      workObjectsByStage: workByStage,
      articlesThroughWorkBucket: workIds.size,
      shareOfArticles: workIds.size / Math.max(1, uploads.length),
      byKind: claimCheckedByKind,
    },
    writeUnits: {
      sampledArticles: sampleIds.length,
      perIndexedArticle: sampleIds.length ? units / sampleIds.length : null,
      itemsPerIndexedArticle: sampleIds.length ? itemsWritten / sampleIds.length : null,
    },
    /** Items one duplicate check reads at the end of the run (8 fingerprint partitions; twice per article). */
    duplicateCheckItemsRead: {
      sampled: partitionReads.length,
      ...stats(partitionReads),
      mean: mean(partitionReads),
    },
    perMinute: minutes,
    /** What the emulator holds at the end, as stored bytes (its Python objects take more). */
    dataHeld: {
      s3Bytes: {
        raw: rawObjects.reduce((n, o) => n + (o.size ?? 0), 0),
        published: published.reduce((n, o) => n + (o.size ?? 0), 0),
        work: work.reduce((n, o) => n + (o.size ?? 0), 0),
      },
      /** Article, facet and fingerprint items, by DynamoDB's item-size rules, extrapolated from the sample. */
      dynamoBytes: sampleIds.length
        ? Math.round((itemBytes / sampleIds.length) * (statuses.indexed ?? 0))
        : null,
    },
    /** Invocations per function (from MiniStack's log streams) and messages per invocation. */
    invocations: Object.fromEntries(
      Object.entries(invocations).map(([fn, v]) => [
        fn,
        { ...v, articlesPerInvocation: v.invocations ? uploads.length / v.invocations : null },
      ]),
    ),
    processes,
    polling: { rounds: tracker.rounds, requests: tracker.requests },
    reconcile: reconcileTiming,
    checksSeconds,
    bundlesGzipBytes: bundles,
    settledAt: new Date(settledAt).toISOString(),
    timeline: {
      queues: queues.samples.map((s) => ({ ...s, t: Math.round((s.t - firstUploadAt) / 1000) })),
      memory: (sampler?.samples ?? [])
        .filter((_, i) => i % 5 === 0)
        .map((s) => ({ ...s, t: Math.round((s.t - firstUploadAt) / 1000) })),
    },
  };
  const markdown = (r: typeof report): string => {
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const sec = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');
    const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
    const list = (o: Record<string, number>) =>
      Object.entries(o)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    const lat = r.latency.latency;
    const thr = r.latency.throughput;
    const p = r.processes;
    const cpu = p?.cpuSeconds;
    const STAGE_FNS = ['parse', 'tag', 'index', 'publish'];
    const msPerArticle = (seconds: number) => `${((seconds * 1000) / Math.max(1, r.settled)).toFixed(0)} ms`;
    const fnCpu = p
      ? STAGE_FNS.map((fn) => `${fn} ${msPerArticle(p.perFunction[fn]?.cpuSeconds ?? 0)}`).join(', ')
      : 'n/a';
    const fnWorkers = p
      ? STAGE_FNS.map((fn) => {
          const f = p.perFunction[fn];
          return f
            ? `${fn} ${f.peakConcurrent} (${f.processes} started, ≤ ${Math.round(f.peakRssMiB)} MiB each)`
            : `${fn} 0`;
        }).join(', ')
      : 'n/a';
    const dlq = Object.values(r.correctness.deadLettersAtEnd).reduce((a, b) => a + b, 0);
    const duplicated = r.correctness.duplicatedKeys + r.correctness.recordsWithVersionOtherThan1;
    const full = r.perMinute.filter((m) => m.settled > 0 && m.emulatorCpuMs !== null);
    // Skip the first minute (cold starts) and the last (partial).
    const firstMin = full[1];
    const lastMin = full.length > 3 ? full[full.length - 2] : undefined;
    const rec = r.reconcile;
    const ours = cpu ? cpu.emulator + cpu.untrackedChildren + cpu.workers + cpu.bench : 0;
    const others = cpu ? cpu.machineBusy - ours : 0;
    return `## Pipeline (deployed on the local emulator, ${r.settings.articles.toLocaleString('en')} articles)

Command: \`AWS_ENDPOINT_URL=http://127.0.0.1:4630 npm run bench\` (BENCH_ARTICLES=${r.settings.articles}, BENCH_RATE=${r.settings.rate}, BENCH_LATENCY_ARTICLES=${r.settings.latencyArticles}, throughput phase ${r.settings.uploadConcurrency} PUTs at a time) · ${r.date.slice(0, 10)} · commit ${r.commit} · ${r.machine} · MiniStack ${MINISTACK_VERSION} · ${r.settings.stageConcurrency} concurrent invocations per stage

Uploaded ${r.uploads} objects (${list(r.inputs.counts)}; ${(r.inputs.bytes / 2 ** 20).toFixed(0)} MiB): ${list(r.statuses)}${Object.keys(r.rejections).length ? ` (${list(r.rejections)})` : ''}. \`cdk bootstrap\` + \`cdk deploy\` onto the fresh emulator took ${r.deploySeconds.toFixed(0)} s.

| metric | value | target |
| --- | --- | --- |
| end-to-end throughput, first upload → last record | ${r.throughput.endToEndArticlesPerSecond.toFixed(1)} articles/s (${r.settled} in ${r.throughput.endToEndSeconds.toFixed(0)} s) | ≥ 20: ${mark(r.throughput.endToEndArticlesPerSecond >= 20)} |
| throughput phase (${thr.articles} articles, uploaded in ${r.throughput.throughputPhaseUploadSeconds.toFixed(0)} s): overall / sustained (10th → 90th percentile of its index writes) | ${r.throughput.throughputPhaseArticlesPerSecond?.toFixed(1) ?? 'n/a'} / ${r.throughput.sustainedArticlesPerSecond?.toFixed(1) ?? 'n/a'} articles/s | |
| latency phase: ${lat.articles} articles offered at ${r.settings.rate}/s; PUTs answered at | ${lat.achievedUploadRate.toFixed(1)}/s (PUT p50 / p95 ${sec(lat.putMs.p50)} / ${sec(lat.putMs.p95)}) | |
| upload → queryable in the latency phase: p50 / p95 / max | ${sec(lat.observedMs.p50)} / ${sec(lat.observedMs.p95)} / ${sec(lat.observedMs.max)} | p95 < 5 s: ${mark(lat.observedMs.p95 < 5000)} |
| … to the index write's own timestamp (a lower bound) | ${sec(lat.writtenMs.p50)} / ${sec(lat.writtenMs.p95)} / ${sec(lat.writtenMs.max)} | |
| … p50 by when it was uploaded (each 10 s of the phase) | ${r.latency.latencyPhaseP50PerTenSeconds.map((ms) => (ms === null ? '–' : (ms / 1000).toFixed(0))).join(', ')} s | |
| … where it goes: mean seconds in each stage, waiting and processing (Little's law on the queue depths) | ${STAGE_FNS.map((st) => `${st} ${r.latency.latencyPhaseSecondsPerStage[st]?.toFixed(1) ?? '–'}`).join(', ')} s | |
| upload → queryable in the throughput phase: p50 / p95 / max | ${sec(thr.observedMs.p50)} / ${sec(thr.observedMs.p95)} / ${sec(thr.observedMs.max)} | |
| emulator peak RSS (MiniStack's Python process) | ${p ? `${p.peakEmulatorRssMiB} MiB (${p.finalEmulatorRssMiB} MiB at the end)` : 'n/a'} | < 2 GiB: ${p ? mark(p.peakEmulatorRssMiB < 2048) : 'n/a'} |
| … data it holds then, as stored bytes: S3 raw / published / work, DynamoDB items | ${mib(r.dataHeld.s3Bytes.raw)} / ${mib(r.dataHeld.s3Bytes.published)} / ${mib(r.dataHeld.s3Bytes.work)}, ${r.dataHeld.dynamoBytes === null ? 'n/a' : mib(r.dataHeld.dynamoBytes)} | |
| function workers (node processes MiniStack runs): peak count, peak total RSS, largest one | ${p ? `${p.peakWorkerProcesses}, ${p.peakWorkerRssSumMiB} MiB, ${p.peakSingleWorkerRssMiB} MiB` : 'n/a'} | |
| workers per function: peak at once (processes started) | ${fnWorkers} | |
| invocations per function (articles per invocation; batch sizes are 5, 5, 10, 10) | ${
      STAGE_FNS.map((fn) => {
        const v = r.invocations[fn];
        return v ? `${fn} ${v.invocations} (${v.articlesPerInvocation?.toFixed(1) ?? '–'})` : `${fn} –`;
      }).join(', ') || 'n/a'
    } | |
| CPU per article: emulator / functions | ${cpu && p ? `${msPerArticle(cpu.emulator)} (its Python process busy ${((cpu.emulator / p.wallSeconds) * 100).toFixed(0)} % of one core over the run) / ${fnCpu}` : 'n/a'} | |
| emulator / function CPU per article written, minute ${firstMin?.minute ?? '–'} vs minute ${lastMin?.minute ?? '–'} | ${firstMin && lastMin ? `${firstMin.emulatorCpuMs} / ${firstMin.workerCpuMs} ms vs ${lastMin.emulatorCpuMs} / ${lastMin.workerCpuMs} ms` : 'n/a'} | |
| CPU seconds during the run: this pipeline (emulator + workers + bench) / other processes / machine capacity | ${cpu ? `${ours.toFixed(0)} / ${others.toFixed(0)} / ${cpu.machineAvailable.toFixed(0)}` : 'n/a'} | |
| lost / duplicated | ${r.correctness.lost} / ${duplicated} (records without an object ${r.correctness.recordsWithoutObject}, dead letters ${dlq}) | 0 / 0: ${mark(r.correctness.lost === 0 && duplicated === 0 && r.correctness.recordsWithoutObject === 0)} |
| indexed articles without a published ninjs document | ${r.correctness.indexedButNotPublished} of ${r.correctness.indexed} | |
| batches that failed and came back after the visibility timeout (function, error) | ${list(r.correctness.failedBatches) || 'none'} | |
| articles through the work bucket (claim check, tagged JSON > ${DEFAULT_INLINE_MESSAGE_BYTES / 1024} KiB) | ${r.claimCheck.articlesThroughWorkBucket} = ${(r.claimCheck.shareOfArticles * 100).toFixed(1)} % (${r.claimCheck.workObjects} objects under work/: ${list(r.claimCheck.workObjectsByStage)}) | |
| DynamoDB write units per indexed article, first index (from its items, ${r.writeUnits.sampledArticles} sampled) | ${r.writeUnits.perIndexedArticle?.toFixed(1) ?? 'n/a'} (${r.writeUnits.itemsPerIndexedArticle?.toFixed(1) ?? 'n/a'} items) | |
| items one duplicate check reads at the end (8 fingerprint partitions; 2 checks per article): mean / max | ${r.duplicateCheckItemsRead.mean.toFixed(0)} / ${r.duplicateCheckItemsRead.max} | |
| ${rec.what} | ${rec.seconds.toFixed(1)} s for ${rec.objects} objects${rec.inSync !== undefined ? `, ${rec.inSync} in sync` : ''}${rec.actions ? `, would send: ${list(rec.actions)}` : ''} | |
| function bundles, gzipped | ${Object.entries(r.bundlesGzipBytes)
      .map(([fn, b]) => `${fn} ${(b / 1024).toFixed(0)} KiB`)
      .join(', ')} | |`;
  };
  writeReport('pipeline', report, markdown(report));
  const { timeline: _timeline, ...brief } = report;
  console.log(JSON.stringify(brief, null, 2));
  return 0;
}

exitWith(main);
