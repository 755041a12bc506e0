import type { ArticleRecord, ArticleStatus } from '../../shared/core/index-model';
import {
  InvalidRequestError,
  NotFoundError,
  type ArchiveApi,
  type ArticleView,
  type FacetCount,
  type RejectedResponse,
  type SearchHit,
  type SearchResponse,
  type StatusResponse,
} from '../../shared/stages/archive-api';

/**
 * An in-memory ArchiveApi over a handful of realistic records (the samples, the seed's story, two
 * rejected files), for testing the HTTP adapters without the index. It validates its parameters the way
 * the real archive (shared/stages/archive.ts) does: a bad value is an InvalidRequestError naming the
 * parameter, an unknown id a NotFoundError.
 */

const record = (fields: Partial<ArticleRecord> & Pick<ArticleRecord, 'id' | 'status' | 'articleDate'>) => {
  const sourceName = fields.sourceName ?? 'newsroom';
  const key = fields.source?.key ?? `incoming/${sourceName}/${fields.id}.txt`;
  return {
    version: 1,
    versionToken: '0000000000000000000000000001',
    firstIndexedAt: fields.articleDate,
    updatedAt: fields.articleDate,
    sourceName,
    ...fields,
    source: {
      bucket: 'copydesk-raw-000000000000-us-east-1',
      key,
      etag: 'd41d8cd98f00b204e9800998ecf8427e',
      size: 2048,
    },
  } satisfies ArticleRecord;
};

const person = (name: string, salience: number) => ({ name, type: 'person' as const, salience });
const org = (name: string, salience: number) => ({ name, type: 'organization' as const, salience });
const place = (name: string, salience: number) => ({ name, type: 'place' as const, salience });

interface FixtureArticle {
  record: ArticleRecord;
  lead?: string;
  subtitle?: string;
  places?: Array<{ name: string; country: string }>;
  topics?: Array<{ code: string; label: string }>;
}

