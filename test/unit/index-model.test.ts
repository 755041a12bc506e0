import type { TaggedArticle } from '../../shared/core/article';
import {
  deletedRecord,
  facetKey,
  facetsOf,
  fingerprintItemsOf,
  indexedRecord,
  summaryOf,
  isSameContent,
  rejectedRecord,
  sourceNameOf,
  MAX_ENTITY_FACETS,
} from '../../shared/core/index-model';
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

  it('makes facets for section, source, month, salient entities and key phrases, not caption-only names', () => {
    const record = indexedRecord(article(), source(), now, {});
    expect(facetsOf(record).sort()).toEqual(
      ['ENTITY#wang yi', 'NEWEST#2026-11', 'SECTION#china', 'SOURCE#presstv', 'TAG#bilateral ties'].sort(),
    );
    expect(record.entities!.map((e) => e.name)).toEqual(['Wang Yi', 'Ilhan Omar']);
  });

  it('keys facets case- and space-insensitively', () => {
    expect(facetKey('entity', '  Taro   KONO ')).toBe('ENTITY#taro kono');
  });

  it('caps entity facets so one article fits one transaction', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      name: `Person ${i}`,
      type: 'person' as const,
      mentions: [],
      count: 1,
      salience: 0.5,
    }));
    const facets = facetsOf(indexedRecord(article({ entities: many }), source(), now, {}));
    expect(facets.filter((f) => f.startsWith('ENTITY#'))).toHaveLength(MAX_ENTITY_FACETS);
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
    expect(facetsOf(record)).toContain('NEWEST#2018-01');
  });

  it('gives rejected and deleted records no facets, but keeps the reason and the deletion', () => {
    const rejected = rejectedRecord('abc', { code: 'BINARY', message: 'not text' }, source(), now, {});
    expect(facetsOf(rejected)).toEqual([]);
    expect(rejected.rejection?.code).toBe('BINARY');
    const indexed = indexedRecord(article(), source(), now, {});
    const deleted = deletedRecord('abc', source({ sequencer: '0003' }), now, { record: indexed });
    expect(deleted).toMatchObject({ status: 'deleted', title: indexed.title, deletedAt: source().eventTime });
    expect(facetsOf(deleted)).toEqual([]);
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
      sk: 'ARTICLE#abc',
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

  it('lists a copy under COPIES#<original> and carries the mark in its summary', () => {
    const copy = {
      ...indexedRecord(article(), source(), now, {}),
      duplicateOf: { id: 'orig', kind: 'near' as const, distance: 4 },
    };
    expect(facetsOf(copy)).toContain('COPIES#orig');
    expect(summaryOf(copy).duplicateOf).toEqual(copy.duplicateOf);
    // A new version is matched afresh: the mark of the previous one is not carried over.
    const next = indexedRecord(article(), source({ etag: 'e2', sequencer: '0002' }), now, { record: copy });
    expect(next.duplicateOf).toBeUndefined();
  });
});
