import { articleIdFor } from '../../shared/core/article-id';
import type { ArticleRecord } from '../../shared/core/index-model';
import { NotFoundError } from '../../shared/stages/archive-api';
import { traceArticle, TRACE_LEAD_MS, type FunctionLogEvent } from '../../shared/stages/trace';
import { formatTrace } from '../../shared/stages/trace-format';

const KEY = 'incoming/wire/story.txt';
const ID = articleIdFor(KEY);
const OTHER = articleIdFor('incoming/wire/other.txt');
const keys = { articleId: ID, objectKey: KEY, versionToken: '0042' };

const line = (stage: string, timestamp: string, message: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ level: 'INFO', message, timestamp, function_request_id: 'r', stage, ...keys, ...extra });

const record = {
  id: ID,
  status: 'indexed',
  version: 1,
  versionToken: '0042',
  source: { bucket: 'raw', key: KEY },
  firstIndexedAt: '2026-12-01T10:00:02.000Z',
  updatedAt: '2026-12-01T10:00:02.000Z',
  history: [{ at: '2026-12-01T10:00:02.000Z', event: 'indexed', version: 1, versionToken: '0042' }],
} as ArticleRecord;

/** Each stage's log group answers on its own, so the events arrive grouped by stage, not in time order. */
const events: FunctionLogEvent[] = [
  {
    stage: 'publish',
    timestamp: 5,
    message: line('publish', '2026-12-01T10:00:03.000Z', 'published', { outcome: 'published', version: 1 }),
  },
  {
    stage: 'index',
    timestamp: 4,
    message: line('index', '2026-12-01T10:00:02.000Z', 'index write', {
      kind: 'upsert',
      outcome: 'applied',
      version: 1,
    }),
  },
  {
    stage: 'index',
    timestamp: 4,
    message: JSON.stringify({
      _aws: {
        Timestamp: Date.parse('2026-12-01T10:00:02.001Z'),
        CloudWatchMetrics: [
          {
            Namespace: 'copydesk',
            Dimensions: [['service']],
            Metrics: [{ Name: 'UploadToQueryable', Unit: 'Milliseconds' }],
          },
        ],
      },
      ...keys,
      service: 'index',
      UploadToQueryable: 2001,
    }),
  },
  {
    stage: 'parse',
    timestamp: 1,
    message: line('parse', '2026-12-01T10:00:00.500Z', 'parsed: sent to tag', { outcome: 'parsed' }),
  },
  {
    stage: 'tag',
    timestamp: 2,
    message: line('tag', '2026-12-01T10:00:01.000Z', 'tagged: sent to index', { outcome: 'tagged' }),
  },
  // The id in another article's line (a feed listing its items) is not this article's line.
  {
    stage: 'index',
    timestamp: 3,
    message: JSON.stringify({
      ...JSON.parse(line('index', '2026-12-01T10:00:01.500Z', 'index write')),
      articleId: OTHER,
      note: ID,
    }),
  },
  { stage: 'parse', timestamp: 1, message: `START RequestId: ${ID}` },
];

describe('traceArticle', () => {
  const logs = { eventsMentioning: jest.fn(async () => events) };
  const deps = { records: { get: async (id: string) => (id === ID ? record : undefined) }, logs };

  test('by object key: the lines of every stage in time order, each stage summed up', async () => {
    const trace = await traceArticle(KEY, deps);
    expect(logs.eventsMentioning).toHaveBeenCalledWith(
      ID,
      new Date(Date.parse(record.firstIndexedAt) - TRACE_LEAD_MS),
    );
    expect(trace).toMatchObject({ id: ID, objectKey: KEY, record: { status: 'indexed', version: 1 } });
    expect(trace.lines.map((l) => [l.stage, l.level])).toEqual([
      ['parse', 'INFO'],
      ['tag', 'INFO'],
      ['index', 'INFO'],
      ['index', 'METRIC'],
      ['publish', 'INFO'],
    ]);
    expect(trace.lines[3]!.message).toBe('UploadToQueryable=2001 ms');
    expect(trace.stages).toEqual([
      {
        stage: 'parse',
        first: '2026-12-01T10:00:00.500Z',
        last: '2026-12-01T10:00:00.500Z',
        versionTokens: ['0042'],
        outcome: 'parsed',
        lines: 1,
      },
      {
        stage: 'tag',
        first: '2026-12-01T10:00:01.000Z',
        last: '2026-12-01T10:00:01.000Z',
        versionTokens: ['0042'],
        outcome: 'tagged',
        lines: 1,
      },
      {
        stage: 'index',
        first: '2026-12-01T10:00:02.000Z',
        last: '2026-12-01T10:00:02.001Z',
        versionTokens: ['0042'],
        outcome: 'upsert applied',
        lines: 2,
      },
      {
        stage: 'publish',
        first: '2026-12-01T10:00:03.000Z',
        last: '2026-12-01T10:00:03.000Z',
        versionTokens: ['0042'],
        outcome: 'published',
        lines: 1,
      },
    ]);

    const text = formatTrace(trace);
    expect(text).toContain(`article  ${ID}  ${KEY}`);
    expect(text).toMatch(
      /^index\s+2026-12-01T10:00:02.000Z\s+2026-12-01T10:00:02.001Z\s+0042\s+upsert applied$/m,
    );
    expect(text.indexOf('parsed: sent to tag')).toBeLessThan(text.indexOf('published  outcome=published'));
  });

  test('an article with no record but log lines (still on its way) is traced from the last day', async () => {
    const now = new Date('2026-12-01T12:00:00.000Z');
    const trace = await traceArticle(KEY, {
      ...deps,
      records: { get: async () => undefined },
      now: () => now,
    });
    expect(trace.record).toBeUndefined();
    expect(trace.since).toBe('2026-11-30T12:00:00.000Z');
    expect(formatTrace(trace)).toContain('record   none yet');
  });

  test('an id with neither record nor log lines is not found', async () => {
    await expect(
      traceArticle('0123456789abcdef0123', {
        records: { get: async () => undefined },
        logs: { eventsMentioning: async () => [] },
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
