import type { TaggedArticle } from '../../shared/core/article';
import {
  deletedRecord,
  facetKey,
  facetsOf,
  indexedRecord,
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
});
