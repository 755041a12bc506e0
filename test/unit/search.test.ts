import type { ArticleRecord, EntitySummary } from '../../shared/core/index-model';
import { InvalidRequestError, type SearchResponse } from '../../shared/stages/archive-api';
import { parseSearchRequest, READ_BOUND, search } from '../../shared/stages/search';
import { MemoryArchiveIndex } from '../support/memory-archive-index';

const NOW = new Date('2026-12-01T00:00:00Z');
let serial = 0;

function record(fields: Partial<ArticleRecord> & { title: string; articleDate: string }): ArticleRecord {
  serial += 1;
  const id = fields.id ?? serial.toString(16).padStart(20, '0');
  return {
    id,
    status: 'indexed',
    version: 1,
    versionToken: '01',
    source: { bucket: 'raw', key: `incoming/${fields.sourceName ?? 'wire'}/${id}.txt` },
    sourceName: 'wire',
    firstIndexedAt: fields.articleDate,
    updatedAt: fields.articleDate,
    language: 'en',
    ...fields,
  };
}

const person = (name: string, salience: number, extra: Partial<EntitySummary> = {}): EntitySummary => ({
  name,
  type: 'person',
  salience,
  ...extra,
});
const place = (name: string, country: string, salience: number): EntitySummary => ({
  name,
  type: 'place',
  salience,
  country,
});

const run = async (index: MemoryArchiveIndex, params: Record<string, string>) =>
  search(index, parseSearchRequest(params), () => NOW);
const titles = (r: SearchResponse) => r.items.map((i) => i.title);

describe('search: words', () => {
  const index = new MemoryArchiveIndex().add(
    record({
      title: 'Harbour pier opens to ferries',
      articleDate: '2026-11-01T08:00:00Z',
      lead: 'The new pier opened on Monday.',
    }),
    record({
      title: 'Council approves budget',
      articleDate: '2026-11-20T08:00:00Z',
      lead: 'The harbour fund was cut by a tenth, the council said.',
    }),
    record({ title: 'Zürich bankers meet', articleDate: '2026-10-01T08:00:00Z' }),
    record({ title: 'Ministers agree on fishing quotas', articleDate: '2026-09-01T08:00:00Z' }),
  );

  it('ranks a match in the headline above a newer match in the lead', async () => {
    const r = await run(index, { q: 'harbour' });
    expect(titles(r)).toEqual(['Harbour pier opens to ferries', 'Council approves budget']);
    expect(r.total).toBe(2);
    expect(r.complete).toBe(true);
  });

  it('folds case and accents, and stems in the article language', async () => {
    expect(titles(await run(index, { q: 'ZURICH' }))).toEqual(['Zürich bankers meet']);
    expect(titles(await run(index, { q: 'minister' }))).toEqual(['Ministers agree on fishing quotas']);
    expect(titles(await run(index, { q: 'opened ferry' }))).toEqual(['Harbour pier opens to ferries']);
  });

  it('needs every word (AND), and a query of stopwords alone constrains nothing', async () => {
    expect(titles(await run(index, { q: 'harbour budget' }))).toEqual(['Council approves budget']);
    expect(titles(await run(index, { q: 'harbour quotas' }))).toEqual([]);
    expect((await run(index, { q: 'the of and' })).total).toBe(4);
  });

  it('says where the words matched, as offsets into the field', async () => {
    const [hit] = (await run(index, { q: 'ferries pier' })).items;
    const spans = hit!.highlights.title!.map(([s, e]) => hit!.title!.slice(s, e));
    expect(spans).toEqual(['pier', 'ferries']);
    expect(hit!.highlights.lead!.map(([s, e]) => hit!.lead!.slice(s, e))).toEqual(['pier']);
  });
});

