import { readFileSync } from 'node:fs';
import {
  PRICE_FILE,
  PRICE_KEYS,
  billedGbSeconds,
  dollarsPerMillion,
  eventBridgeEvents,
  idleReceivesPerMonth,
  loadPriceList,
  logIngestBytes,
  parsePriceList,
  payloadChunks,
  priceLines,
  readUnitsFromBytes,
  sampledTracesPerSecond,
  sqsSendRequests,
  unitPrice,
} from '../../bench/cost-model';

const KiB = 1024;

describe('the list-price file', () => {
  const prices = loadPriceList();

  it('has every price the cost bench uses, dated, in USD, each with its source', () => {
    expect(prices.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(prices.currency).toBe('USD');
    expect(prices.note).toMatch(/not a bill/i);
    for (const key of PRICE_KEYS) expect(prices.prices[key].source).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });

  it('holds the published us-east-1 figures', () => {
    expect(unitPrice(prices, 'dynamodb.writeRequestUnit') * 1e6).toBeCloseTo(0.625);
    expect(unitPrice(prices, 'dynamodb.readRequestUnit') * 1e6).toBeCloseTo(0.125);
    expect(unitPrice(prices, 'sqs.standardRequest') * 1e6).toBeCloseTo(0.4);
    expect(unitPrice(prices, 's3.putCopyPostList') * 1000).toBeCloseTo(0.005);
    expect(unitPrice(prices, 's3.getSelectOther') * 1000).toBeCloseTo(0.0004);
    expect(unitPrice(prices, 'lambda.request') * 1e6).toBeCloseTo(0.2);
    expect(unitPrice(prices, 'xray.traceRecorded') * 1e6).toBeCloseTo(5);
  });

  it('is refused when a price is missing, unsourced or not a number', () => {
    const good = JSON.parse(readFileSync(PRICE_FILE, 'utf8')) as {
      prices: Record<string, Record<string, unknown>>;
    };
    const without = structuredClone(good);
    delete without.prices['sqs.standardRequest'];
    expect(() => parsePriceList(without)).toThrow(/sqs.standardRequest is missing/);
    const unsourced = structuredClone(good);
    unsourced.prices['lambda.request']!.source = '';
    expect(() => parsePriceList(unsourced)).toThrow(/lambda.request.source/);
    const text = structuredClone(good);
    text.prices['kms.keyMonth']!.usd = '1.00';
    expect(() => parsePriceList(text)).toThrow(/kms.keyMonth.usd/);
    expect(() => parsePriceList({ ...good, asOf: 'December' })).toThrow(/asOf/);
  });
});

describe('billing rules', () => {
  it('counts a request per started 64 KiB of an SQS or EventBridge payload', () => {
    expect(payloadChunks(0)).toBe(1);
    expect(payloadChunks(64 * KiB)).toBe(1);
    expect(payloadChunks(64 * KiB + 1)).toBe(2);
    expect(payloadChunks(256 * KiB)).toBe(4);
    // A batch is billed on its whole payload; EventBridge bills each entry by itself.
    expect(sqsSendRequests([40 * KiB, 40 * KiB])).toBe(2);
    expect(sqsSendRequests([10 * KiB, 10 * KiB, 10 * KiB])).toBe(1);
    expect(eventBridgeEvents([10 * KiB, 10 * KiB, 70 * KiB])).toBe(4);
  });

  it('bills Lambda per started millisecond at the configured memory', () => {
    expect(billedGbSeconds(1000, 1024)).toBeCloseTo(1);
    expect(billedGbSeconds(100.2, 512)).toBeCloseTo(0.101 * 0.5);
    expect(billedGbSeconds(1, 128)).toBeCloseTo(0.001 / 8);
  });

  it('reads a unit per started 4 KB, half of one eventually consistent', () => {
    expect(readUnitsFromBytes(0, true)).toBe(1);
    expect(readUnitsFromBytes(4096, true)).toBe(1);
    expect(readUnitsFromBytes(4097, true)).toBe(2);
    expect(readUnitsFromBytes(4097, false)).toBe(1);
    expect(readUnitsFromBytes(10, false)).toBe(0.5);
  });

  it('adds 26 bytes to every log event, counting UTF-8 bytes', () => {
    expect(logIngestBytes(['abc', 'é'])).toBe(3 + 26 + 2 + 26);
  });

  it('samples X-Ray at 1 a second plus 5 % of the rest', () => {
    expect(sampledTracesPerSecond(0.4)).toBeCloseTo(0.4);
    expect(sampledTracesPerSecond(1)).toBeCloseTo(1);
    expect(sampledTracesPerSecond(21)).toBeCloseTo(2);
  });

  it('models idle polling as long polls kept open all month', () => {
    // 5 pollers × one 20 s poll = 15 receives a minute per queue.
    expect(idleReceivesPerMonth(1)).toBe(15 * 60 * 24 * 30);
    expect(idleReceivesPerMonth(4)).toBe(4 * idleReceivesPerMonth(1));
  });
});

describe('dollars per million articles', () => {
  const prices = loadPriceList();

  it('multiplies units per article by a million and the unit price', () => {
    expect(dollarsPerMillion(prices, 'dynamodb.writeRequestUnit', 10)).toBeCloseTo(6.25);
    expect(dollarsPerMillion(prices, 's3.putCopyPostList', 1)).toBeCloseTo(5);
  });

  it('totals the priced lines', () => {
    const { lines, total } = priceLines(prices, [
      { item: 'writes', price: 'dynamodb.writeRequestUnit', unitsPerArticle: 4, basis: '' },
      { item: 'requests', price: 'lambda.request', unitsPerArticle: 2, basis: '' },
    ]);
    expect(lines.map((l) => l.dollarsPerMillion)).toEqual([expect.closeTo(2.5, 6), expect.closeTo(0.4, 6)]);
    expect(total).toBeCloseTo(2.9);
  });
});
