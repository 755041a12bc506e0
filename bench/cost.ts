/**
 * `npm run bench:cost`: dollars per million articles, item by item, from units measured on the deployed
 * pipeline. The CDK app is deployed onto a fresh MiniStack as `npm run bench` does
 * (bench/deployed-pipeline.ts), a few hundred articles are uploaded at a steady rate, and once every
 * stage queue is empty the bench counts what the functions did:
 *
 * - every HTTP request they made to the emulator (service, operation, bytes), from the request log
 *   local/ministack_server.py writes under `with-emulator --request-log`;
 * - invocations, durations and log bytes per function, from the REPORT lines and the events in each
 *   function's log group;
 * - DynamoDB write units from the records read back (bench/write-units.ts).
 *
 * It multiplies them by the list prices in bench/aws-list-prices-2026-12.json (bench/cost-model.ts).
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:4750 npm run bench:cost
 *   BENCH_ARTICLES=500 BENCH_RATE=2 AWS_ENDPOINT_URL=http://127.0.0.1:4750 npm run bench:cost
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { resolveTarget } from '../cli/target';
import { MINISTACK_VERSION } from '../local/emulator';
import { PROJECT_ROOT } from '../local/project-root';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { awsClientConfig } from '../shared/aws/client-config';
import { documentClient } from '../shared/aws/runtime';
import { RAW_PREFIX, STAGES, WORK_EXPIRATION_DAYS, stageSettings, type StageName } from '../shared/topology';
import {
  SECONDS_PER_MONTH,
  billedGbSeconds,
  eventBridgeEvents,
  idleReceivesPerMonth,
  loadPriceList,
  logIngestBytes,
  priceLines,
  readUnitsFromBytes,
  sampledTracesPerSecond,
  sqsSendRequests,
  unitPrice,
  type CostLine,
  type PriceKey,
} from './cost-model';
import {
  BENCH_APP_ID,
  QueueWatcher,
  Tracker,
  cloudWatchLogsCall,
  deploy,
  eachConcurrently,
  fingerprintItemsRead,
  gitDescription,
  listKeys,
  log,
  sleep,
  uploadPhase,
  type Upload,
} from './deployed-pipeline';
import { benchDocuments } from './pipeline-inputs';
import { ProcessSampler } from './process-sampler';
import { exitWith, machineDescription, writeReport } from './report';
import { writeUnitsOf } from './write-units';
import type { ArticleRecord } from '../shared/core/index-model';
import { PROBE_FROM_INDEXED_ARTICLES, probeKeys } from '../shared/core/duplicates';

/** Queries a probe read makes per band partition: the next band's bits as they are and each one flipped. */
const PROBES_PER_BAND = probeKeys([{ pk: 'band', prefix: '00' }]).length;

// Before any client exists: every SDK client of this process says it is the bench.
process.env.AWS_SDK_UA_APP_ID = BENCH_APP_ID;

const env = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};
const ARTICLES = env('BENCH_ARTICLES', 300);
/**
 * Uploads a second: steady and low, so batches stay near the one article a quiet pipeline (1M articles a
 * month is 0.39 a second) hands each invocation, not a burst's or a lagging emulator's larger ones.
 */
const RATE = env('BENCH_RATE', 1);
const MONTHLY_ARTICLES = env('BENCH_MONTHLY_ARTICLES', 1_000_000);
const STALL_SECONDS = env('BENCH_STALL_SECONDS', 600);
const TARGET_PER_MILLION = 25;
const MILLION = 1_000_000;
const GB = 1e9;
/** DynamoDB bills 100 bytes of overhead per stored item. */
const DYNAMO_ITEM_OVERHEAD_BYTES = 100;
const DUPLICATE_PARTITIONS = new Set(['SIMHASH', 'EXACT']);

/** One line of the emulator's request log (local/ministack_server.py). */
interface RequestLine {
  t: number;
  service: string;
  operation: string;
  method: string;
  host: string;
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  userAgent: string;
  entries?: number[];
  consistentRead?: boolean;
  partition?: string;
}

function readRequests(file: string, fromByte: number, toByte: number): RequestLine[] {
  const text = readFileSync(file).subarray(fromByte, toByte).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RequestLine);
}

type S3Kind = 'PUT' | 'GET' | 'HEAD' | 'LIST' | 'DELETE' | 'POST';
/** S3 REST requests by what they are billed as; path-style (the emulator's clients force it). */
function s3Request(line: RequestLine): { bucket: string; kind: S3Kind } {
  const [bucket = '', ...key] = line.path.split('/').filter(Boolean);
  const hasKey = key.length > 0;
  const kind: S3Kind =
    line.method === 'PUT'
      ? 'PUT'
      : line.method === 'DELETE'
        ? 'DELETE'
        : line.method === 'HEAD'
          ? 'HEAD'
          : line.method === 'POST'
            ? 'POST'
            : hasKey
              ? 'GET'
              : 'LIST';
  return { bucket, kind };
}
const S3_PRICE: Record<S3Kind, PriceKey | undefined> = {
  PUT: 's3.putCopyPostList',
  POST: 's3.putCopyPostList',
  LIST: 's3.putCopyPostList',
  GET: 's3.getSelectOther',
  HEAD: 's3.getSelectOther',
  DELETE: undefined, // free
};

