import type { ArticleRecord } from '../../../shared/core/index-model';
import type { ArchiveApi, ArticleView } from '../../../shared/stages/archive-api';
import { NotFoundError } from '../../../shared/stages/archive-api';
import { fakeArchive, FIXTURE_ARTICLES } from '../fake-archive';

/**
 * The browser tests' archive: test/support/fake-archive.ts (which validates parameters as the real archive
 * does) over its own realistic records plus enough council stories to page through, one article whose
 * every text field carries markup and script, a published ninjs with an HTML body per article, and a
 * switch to make the next calls fail.
 */

type FixtureArticle = (typeof FIXTURE_ARTICLES)[number];

const RAW_BUCKET = 'copydesk-raw-000000000000-us-east-1';

/** Mention forms and counts, as the real archive's entity summaries carry them. */
const ENTITY_DETAILS: Record<string, { mentions: string[]; count: number; country?: string }> = {
  'Taro Kono': { mentions: ['Taro Kono', 'Kono'], count: 4 },
  'Wang Yi': { mentions: ['Wang Yi', 'Wang'], count: 2 },
  'Senkaku Islands': { mentions: ['Senkaku Islands', 'Diaoyus'], count: 2, country: 'JP' },
  Beijing: { mentions: ['Beijing'], count: 1, country: 'CN' },
  'Ministry of Foreign Affairs of Japan': { mentions: ['Foreign Ministry'], count: 1 },
};

const TOWNS = ['Riverton', 'Lakeside', 'Millbrook', 'Eastgate', 'Northshore', 'Westfield'];
const SUBJECTS = [
  ['approves budget with more money for schools', 'school repairs', 'budget'],
  ['delays vote on new bus routes', 'bus routes', 'public transport'],
  ['backs plan for riverside flood wall', 'flood wall', 'flood defences'],
  ['agrees to keep library branches open on Sundays', 'library branches', 'opening hours'],
] as const;
const PEOPLE = ['Patricia Gomez', 'James Whitfield', 'Amira Haddad', 'Lena Sorensen', 'Tomasz Nowak'];

