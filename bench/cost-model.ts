/**
 * The arithmetic of `npm run bench:cost`: AWS's billing rules for the units the bench measures, and the
 * list prices they are multiplied by (bench/aws-list-prices-2026-12.json). Pure, so it is unit-tested.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRICE_FILE = join(__dirname, 'aws-list-prices-2026-12.json');

/** Every price the cost bench uses; the price file must have each of them. */
export const PRICE_KEYS = [
  'dynamodb.writeRequestUnit',
  'dynamodb.readRequestUnit',
  'dynamodb.storageGbMonth',
  'lambda.request',
  'lambda.gbSecondArm64',
  'sqs.standardRequest',
  's3.putCopyPostList',
  's3.getSelectOther',
  's3.storageGbMonth',
  'eventbridge.customEvent',
  'logs.ingestionGb',
  'logs.storageGbMonth',
  'xray.traceRecorded',
  'xray.traceRetrievedOrScanned',
  'cloudwatch.customMetricMonth',
  'cloudwatch.dashboardMonth',
  'cloudwatch.standardAlarmMonth',
  'kms.keyMonth',
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

export interface Price {
  /** Dollars for `per` units. */
  usd: number;
  per: number;
  unit: string;
  source: string;
}

export interface PriceList {
  asOf: string;
  region: string;
  currency: string;
  note: string;
  prices: Record<PriceKey, Price>;
}

/** The price list, checked: a missing or malformed price fails here, not as NaN in a table. */
export function parsePriceList(json: unknown): PriceList {
  const list = json as Partial<PriceList>;
  const problems: string[] = [];
  if (typeof list?.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(list.asOf))
    problems.push('asOf must be a YYYY-MM-DD date');
  if (list?.currency !== 'USD') problems.push('currency must be USD');
  if (typeof list?.region !== 'string') problems.push('region is missing');
  if (typeof list?.note !== 'string' || !/not a bill/i.test(list.note))
    problems.push('note must say the prices are list prices, not a bill');
  for (const key of PRICE_KEYS) {
    const price = list?.prices?.[key];
    if (!price) {
      problems.push(`${key} is missing`);
      continue;
    }
    if (!(Number.isFinite(price.usd) && price.usd >= 0)) problems.push(`${key}.usd must be a number ≥ 0`);
    if (!(Number.isFinite(price.per) && price.per > 0)) problems.push(`${key}.per must be a number > 0`);
    if (typeof price.source !== 'string' || !price.source.startsWith('https://'))
      problems.push(`${key}.source must be an https URL`);
    if (typeof price.unit !== 'string' || !price.unit) problems.push(`${key}.unit is missing`);
  }
  if (problems.length) throw new Error(`invalid price list: ${problems.join('; ')}`);
  return list as PriceList;
}

export const loadPriceList = (path = PRICE_FILE): PriceList =>
  parsePriceList(JSON.parse(readFileSync(path, 'utf8')));

/** Dollars for one unit. */
export const unitPrice = (prices: PriceList, key: PriceKey): number =>
  prices.prices[key].usd / prices.prices[key].per;

/** Dollars per million articles for `unitsPerArticle` units priced at `key`. */
export const dollarsPerMillion = (prices: PriceList, key: PriceKey, unitsPerArticle: number): number =>
  unitsPerArticle * 1_000_000 * unitPrice(prices, key);

/** SQS and EventBridge bill each started 64 KiB of a payload as one request (event). */
export const PAYLOAD_CHUNK_BYTES = 64 * 1024;
export const payloadChunks = (bytes: number): number => Math.max(1, Math.ceil(bytes / PAYLOAD_CHUNK_BYTES));

/** SQS requests a SendMessage or SendMessageBatch is billed as: the chunks of its whole payload. */
export const sqsSendRequests = (entryBytes: number[]): number =>
  payloadChunks(entryBytes.reduce((a, b) => a + b, 0));

/** EventBridge events a PutEvents is billed as: each entry by its own chunks. */
export const eventBridgeEvents = (entryBytes: number[]): number =>
  entryBytes.reduce((sum, bytes) => sum + payloadChunks(bytes), 0);

/** Lambda duration is billed per started millisecond at the configured memory. */
export const billedGbSeconds = (durationMs: number, memoryMb: number): number =>
  (Math.ceil(durationMs) / 1000) * (memoryMb / 1024);

/**
 * Read request units of one read, from the bytes it returned: a unit per started 4 KB strongly
 * consistent, half a unit eventually consistent. An estimate: DynamoDB bills the stored size of the
 * items read (whole items, whatever the projection), which the JSON on the wire only approximates.
 */
export const readUnitsFromBytes = (responseBytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(responseBytes / 4096)) * (consistent ? 1 : 0.5);

/** CloudWatch Logs bills each event's message bytes plus 26 bytes of metadata. */
export const LOG_EVENT_OVERHEAD_BYTES = 26;
export const logIngestBytes = (messages: string[]): number =>
  messages.reduce((sum, m) => sum + Buffer.byteLength(m, 'utf8') + LOG_EVENT_OVERHEAD_BYTES, 0);

export const SECONDS_PER_MONTH = 30 * 24 * 3600;

/**
 * X-Ray's default sampling rule: the first request each second (the reservoir), then 5 % of the rest.
 * At a steady `candidatesPerSecond` (traced invocations starting a trace), the traces recorded a second.
 */
export function sampledTracesPerSecond(
  candidatesPerSecond: number,
  reservoirPerSecond = 1,
  fixedRate = 0.05,
) {
  const reservoir = Math.min(candidatesPerSecond, reservoirPerSecond);
  return reservoir + fixedRate * Math.max(0, candidatesPerSecond - reservoir);
}

/**
 * Empty ReceiveMessage calls a month of the event source mappings of `queues` idle queues: Lambda keeps
 * `pollers` long polls of `waitSeconds` open on each (the model; AWS does not publish the poller count).
 */
export const idleReceivesPerMonth = (queues: number, pollers = 5, waitSeconds = 20): number =>
  queues * pollers * (SECONDS_PER_MONTH / waitSeconds);

export interface CostLine {
  item: string;
  price: PriceKey;
  unitsPerArticle: number;
  /** How the units were got: measured on the run, or modelled (and how). */
  basis: string;
}

export interface PricedLine extends CostLine {
  dollarsPerMillion: number;
}

export function priceLines(prices: PriceList, lines: CostLine[]): { lines: PricedLine[]; total: number } {
  const priced = lines.map((line) => ({
    ...line,
    dollarsPerMillion: dollarsPerMillion(prices, line.price, line.unitsPerArticle),
  }));
  return { lines: priced, total: priced.reduce((sum, l) => sum + l.dollarsPerMillion, 0) };
}
