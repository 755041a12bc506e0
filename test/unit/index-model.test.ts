import type { TaggedArticle } from '../../shared/core/article';
import {
  deletedRecord,
  fingerprintItemsOf,
  indexedRecord,
  isSameContent,
  MAX_HISTORY,
  rejectedRecord,
  sourceNameOf,
} from '../../shared/core/index-model';
import {
  listRef,
  MAX_ENTITY_LISTS,
  postingFacetsOf,
  postingPartition,
  postingsOf,
  SHARDS,
} from '../../shared/core/search-model';
import type { SourceObject } from '../../shared/core/messages';

const source = (overrides: Partial<SourceObject> = {}): SourceObject => ({
  bucket: 'raw',
  key: 'incoming/presstv/a.txt',
  etag: 'e1',
  sequencer: '0001',
  eventTime: '2026-11-29T10:00:00.000Z',
  ...overrides,
});

const article = (overrides: Partial<TaggedArticle> = {}): TaggedArticle => ({
  id: 'abc',
  source: {},
  format: 'text',
  title: 'China, Japan hope for improved ties',
  section: 'China',
  language: 'en',
  body: { paragraphs: ['x'], text: 'x', wordCount: 1, html: '<p>x</p>', markdown: 'x' },
  images: [],
  captions: [],
  authors: [],
  parsedAt: '2026-11-29T10:00:01.000Z',
  taggedAt: '2026-11-29T10:00:02.000Z',
  entities: [
    { name: 'Wang Yi', type: 'person', mentions: ['Wang Yi'], count: 3, salience: 0.9 },
    {
      name: 'Ilhan Omar',
      type: 'person',
      mentions: ['Ilhan Omar'],
      count: 1,
      salience: 0.05,
      captionOnly: true,
    },
  ],
  keyPhrases: [{ text: 'bilateral ties', score: 0.8 }],
  topics: [],
  fingerprints: { exact: '0'.repeat(64), simhash: '0'.repeat(16) },
  tagger: { engine: 'copydesk', version: 'test' },
  ...overrides,
});