export const FIXTURE_ARTICLES: readonly FixtureArticle[] = [
  {
    record: record({
      id: '4eb0d4afc9cd035e0a11',
      status: 'indexed',
      articleDate: '2026-11-29T08:10:00.000Z',
      sourceName: 'presstv',
      title: 'Japan protests to China over ships near disputed islands',
      section: 'Asia-Pacific',
      language: 'en',
      authors: ['Staff writer'],
      publishedAt: '2026-11-29T08:10:00.000Z',
      wordCount: 412,
      entities: [
        person('Taro Kono', 0.92),
        person('Wang Yi', 0.71),
        place('Senkaku Islands', 0.66),
        place('Beijing', 0.4),
        org('Ministry of Foreign Affairs of Japan', 0.35),
      ],
      keyPhrases: ['coast guard ships', 'territorial waters', 'diplomatic protest'],
      parser: { version: '1.4.0' },
      tagger: { engine: 'copydesk', version: '1.2.0' },
    }),
    lead: "Japan's Foreign Minister Taro Kono lodged a protest with his Chinese counterpart Wang Yi after four Chinese coast guard ships entered waters around the Senkaku Islands.",
    places: [
      { name: 'Senkaku Islands', country: 'JP' },
      { name: 'Beijing', country: 'CN' },
    ],
    topics: [
      { code: 'medtop:11000000', label: 'politics and government' },
      { code: 'medtop:20000638', label: 'international relations' },
    ],
  },
  {
    record: record({
      id: '9c1f20a7b3d4e5f60718',
      status: 'indexed',
      articleDate: '2026-11-24T21:30:00.000Z',
      sourceName: 'riverton-gazette',
      title: 'Riverton council approves budget with more money for schools',
      section: 'Politics',
      language: 'en',
      wordCount: 96,
      entities: [person('James Whitfield', 0.8), person('Patricia Gomez', 0.74), place('Riverton', 0.6)],
      keyPhrases: ['school repairs', 'property taxes', 'budget'],
    }),
    lead: "The Riverton city council approved next year's budget late on Tuesday, adding twelve million dollars for school repairs after a debate that lasted more than six hours.",
    places: [{ name: 'Riverton', country: 'US' }],
    topics: [{ code: 'medtop:11000000', label: 'politics and government' }],
  },
  {
    record: record({
      id: '2b7e151628aed2a6abf7',
      status: 'indexed',
      articleDate: '2026-10-12T06:00:00.000Z',
      sourceName: 'northshore-courier',
      title: 'Harbour bridge reopens after two-year repair',
      section: 'Local',
      language: 'en',
      entities: [person('Helen Okafor', 0.77), place('Eastgate Bridge', 0.7)],
      keyPhrases: ['cycle lane', 'steel deck'],
    }),
    subtitle: 'The Eastgate Bridge carries forty thousand people a day',
    lead: 'The Eastgate Bridge reopened to traffic on Thursday after a two-year repair that replaced its corroded steel deck and added a protected cycle lane on each side.',
    topics: [{ code: 'medtop:14000000', label: 'society' }],
  },
  {
    record: record({
      id: '3243f6a8885a308d3131',
      status: 'indexed',
      articleDate: '2026-10-02T09:00:00.000Z',
      sourceName: 'science-desk',
      title: 'Alpine glaciers lost a tenth of their ice in two summers, study finds',
      section: 'Climate',
      language: 'en',
      entities: [person('Anna Berger', 0.7), org('University of Innsbruck', 0.66), place('Switzerland', 0.5)],
      keyPhrases: ['glaciers', 'satellite measurements'],
    }),
    lead: 'Researchers at the University of Innsbruck said on Monday that glaciers across the Alps lost about ten percent of their remaining volume during the hot summers of the past two years.',
    places: [
      { name: 'Switzerland', country: 'CH' },
      { name: 'Austria', country: 'AT' },
    ],
    topics: [{ code: 'medtop:06000000', label: 'environment' }],
  },
  {
    record: record({
      id: 'a54ff53a5f1d36f1ceaa',
      status: 'indexed',
      articleDate: '2026-11-29T11:45:00.000Z',
      sourceName: 'wire-copies',
      title: 'Japan protests to China over ships near disputed islands',
      section: 'World',
      language: 'en',
      entities: [person('Taro Kono', 0.9), person('Wang Yi', 0.7)],
      duplicateOf: { id: '4eb0d4afc9cd035e0a11', kind: 'near', distance: 3 },
    }),
    lead: "Japan's Foreign Minister Taro Kono lodged a protest with his Chinese counterpart Wang Yi after Chinese coast guard ships entered waters around the islands.",
    topics: [{ code: 'medtop:11000000', label: 'politics and government' }],
  },
  {
    record: record({
      id: '0f1e2d3c4b5a69788796',
      status: 'rejected',
      articleDate: '2026-11-28T14:02:11.000Z',
      sourceName: 'uploads',
      source: { bucket: 'copydesk-raw-000000000000-us-east-1', key: 'incoming/uploads/poison.bin' },
      rejection: {
        code: 'BINARY',
        message: 'the file holds bytes that are not text in any supported format',
      },
    }),
  },
  {
    record: record({
      id: '13198a2e03707344a409',
      status: 'rejected',
      articleDate: '2026-11-20T10:00:00.000Z',
      sourceName: 'uploads',
      source: { bucket: 'copydesk-raw-000000000000-us-east-1', key: 'incoming/uploads/scanned-letter.pdf' },
      rejection: { code: 'NO_CONTENT', message: 'the PDF has no text layer (scanned pages are not read)' },
    }),
  },
];

const STATUSES: readonly ArticleStatus[] = ['indexed', 'rejected', 'deleted'];
const DATE = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?$/;

export function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > 100)
    throw new InvalidRequestError(
      `limit must be an integer from 1 to 100, got "${value.slice(0, 20)}"`,
      'limit',
    );
  return limit;
}

function parseDate(name: 'since' | 'until', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(value.length === 7 ? `${value}-01` : value)))
    throw new InvalidRequestError(`${name} must be a date: 2026-11, 2026-11-29 or an ISO 8601 instant`, name);
  return value;
}

