import fc from 'fast-check';
import {
  encodeS3Key,
  maxToken,
  MIN_TOKEN,
  nextToken,
  s3EventBody,
  tokenAfter,
  type ReplayedChange,
} from '../../shared/core/replay-event';
import { decodeS3Key, readS3Notification } from '../../shared/core/s3-event';
import { isNewer, versionToken } from '../../shared/core/version';

const change = (overrides: Partial<ReplayedChange> = {}): ReplayedChange => ({
  change: 'created',
  bucket: 'copydesk-raw',
  key: 'incoming/presstv/000 China Japan+ties.txt',
  sequencer: MIN_TOKEN,
  etag: '"9b2cf535f27731c974343645a3985328"',
  size: 5120,
  eventTime: '2026-11-30T09:00:00.000Z',
  sender: 'copydesk-reconcile',
  ...overrides,
});

const readBack = (c: ReplayedChange) => {
  const content = readS3Notification(JSON.stringify(s3EventBody(c)));
  if (content.kind !== 'changes') throw new Error(`not read as changes: ${JSON.stringify(content)}`);
  expect(content.changes).toHaveLength(1);
  return content.changes[0]!;
};

describe('the S3-shaped message reconcile and reprocess send', () => {
  it('reads back as the creation of the object, with the intended token', () => {
    const token = nextToken('00000000000000000000018F3A2B4C5D');
    const read = readBack(change({ sequencer: token }));
    expect(read).toEqual({
      change: 'created',
      source: {
        bucket: 'copydesk-raw',
        key: 'incoming/presstv/000 China Japan+ties.txt',
        versionId: undefined,
        etag: '9b2cf535f27731c974343645a3985328',
        size: 5120,
        sequencer: '00000000000000000000018F3A2B4C5E',
        eventTime: '2026-11-30T09:00:00.000Z',
      },
    });
  });

  it('sends the smallest token unchanged, so any real event for the object is newer', () => {
    const read = readBack(change({ sequencer: MIN_TOKEN }));
    expect(read.source.sequencer).toBe(MIN_TOKEN);
    expect(MIN_TOKEN).toMatch(/^0{32}$/);
    const real = versionToken(undefined, '2026-11-30T09:00:00.001Z');
    expect(isNewer(real, read.source.sequencer)).toBe(true);
    expect(isNewer(versionToken('0A', 'x'), read.source.sequencer)).toBe(true);
  });

  it('is a removal with no size or ETag, as S3 sends ObjectRemoved:Delete', () => {
    const body = s3EventBody(change({ change: 'removed', sequencer: nextToken(MIN_TOKEN) }));
    const record = body.Records[0]!;
    expect(record.eventName).toBe('ObjectRemoved:Delete');
    expect(record.s3.object).toEqual({
      key: 'incoming/presstv/000+China+Japan%2Bties.txt',
      sequencer: '00000000000000000000000000000001',
    });
    const read = readBack(change({ change: 'removed', sequencer: nextToken(MIN_TOKEN) }));
    expect(read.change).toBe('removed');
    expect(read.source.key).toBe('incoming/presstv/000 China Japan+ties.txt');
  });

  it('carries the S3 record fields a consumer of real notifications reads', () => {
    const record = s3EventBody(change()).Records[0]!;
    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'copydesk-reconcile',
        bucket: { name: 'copydesk-raw', arn: 'arn:aws:s3:::copydesk-raw' },
      },
    });
  });

  it('encodes keys as S3 does: per segment, spaces as +', () => {
    expect(encodeS3Key('incoming/a b/c+d é%.txt')).toBe('incoming/a+b/c%2Bd+%C3%A9%25.txt');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), (parts) => {
        const key = `incoming/${parts.join('/')}`;
        expect(decodeS3Key(encodeS3Key(key))).toBe(key);
      }),
    );
  });
});

describe('version token arithmetic', () => {
  it('adds one in hex and keeps the width', () => {
    expect(nextToken('00000000000000000000000000000000')).toBe('00000000000000000000000000000001');
    expect(nextToken('0000000000000000000000000000000F')).toBe('00000000000000000000000000000010');
    expect(nextToken('00000000000000000000000000000AFF')).toBe('00000000000000000000000000000B00');
    expect(nextToken('0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).toBe('10000000000000000000000000000000');
  });

  it('normalises a short or lower-case sequencer as versionToken does', () => {
    expect(nextToken('0a1b')).toBe(versionToken('0A1C', 'x'));
    expect(nextToken('0a1b')).toHaveLength(32);
  });

  it('is newer than the token it follows, and passes through readS3Notification unchanged', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 127n }), (n) => {
        const token = n.toString(16).toUpperCase().padStart(32, '0');
        const next = nextToken(token);
        expect(isNewer(next, token)).toBe(true);
        expect(BigInt(`0x${next}`)).toBe(n + 1n);
        expect(readBack(change({ sequencer: next })).source.sequencer).toBe(next);
      }),
    );
  });

  it('refuses what it cannot increment', () => {
    expect(() => nextToken('F'.repeat(32))).toThrow(/cannot be incremented/);
    expect(() => nextToken('2026-11-30')).toThrow(/not a version token/);
  });

  it('takes the largest of several tokens, and the token after them', () => {
    expect(maxToken(['0A', undefined, '0000000000000000000000000000000B', '09'])).toBe(
      '0000000000000000000000000000000B',
    );
    expect(maxToken([])).toBeUndefined();
    expect(tokenAfter([])).toBe(MIN_TOKEN);
    expect(tokenAfter(['0A', 'FF'])).toBe('00000000000000000000000000000100');
  });
});