interface FunctionLogs {
  logGroup: string;
  memoryMb: number;
  /** Active: every invocation starts an X-Ray trace that the sampling rule may record. */
  tracing: string;
  invocations: number;
  durationMs: number;
  gbSeconds: number;
  events: number;
  ingestBytes: number;
}

/** Invocations, billed duration and log bytes per function, from its log group (REPORT lines and all events). */
async function functionLogs(endpoint: string, since: number) {
  const lambda = new LambdaClient(awsClientConfig());
  const call = cloudWatchLogsCall(endpoint);
  const out: Record<string, FunctionLogs> = {};
  const metrics = new Set<string>();
  let marker: string | undefined;
  const names: string[] = [];
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker: marker }));
    names.push(...(page.Functions ?? []).map((f) => f.FunctionName!));
    marker = page.NextMarker;
  } while (marker);
  for (const name of names) {
    const fn = /(parse|tag|index|publish|api)Function/i.exec(name)?.[1]?.toLowerCase();
    if (!fn) continue;
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    const logGroup = config.LoggingConfig?.LogGroup ?? `/aws/lambda/${name}`;
    const memoryMb = config.MemorySize ?? 128;
    const f: FunctionLogs = {
      logGroup,
      memoryMb,
      tracing: config.TracingConfig?.Mode ?? 'PassThrough',
      invocations: 0,
      durationMs: 0,
      gbSeconds: 0,
      events: 0,
      ingestBytes: 0,
    };
    let token: string | undefined;
    do {
      const page = await call('FilterLogEvents', {
        logGroupName: logGroup,
        startTime: since,
        ...(token ? { nextToken: token } : {}),
      });
      for (const event of (page.events ?? []) as Array<{ message: string }>) {
        f.events += 1;
        f.ingestBytes += logIngestBytes([event.message]);
        const report = /^REPORT RequestId: \S+\s+Duration: ([\d.]+) ms/.exec(event.message);
        if (report) {
          const ms = Number(report[1]);
          f.invocations += 1;
          f.durationMs += ms;
          f.gbSeconds += billedGbSeconds(ms, memoryMb);
        }
        for (const key of emfMetrics(event.message)) metrics.add(key);
      }
      const next = page.nextToken as string | undefined;
      token = next && next !== token ? next : undefined;
    } while (token);
    out[fn] = f;
  }
  return { functions: out, customMetrics: [...metrics].sort() };
}

/** The distinct CloudWatch metrics (namespace, name, dimension values) an EMF log line creates. */
function emfMetrics(message: string): string[] {
  const at = message.indexOf('{"_aws"');
  const start = at >= 0 ? at : message.indexOf('{');
  if (start < 0 || !message.includes('CloudWatchMetrics')) return [];
  let doc: {
    _aws?: {
      CloudWatchMetrics?: Array<{
        Namespace: string;
        Dimensions: string[][];
        Metrics: Array<{ Name: string }>;
      }>;
    };
  } & Record<string, unknown>;
  try {
    doc = JSON.parse(message.slice(start)) as typeof doc;
  } catch {
    return [];
  }
  const keys: string[] = [];
  for (const directive of doc._aws?.CloudWatchMetrics ?? [])
    for (const dimensions of directive.Dimensions.length ? directive.Dimensions : [[]])
      for (const metric of directive.Metrics) {
        const dims = dimensions.map((d) => `${d}=${String(doc[d])}`).join(',');
        keys.push(`${directive.Namespace}/${metric.Name}{${dims}}`);
      }
  return keys;
}

/** Dashboards, alarms and KMS keys the deployed stacks hold: the fixed monthly costs. */
async function deployedResources() {
  const cfn = new CloudFormationClient(awsClientConfig());
  const counts: Record<string, number> = {};
  const stacks = (await cfn.send(new DescribeStacksCommand({}))).Stacks ?? [];
  for (const stack of stacks) {
    if (stack.StackName === 'CDKToolkit') continue;
    let token: string | undefined;
    do {
      const page = await cfn.send(
        new ListStackResourcesCommand({ StackName: stack.StackName, NextToken: token }),
      );
      for (const r of page.StackResourceSummaries ?? [])
        counts[r.ResourceType!] = (counts[r.ResourceType!] ?? 0) + 1;
      token = page.NextToken;
    } while (token);
  }
  return counts;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]) => (values.length ? sum(values) / values.length : 0);