function parseCursor(value: string | undefined): number {
  if (value === undefined) return 0;
  const offset = Number(
    Buffer.from(value, 'base64url')
      .toString('utf8')
      .replace(/^offset:/, ''),
  );
  if (
    !Buffer.from(value, 'base64url').toString('utf8').startsWith('offset:') ||
    !Number.isInteger(offset) ||
    offset < 0
  )
    throw new InvalidRequestError(
      'cursor is not one this archive gave out; start again without it',
      'cursor',
    );
  return offset;
}
const cursorFor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function hitOf(article: FixtureArticle, words: string[]): SearchHit {
  const { record: r } = article;
  const highlights: SearchHit['highlights'] = {};
  for (const field of ['title', 'subtitle', 'lead'] as const) {
    const text = field === 'title' ? r.title : article[field];
    if (!text || words.length === 0) continue;
    const spans = words.flatMap((word) => {
      const at = text.toLowerCase().indexOf(word);
      return at >= 0 ? [[at, at + word.length] as [number, number]] : [];
    });
    if (spans.length > 0) highlights[field] = spans;
  }
  return {
    id: r.id,
    status: r.status as ArticleStatus,
    ...(r.title ? { title: r.title } : {}),
    ...(article.subtitle ? { subtitle: article.subtitle } : {}),
    ...(article.lead ? { lead: article.lead } : {}),
    ...(r.section ? { section: r.section } : {}),
    ...(r.language ? { language: r.language } : {}),
    sourceName: r.sourceName,
    articleDate: r.articleDate,
    version: r.version,
    source: { key: r.source.key },
    ...(r.entities ? { entities: r.entities.slice(0, 5).map(({ name, type }) => ({ name, type })) } : {}),
    ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    ...(r.rejection ? { rejection: r.rejection } : {}),
    score:
      words.length === 0 ? 1 : Object.values(highlights).reduce((n, spans) => n + (spans?.length ?? 0), 0),
    highlights,
  };
}

function countBy(values: Array<{ value: string; label?: string }>): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  for (const { value, label } of values) {
    const current = counts.get(value) ?? { value, ...(label ? { label } : {}), count: 0 };
    current.count++;
    counts.set(value, current);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 10);
}

export interface FakeArchiveOptions {
  articles?: readonly FixtureArticle[];
  /** Make every call fail this way (e.g. a DynamoDB error) to test the 500 path. */
  failWith?: Error;
}

export interface FakeArchive extends ArchiveApi {
  /** Every call made, for asserting that a refused request never reached the use case. */
  readonly calls: Array<{ method: keyof ArchiveApi; args: unknown[] }>;
}