describe('the index model', () => {
  const now = '2026-11-29T10:00:03.000Z';

  it('derives the source name from the folder under incoming/', () => {
    expect(sourceNameOf('incoming/presstv/2026/a.txt')).toBe('presstv');
    expect(sourceNameOf('incoming/a.txt')).toBe('unsorted');
  });

  const lists = (record: Parameters<typeof postingsOf>[0]) =>
    postingsOf(record)
      .map((p) => p.pk)
      .filter((pk) => !pk.startsWith('W#'))
      .map((pk) => pk.replace(/#\d$/, ''))
      .sort();

  it('lists an article by status, source, section, language and salient entities, not caption-only names', () => {
    const record = indexedRecord(article(), source(), now, {});
    expect(lists(record)).toEqual(['E#wang yi', 'L#en', 'SEC#china', 'SRC#presstv', 'ST#indexed']);
    expect(record.entities!.map((e) => e.name)).toEqual(['Wang Yi', 'Ilhan Omar']);
    const words = postingsOf(record).filter((p) => p.pk.startsWith('W#'));
    // "ties" is in the headline and a key phrase; "bilateral" only in the key phrase.
    expect(words.find((w) => w.pk === 'W#ti')!.weight).toBeGreaterThan(
      words.find((w) => w.pk === 'W#bilater')!.weight,
    );
    expect(words.map((w) => w.pk)).not.toContain('W#ilhan');
  });

  it('keys lists case-, accent- and space-insensitively, and spreads broad ones over shards', () => {
    expect(listRef('entity', '  Taro   KŌNO ').partitions).toEqual(['E#taro kono']);
    expect(listRef('status', 'indexed').partitions).toHaveLength(SHARDS);
    const ids = Array.from({ length: 64 }, (_, i) => `${i}`.padStart(20, '0'));
    expect(new Set(ids.map((id) => postingPartition('status', 'indexed', id))).size).toBe(SHARDS);
  });

  it('finds an entity by its name-like aliases, and caps the entities listed', () => {
    const kono = {
      name: 'Taro Kono',
      type: 'person' as const,
      mentions: ['Taro Kono', 'Kano', 'the Japanese foreign minister'],
      count: 4,
      salience: 0.9,
    };
    const record = indexedRecord(article({ entities: [kono] }), source(), now, {});
    expect(lists(record).filter((k) => k.startsWith('E#'))).toEqual(['E#kano', 'E#kono', 'E#taro kono']);
    const many = Array.from({ length: 80 }, (_, i) => ({
      name: `Person ${i}`,
      type: 'person' as const,
      mentions: [],
      count: 1,
      salience: 0.5,
    }));
    const crowded = indexedRecord(article({ entities: many }), source(), now, {});
    expect(lists(crowded).filter((k) => k.startsWith('E#'))).toHaveLength(MAX_ENTITY_LISTS);
  });

  it('keeps a history of what happened to the record, the oldest steps falling off', () => {
    let record = indexedRecord(article(), source(), now, {});
    for (let i = 2; i <= MAX_HISTORY + 5; i++)
      record = indexedRecord(
        article(),
        source({ etag: `e${i}`, sequencer: String(i).padStart(4, '0') }),
        now,
        {
          record,
        },
      );
    expect(record.history).toHaveLength(MAX_HISTORY);
    expect(record.history!.at(-1)).toMatchObject({ event: 'reindexed', version: MAX_HISTORY + 5 });
    const sameBytes = source({ etag: `e${MAX_HISTORY + 5}`, sequencer: '9999' });
    const retagged = indexedRecord(article(), sameBytes, now, { record });
    expect(retagged.history!.at(-1)).toMatchObject({ event: 'retagged', version: record.version });
  });

  it('counts versions by content: same ETag keeps the version, new content bumps it', () => {
    const first = indexedRecord(article(), source(), now, {});
    expect(first.version).toBe(1);
    expect(isSameContent(first, source({ sequencer: '0002' }))).toBe(true);
    const second = indexedRecord(article(), source({ etag: 'e2', sequencer: '0002' }), now, {
      record: first,
    });
    expect(second.version).toBe(2);
    expect(second.firstIndexedAt).toBe(first.firstIndexedAt);
  });

  it('sorts by the published date when the article has one', () => {
    const record = indexedRecord(article({ publishedAt: '2018-01-28T00:00:00Z' }), source(), now, {});
    expect(record.articleDate).toBe('2018-01-28T00:00:00Z');
    expect(new Set(postingsOf(record).map(() => record.articleDate))).toEqual(
      new Set(['2018-01-28T00:00:00Z']),
    );
  });

  it('lists rejected and deleted records by status only (and a rejection by source), keeping the reason', () => {
    const rejected = rejectedRecord('abc', { code: 'BINARY', message: 'not text' }, source(), now, {});
    expect(lists(rejected)).toEqual(['SRC#presstv', 'ST#rejected']);
    expect(rejected.rejection?.code).toBe('BINARY');
    const indexed = indexedRecord(article(), source(), now, {});
    const deleted = deletedRecord('abc', source({ sequencer: '0003' }), now, { record: indexed });
    expect(deleted).toMatchObject({ status: 'deleted', title: indexed.title, deletedAt: source().eventTime });
    expect(lists(deleted)).toEqual(['ST#deleted']);
    expect(deleted.history!.map((h) => h.event)).toEqual(['indexed', 'deleted']);
    expect(isSameContent(deleted, source())).toBe(false);
  });

  it('stores the fingerprints, and a long article files them under 8 SimHash bands', () => {
    const long = article({
      body: { paragraphs: ['x'], text: 'x', wordCount: 400, html: '', markdown: '' },
      fingerprints: { exact: 'e'.repeat(64), simhash: '0123456789abcdef' },
    });
    const record = indexedRecord(long, source(), now, {});
    expect(record.fingerprints).toEqual(long.fingerprints);
    const items = fingerprintItemsOf(record);
    expect(items.map((i) => i.pk)).toEqual([
      'SIMHASH#0#01',
      'SIMHASH#1#23',
      'SIMHASH#2#45',
      'SIMHASH#3#67',
      'SIMHASH#4#89',
      'SIMHASH#5#ab',
      'SIMHASH#6#cd',
      'SIMHASH#7#ef',
    ]);
    expect(items[0]).toMatchObject({
      // Sorted inside the band by the next band's bits, then by when it was first indexed.
      sk: `23#${now}#abc`,
      id: 'abc',
      firstIndexedAt: now,
      simhash: '0123456789abcdef',
    });
  });

  it('files a short article under its exact fingerprint only, and a withdrawn one nowhere', () => {
    const record = indexedRecord(article(), source(), now, {});
    expect(fingerprintItemsOf(record).map((i) => i.pk)).toEqual([`EXACT#${'0'.repeat(64)}`]);
    const deleted = deletedRecord('abc', source({ sequencer: '0003' }), now, { record });
    expect(fingerprintItemsOf(deleted)).toEqual([]);
    expect(
      fingerprintItemsOf(rejectedRecord('abc', { code: 'EMPTY', message: '' }, source(), now, {})),
    ).toEqual([]);
  });

  it('lists a copy under D#<original> and carries the mark on every posting', () => {
    const copy = {
      ...indexedRecord(article(), source(), now, {}),
      duplicateOf: { id: 'orig', kind: 'near' as const, distance: 4 },
    };
    expect(lists(copy)).toContain('D#orig');
    expect(postingFacetsOf(copy).d).toBe('orig');
    // A new version is matched afresh: the mark of the previous one is not carried over.
    const next = indexedRecord(article(), source({ etag: 'e2', sequencer: '0002' }), now, { record: copy });
    expect(next.duplicateOf).toBeUndefined();
  });
});