describe('search: filters and facets', () => {
  const kono = person('Taro Kono', 0.9, { aliases: ['Kono', 'Kano'] });
  const wang = person('Wang Yi', 0.8);
  const index = new MemoryArchiveIndex().add(
    record({
      title: 'Japan and China agree to improve ties',
      articleDate: '2026-11-12T08:00:00Z',
      section: 'China',
      entities: [kono, wang, place('Beijing', 'CN', 0.5), place('Tokyo', 'JP', 0.4)],
      topics: [{ code: 'medtop:11000000', label: 'politics and government', confidence: 0.9 }],
    }),
    record({
      title: 'Kono visits Hanoi',
      articleDate: '2026-10-03T08:00:00Z',
      section: 'Asia',
      entities: [{ ...kono, salience: 0.7 }, place('Hanoi', 'VN', 0.6)],
    }),
    record({
      title: 'Wang Yi meets Lavrov',
      articleDate: '2026-11-02T08:00:00Z',
      section: 'China',
      entities: [wang],
      sourceName: 'presstv',
    }),
    record({ title: 'Unreadable upload', articleDate: '2026-11-05T08:00:00Z', status: 'rejected' }),
    record({ title: 'Withdrawn story', articleDate: '2026-11-06T08:00:00Z', status: 'deleted' }),
  );

  it('combines an entity by alias with a section and a month', async () => {
    expect(titles(await run(index, { entity: 'Kono' }))).toEqual([
      'Japan and China agree to improve ties',
      'Kono visits Hanoi',
    ]);
    const r = await run(index, { entity: 'taro kono', section: 'china', since: '2026-11', until: '2026-11' });
    expect(titles(r)).toEqual(['Japan and China agree to improve ties']);
    // A year is a range too, and `until` takes in the whole of it.
    expect((await run(index, { entity: 'Kono', since: '2026', until: '2026' })).total).toBe(2);
    expect((await run(index, { entity: 'Kono', until: '2025' })).total).toBe(0);
  });

  it('filters by country, topic label, source and status', async () => {
    expect(titles(await run(index, { country: 'vn' }))).toEqual(['Kono visits Hanoi']);
    expect(titles(await run(index, { topic: 'politics' }))).toEqual([
      'Japan and China agree to improve ties',
    ]);
    expect(titles(await run(index, { source: 'PressTV' }))).toEqual(['Wang Yi meets Lavrov']);
    expect(titles(await run(index, { status: 'rejected' }))).toEqual(['Unreadable upload']);
    // A deleted article is in no list but its status: found by status, then filtered.
    expect(titles(await run(index, { status: 'deleted', source: 'wire' }))).toEqual(['Withdrawn story']);
    expect(titles(await run(index, { place: 'Beijing', q: 'ties' }))).toEqual([
      'Japan and China agree to improve ties',
    ]);
  });

  it('counts facets over the whole result set, not only the page', async () => {
    const r = await run(index, { limit: '1' });
    expect(r.items).toHaveLength(1);
    expect(r.total).toBe(3);
    expect(r.facets.entities.slice(0, 2)).toEqual([
      { value: 'Taro Kono', count: 2 },
      { value: 'Wang Yi', count: 2 },
    ]);
    expect(r.facets.sections).toEqual([
      { value: 'China', count: 2 },
      { value: 'Asia', count: 1 },
    ]);
    expect(r.facets.months).toEqual([
      { value: '2026-11', count: 2 },
      { value: '2026-10', count: 1 },
    ]);
    expect(r.facets.topics).toEqual([
      { value: 'medtop:11000000', label: 'politics and government', count: 1 },
    ]);
    expect(r.facets.places.map((p) => p.value)).toEqual(['Beijing', 'Hanoi', 'Tokyo']);
  });
});

