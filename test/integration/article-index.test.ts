import type { TaggedArticle } from '../../shared/core/article';
import { indexedRecord } from '../../shared/core/index-model';
import { ArticleIndex } from '../../shared/aws/article-index';
import { awsClientConfig } from '../../shared/aws/client-config';
import { documentClient } from '../../shared/aws/runtime';
import { createHarness, type Harness } from './harness';

jest.setTimeout(60_000);

const article = (id: string, publishedAt: string): TaggedArticle => ({
  id,
  source: {},
  format: 'text',
  title: `Report of ${publishedAt.slice(0, 7)}`,
  language: 'en',
  body: { paragraphs: ['x'], text: 'x', wordCount: 1, html: '<p>x</p>', markdown: 'x' },
  images: [],
  captions: [],
  authors: [],
  publishedAt,
  parsedAt: '2026-11-29T10:00:01.000Z',
  taggedAt: '2026-11-29T10:00:02.000Z',
  entities: [],
  keyPhrases: [],
  topics: [],
  fingerprints: { exact: '0'.repeat(64), simhash: '0'.repeat(16) },
  tagger: { engine: 'copydesk', version: 'test' },
});

describe('the article index on the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it('finds every article newest first when many writers index at the same time', async () => {
    const months = Array.from(
      { length: 36 },
      (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    // One index per writer, as separate Lambda containers each with their own language cache.
    await Promise.all(
      months.map((month, i) => {
        const writer = new ArticleIndex(documentClient(awsClientConfig()), h.deployment.names.table);
        const source = {
          bucket: 'raw',
          key: `incoming/monthly/${month}.txt`,
          etag: `e${i}`,
          sequencer: '0001',
          eventTime: '2026-11-29T10:00:00.000Z',
        };
        return writer.apply(`m${i}`, '0001', (prev) =>
          indexedRecord(article(`m${i}`, `${month}-15T09:00:00Z`), source, '2026-11-29T10:00:03Z', {
            record: prev,
          }),
        );
      }),
    );
    const newest = await h.find({});
    expect(newest.map((item) => item.articleDate.slice(0, 7))).toEqual([...months].reverse());
    expect(await h.index.counts()).toMatchObject({ indexed: months.length });
  });
});
