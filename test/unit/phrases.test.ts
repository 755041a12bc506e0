import { existsSync, readFileSync } from 'node:fs';
import type { ParsedArticle } from '../../shared/core/article';
import { parseDocument } from '../../shared/core/parse';
import { extractKeyPhrases, type PhraseSegment } from '../../shared/core/tag/phrases';
import { SEED_PATH as SEED } from '../../local/shared-material';

const segmentsOf = (a: ParsedArticle): PhraseSegment[] => [
  { text: a.title, zone: 'title' },
  ...a.body.paragraphs.map((text, i) => ({ text, zone: i < 2 ? ('lead' as const) : ('body' as const) })),
  ...a.captions.map((c) => ({ text: c.text, zone: 'caption' as const })),
];

const texts = (phrases: Array<{ text: string }>): string[] => phrases.map((p) => p.text.toLowerCase());

/** The names the tagger finds in the seed, as the tag stage passes them. */
const SEED_NAMES = new Set([
  'china',
  'japan',
  'beijing',
  'tokyo',
  'taro kono',
  'kano',
  'wang yi',
  'wang',
  'north korea',
  'south korea',
  'pyongyang',
  'shinzo abe',
  'xi jinping',
  'east china sea',
  'hokkaido',
  'vietnam',
  'us',
  'united states',
]);

const seedPresent = existsSync(SEED);
const describeSeed = seedPresent ? describe : describe.skip;

describeSeed('key phrases of the seed article', () => {
  let segments: PhraseSegment[];
  beforeAll(async () => {
    const parsed = await parseDocument({
      bytes: readFileSync(SEED),
      id: 'seed',
      source: { path: 'seed.txt' },
    });
    if (!parsed.ok || !parsed.article) throw new Error('expected one article');
    segments = segmentsOf(parsed.article);
  });

  it('finds what the story is about, multi-word phrases first', () => {
    const all = texts(extractKeyPhrases(segments, 'en', SEED_NAMES, 20));
    const top = texts(extractKeyPhrases(segments, 'en', SEED_NAMES));
    expect(top.length).toBe(10);
    expect(top).toEqual(expect.arrayContaining(['improved ties', 'territorial dispute']));
    expect(top.some((p) => /^foreign minister/.test(p))).toBe(true);
    expect(all).toEqual(expect.arrayContaining(['bilateral ties', 'ballistic missile', 'historical issues']));
    expect(top.filter((p) => p.includes(' ')).length).toBeGreaterThanOrEqual(7);
  });

  it('leaves out entity names and the words of them', () => {
    const all = texts(extractKeyPhrases(segments, 'en', SEED_NAMES, 50));
    for (const name of ['china', 'japan', 'wang yi', 'beijing', 'wang', 'kono', 'kano', 'tokyo'])
      expect(all).not.toContain(name);
    // "China-Japan relations" is one word of its own and may stay; a name as a word of a phrase may not.
    expect(all.some((p) => /(?:^|\s)(?:china|japan|beijing|kono|wang yi)(?:\s|$)/.test(p))).toBe(false);
  });

  it('scores in 0..1, best first, the same on every run', () => {
    const a = extractKeyPhrases(segments, 'en', SEED_NAMES);
    expect(a[0]!.score).toBe(1);
    for (const [i, p] of a.entries()) {
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
      if (i) expect(p.score).toBeLessThanOrEqual(a[i - 1]!.score);
    }
    expect(extractKeyPhrases(segments, 'en', new Set([...SEED_NAMES].reverse()))).toEqual(a);
    expect(extractKeyPhrases(structuredClone(segments), 'en', SEED_NAMES)).toEqual(a);
  });

  it('survives body paragraphs in another order', () => {
    const body = segments.filter((s) => s.zone === 'body');
    const shuffled = [...segments.filter((s) => s.zone !== 'body'), ...body.reverse()];
    const phrases = texts(extractKeyPhrases(shuffled, 'en', SEED_NAMES));
    expect(phrases).toContain('improved ties');
  });

  it('is fast', () => {
    extractKeyPhrases(segments, 'en', SEED_NAMES);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) extractKeyPhrases(segments, 'en', SEED_NAMES);
    // Generous for a shared CI machine; it takes well under a millisecond on an idle one.
    expect(Number(process.hrtime.bigint() - started) / 1e6 / 20).toBeLessThan(20);
  });
});

describe('key phrases in English', () => {
  const segments: PhraseSegment[] = [
    { text: 'Council approves new bike lanes', zone: 'title' },
    {
      text: 'The city council approved three new bike lanes on Tuesday, after months of debate about road safety.',
      zone: 'lead',
    },
    {
      text: 'Cyclists say the bike lanes will improve road safety. See https://example.org/bike-lanes.',
      zone: 'body',
    },
    { text: 'Road safety campaigners welcomed the vote on January 12, 2024.', zone: 'body' },
    { text: 'A cyclist rides past the marathon finish line.', zone: 'caption' },
  ];

  it('merges singular and plural and keeps the most used spelling', () => {
    const phrases = texts(extractKeyPhrases(segments, 'en', new Set()));
    expect(phrases.slice(0, 2)).toEqual(expect.arrayContaining(['bike lanes', 'road safety']));
    expect(phrases).not.toContain('bike lane');
  });

  it('drops dates, numbers, links and caption-only phrases', () => {
    const phrases = texts(extractKeyPhrases(segments, 'en', new Set(), 50));
    for (const p of phrases) {
      expect(p).not.toMatch(/\d|january|tuesday|https|example/);
      expect(p).not.toMatch(/marathon|finish line/);
    }
  });
});

