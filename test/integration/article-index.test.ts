import type { TaggedArticle } from '../../shared/core/article';
import { indexedRecord } from '../../shared/core/index-model';
import { ArticleIndex } from '../../shared/aws/article-index';
import { awsClientConfig } from '../../shared/aws/client-config';
import { documentClient } from '../../shared/aws/runtime';
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
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

  it('repairs the postings and fingerprints a crash lost between the record and them, on the next event for the article', async () => {
    const db = documentClient(awsClientConfig());
    const table = h.deployment.names.table;
    const source = (sequencer: string) => ({
      bucket: 'raw',
      key: 'incoming/crash/lighthouse.txt',
      etag: 'e1',
      sequencer,
      eventTime: '2026-11-29T10:00:00.000Z',
    });
    const lighthouse = { ...article('crash1', '2026-10-15T09:00:00Z'), title: 'Lighthouse keeper retires' };
    await h.index.apply('crash1', '0005', (prev) =>
      indexedRecord(lighthouse, source('0005'), '2026-11-29T10:00:03Z', { record: prev }),
    );
    expect((await h.find({ q: 'lighthouse' })).map((i) => i.id)).toEqual(['crash1']);

    const print = { fingerprints: lighthouse.fingerprints, wordCount: lighthouse.body.wordCount };
    const candidateIds = async () => (await h.index.duplicateCandidates(print)).map((c) => c.id);
    expect(await candidateIds()).toContain('crash1');

    // What a crash after the record's transaction leaves: the record, and none of its postings or fingerprints.
    const { Items } = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'id = :id AND (kind = :posting OR kind = :print)',
        ExpressionAttributeValues: { ':id': 'crash1', ':posting': 'Posting', ':print': 'Fingerprint' },
      }),
    );
    expect(Items!.filter((item) => item.kind === 'Posting').length).toBeGreaterThan(3);
    expect(Items!.filter((item) => item.kind === 'Fingerprint')).toHaveLength(1);
    for (const item of Items!)
      await db.send(new DeleteCommand({ TableName: table, Key: { pk: item.pk, sk: item.sk } }));
    expect(await h.find({ q: 'lighthouse' })).toEqual([]);
    expect(await candidateIds()).not.toContain('crash1');

    // The event again (a redelivery), or an older one (what reconcile sends for a record it cannot list).
    const again = await h.index.apply('crash1', '0001', () => {
      throw new Error('a stale event must not rebuild the record');
    });
    expect(again.outcome).toBe('stale');
    expect((await h.find({ q: 'lighthouse' })).map((i) => i.id)).toEqual(['crash1']);
    expect(
      (await h.find({ status: 'indexed', since: '2026-10', until: '2026-10' })).map((i) => i.id),
    ).toContain('crash1');
    expect(await candidateIds()).toContain('crash1');
  });
});