export function fakeArchive(options: FakeArchiveOptions = {}): FakeArchive {
  const articles = [...(options.articles ?? FIXTURE_ARTICLES)].sort(
    (a, b) =>
      b.record.articleDate.localeCompare(a.record.articleDate) || a.record.id.localeCompare(b.record.id),
  );
  const calls: FakeArchive['calls'] = [];
  const called = (method: keyof ArchiveApi, ...args: unknown[]) => {
    calls.push({ method, args });
    if (options.failWith) throw options.failWith;
  };
  const byId = (id: string) => {
    const found = articles.find((a) => a.record.id === id);
    if (!found) throw new NotFoundError(`no article has the id ${JSON.stringify(id)}`);
    return found;
  };

  const select = (params: Record<string, string | undefined>) => {
    const limit = parseLimit(params.limit);
    const since = parseDate('since', params.since);
    const until = parseDate('until', params.until);
    const offset = parseCursor(params.cursor);
    const status = params.status ?? 'indexed';
    if (!STATUSES.includes(status as ArticleStatus))
      throw new InvalidRequestError(`status must be one of ${STATUSES.join(', ')}`, 'status');
    if (params.country !== undefined && !/^[A-Za-z]{2}$/.test(params.country))
      throw new InvalidRequestError('country must be an ISO 3166-1 alpha-2 code such as JP', 'country');
    const words = (params.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const has = (wanted: string | undefined, ...values: Array<string | undefined>) =>
      wanted === undefined || values.some((v) => v?.toLowerCase() === wanted.toLowerCase());
    const matching = articles.filter(({ record: r, ...a }) => {
      const text = [
        r.title,
        a.subtitle,
        a.lead,
        ...(r.keyPhrases ?? []),
        ...(r.entities ?? []).map((e) => e.name),
      ]
        .join(' ')
        .toLowerCase();
      return (
        r.status === status &&
        words.every((w) => text.includes(w)) &&
        has(params.entity, ...(r.entities ?? []).map((e) => e.name)) &&
        has(params.place, ...(a.places ?? []).map((p) => p.name)) &&
        has(params.country, ...(a.places ?? []).map((p) => p.country)) &&
        has(params.topic, ...(a.topics ?? []).flatMap((t) => [t.code, t.label])) &&
        has(params.section, r.section) &&
        has(params.source, r.sourceName) &&
        has(params.language, r.language) &&
        has(params.duplicateOf, r.duplicateOf?.id) &&
        (since === undefined || r.articleDate >= since) &&
        (until === undefined || r.articleDate.slice(0, until.length) <= until)
      );
    });
    const page = matching.slice(offset, offset + limit);
    return {
      matching,
      items: page.map((a) => hitOf(a, words)),
      total: matching.length,
      complete: true,
      ...(offset + limit < matching.length ? { cursor: cursorFor(offset + limit) } : {}),
      read: { items: articles.length, bound: 2000 },
    };
  };

  return {
    calls,
    async search(params) {
      called('search', params);
      const { matching, ...result } = select(params);
      const facets: SearchResponse['facets'] = {
        entities: countBy(matching.flatMap((a) => (a.record.entities ?? []).map((e) => ({ value: e.name })))),
        places: countBy(matching.flatMap((a) => (a.places ?? []).map((p) => ({ value: p.name })))),
        topics: countBy(
          matching.flatMap((a) => (a.topics ?? []).map((t) => ({ value: t.code, label: t.label }))),
        ),
        sections: countBy(matching.flatMap((a) => (a.record.section ? [{ value: a.record.section }] : []))),
        sources: countBy(matching.map((a) => ({ value: a.record.sourceName }))),
        months: countBy(matching.map((a) => ({ value: a.record.articleDate.slice(0, 7) }))),
      };
      return { ...result, facets };
    },
    async article(id): Promise<ArticleView> {
      called('article', id);
      const article = byId(id);
      const words: string[] = [];
      const of = article.record.duplicateOf ? hitOf(byId(article.record.duplicateOf.id), words) : undefined;
      const copies = articles.filter((a) => a.record.duplicateOf?.id === id).map((a) => hitOf(a, words));
      return {
        article: article.record,
        duplicates: { ...(of ? { of } : {}), copies },
        history: [
          {
            at: article.record.firstIndexedAt,
            event: article.record.status === 'rejected' ? 'rejected' : 'indexed',
            version: 1,
            versionToken: article.record.versionToken,
          },
        ],
        ...(article.record.status === 'indexed' ? { ninjs: `/articles/${id}/ninjs` } : {}),
      };
    },
    async ninjs(id) {
      called('ninjs', id);
      const { record: r, lead } = byId(id);
      if (r.status !== 'indexed')
        throw new NotFoundError(`article ${id} is ${r.status}; only indexed articles are published`);
      return {
        uri: `urn:copydesk:article:${r.id}`,
        type: 'text',
        version: String(r.version),
        language: r.language,
        headlines: [{ role: 'main', value: r.title }],
        bodies: [{ role: 'main', contenttype: 'text/plain', value: lead ?? '' }],
      };
    },
    async rejected(params): Promise<RejectedResponse> {
      called('rejected', params);
      const { matching: _matching, ...result } = select({ ...params, status: 'rejected' });
      return result;
    },
    async status(): Promise<StatusResponse> {
      called('status');
      const count = (status: ArticleStatus) => articles.filter((a) => a.record.status === status).length;
      const newest = articles.find((a) => a.record.status === 'indexed');
      return {
        queues: Object.fromEntries(
          ['parse', 'tag', 'index', 'publish'].map((stage) => [stage, { waiting: 0, deadLettered: 0 }]),
        ),
        articles: { indexed: count('indexed'), rejected: count('rejected'), deleted: count('deleted') },
        ...(newest ? { newest: hitOf(newest, []) } : {}),
      };
    },
  };
}
