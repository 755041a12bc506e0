import { decodeS3Key, readS3Notification } from '../../shared/core/s3-event';
import { isNewer, versionToken } from '../../shared/core/version';

const record = (overrides: Record<string, unknown> = {}, object: Record<string, unknown> = {}) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  eventTime: '2026-11-29T10:00:00.123Z',
  eventName: 'ObjectCreated:Put',
  s3: { bucket: { name: 'raw' }, object: { key: 'incoming/a.txt', size: 10, eTag: 'abc', ...object } },
  ...overrides,
});

describe('readS3Notification', () => {
  it('decodes keys the way S3 encodes them in events (+ for space, %XX for the rest)', () => {
    expect(decodeS3Key('incoming/presstv/000+China+Japan%2Bties.txt')).toBe(
      'incoming/presstv/000 China Japan+ties.txt',
    );
    expect(decodeS3Key('incoming%2Fa%C3%A9.txt')).toBe('incoming/aé.txt');
  });

  it('reads created and removed changes with their source object', () => {
    const body = JSON.stringify({
      Records: [record(), record({ eventName: 'ObjectRemoved:Delete' }, { key: 'incoming/b+c.txt' })],
    });
    const content = readS3Notification(body);
    expect(content.kind).toBe('changes');
    if (content.kind !== 'changes') return;
    expect(content.changes.map((c) => [c.change, c.source.key])).toEqual([
      ['created', 'incoming/a.txt'],
      ['removed', 'incoming/b c.txt'],
    ]);
    expect(content.changes[0]!.source).toMatchObject({ bucket: 'raw', etag: 'abc', size: 10 });
  });

  it('recognises the s3:TestEvent S3 sends when notifications are configured', () => {
    expect(readS3Notification(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }))).toEqual({
      kind: 'test-event',
    });
  });

  it('says why a body is not a notification', () => {
    expect(readS3Notification('not json')).toEqual({
      kind: 'unrecognised',
      reason: 'message body is not JSON',
    });
    expect(readS3Notification('{"hello":1}')).toEqual({ kind: 'unrecognised', reason: 'no Records array' });
  });

  it('skips event kinds other than created/removed', () => {
    const content = readS3Notification(
      JSON.stringify({ Records: [record({ eventName: 'ObjectTagging:Put' })] }),
    );
    expect(content).toEqual({ kind: 'changes', changes: [] });
  });
});

describe('versionToken', () => {
  it('orders real S3 sequencers of different lengths numerically', () => {
    const shorter = versionToken('FF', '2026-01-01T00:00:00Z');
    const longer = versionToken('0100', '2026-01-01T00:00:00Z');
    expect(isNewer(longer, shorter)).toBe(true);
    expect(isNewer(shorter, longer)).toBe(false);
  });

  it('falls back to event time, millisecond by millisecond, when the sequencer is missing', () => {
    const earlier = versionToken(undefined, '2026-11-29T10:00:00.123Z');
    const later = versionToken(undefined, '2026-11-29T10:00:00.124Z');
    expect(later > earlier).toBe(true);
    expect(versionToken(undefined, '2026-11-29T10:00:00.123Z')).toBe(earlier);
  });

  it('refuses an event with neither', () => {
    expect(() => versionToken(undefined, 'yesterday')).toThrow(/sequencer/);
  });

  it('treats an equal token as not newer, so a redelivered event changes nothing', () => {
    const token = versionToken('0A1B', 'x');
    expect(isNewer(token, token)).toBe(false);
    expect(isNewer(token, undefined)).toBe(true);
  });
});
