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

describe('search on the emulator: the DynamoDB lists behind the archive', () => {
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
    for (const item of await h.find({ source: 'harbour' }))
      idsByName.set(item.source.key.replace('incoming/', ''), item.id);
  });

  afterAll(async () => {
    delete process.env.COPYDESK_MAX_INPUT_BYTES;
    await h?.close();
  });

  const titles = (hits: Array<{ title?: string }>) => hits.map((i) => i.title);

  it('lists newest first by the published date, a page at a time with a cursor', async () => {
    const first = await h.archive.search({ section: 'Harbour', limit: '2' });
    expect(titles(first.items)).toEqual([ARTICLES[2]!.title, ARTICLES[1]!.title]);
    expect(first.total).toBe(3);
    const second = await h.archive.search({ section: 'Harbour', limit: '2', cursor: first.cursor! });
    expect(titles(second.items)).toEqual([ARTICLES[0]!.title]);
    expect(second.cursor).toBeUndefined();
  });

  it('filters by an inclusive date range, with any other filter', async () => {
    const range = { since: '2026-03-01', until: '2026-05-20' };
    const filters: Array<Record<string, string>> = [
      { section: 'harbour' },
      { entity: 'Ingrid Solberg' },
      { source: 'harbour' },
      {},
    ];
    for (const filter of filters) {
      const items = titles(await h.find({ ...filter, ...range }));
      expect({ filter, items }).toEqual({ filter, items: [ARTICLES[2]!.title, ARTICLES[1]!.title] });
    }
    expect(titles(await h.find({ since: '2026-02', until: '2026-04' }))).toEqual([ARTICLES[1]!.title]);
  });

  it('finds words in headlines and key phrases, best match first, and counts facets', async () => {
    const r = await h.archive.search({ q: 'ferry pier' });
    // Both words in the headline beat one word in the headline and one in the lead.
    expect(titles(r.items).slice(0, 2).sort()).toEqual([ARTICLES[0]!.title, ARTICLES[2]!.title].sort());
    expect(r.facets.entities[0]).toEqual({ value: 'Ingrid Solberg', count: r.total });
    expect(r.facets.months.map((m) => m.value)).toEqual(expect.arrayContaining(['2026-05']));
    const record = await h.index.get(idsByName.get('harbour/may.html')!);
    const phrase = record!.keyPhrases![0]!;
    expect((await h.find({ q: phrase })).map((i) => i.id)).toContain(record!.id);
  });

  it('rejects an upload over the configured size as TOO_LARGE, listed with its reason', async () => {
    const rejected = await h.archive.rejected({});
    expect(rejected.items).toEqual([
      expect.objectContaining({
        source: { key: 'incoming/harbour/huge.txt' },
        rejection: expect.objectContaining({ code: 'TOO_LARGE' }),
      }),
    ]);
    expect(await h.index.counts()).toEqual({ indexed: 3, rejected: 1, deleted: 0 });
  });
});