describe('search: pages and bounds', () => {
  // 600 articles a day apart: every one names the harbour; every tenth also the ferry.
  const index = new MemoryArchiveIndex();
  for (let i = 0; i < 600; i++) {
    const day = new Date(Date.UTC(2026, 10, 30) - i * 86_400_000).toISOString();
    index.add(
      record({
        title: `Harbour report ${i}${i % 10 === 0 ? ' on the ferry' : ''}${i === 450 ? ' and the lighthouse' : ''}`,
        articleDate: day,
      }),
    );
  }

  it('walks every page once, in a stable order, with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await run(index, { q: 'ferry', limit: '7', ...(cursor ? { cursor } : {}) });
      seen.push(...r.items.map((i) => i.id));
      cursor = r.cursor;
    } while (cursor);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('finds an old rare match under a common word exactly, reading candidates directly', async () => {
    const r = await run(index, { q: 'harbour lighthouse' });
    expect(titles(r)).toEqual(['Harbour report 450 on the ferry and the lighthouse']);
    expect(r.complete).toBe(true);
    expect(r.read.items).toBeLessThanOrEqual(r.read.bound);
  });

  it('stops at the read bound and says which matches it vouches for', async () => {
    const big = new MemoryArchiveIndex();
    for (let i = 0; i < 3000; i++) {
      const day = new Date(Date.UTC(2026, 10, 30) - i * 3_600_000).toISOString();
      big.add(record({ title: `Harbour ferry timetable ${i}`, articleDate: day }));
    }
    const r = await run(big, { q: 'harbour ferry' });
    expect(big.postingsRead + big.gets).toBeLessThanOrEqual(READ_BOUND);
    expect(r.complete).toBe(false);
    expect(r.total).toBeGreaterThan(500);
    const oldest = r.coveredFrom!;
    for (const m of r.items) expect(m.articleDate >= oldest).toBe(true);
  });
});

describe('search: requests it refuses', () => {
  const index = new MemoryArchiveIndex().add(record({ title: 'One', articleDate: '2026-11-01T00:00:00Z' }));
  const refuses = async (params: Record<string, string>, parameter: string) => {
    const error = await run(index, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).parameter).toBe(parameter);
  };

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ since: '2026-13-01' }, 'since'],
    [{ since: "2026-01-01' OR 1=1" }, 'since'],
    [{ since: '2026-12-01', until: '2026-11-01' }, 'since'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ q: 'a b c d e f g h i' }, 'q'],
    [{ entity: 'Kono\u0000' }, 'entity'],
    [{ country: 'Japan' }, 'country'],
    [{ topic: 'gossip' }, 'topic'],
    [{ status: 'feed' }, 'status'],
    [{ duplicateOf: '../etc/passwd' }, 'duplicateOf'],
    [{ sort: 'date' }, 'sort'],
    [{ cursor: 'abc' }, 'cursor'],
  ])('%j -> 400 on %s', async (params, parameter) => refuses(params as Record<string, string>, parameter));

  it('refuses a cursor edited by hand or taken from another query', async () => {
    const many = new MemoryArchiveIndex();
    for (let i = 0; i < 5; i++)
      many.add(record({ title: `Pier ${i}`, articleDate: `2026-11-0${i + 1}T00:00:00Z` }));
    const { cursor } = await run(many, { q: 'pier', limit: '2' });
    const [payload, sum] = cursor!.split('.');
    const edited = Buffer.from(
      Buffer.from(payload!, 'base64url')
        .toString()
        .replace(/"offset":2/, '"offset":0'),
    ).toString('base64url');
    for (const bad of [`${edited}.${sum}`, `${payload}.AAAA${sum!.slice(4)}`]) {
      const error = await run(many, { q: 'pier', limit: '2', cursor: bad }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/not one this API issued/);
    }
    const other = await run(many, { q: 'pier one', cursor: cursor! }).catch((e: unknown) => e);
    expect((other as Error).message).toMatch(/another query/);
    // The same query with another page size may go on from it.
    expect((await run(many, { q: 'pier', limit: '3', cursor: cursor! })).items).toHaveLength(3);
  });

  it('answers injection-shaped and unicode-heavy words as words: no match, no error', async () => {
    for (const q of [
      "' OR '1'='1",
      '{"$gt": ""}',
      '<script>alert(1)</script>',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ẞ ǅ 🙂',
      'pk = :pk',
    ]) {
      const r = await run(index, { q });
      expect(r.read.items).toBeLessThanOrEqual(r.read.bound);
      expect(r.items.map((i) => i.title)).not.toContain('Two');
    }
  });
});
