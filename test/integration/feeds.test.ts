import { GetObjectCommand } from '@aws-sdk/client-s3';
import { articleIdFor } from '../../shared/core/article-id';
import { feedItemId } from '../../shared/core/parse';
import { publishedKeyFor } from '../../shared/stages/publish-stage';
import { RAW_PREFIX } from '../../shared/topology';
import { createHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const item = (guid: string, title: string, text: string, date: string) => `
    <item>
      <title>${title}</title>
      <link>https://gazette.example.com/local/${guid}</link>
      <guid isPermaLink="false">${guid}</guid>
      <dc:creator>Jane Doe</dc:creator>
      <pubDate>${date}</pubDate>
      <category>Local</category>
      <content:encoded><![CDATA[<p>${text}</p><p>The council will publish the details next week, a spokesman said.</p>]]></content:encoded>
    </item>`;

const feed = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example Gazette — Local</title>
    <link>https://gazette.example.com/local</link>
    <language>en</language>${items.join('')}
  </channel>
</rss>`;

const BRIDGE = item(
  'bridge',
  'Harbour bridge reopens after repairs',
  'The harbour bridge in Portsmouth reopened to traffic on Tuesday after eight months of repairs, Mayor Helen Clark said.',
  'Tue, 05 Mar 2024 08:30:00 GMT',
);
const LIBRARY = item(
  'library',
  'Library opens late on weekdays',
  'The central library in Leeds will stay open until ten on weekdays from next month, the council said on Monday.',
  'Mon, 04 Mar 2024 17:00:00 GMT',
);
const LANES = item(
  'lanes',
  'Council approves new cycle lanes',
  'The city council in Bristol approved a network of protected cycle lanes on Thursday after a long debate.',
  'Thu, 29 Feb 2024 12:00:00 GMT',
);

describe('feeds on the emulator', () => {
  let h: Harness;
  const name = 'gazette/local.rss.txt'; // the name says text; the content says RSS
  const feedId = articleIdFor(`${RAW_PREFIX}${name}`);
  const ids = ['bridge', 'library', 'lanes'].map((guid) => feedItemId(feedId, guid));

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it('turns a 3-item feed into 3 queryable, published articles', async () => {
    await h.upload(name, feed([BRIDGE, LIBRARY, LANES]));
    await h.drain();

    const records = await Promise.all(ids.map((id) => h.index.get(id)));
    expect(records.map((r) => [r?.status, r?.title, r?.feedId])).toEqual([
      ['indexed', 'Harbour bridge reopens after repairs', feedId],
      ['indexed', 'Library opens late on weekdays', feedId],
      ['indexed', 'Council approves new cycle lanes', feedId],
    ]);
    expect(records[0]).toMatchObject({
      section: 'Local',
      authors: ['Jane Doe'],
      publishedAt: '2024-03-05T08:30:00.000Z',
      sourceName: 'gazette',
      source: { key: `${RAW_PREFIX}${name}` },
    });
    // Queryable like any article: by section, source and newest, newest first.
    expect((await h.find({ section: 'Local' })).map((i) => i.id)).toEqual(ids);
    expect((await h.find({ source: 'gazette' })).map((i) => i.id)).toEqual(ids);
    expect((await h.find({})).map((i) => i.id)).toEqual(ids);
    // The feed itself is a container, not an article.
    expect(await h.index.get(feedId)).toMatchObject({
      status: 'feed',
      title: 'Example Gazette — Local',
      feed: { format: 'rss', itemCount: 3, itemIds: ids },
    });
    expect((await h.index.get(feedId))?.status).toBe('feed');
    for (const id of ids) {
      const doc = await h.s3.send(
        new GetObjectCommand({ Bucket: h.deployment.names.publishedBucket, Key: publishedKeyFor(id) }),
      );
      expect(JSON.parse(await doc.Body!.transformToString())).toMatchObject({
        uri: expect.stringContaining(id),
      });
    }
  });

  it('keeps the items that fell off a rolled feed, and does not republish unchanged ones', async () => {
    const before = await h.index.get(ids[1]!);
    await h.upload(name, feed([BRIDGE, LIBRARY])); // the lanes story rolled off the window
    await h.drain();
    expect((await Promise.all(ids.map((id) => h.index.get(id)))).map((r) => r?.status)).toEqual([
      'indexed',
      'indexed',
      'indexed',
    ]);
    expect((await h.index.get(ids[1]!))?.version).toBe(before?.version);
    expect(await h.index.get(feedId)).toMatchObject({ status: 'feed', feed: { itemCount: 2 } });
  });

  it('withdraws all 3 items, the one that fell off included, when the feed object is deleted', async () => {
    await h.remove(name);
    await h.drain();
    expect(await h.index.get(feedId)).toMatchObject({ status: 'deleted' });
    const records = await Promise.all(ids.map((id) => h.index.get(id)));
    expect(records.map((r) => r?.status)).toEqual(['deleted', 'deleted', 'deleted']);
    expect(await h.find({ section: 'Local' })).toEqual([]);
    for (const id of ids) {
      await expect(
        h.s3.send(
          new GetObjectCommand({ Bucket: h.deployment.names.publishedBucket, Key: publishedKeyFor(id) }),
        ),
      ).rejects.toMatchObject({ name: 'NoSuchKey' });
    }
  });
});