describe('key phrases in German', () => {
  const segments: PhraseSegment[] = [
    { text: 'Stadtrat beschließt neue Radwege', zone: 'title' },
    {
      text: 'Der Stadtrat hat am Dienstag neue Radwege in der Innenstadt beschlossen. Die neuen Radwege sollen die Verkehrssicherheit erhöhen.',
      zone: 'lead',
    },
    {
      text: 'Bürgermeisterin Anna Schmidt sagte, die Verkehrssicherheit habe Vorrang. Der öffentliche Nahverkehr soll ebenfalls ausgebaut werden.',
      zone: 'body',
    },
    { text: 'Der öffentliche Nahverkehr in der Innenstadt gilt als überlastet.', zone: 'body' },
  ];

  it('finds the noun phrases, not verbs, and leaves out names', () => {
    const phrases = texts(extractKeyPhrases(segments, 'de', new Set(['anna schmidt'])));
    expect(phrases.slice(0, 5)).toEqual(
      expect.arrayContaining(['radwege', 'verkehrssicherheit', 'öffentliche nahverkehr']),
    );
    for (const p of phrases) expect(p).not.toMatch(/beschlossen|erhöhen|ausgebaut|dienstag|schmidt|anna/);
  });
});

describe('key phrases in Japanese and Chinese', () => {
  it('segments Japanese with ICU and joins the words of a phrase without spaces', () => {
    const segments: PhraseSegment[] = [
      { text: '政府が新しい経済対策を発表', zone: 'title' },
      { text: '政府は新しい経済対策を発表しました。経済対策には物価高への支援が含まれます。', zone: 'lead' },
      { text: '専門家は経済対策の効果に注目しています。', zone: 'body' },
    ];
    const phrases = texts(extractKeyPhrases(segments, 'ja', new Set(['政府'])));
    expect(phrases[0]).toBe('経済対策');
    expect(phrases).not.toContain('政府');
    for (const p of phrases) expect(p).not.toMatch(/\s|^[ぁ-ゖ]+$/);
  });

  it('segments Chinese and keeps the words of a phrase together', () => {
    const segments: PhraseSegment[] = [
      { text: '北京发布新能源汽车补贴政策', zone: 'title' },
      { text: '北京市政府今天发布了新能源汽车补贴政策。新能源汽车销量预计将继续增长。', zone: 'lead' },
      { text: '专家认为，补贴政策有助于减少空气污染。', zone: 'body' },
    ];
    const phrases = texts(extractKeyPhrases(segments, 'zh', new Set(['北京'])));
    expect(phrases.slice(0, 3).some((p) => p.includes('新能源汽车'))).toBe(true);
    expect(phrases).not.toContain('北京');
    for (const p of phrases) expect(p).not.toMatch(/\s|[，。]/);
  });
});

describe('key phrases of odd input', () => {
  it('returns nothing for nothing', () => {
    expect(extractKeyPhrases([], 'en', new Set())).toEqual([]);
    expect(extractKeyPhrases([{ text: '', zone: 'body' }], 'en', new Set())).toEqual([]);
    expect(extractKeyPhrases([{ text: 'tax reform', zone: 'body' }], 'en', new Set(), 0)).toEqual([]);
  });

  it('copes with garbage, unknown languages and odd codes', () => {
    const garbage: PhraseSegment[] = [
      { text: '12345 67.89 --- !!! ??? https://x.example/a?b=c mail@example.org', zone: 'title' },
      { text: '\u0000\uFFFD\uD800 ☃☃☃ 🙂🙂 ... ,,,', zone: 'body' },
      { text: 'x'.repeat(10000), zone: 'body' },
    ];
    for (const language of ['en', 'und', 'xx', '', 'EN-us', 'zh'])
      expect(() => extractKeyPhrases(garbage, language, new Set(['']))).not.toThrow();
    expect(extractKeyPhrases(garbage.slice(0, 2), 'en', new Set())).toEqual([]);
  });

  it('works without a stopword list for the language', () => {
    // Made-up words: the function words are the ones in most paragraphs.
    const segments: PhraseSegment[] = [
      'vorn ta kelbi mastaro',
      'vorn ta kelbi mastaro lu brinna ta felu',
      'lu sorta ta kelbi mastaro vorn pelli',
      'ta grusto lu kelbi mastaro',
      'vorn lu trema ta nossi',
      'ta kelbi mastaro lu vorn',
    ].map((text, i) => ({ text, zone: i === 0 ? 'title' : 'body' }));
    const phrases = texts(extractKeyPhrases(segments, 'und', new Set()));
    expect(phrases[0]).toBe('kelbi mastaro');
    for (const p of phrases) expect(p).not.toMatch(/\b(?:ta|lu|vorn)\b/);
  });
});
