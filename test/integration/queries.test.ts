import { createHarness, type Harness } from './harness';

jest.setTimeout(120_000);

/** A small news page with a stated publication date, so date ranges and ordering can be checked. */
const page = (title: string, published: string, section: string, person: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}">
<meta property="article:section" content="${section}">
<meta property="article:published_time" content="${published}">
</head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
<p>${person}, the city's harbour master, said on Monday that the new pier would open to ferries in the spring after two years of work on its foundations.</p>
<p>The project, paid for by the regional government, adds four berths and a covered waiting hall for passengers travelling to the islands.</p>
<p>"We have waited a long time for this," ${person} told reporters at the harbour office. "The old pier was simply too small for modern ferries."</p>
</article><footer>© Harbour Times</footer></body></html>`;

const ARTICLES = [
  {
    name: 'harbour/jan.html',
    published: '2026-01-15T09:00:00Z',
    title: 'New pier approved for the islands ferry',
  },
  {
    name: 'harbour/mar.html',
    published: '2026-03-10T09:00:00Z',
    title: 'Pier foundations finished ahead of schedule',
  },
  {
    name: 'harbour/may.html',
    published: '2026-05-20T09:00:00Z',
    title: 'Islands ferry moves to the new pier',
  },
];

describe('query access patterns on the emulator', () => {
  let h: Harness;
  const idsByName = new Map<string, string>();

  beforeAll(async () => {
    // Read by the parse handler when it loads: a small cap so one upload is over it.
    process.env.COPYDESK_MAX_INPUT_BYTES = '4096';
    h = await createHarness();
    for (const a of ARTICLES) {
      await h.upload(a.name, page(a.title, a.published, 'Harbour', 'Ingrid Solberg'));
    }
    await h.upload('harbour/huge.txt', 'A long line of text. '.repeat(400));
    await h.drain();
    const page1 = await h.index.listByFacet('source', 'harbour', { limit: 10 });
    for (const item of page1.items) idsByName.set(item.source.key.replace('incoming/', ''), item.id);
  });

  afterAll(async () => {
    delete process.env.COPYDESK_MAX_INPUT_BYTES;
    await h?.close();
  });

  it('lists newest first by the published date, a page at a time with a cursor', async () => {
    const first = await h.index.listByFacet('section', 'Harbour', { limit: 2 });
    expect(first.items.map((i) => i.title)).toEqual([ARTICLES[2]!.title, ARTICLES[1]!.title]);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await h.index.listByFacet('section', 'Harbour', { limit: 2, cursor: first.cursor });
    expect(second.items.map((i) => i.title)).toEqual([ARTICLES[0]!.title]);
    expect(second.cursor).toBeUndefined();
  });

  it('filters by an inclusive date range on every facet', async () => {
    const range = { since: '2026-03-01', until: '2026-05-20' };
    for (const [kind, value] of [
      ['section', 'harbour'],
      ['entity', 'Ingrid Solberg'],
      ['source', 'harbour'],
    ] as const) {
      const items = (await h.index.listByFacet(kind, value, range)).items.map((i) => i.title);
      expect({ kind, items }).toEqual({ kind, items: [ARTICLES[2]!.title, ARTICLES[1]!.title] });
    }
  });

  it('walks "newest" across month partitions, with a cursor and a range', async () => {
    const first = await h.index.listNewest({ limit: 2 });
    expect(first.items.map((i) => i.title)).toEqual([ARTICLES[2]!.title, ARTICLES[1]!.title]);
    const rest = await h.index.listNewest({ limit: 2, cursor: first.cursor });
    expect(rest.items.map((i) => i.title)).toEqual([ARTICLES[0]!.title]);
    expect(rest.cursor).toBeUndefined();
    const march = await h.index.listNewest({ since: '2026-02-01', until: '2026-04-30' });
    expect(march.items.map((i) => i.title)).toEqual([ARTICLES[1]!.title]);
  });

  it('finds articles by key phrase', async () => {
    const record = await h.index.get(idsByName.get('harbour/may.html')!);
    const phrase = record!.keyPhrases![0]!;
    const items = (await h.index.listByFacet('tag', phrase)).items.map((i) => i.id);
    expect(items).toContain(record!.id);
  });

  it('rejects an upload over the configured size as TOO_LARGE, without parsing it', async () => {
    const rejected = (await h.index.listByStatus('rejected')).items;
    expect(rejected).toEqual([
      expect.objectContaining({
        source: { key: 'incoming/harbour/huge.txt' },
        rejection: expect.objectContaining({ code: 'TOO_LARGE' }),
      }),
    ]);
    expect(await h.index.countByStatus('indexed')).toBe(3);
    expect(await h.index.countByStatus('rejected')).toBe(1);
  });
});