async function main(): Promise<number> {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  const requestLog = process.env.COPYDESK_REQUEST_LOG;
  if (!endpoint || !requestLog)
    throw new Error(
      'run through `npm run bench:cost`: it starts an emulator of its own that records its requests (with-emulator --request-log)',
    );
  const prices = loadPriceList();
  if (!existsSync(CORPUS_HTML_DIR))
    log('no ../shared corpus beside this checkout: uploading the samples only');
  const mix = benchDocuments(ARTICLES);
  log(`built ${mix.documents.length} documents: ${JSON.stringify(mix.counts)}`);

  const deploySeconds = await deploy();
  const target = resolveTarget({});
  const db = documentClient(awsClientConfig());
  const queues = new QueueWatcher(target);
  const tracker = new Tracker(db, target.names.table, { pollMs: 1000, pollWindow: 400 });
  const uploads: Upload[] = [];

  // The function workers' CPU time: what their durations would be without waiting on the emulator.
  const port = new URL(endpoint).port || '4566';
  const sampler = ProcessSampler.forPort(join(PROJECT_ROOT, '.copydesk', `emulator-${port}.pid`));
  await sleep(2000);
  const fromByte = statSync(requestLog).size;
  const startedAt = Date.now();
  sampler?.start();
  tracker.start();
  const progress = setInterval(
    () => log(`uploaded ${uploads.length}/${mix.documents.length}, settled ${tracker.settled.size}`),
    15_000,
  );
  await uploadPhase(target, mix.documents, 'latency', RATE, 8, (u) => {
    uploads.push(u);
    tracker.add(u);
  });
  while (tracker.pendingCount() > 0 && Date.now() - tracker.lastSettleAt < STALL_SECONDS * 1000)
    await sleep(500);
  await tracker.stop();
  clearInterval(progress);
  // The index hands each article on to publish after its record is queryable: wait for every queue.
  const drainStarted = Date.now();
  let depths = await queues.depths();
  while (Object.values(depths).some((n) => n > 0) && Date.now() - drainStarted < 420_000) {
    await sleep(2000);
    depths = await queues.depths();
  }
  await sleep(3000); // the last invocations' log lines and REPORTs
  sampler?.stop();
  const toByte = statSync(requestLog).size;
  const runSeconds = (Date.now() - startedAt) / 1000;
  log(`settled ${tracker.settled.size} of ${uploads.length}; queues ${JSON.stringify(depths)}; counting`);
  const n = uploads.length;

  // ---- requests, from the emulator's log ----
  const requests = readRequests(requestLog, fromByte, toByte);
  const isBench = (r: RequestLine) => r.userAgent.includes(`app/${BENCH_APP_ID}`);
  const byFunctions = requests.filter((r) => !isBench(r));
  const rawUploads = requests.filter(
    (r) =>
      isBench(r) &&
      r.service === 's3' &&
      r.method === 'PUT' &&
      r.path.startsWith(`/${target.names.rawBucket}/${RAW_PREFIX}`),
  );
  const userAgents = [...new Set(byFunctions.map((r) => r.userAgent.split(' ')[0] ?? ''))];
  const operations: Record<string, { requests: number; requestBytes: number; responseBytes: number }> = {};
  for (const r of byFunctions) {
    const key =
      r.service === 's3'
        ? `s3 ${s3Request(r).kind} ${bucketRole(s3Request(r).bucket)}`
        : `${r.service} ${r.operation}`;
    const o = (operations[key] ??= { requests: 0, requestBytes: 0, responseBytes: 0 });
    o.requests += 1;
    o.requestBytes += r.requestBytes;
    o.responseBytes += r.responseBytes;
  }
  function bucketRole(bucket: string) {
    const names = target.names;
    return bucket === names.rawBucket
      ? 'raw'
      : bucket === names.workBucket
        ? 'work'
        : bucket === names.publishedBucket
          ? 'published'
          : bucket;
  }

  // ---- functions, from their log groups ----
  const { functions, customMetrics } = await functionLogs(endpoint, startedAt - 60_000);
  const stageInvocations = sum(STAGES.map((s) => functions[s]?.invocations ?? 0));

  // ---- DynamoDB ----
  const writes: number[] = [];
  /** Write units by what they write, and postings per article, over the indexed uploads. */
  const writeSplit = {
    recordAndCounter: [] as number[],
    fingerprints: [] as number[],
    postings: [] as number[],
  };
  const postingsPerArticle: number[] = [];
  const storedBytes: number[] = [];
  const printItemBytes: number[] = [];
  const records: ArticleRecord[] = [];
  await eachConcurrently(uploads, 4, async (u) => {
    const w = await writeUnitsOf(db, target.names.table, u.id);
    writes.push(w.units);
    storedBytes.push(w.bytes + w.items * DYNAMO_ITEM_OVERHEAD_BYTES);
    if (w.record) {
      records.push(w.record);
      if ('split' in w && w.record.status === 'indexed') {
        writeSplit.recordAndCounter.push(w.split.recordAndCounter);
        writeSplit.fingerprints.push(w.split.fingerprints);
        writeSplit.postings.push(w.split.postings);
        postingsPerArticle.push(w.postings);
      }
      if ('bytesSplit' in w && w.items > 2) {
        const prints = w.items - 2 - w.postings;
        if (prints > 0) printItemBytes.push(w.bytesSplit.fingerprints / prints);
      }
    }
  });
  const dynamoReads = byFunctions.filter(
    (r) =>
      r.service === 'dynamodb' && /^(GetItem|Query|Scan|BatchGetItem|TransactGetItems)$/.test(r.operation),
  );
  const readUnits = (list: RequestLine[]) =>
    sum(list.map((r) => readUnitsFromBytes(r.responseBytes, r.consistentRead === true)));
  const duplicateReads = dynamoReads.filter(
    (r) => r.operation === 'Query' && DUPLICATE_PARTITIONS.has(r.partition ?? ''),
  );
  const otherReads = dynamoReads.filter((r) => !duplicateReads.includes(r));
  // How the duplicate check's reads grow: a band partition holds about archive/256 items.
  const archive = records.length;
  const indexed = records.filter((r) => r.status === 'indexed');
  const checkSample = indexed.filter((_, i) => i % Math.max(1, Math.floor(indexed.length / 60)) === 0);
  const itemsPerCheck: number[] = [];
  await eachConcurrently(checkSample, 4, async (r) => {
    itemsPerCheck.push(await fingerprintItemsRead(db, target.names.table, r));
  });
  const partitionQueriesPerArticle = duplicateReads.length / n;
  const consistentShare = duplicateReads.length
    ? duplicateReads.filter((r) => r.consistentRead).length / duplicateReads.length
    : 1;
  // SimHash band bytes spread the archive over 256 partitions per band (uniformly, as the model has it;
  // the measured items per check at the end say how far this run's pages cluster beyond that). From
  // PROBE_FROM_INDEXED_ARTICLES on, the index reads each band by probes instead (shared/core/duplicates.ts):
  // PROBES_PER_BAND queries of archive/65,536 items for the eventually consistent look before the write,
  // and as many for the consistent look after it, which reads only the last minutes of each probe.
  const unitsOfQuery = (items: number, consistent: boolean) =>
    Math.max(1, Math.ceil((items * mean(printItemBytes)) / 4096)) * (consistent ? 1 : 0.5);
  const eventualQueries = partitionQueriesPerArticle * (1 - consistentShare);
  const consistentQueries = partitionQueriesPerArticle * consistentShare;
  const duplicateReadUnitsAt = (size: number) =>
    size < PROBE_FROM_INDEXED_ARTICLES
      ? eventualQueries * unitsOfQuery(size / 256, false) + consistentQueries * unitsOfQuery(size / 256, true)
      : PROBES_PER_BAND *
        (eventualQueries * unitsOfQuery(size / 65_536, false) + consistentQueries * unitsOfQuery(0, true));

  // ---- SQS ----
  const sends = byFunctions.filter((r) => r.service === 'sqs' && /^SendMessage(Batch)?$/.test(r.operation));
  const sendRequests = sum(sends.map((r) => sqsSendRequests(r.entries ?? [r.requestBytes])));
  const otherSqs = byFunctions.filter((r) => r.service === 'sqs' && !sends.includes(r)).length;
  const notifications = rawUploads.length; // one S3 → SQS event notification per upload
  const pollerRequests = 2 * stageInvocations; // the mapping's ReceiveMessage and DeleteMessageBatch per batch
  const sqsRequests = sendRequests + otherSqs + notifications + pollerRequests;

  // ---- S3 ----
  const s3Lines = byFunctions.filter((r) => r.service === 's3');
  const s3By = (price: PriceKey) => s3Lines.filter((r) => S3_PRICE[s3Request(r).kind] === price).length;

  // ---- EventBridge ----
  const putEvents = byFunctions.filter((r) => r.service === 'events' && r.operation === 'PutEvents');
  const events = sum(putEvents.map((r) => eventBridgeEvents(r.entries ?? [r.requestBytes])));

  // ---- X-Ray (modelled) ----
  const articlesPerSecond = MONTHLY_ARTICLES / SECONDS_PER_MONTH;
  const invocationsPerArticle = stageInvocations / n;
  const tracedInvocationsPerArticle =
    sum(STAGES.map((s) => (functions[s]?.tracing === 'Active' ? functions[s].invocations : 0))) / n;
  const tracesPerArticle =
    sampledTracesPerSecond(articlesPerSecond * tracedInvocationsPerArticle) / articlesPerSecond;

  const logBytes = sum(Object.values(functions).map((f) => f.ingestBytes));
  // Lambda gives a function one vCPU at 1,769 MB, and a share of one below it: the workers' CPU time on
  // this machine, stretched by that share, is what the durations would be if no call waited on the
  // emulator (a lower bound: AWS calls take milliseconds each on Lambda too).
  const cpu = sampler?.summary().perFunction ?? {};
  const cpuGbSeconds = Object.fromEntries(
    STAGES.map((stage) => {
      const memoryMb = functions[stage]?.memoryMb ?? stageSettings[stage].memoryMb;
      const seconds = (cpu[stage]?.cpuSeconds ?? 0) * Math.max(1, 1769 / memoryMb);
      return [
        stage,
        { cpuSeconds: cpu[stage]?.cpuSeconds ?? null, gbSecondsPerArticle: (seconds * memoryMb) / 1024 / n },
      ];
    }),
  );
  const cpuBasedLambda = sum(Object.values(cpuGbSeconds).map((c) => c.gbSecondsPerArticle));
  const lines: CostLine[] = [
    {
      item: 'DynamoDB writes',
      price: 'dynamodb.writeRequestUnit',
      unitsPerArticle: sum(writes) / n,
      basis: 'write units of each uploaded article, from its items read back (bench/write-units.ts)',
    },
    {
      item: `DynamoDB reads (archive of ${archive})`,
      price: 'dynamodb.readRequestUnit',
      unitsPerArticle: readUnits(dynamoReads) / n,
      basis:
        'the functions’ reads, ⌈response bytes / 4 KB⌉, × 0.5 when eventually consistent: an estimate from wire bytes',
    },
    {
      item: 'Lambda requests',
      price: 'lambda.request',
      unitsPerArticle: stageInvocations / n,
      basis: 'invocations (REPORT lines)',
    },
    ...STAGES.map((stage): CostLine => ({
      item: `Lambda GB-s, ${stage} (${functions[stage]?.memoryMb ?? stageSettings[stage].memoryMb} MB)`,
      price: 'lambda.gbSecondArm64',
      unitsPerArticle: (functions[stage]?.gbSeconds ?? 0) / n,
      basis: 'REPORT durations of local node workers, per started ms, at the configured memory',
    })),
    {
      item: 'SQS',
      price: 'sqs.standardRequest',
      unitsPerArticle: sqsRequests / n,
      basis: 'sends (64 KiB chunks) + S3 notifications + a receive and a delete per invocation',
    },
    {
      item: 'S3 PUT/LIST (functions)',
      price: 's3.putCopyPostList',
      unitsPerArticle: s3By('s3.putCopyPostList') / n,
      basis: 'recorded requests',
    },
    {
      item: 'S3 raw upload PUT (paid by whoever uploads)',
      price: 's3.putCopyPostList',
      unitsPerArticle: rawUploads.length / n,
      basis: 'the uploader’s PUTs',
    },
    {
      item: 'S3 GET/HEAD',
      price: 's3.getSelectOther',
      unitsPerArticle: s3By('s3.getSelectOther') / n,
      basis: 'recorded requests',
    },
    {
      item: 'EventBridge',
      price: 'eventbridge.customEvent',
      unitsPerArticle: events / n,
      basis: 'PutEvents entries, 64 KB chunks',
    },
    {
      item: 'CloudWatch Logs ingestion (GB)',
      price: 'logs.ingestionGb',
      unitsPerArticle: logBytes / n / GB,
      basis: 'every event in the functions’ log groups, + 26 bytes each',
    },
    {
      item: `X-Ray traces (at ${(MONTHLY_ARTICLES / MILLION).toFixed(0)}M articles/month)`,
      price: 'xray.traceRecorded',
      unitsPerArticle: tracesPerArticle,
      basis: 'modelled: default sampling rule (1/s + 5 %) on one trace per invocation',
    },
  ];
  const priced = priceLines(prices, lines);
  const reportedLambda = sum(
    priced.lines.filter((l) => l.price === 'lambda.gbSecondArm64').map((l) => l.dollarsPerMillion),
  );
  const cpuBasedTotal =
    priced.total - reportedLambda + cpuBasedLambda * MILLION * unitPrice(prices, 'lambda.gbSecondArm64');
  const readsAt1M = duplicateReadUnitsAt(1_000_000) + readUnits(otherReads) / n;
  const projected = priceLines(prices, [
    ...lines.filter((l) => !l.item.startsWith('DynamoDB reads')),
    {
      item: 'DynamoDB reads (archive of 1,000,000, projected)',
      price: 'dynamodb.readRequestUnit',
      unitsPerArticle: readsAt1M,
      basis: 'duplicate-check reads scaled to a 1M archive',
    },
  ]);
  const uploadLine = priced.lines.find((l) => l.item.startsWith('S3 raw upload'))!;
  const xrayLine = priced.lines.find((l) => l.price === 'xray.traceRecorded')!;

  // ---- fixed monthly and storage ----
  const resources = await deployedResources();
  const fixed = [
    {
      item: 'CloudWatch dashboards',
      count: resources['AWS::CloudWatch::Dashboard'] ?? 0,
      price: 'cloudwatch.dashboardMonth' as PriceKey,
    },
    {
      item: 'CloudWatch alarms',
      count: resources['AWS::CloudWatch::Alarm'] ?? 0,
      price: 'cloudwatch.standardAlarmMonth' as PriceKey,
    },
    {
      item: 'custom metrics (EMF, distinct name + dimensions seen in the run)',
      count: customMetrics.length,
      price: 'cloudwatch.customMetricMonth' as PriceKey,
    },
    { item: 'KMS keys', count: resources['AWS::KMS::Key'] ?? 0, price: 'kms.keyMonth' as PriceKey },
    {
      item: `idle polling: ${STAGES.length} event source mappings × 5 long polls of 20 s (model)`,
      count: idleReceivesPerMonth(STAGES.length),
      price: 'sqs.standardRequest' as PriceKey,
    },
  ].map((f) => ({ ...f, dollarsPerMonth: f.count * unitPrice(prices, f.price) }));
  const published = await listKeys(target, target.names.publishedBucket, 'articles/');
  const work = await listKeys(target, target.names.workBucket, 'work/');
  const perArticleBytes = {
    raw: sum(uploads.map((u) => u.bytes)) / n,
    published: sum(published.map((o) => o.size ?? 0)) / n,
    work: sum(work.map((o) => o.size ?? 0)) / n,
    dynamo: sum(storedBytes) / n,
    logs: logBytes / n,
  };
  const storage = [
    {
      item: 'S3 raw + published (1M articles held)',
      gb: ((perArticleBytes.raw + perArticleBytes.published) * MILLION) / GB,
      price: 's3.storageGbMonth' as PriceKey,
    },
    {
      item: `S3 work (claim checks, ${WORK_EXPIRATION_DAYS} days of 1M/month)`,
      gb: (perArticleBytes.work * MILLION * WORK_EXPIRATION_DAYS) / 30 / GB,
      price: 's3.storageGbMonth' as PriceKey,
    },
    {
      item: 'DynamoDB items (1M articles, + 100 B/item)',
      gb: (perArticleBytes.dynamo * MILLION) / GB,
      price: 'dynamodb.storageGbMonth' as PriceKey,
    },
    {
      item: 'CloudWatch Logs (1 month retention, uncompressed: an upper bound)',
      gb: (perArticleBytes.logs * MILLION) / GB,
      price: 'logs.storageGbMonth' as PriceKey,
    },
  ].map((s) => ({ ...s, dollarsPerMonth: s.gb * unitPrice(prices, s.price) }));

  const report = {
    benchmark: 'cost',
    date: new Date().toISOString(),
    commit: gitDescription(),
    machine: machineDescription(),
    emulator: { name: 'MiniStack', version: MINISTACK_VERSION },
    prices: { file: 'bench/aws-list-prices-2026-12.json', asOf: prices.asOf, region: prices.region },
    settings: { articles: n, rate: RATE, monthlyArticles: MONTHLY_ARTICLES },
    inputs: mix.counts,
    deploySeconds,
    runSeconds,
    settled: tracker.settled.size,
    queuesAtEnd: depths,
    units: {
      requestsRecorded: requests.length,
      functionRequests: byFunctions.length,
      functionUserAgents: userAgents,
      operations,
      functions,
      invocationsPerArticle,
      sqs: { sendRequests, otherSqs, notifications, pollerRequests, perArticle: sqsRequests / n },
      dynamo: {
        writeUnitsPerArticle: sum(writes) / n,
        readUnitsPerArticle: readUnits(dynamoReads) / n,
        duplicateCheckReadUnitsPerArticle: readUnits(duplicateReads) / n,
        otherReadUnitsPerArticle: readUnits(otherReads) / n,
        duplicatePartitionQueriesPerArticle: partitionQueriesPerArticle,
        duplicateQueriesConsistentShare: consistentShare,
        archive,
        itemsPerCheckAtEnd: mean(itemsPerCheck),
        fingerprintItemBytes: mean(printItemBytes),
        writeUnitsByKind: {
          recordAndCounter: mean(writeSplit.recordAndCounter),
          fingerprints: mean(writeSplit.fingerprints),
          postings: mean(writeSplit.postings),
        },
        postingsPerIndexedArticle: mean(postingsPerArticle),
        readUnitsPerArticleAt1M: readsAt1M,
        readUnitsPerArticleAt10M: duplicateReadUnitsAt(10_000_000) + readUnits(otherReads) / n,
      },
      eventBridgeEventsPerArticle: events / n,
      logBytesPerArticle: logBytes / n,
      xray: {
        articlesPerSecond,
        candidatesPerSecond: articlesPerSecond * tracedInvocationsPerArticle,
        tracesPerArticle,
      },
      bytesPerArticle: perArticleBytes,
      /** Lambda GB-s per article if durations were the workers' CPU time at Lambda's CPU share (model). */
      cpuBasedGbSeconds: cpuGbSeconds,
      cpuBasedTotalPerMillion: cpuBasedTotal,
      customMetrics,
      deployedResources: resources,
    },
    perMillion: priced,
    perMillionWithReadsAt1M: projected,
    targetPerMillion: TARGET_PER_MILLION,
    fixedMonthly: fixed,
    storageMonthlyAt1M: storage,
  };

  const $ = (x: number) => (x >= 100 ? `$${x.toFixed(0)}` : x >= 1 ? `$${x.toFixed(2)}` : `$${x.toFixed(3)}`);
  const units = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));
  const met = (total: number) => (total <= TARGET_PER_MILLION ? 'met' : '**missed**');
  const d = report.units.dynamo;
  const fnUnits = STAGES.map((s: StageName) => {
    const f = functions[s];
    return f
      ? `${s} ${(f.invocations / n).toFixed(2)} invocations, ${(f.durationMs / Math.max(1, f.invocations)).toFixed(0)} ms each, ${(f.ingestBytes / n / 1024).toFixed(1)} KiB of logs`
      : `${s} –`;
  }).join('; ');
  const ops = Object.entries(operations)
    .sort((a, b) => b[1].requests - a[1].requests)
    .map(([k, o]) => `${k} ${(o.requests / n).toFixed(2)}`)
    .join(', ');
  const markdown = `## Cost (dollars per million articles, from units measured on the local emulator)

Command: \`AWS_ENDPOINT_URL=http://127.0.0.1:4750 npm run bench:cost\` (BENCH_ARTICLES=${n}, BENCH_RATE=${RATE}) · ${report.date.slice(0, 10)} · commit ${report.commit} · ${report.machine} · MiniStack ${MINISTACK_VERSION} · list prices ${prices.region} read ${prices.asOf} (\`bench/aws-list-prices-2026-12.json\`: list prices, not a bill; no free tier)

The CDK app deployed onto a fresh emulator; ${n} articles (${Object.entries(mix.counts)
    .filter(([, c]) => c)
    .map(([k, c]) => `${k} ${c}`)
    .join(
      ', ',
    )}) uploaded at ${RATE}/s; ${tracker.settled.size} settled. Per uploaded article, the functions made: ${ops}. Functions: ${fnUnits}.

| item | units per article | $ per million articles | how |
| --- | --- | --- | --- |
${priced.lines.map((l) => `| ${l.item} | ${units(l.unitsPerArticle)} | ${$(l.dollarsPerMillion)} | ${l.basis} |`).join('\n')}
| **total** | | **${$(priced.total)}** | target ≤ $${TARGET_PER_MILLION}: ${met(priced.total)} (without the upload PUT ${$(priced.total - uploadLine.dollarsPerMillion)}) |
| total with DynamoDB reads at a 1M-article archive | ${units(d.readUnitsPerArticleAt1M)} read units | ${$(projected.total)} | ${met(projected.total)} |
| total with Lambda GB-s from the workers' CPU time (see below) | ${units(cpuBasedLambda)} GB-s | ${$(cpuBasedTotal)} | ${met(cpuBasedTotal)} |

- **The duplicate check's reads at a 1M-article archive.** It queries ${d.duplicatePartitionQueriesPerArticle.toFixed(1)} fingerprint partitions per article here (${(d.duplicateQueriesConsistentShare * 100).toFixed(0)} % strongly consistent, the look after the write); each holds about archive / 256 items. At the end of this run (${d.archive} records) one check read ${d.itemsPerCheckAtEnd.toFixed(0)} items (${((d.archive * 8) / 256).toFixed(0)} if spread evenly). Read whole, the partitions of a 1,000,000-article archive would hold ${Math.round((1_000_000 * 8) / 256).toLocaleString('en')} items of ${d.fingerprintItemBytes.toFixed(0)} B per check; from ${PROBE_FROM_INDEXED_ARTICLES.toLocaleString('en')} indexed articles on the index reads each band by ${PROBES_PER_BAND} probes of archive / 65,536 items instead, the look after the write only the last five minutes of each (shared/core/duplicates.ts). This bench runs the check on its small archive only, so the 1M line is that model: ${units(d.readUnitsPerArticleAt1M)} read units per article instead of ${units(d.readUnitsPerArticle)} (${units(d.duplicateCheckReadUnitsPerArticle)} of them the check's now); at 10,000,000 articles, ${units(d.readUnitsPerArticleAt10M)} (probes of about 150 items).
- **What stands in the way of $${TARGET_PER_MILLION}.** An indexed article costs ${units(d.writeUnitsByKind.recordAndCounter)} write units for its record and status counter (one transaction), ${units(d.writeUnitsByKind.fingerprints)} for its fingerprint items and ${units(d.writeUnitsByKind.postings)} for its ${units(d.postingsPerIndexedArticle)} search postings: one item for each word, name, topic and filter list it is in, and DynamoDB bills every item write at least one unit. The postings alone are ${$(d.writeUnitsByKind.postings * MILLION * unitPrice(prices, 'dynamodb.writeRequestUnit'))} per million articles on on-demand prices, before any other line. Turning X-Ray off (\`-c tracing=false\`) takes ${$(xrayLine.dollarsPerMillion)} away (${$(priced.total - xrayLine.dollarsPerMillion)} left, ${$(priced.total - xrayLine.dollarsPerMillion - uploadLine.dollarsPerMillion)} without the uploader's PUT). Getting under $${TARGET_PER_MILLION} needs postings that cost less than a write unit each, which DynamoDB on-demand does not sell: provisioned capacity for a steady load, or a search index kept out of DynamoDB (segments on S3), or fewer indexed words; none of these is built.
- **Measured**: requests by service and operation with their sizes (the emulator's request log, the bench's own requests left out by their User-Agent), invocations and durations (REPORT lines), log bytes (every event read back), write units (records read back). **Counted from invocations**: the event source mapping's ReceiveMessage and DeleteMessageBatch (one each per batch) and the S3 → SQS notification (one per upload). **Modelled**: X-Ray (${units(report.units.xray.candidatesPerSecond)} invocations/s of functions with active tracing at ${(MONTHLY_ARTICLES / MILLION).toFixed(0)}M articles a month; the default rule records the first each second and 5 % of the rest, so below 1 a second every invocation is a trace recorded), idle polling, storage.
- Durations are those of node workers on this machine (2 shared cores, the emulator beside them), not of Lambda's CPU share at the configured memory, and they include every wait on the emulator's one Python process: Lambda GB-s is the least certain line. Billed on the workers' CPU time instead, stretched to Lambda's CPU share (a vCPU at 1,769 MB), it would be ${units(cpuBasedLambda)} GB-s per article, ${$(cpuBasedLambda * MILLION * unitPrice(prices, 'lambda.gbSecondArm64'))} per million (${STAGES.map((st) => `${st} ${units(cpuGbSeconds[st]!.gbSecondsPerArticle)}`).join(', ')}) instead of ${$(reportedLambda)}. Batches are as large as uploads at ${RATE} a second made them: invocations per article (and with them Lambda requests, SQS receives and X-Ray traces) fall as batches fill under load, down to a fifth or a tenth of one per stage, and rise to one per stage as the pipeline gets quieter.

Fixed a month, whatever the volume:

| item | count | $ per month |
| --- | --- | --- |
${fixed.map((f) => `| ${f.item} | ${f.count.toLocaleString('en')} | ${$(f.dollarsPerMonth)} |`).join('\n')}
| **total** | | **${$(sum(fixed.map((f) => f.dollarsPerMonth)))}** |

Storage a month, holding 1,000,000 articles:

| item | GB | $ per month |
| --- | --- | --- |
${storage.map((s) => `| ${s.item} | ${s.gb.toFixed(1)} | ${$(s.dollarsPerMonth)} |`).join('\n')}
| **total** | | **${$(sum(storage.map((s) => s.dollarsPerMonth)))}** |`;

  writeReport('cost', report, markdown);
  const readme = `| item | $ per million articles |
| --- | --- |
${priced.lines.map((l) => `| ${l.item} | ${$(l.dollarsPerMillion)} |`).join('\n')}
| **total** (target ≤ $${TARGET_PER_MILLION}: ${met(priced.total)}) | **${$(priced.total)}** |
| total with reads at a 1M-article archive | ${$(projected.total)} |
| total with Lambda GB-s from CPU time, not local durations | ${$(cpuBasedTotal)} |

Plus ${$(sum(fixed.map((f) => f.dollarsPerMonth)))} a month fixed (dashboards, alarms, metrics, keys, idle polling) and ${$(sum(storage.map((s) => s.dollarsPerMonth)))} a month of storage per million articles held. Measured with \`npm run bench:cost\` (${report.date.slice(0, 10)}, commit ${report.commit}); us-east-1 list prices read ${prices.asOf}.
`;
  // A compact table for the README, where BENCH_COST_README says.
  if (process.env.BENCH_COST_README) writeFileSync(process.env.BENCH_COST_README, readme);
  console.log(markdown);
  return 0;
}

exitWith(main);