function councilStories(count: number): FixtureArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const town = TOWNS[i % TOWNS.length]!;
    const [what, phrase, phrase2] = SUBJECTS[i % SUBJECTS.length]!;
    const person = PEOPLE[i % PEOPLE.length]!;
    const month = 8 + (i % 4); // August to November 2026
    const day = 1 + ((i * 7) % 27);
    const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(7 + (i % 10)).padStart(2, '0')}:00:00.000Z`;
    const id = `c0${String(i).padStart(2, '0')}${'5eed'.repeat(4)}`.slice(0, 20);
    const source = ['riverton-gazette', 'northshore-courier', 'valley-news'][i % 3]!;
    const record: ArticleRecord = {
      id,
      status: 'indexed',
      version: 1 + (i % 3 === 0 ? 1 : 0),
      versionToken: `00000000000000000000${String(1000 + i)}`,
      source: {
        bucket: RAW_BUCKET,
        key: `incoming/${source}/council-${i}.html`,
        etag: `"e${i}a1"`,
        size: 4096 + i,
      },
      sourceName: source,
      articleDate: date,
      firstIndexedAt: date,
      updatedAt: date,
      title: `${town} council ${what}`,
      section: i % 2 ? 'Politics' : 'Local',
      language: 'en',
      wordCount: 380 + i,
      entities: [
        { name: person, type: 'person', salience: 0.8 },
        { name: town, type: 'place', salience: 0.6 },
        { name: `${town} City Council`, type: 'organization', salience: 0.5 },
      ],
      keyPhrases: [phrase, phrase2],
    };
    return {
      record,
      lead: `The ${town} council ${what.replace(/^(\w+)/, '$1')} on a narrow vote, after ${person} told members that ${phrase} could not wait another year.`,
      places: [{ name: town, country: 'US' }],
      topics: [{ code: 'medtop:11000000', label: 'politics and government' }],
    };
  });
}

/** Every field a person or a file controls, carrying markup and script. */
export const HOSTILE_ID = 'bad0bad0bad0bad0bad0';
export const HOSTILE_TITLE = 'Budget <b>row</b> goes on <script>window.__pwned=1</script>';
export const HOSTILE_BODY_HTML = [
  '<p>The council met on <b>Tuesday</b>.</p>',
  '<script>window.__pwned = 2</script>',
  '<img src=x onerror="window.__pwned = 3">',
  '<p onclick="window.__pwned = 4">Members <em>argued</em> for hours about the <a href="javascript:window.__pwned=5">budget</a>.</p>',
  '<p><a href="https://example.org/minutes" onmouseover="window.__pwned = 6">Minutes</a> and <a href="mailto:clerk@example.org">the clerk</a>.</p>',
  '<style>body { display: none }</style>',
  '<iframe src="javascript:parent.__pwned=7"></iframe>',
  '<p style="color:red">Written &lt;script&gt;alert(1)&lt;/script&gt; literally.</p>',
  '<svg><script>window.__pwned = 8</script></svg>',
].join('');

const hostile: FixtureArticle = {
  record: {
    id: HOSTILE_ID,
    status: 'indexed',
    version: 1,
    versionToken: '00000000000000000000666',
    source: { bucket: RAW_BUCKET, key: 'incoming/uploads/<img src=x onerror=alert(1)>.html', size: 666 },
    sourceName: 'uploads',
    articleDate: '2026-07-04T12:00:00.000Z',
    firstIndexedAt: '2026-07-04T12:00:00.000Z',
    updatedAt: '2026-07-04T12:00:00.000Z',
    title: HOSTILE_TITLE,
    section: '<i>Opinion</i>',
    language: 'en',
    authors: ['<img src=x onerror="window.__pwned=9">'],
    entities: [{ name: 'Mallory <script>', type: 'person', salience: 0.5 }],
    keyPhrases: ['<b>hostile</b> phrase'],
  },
  lead: 'Lead with <img src=x onerror="window.__pwned=10"> markup and <script>window.__pwned=11</script>.',
  subtitle: '<marquee>moving</marquee>',
};

export const ARTICLES: readonly FixtureArticle[] = [...FIXTURE_ARTICLES, ...councilStories(23), hostile];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The paragraphs an article's published body holds. */
function paragraphs(article: FixtureArticle): string[] {
  const r = article.record;
  const first = article.lead ?? r.title ?? '';
  if (r.id === FIXTURE_ARTICLES[0]!.record.id) {
    return [
      first,
      'Kono told reporters in Tokyo that the Foreign Ministry had summoned the Chinese ambassador. "These are Japanese waters," Kono said.',
      'Beijing maintains that the islands, which it calls the Diaoyus, have been Chinese territory since ancient times. Wang said China would continue its patrols.',
      'The uninhabited Senkaku Islands lie about 170 kilometres north-east of Taiwan.',
    ];
  }
  return [
    first,
    'Officials said the decision followed months of public meetings, written submissions and a review by independent auditors.',
    'A final report is due before the end of the year.',
  ];
}

function ninjsOf(article: FixtureArticle): unknown {
  const r = article.record;
  const paras = paragraphs(article);
  const html =
    r.id === HOSTILE_ID ? HOSTILE_BODY_HTML : paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const text = paras.join('\n\n');
  const counts = { charCount: text.length, wordCount: text.split(/\s+/).length };
  return {
    uri: `urn:copydesk:article:${r.id}`,
    type: 'text',
    representationType: 'full',
    version: String(r.version),
    language: r.language ?? 'en',
    headlines: [
      { role: 'main', contentType: 'text/plain', value: r.title ?? '' },
      ...(article.subtitle ? [{ role: 'sub', contentType: 'text/plain', value: article.subtitle }] : []),
    ],
    bodies: [
      { role: 'main', contentType: 'text/plain', value: text, ...counts },
      { role: 'richtext', contentType: 'text/html', value: html, ...counts },
    ],
    ...(r.authors?.length ? { by: r.authors.join(', ') } : {}),
  };
}

function enrich(view: ArticleView, article: FixtureArticle): ArticleView {
  const r = view.article;
  const entities = r.entities?.map((e) => ({ ...e, ...(ENTITY_DETAILS[e.name] ?? { count: 1 }) }));
  const history: ArticleView['history'] =
    r.status === 'indexed'
      ? [
          { at: r.firstIndexedAt, event: 'indexed', version: 1, versionToken: r.versionToken },
          ...(r.version > 1
            ? [
                {
                  at: r.updatedAt,
                  event: 'reindexed' as const,
                  version: r.version,
                  versionToken: `${r.versionToken}9`,
                },
              ]
            : []),
          ...(r.duplicateOf
            ? [
                {
                  at: r.updatedAt,
                  event: 'duplicate-found' as const,
                  version: r.version,
                  versionToken: r.versionToken,
                },
              ]
            : []),
        ]
      : view.history;
  return {
    ...view,
    article: {
      ...r,
      ...(entities ? { entities } : {}),
      ...(article.topics
        ? { topics: article.topics.map((t, i) => ({ ...t, confidence: 0.97 - i * 0.1 })) }
        : {}),
      ...(article.subtitle ? { subtitle: article.subtitle } : {}),
      parser: r.parser ?? { version: '1.4.0' },
      tagger: r.tagger ?? { engine: 'copydesk', version: '1.2.0' },
    } as ArticleRecord,
    history,
  };
}

export interface FixtureArchive extends ArchiveApi {
  /** The next `times` calls of `method` throw `error` (a plain Error becomes a 500). */
  failNext(method: keyof ArchiveApi, error?: Error, times?: number): void;
  readonly calls: Array<{ method: keyof ArchiveApi; args: unknown[] }>;
}

export function fixtureArchive(): FixtureArchive {
  const base = fakeArchive({ articles: ARTICLES });
  const failures = new Map<keyof ArchiveApi, Error[]>();
  const guard = (method: keyof ArchiveApi) => {
    const error = failures.get(method)?.shift();
    if (error) throw error;
  };
  const byId = (id: string) => ARTICLES.find((a) => a.record.id === id);
  return {
    calls: base.calls,
    failNext(method, error = new Error('the index is unavailable'), times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => error)]);
    },
    async search(params) {
      guard('search');
      return base.search(params);
    },
    async article(id) {
      guard('article');
      const view = await base.article(id);
      return enrich(view, byId(id)!);
    },
    async ninjs(id) {
      guard('ninjs');
      const article = byId(id);
      if (!article || article.record.status !== 'indexed')
        throw new NotFoundError(`no published article ${id}`);
      return ninjsOf(article);
    },
    async rejected(params) {
      guard('rejected');
      return base.rejected(params);
    },
    async status() {
      guard('status');
      const status = await base.status();
      return {
        ...status,
        queues: {
          ...status.queues,
          parse: { waiting: 3, deadLettered: 0 },
          tag: { waiting: 1, deadLettered: 2 },
        },
      };
    },
  };
}
