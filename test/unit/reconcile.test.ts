import { articleIdFor } from '../../shared/core/article-id';
import type { RecordStatus } from '../../shared/core/index-model';
import { feedItemId } from '../../shared/core/parse';
import { idsToRead, planReconcile, type RecordView, type StoredObject } from '../../shared/core/reconcile';
import { MIN_TOKEN, nextToken } from '../../shared/core/replay-event';

const T = (n: number) => n.toString(16).toUpperCase().padStart(32, '0');

const object = (name: string, etag = `etag-${name}`): StoredObject => ({
  key: `incoming/${name}`,
  etag: `"${etag}"`, // listings quote ETags
  size: 100,
});

const record = (name: string, overrides: Partial<RecordView> & { etag?: string } = {}): RecordView => {
  const key = `incoming/${name}`;
  const { etag = `etag-${name}`, ...rest } = overrides;
  return {
    id: articleIdFor(key),
    status: 'indexed',
    versionToken: T(100),
    source: { key, etag },
    ...rest,
  };
};

/** An item of the feed object `name`: its source key is the feed's, its id is not articleIdFor(key). */
const item = (name: string, guid: string, status: RecordStatus, token: number): RecordView => {
  const key = `incoming/${name}`;
  const feedId = articleIdFor(key);
  return {
    id: feedItemId(feedId, guid),
    status,
    versionToken: T(token),
    feedId,
    source: { key, etag: 'feed-etag' },
  };
};

const decisions = (plan: ReturnType<typeof planReconcile>) =>
  plan.actions.map((a) => [a.reason, a.key.replace('incoming/', ''), a.sequencer]);

describe('planReconcile', () => {
  it('leaves objects whose record describes them alone', () => {
    const plan = planReconcile([object('a.txt'), object('b.txt')], [record('a.txt'), record('b.txt')]);
    expect(plan).toMatchObject({ actions: [], objects: 2, records: 2, inSync: 2 });
  });

  it('re-sends an object with no record with the smallest token, so a real event still on its way wins', () => {
    const plan = planReconcile([object('a.txt'), object('lost.txt')], [record('a.txt')]);
    expect(decisions(plan)).toEqual([['missing', 'lost.txt', MIN_TOKEN]]);
    expect(plan.actions[0]).toMatchObject({ change: 'created', etag: 'etag-lost.txt', size: 100 });
    expect(plan.inSync).toBe(1);
  });

  it("re-sends an object whose record has another ETag, or says deleted, just after the record's token", () => {
    const plan = planReconcile(
      [object('changed.txt', 'new'), object('back.txt')],
      [record('changed.txt', { etag: 'old', versionToken: T(7) }), record('back.txt', { status: 'deleted' })],
    );
    expect(decisions(plan)).toEqual([
      ['stale', 'changed.txt', T(8)],
      ['stale', 'back.txt', T(101)],
    ]);
  });

  it('sends removals for indexed and rejected records whose object is gone, not for deleted ones', () => {
    const plan = planReconcile(
      [object('kept.txt')],
      [
        record('kept.txt'),
        record('gone.txt', { versionToken: T(0x2f) }),
        record('bad.bin', { status: 'rejected' }),
        record('old.txt', { status: 'deleted' }),
      ],
    );
    expect(decisions(plan).sort()).toEqual([
      ['removed', 'bad.bin', T(101)],
      ['removed', 'gone.txt', T(0x30)],
    ]);
    expect(plan.actions.every((a) => a.change === 'removed' && a.etag === undefined)).toBe(true);
  });

  it('skips folder markers and keys outside incoming/', () => {
    const plan = planReconcile(
      [{ key: 'incoming/presstv/' }, { key: 'work/x.json' }, object('a.txt')],
      [record('a.txt')],
    );
    expect(plan).toMatchObject({ actions: [], objects: 1, inSync: 1 });
  });

  describe('feeds', () => {
    const feed = 'gazette/local.rss';
    const container = (overrides: Partial<RecordView> & { etag?: string } = {}) =>
      record(feed, { status: 'feed', versionToken: T(50), etag: 'feed-etag', ...overrides });
    const items = [item(feed, 'bridge', 'indexed', 50), item(feed, 'lanes', 'indexed', 40)];

    it('compares the feed object with its container and never takes an item for an object', () => {
      const plan = planReconcile([object(feed, 'feed-etag')], [container(), ...items]);
      expect(plan).toMatchObject({ actions: [], objects: 1, records: 3, inSync: 1 });
    });

    it("re-sends a changed feed with a token after the container's and every item's", () => {
      const ahead = item(feed, 'library', 'indexed', 60); // an item written after its container
      const plan = planReconcile([object(feed, 'new-etag')], [container(), ...items, ahead]);
      expect(decisions(plan)).toEqual([['stale', feed, T(61)]]);
      expect(plan.actions[0]!.feed).toBe(true);
    });

    it('re-sends a feed whose container record was lost just after its items, not with the smallest token', () => {
      const plan = planReconcile([object(feed, 'feed-etag')], items);
      expect(decisions(plan)).toEqual([['missing', feed, T(51)]]);
    });

    it('withdraws a vanished feed once, through its key, with a token after its items', () => {
      const plan = planReconcile([], [container(), ...items]);
      expect(decisions(plan)).toEqual([['removed', feed, T(51)]]);
    });

    it('withdraws items still out after their feed was deleted (a lost withdrawal)', () => {
      const plan = planReconcile([], [container({ status: 'deleted', versionToken: T(70) }), ...items]);
      expect(decisions(plan)).toEqual([['removed', feed, T(71)]]);
      // Items already withdrawn need nothing.
      const settled = items.map((i) => ({ ...i, status: 'deleted' as const, versionToken: T(70) }));
      expect(
        planReconcile([], [container({ status: 'deleted', versionToken: T(70) }), ...settled]).actions,
      ).toEqual([]);
    });

    it('asks for the container and items of every feed it acts on, and for records that look missing', () => {
      const plan = planReconcile([object(feed, 'new-etag'), object('lost.txt')], [container(), ...items]);
      expect(idsToRead(plan).sort()).toEqual(
        [articleIdFor(`incoming/${feed}`), articleIdFor('incoming/lost.txt')].sort(),
      );
    });
  });

  it('keeps the newer of two reads of one record', () => {
    const plan = planReconcile(
      [object('a.txt', 'new')],
      [
        record('a.txt', { etag: 'old', versionToken: T(5) }),
        record('a.txt', { etag: 'new', versionToken: T(6) }),
      ],
    );
    expect(plan).toMatchObject({ actions: [], inSync: 1, records: 1 });
  });

  it('plans nothing once what it sent has been applied', () => {
    const objects = [object('a.txt'), object('lost.txt'), object('changed.txt', 'new')];
    const before = [record('a.txt'), record('changed.txt', { etag: 'old' }), record('gone.txt')];
    const first = planReconcile(objects, before);
    expect(first.actions.map((a) => a.reason).sort()).toEqual(['missing', 'removed', 'stale']);
    // What the index holds once the pipeline has handled them.
    const after = [
      record('a.txt'),
      record('lost.txt', { versionToken: MIN_TOKEN }),
      record('changed.txt', { etag: 'new', versionToken: nextToken(T(100)) }),
      record('gone.txt', { status: 'deleted', versionToken: nextToken(T(100)) }),
    ];
    expect(planReconcile(objects, after).actions).toEqual([]);
  });
});
