import type { TaggedArticle } from '../../shared/core/article';
import { articleIdFor } from '../../shared/core/article-id';
import { deletedRecord, indexedRecord } from '../../shared/core/index-model';
import { ArticleIndex } from '../../shared/aws/article-index';
import { awsClientConfig } from '../../shared/aws/client-config';
import { documentClient } from '../../shared/aws/runtime';
import { settleDuplicates, withOriginal } from '../../shared/stages/duplicates';
import { DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RAW_PREFIX } from '../../shared/topology';
import { fingerprintArticle, hammingDistance } from '../../shared/core/tag/fingerprint';
import { createHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const STORY = [
  'Work to deepen the main shipping channel of the harbour will begin in April, the port authority said on Monday, after three years of planning and two rounds of public consultation.',
  'The project will remove about 1.2 million cubic metres of silt and allow container ships with a draught of up to 14 metres to dock at the eastern terminal at any tide.',
  'Fishing crews have raised concerns about noise and sediment near the breeding grounds of local shellfish, and the authority has agreed to pause dredging during the summer months.',
  '"We listened to the fishermen, and the timetable reflects that," the chief engineer told reporters at the quay, adding that water quality would be monitored every week.',
  'The council expects the deeper channel to bring an extra 300 jobs to the port by the end of the decade, though opposition members questioned the forecast.',
];

const OTHER_STORY = [
  'The regional orchestra will close its concert hall for eighteen months from January while the roof, the seating and the stage machinery are replaced, its director announced on Thursday.',
  'Concerts will move to the university auditorium and two churches in the old town, and subscribers will keep their seats under a plan agreed with the city council last week.',
  'The work, budgeted at 42 million euros, was delayed twice after engineers found that the timber beams above the main hall had been weakened by decades of leaking gutters.',
  '"Nobody wanted to lose a season, but we would have lost the building," the director said, adding that the acoustics of the hall would be measured before and after the work.',
  'Musicians welcomed the decision but warned that touring more often to fill the gap would strain a budget already cut by the regional government in each of the past three years.',
];

/** One story on two different sites: each with its own headline, navigation, promos and footer. */
const onSite = (site: string, headline: string, paragraphs: string[]) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${headline} | ${site}</title></head><body>
<nav><a href="/">${site}</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Council tax to rise</a></li><li><a href="/b">Storm warning</a></li></ul></aside>
<footer>© 2026 ${site}. All rights reserved.</footer></body></html>`;

const idOf = (name: string) => articleIdFor(`${RAW_PREFIX}${name}`);

describe('duplicate detection on the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it('marks a later copy of a story as a copy of the first, and lists the copies', async () => {
    await h.upload('port/dredging.html', onSite('Port News', 'Harbour dredging to start in spring', STORY));
    await h.drain();
    const original = idOf('port/dredging.html');
    expect((await h.index.get(original))?.duplicateOf).toBeUndefined();

    // Same text and headline on another site: an exact copy once the page furniture is gone.
    await h.upload('wire/a.html', onSite('Coast Wire', 'Harbour dredging to start in spring', STORY));
    // Copy-edited: a new headline, a corrected word and a credit line of its own.
    const edited = [...STORY, 'Reporting by the Coast Wire news desk.'];
    edited[1] = edited[1]!.replace('about 1.2 million', 'roughly 1.2 million');
    await h.upload('daily/b.html', onSite('The Daily', 'Port to deepen channel for bigger ships', edited));
    await h.drain();

    expect((await h.index.get(idOf('wire/a.html')))?.duplicateOf).toEqual({
      id: original,
      kind: 'exact',
      distance: 0,
    });
    const near = (await h.index.get(idOf('daily/b.html')))?.duplicateOf;
    expect(near).toMatchObject({ id: original, kind: 'near' });
    expect(near!.distance).toBeGreaterThan(0);

    const copies = await h.find({ duplicateOf: original });
    expect(copies.map((i) => i.id).sort()).toEqual([idOf('wire/a.html'), idOf('daily/b.html')].sort());
    // The article view shows both sides: the copies of an original, and the original of a copy.
    const view = await h.archive.article(original);
    expect(view.duplicates.copies.map((c) => c.id).sort()).toEqual(copies.map((c) => c.id).sort());
    expect((await h.archive.article(idOf('daily/b.html'))).duplicates.of?.id).toBe(original);
  });

  it('never marks a new version as a copy of itself, and forgets a deleted article', async () => {
    const name = 'port/ferry.html';
    const text = [
      'The island ferry operator will run two extra crossings a day from December, it said on Tuesday, after complaints from commuters about crowded boats on the early morning route.',
      'A second vessel, leased from a Norwegian company, will join the route for the winter and carry up to 400 passengers and 60 cars on each trip.',
      'Island residents welcomed the move but said fares remained too high, and a local campaign group called on the council to subsidise season tickets for workers and students.',
    ];
    await h.upload(name, onSite('Port News', 'Ferry adds crossings', text));
    await h.drain();
    await h.upload(name, onSite('Port News', 'Ferry adds crossings (corrected)', [...text, 'Corrected.']));
    await h.drain();
    const record = await h.index.get(idOf(name));
    expect(record).toMatchObject({ version: 2, status: 'indexed' });
    expect(record?.duplicateOf).toBeUndefined();
    const print = { fingerprints: record!.fingerprints!, wordCount: record!.wordCount };
    const candidates = await h.index.duplicateCandidates(print);
    expect(candidates.map((c) => c.id)).toContain(idOf(name));

    await h.remove(name);
    await h.drain();
    expect((await h.index.duplicateCandidates(print)).map((c) => c.id)).not.toContain(idOf(name));
  });

  // Whole partitions in a small archive; probes, and a settle step that reads only recent items, in a large one.
  it.each([
    ['whole partitions', STORY.map((p) => p.replace('harbour', 'river harbour')), undefined],
    ['probes', OTHER_STORY, 0],
  ])(
    'agrees on one original when copies are indexed at the same moment (%s)',
    async (_, story, probeFrom) => {
      const now = '2026-11-29T10:00:00.000Z';
      const paragraphs = story as string[];
      const ids = Array.from({ length: 6 }, (_, i) => `race${probeFrom ?? ''}${i}`);
      // One index per writer, as separate Lambda containers; each does what the index stage does.
      await Promise.all(
        ids.map(async (id, i) => {
          const writer = new ArticleIndex(
            documentClient(awsClientConfig()),
            h.deployment.names.table,
            probeFrom ?? undefined,
          );
          const article = tagged(id, [...paragraphs, `Copy ${i}.`]);
          const source = {
            bucket: 'raw',
            key: `incoming/race/${id}.html`,
            etag: id,
            sequencer: '0001',
            eventTime: now,
          };
          const result = await writer.apply(id, '0001', (previous) =>
            withOriginal(indexedRecord(article, source, now, { record: previous }), writer),
          );
          if (result.outcome === 'applied') await settleDuplicates(result.record, writer);
        }),
      );
      const records = await Promise.all(ids.map((id) => h.index.get(id)));
      // Same firstIndexedAt for all: the tie goes to the lowest id, and every other one is marked.
      expect(records.filter((r) => !r?.duplicateOf).map((r) => r?.id)).toEqual([ids[0]]);
      for (const r of records.slice(1)) expect(r?.duplicateOf?.kind).toBe('near');
    },
  );

  it('finds a near copy by probes, and only recently indexed ones when asked for copies indexed since a time', async () => {
    const paragraphs = STORY.map((p) => p.replace('harbour', 'canal basin'));
    const index = async (id: string, at: string, text: string[]) => {
      const source = {
        bucket: 'raw',
        key: `incoming/window/${id}.html`,
        etag: id,
        sequencer: '0001',
        eventTime: at,
      };
      await h.index.apply(id, '0001', (previous) =>
        indexedRecord(tagged(id, text), source, at, { record: previous }),
      );
    };
    await index('window-old', '2026-01-05T08:00:00.000Z', paragraphs);
    // A near copy: the same story with a credit line of its own, a few SimHash bits away.
    await index('window-new', '2026-11-29T09:58:00.000Z', [...paragraphs, 'Reporting by the canal desk.']);
    const record = (await h.index.get('window-new'))!;
    const print = { fingerprints: record.fingerprints!, wordCount: record.wordCount };
    const probing = new ArticleIndex(documentClient(awsClientConfig()), h.deployment.names.table, 0);
    const ids = async (indexedSince?: string) =>
      (await probing.duplicateCandidates(print, { consistentRead: true, indexedSince })).map((c) => c.id);

    const old = (await h.index.get('window-old'))!;
    expect(hammingDistance(old.fingerprints!.simhash, record.fingerprints!.simhash)).toBeGreaterThan(0);
    expect(await ids()).toEqual(expect.arrayContaining(['window-old', 'window-new']));
    expect(await ids('2026-11-29T09:55:00.000Z')).toContain('window-new');
    expect(await ids('2026-11-29T09:55:00.000Z')).not.toContain('window-old');
  });

  it('moves fingerprint items kept under the legacy key to their new keys, and deletes them with the article', async () => {
    const db = documentClient(awsClientConfig());
    const table = h.deployment.names.table;
    const paragraphs = STORY.map((p) => p.replace('harbour', 'marina'));
    const source = (sequencer: string) => ({
      bucket: 'raw',
      key: 'incoming/legacy/marina.html',
      etag: sequencer,
      sequencer,
      eventTime: '2026-11-29T10:00:00.000Z',
    });
    await h.index.apply('legacy1', '0001', (previous) =>
      indexedRecord(tagged('legacy1', paragraphs), source('0001'), '2026-11-29T10:00:00.000Z', {
        record: previous,
      }),
    );
    const printItems = async () =>
      (
        await db.send(
          new ScanCommand({
            TableName: table,
            FilterExpression: 'id = :id AND kind = :print',
            ExpressionAttributeValues: { ':id': 'legacy1', ':print': 'Fingerprint' },
          }),
        )
      ).Items!;
    // What an archive written before time-ordered keys holds: the same items under `ARTICLE#<id>`.
    const timed = await printItems();
    expect(timed).toHaveLength(8);
    for (const item of timed) {
      await db.send(new DeleteCommand({ TableName: table, Key: { pk: item.pk, sk: item.sk } }));
      await db.send(new PutCommand({ TableName: table, Item: { ...item, sk: 'ARTICLE#legacy1' } }));
    }
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: 'ARTICLE#legacy1', sk: 'ARTICLE' },
        UpdateExpression: 'REMOVE fingerprintLayout',
      }),
    );

    // A new version with the same text: every item ends up under its time-ordered key, none under the old.
    await h.index.apply('legacy1', '0002', (previous) =>
      indexedRecord(tagged('legacy1', paragraphs), source('0002'), '2026-11-29T11:00:00.000Z', {
        record: previous,
      }),
    );
    const moved = await printItems();
    expect(moved).toHaveLength(8);
    for (const item of moved) expect(item.sk).toMatch(/^[0-9a-f]{2}#2026-11-29T10:00:00\.000Z#legacy1$/);

    await h.index.apply('legacy1', '0003', (previous) =>
      deletedRecord('legacy1', source('0003'), '2026-11-29T12:00:00.000Z', { record: previous }),
    );
    expect(await printItems()).toEqual([]);
  });
});

function tagged(id: string, paragraphs: string[]): TaggedArticle {
  const text = paragraphs.join('\n\n');
  const parsed = {
    id,
    source: {},
    format: 'html' as const,
    title: 'River harbour dredging',
    language: 'en',
    body: { paragraphs, text, wordCount: text.split(/\s+/).length, html: '', markdown: '' },
    images: [],
    captions: [],
    authors: [],
    parsedAt: '2026-11-29T10:00:00.000Z',
  };
  return {
    ...parsed,
    entities: [],
    keyPhrases: [],
    topics: [],
    fingerprints: fingerprintArticle(parsed),
    tagger: { engine: 'copydesk', version: 'test' },
    taggedAt: '2026-11-29T10:00:00.000Z',
  };
}
