import { existsSync, readFileSync } from 'node:fs';
import type { Entity, ParsedArticle, TaggedArticle } from '../../shared/core/article';
import { parseDocument } from '../../shared/core/parse';
import { tagArticle } from '../../shared/core/tag';
import { SEED_PATH as SEED } from '../../local/shared-material';
import { entityNames, findEntity, parsedArticle } from '../support/parsed-article';

const NOW = new Date('2024-05-01T12:00:00Z');

const article = (title: string, paragraphs: string[], captions: ParsedArticle['captions'] = []) =>
  parsedArticle(title, paragraphs, captions, NOW);
const find = findEntity;
const names = entityNames;

const seedPresent = existsSync(SEED);
if (!seedPresent)
  console.warn(`seed article not found at ${SEED} (../shared is absent): skipping seed tests`);
const describeSeed = seedPresent ? describe : describe.skip;

describeSeed('tagging the seed article', () => {
  let t: TaggedArticle;
  beforeAll(async () => {
    const parsed = await parseDocument({
      bytes: readFileSync(SEED),
      id: 'seed',
      source: { path: 'seed.txt' },
      now: NOW,
    });
    if (!parsed.ok) throw new Error(parsed.rejection.message);
    if (!parsed.article) throw new Error('expected one article');
    t = tagArticle(parsed.article, NOW);
  });

  it('finds the people, Asian names included', () => {
    expect(names(t, 'person')).toEqual(
      expect.arrayContaining(['Wang Yi', 'Taro Kono', 'Shinzo Abe', 'Xi Jinping']),
    );
  });

  it('merges short forms and the "Kano" misspelling into the full names', () => {
    expect(t.entities.some((e) => e.name === 'Kano' || e.name === 'Kono' || e.name === 'Wang')).toBe(false);
    const kono = find(t, 'person', 'Taro Kono')!;
    expect(kono.mentions).toEqual(expect.arrayContaining(['Taro Kono', 'Kano']));
    expect(kono.count).toBeGreaterThanOrEqual(3);
    expect(find(t, 'person', 'Wang Yi')!.mentions).toEqual(expect.arrayContaining(['Wang Yi', 'Wang']));
  });

  it('finds the places, without possessives or demonyms', () => {
    expect(names(t, 'place')).toEqual(
      expect.arrayContaining(['China', 'Japan', 'Beijing', 'Tokyo', 'North Korea', 'Pyongyang']),
    );
    const all = t.entities.flatMap((e) => [e.name, ...e.mentions]);
    for (const bad of [
      'Japan’s',
      'China’s',
      'Korea’s',
      'Chinese',
      'Japanese',
      'Sino',
      'Korea',
      'AFP',
      'Press TV',
    ]) {
      expect(all).not.toContain(bad);
    }
  });

  it('keeps the unrelated caption’s people as caption-only, below every body entity', () => {
    const omar = find(t, 'person', 'Ilhan Omar');
    expect(omar).toBeDefined();
    expect(omar!.captionOnly).toBe(true);
    const body = t.entities.filter((e) => !e.captionOnly);
    const lowestBody = Math.min(...body.map((e) => e.salience));
    for (const e of t.entities.filter((x) => x.captionOnly)) expect(e.salience).toBeLessThan(lowestBody);
    expect(find(t, 'person', 'Taro Kono')!.captionOnly).toBeUndefined();
  });

  it('ranks by salience, with the story’s subjects on top', () => {
    const s = t.entities.map((e) => e.salience);
    expect([...s].sort((a, b) => b - a)).toEqual(s);
    for (const x of s) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(t.entities.slice(0, 2).map((e) => e.name)).toEqual(['China', 'Japan']);
    expect(find(t, 'person', 'Wang Yi')!.salience).toBeGreaterThan(find(t, 'person', 'Xi Jinping')!.salience);
  });

  it('picks key phrases that are not entity names', () => {
    const k = t.keyPhrases;
    expect(k.length).toBeGreaterThan(3);
    expect(k.length).toBeLessThanOrEqual(10);
    const entityNames = new Set(
      t.entities.flatMap((e) => [e.name, ...e.mentions].map((n) => n.toLowerCase())),
    );
    for (const p of k) {
      expect(entityNames.has(p.text.toLowerCase())).toBe(false);
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
    expect(k.map((p) => p.text)).toEqual(expect.arrayContaining(['foreign minister', 'improved ties']));
  });

  it('gives every place its ISO 3166-1 country', () => {
    const country = (name: string) => find(t, 'place', name)?.country;
    expect(
      ['China', 'Japan', 'Beijing', 'Tokyo', 'North Korea', 'Pyongyang', 'Hokkaido'].map(country),
    ).toEqual(['CN', 'JP', 'CN', 'JP', 'KP', 'KP', 'JP']);
  });

  it('reads "the Japanese foreign minister" as Taro Kono, and "The Chinese foreign minister" as Wang Yi', () => {
    expect(find(t, 'person', 'Taro Kono')!.mentions).toContain('the Japanese foreign minister');
    expect(find(t, 'person', 'Wang Yi')!.mentions).toContain('The Chinese foreign minister');
    expect(t.entities.some((e) => /minister/i.test(e.name))).toBe(false);
  });

  it('merges the Diaoyu and Senkaku names of one island group', () => {
    const islands = t.entities.filter((e) => e.mentions.some((m) => /Diaoyus|Senkaku/.test(m)));
    expect(islands).toHaveLength(1);
    expect(islands[0]!.mentions).toEqual(expect.arrayContaining(['Diaoyus', 'Senkaku']));
    expect(islands[0]!.type).toBe('place');
  });

  it('keeps Beijing a place while noting where it speaks for the Chinese government', () => {
    const beijing = find(t, 'place', 'Beijing')!;
    expect(beijing.metonymFor).toEqual({ name: 'Government of China', type: 'organization', count: 2 });
    expect(find(t, 'place', 'Hokkaido')!.metonymFor).toBeUndefined();
  });

  it('says where each entity occurs, with offsets that point at the name', () => {
    const kono = find(t, 'person', 'Taro Kono')!;
    const textOf = (o: NonNullable<Entity['occurrences']>[number]): string => {
      const segment =
        o.paragraph === 0
          ? t.title
          : o.paragraph <= t.body.paragraphs.length
            ? t.body.paragraphs[o.paragraph - 1]!
            : t.captions[o.paragraph - t.body.paragraphs.length - 1]!.text;
      return segment.slice(o.start, o.end);
    };
    expect(kono.occurrences).toHaveLength(kono.count);
    for (const o of kono.occurrences!) expect(kono.mentions).toContain(textOf(o));
    expect(kono.occurrences!.map((o) => o.zone)).toEqual(expect.arrayContaining(['lead', 'body', 'caption']));
  });

  it('tags topics, fingerprints and the engine', () => {
    expect(t.topics[0]).toMatchObject({ code: 'medtop:11000000' });
    expect(t.fingerprints.exact).toMatch(/^[0-9a-f]{64}$/);
    expect(t.fingerprints.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(t.tagger.engine).toBe('copydesk');
  });

  it('keeps the parsed article, its language, and stamps taggedAt', () => {
    expect(t.language).toBe('en');
    expect(t.title).toBe('China, Japan hope for improved ties');
    expect(t.taggedAt).toBe(NOW.toISOString());
  });
});

describe('entity rules beyond compromise', () => {
  const a = article('Ardern meets Acme Corp chiefs in Wellington', [
    'New Zealand Prime Minister Jacinda Ardern met executives of Acme Corp in Wellington on Monday, her office said.',
    'The Ministry of Defence and the University of Otago will also take part, according to Defence Minister Peeni Henare.',
    'Ardern said the talks were useful. Henare added that a second round would follow in Auckland.',
    'Iran and Iraq sent observers. The Iranian delegation arrived on Sunday.',
  ]);
  const t = tagArticle(a, NOW);

  it('reads people after role titles and merges later surnames', () => {
    const ardern = find(t, 'person', 'Jacinda Ardern')!;
    expect(ardern.mentions).toEqual(expect.arrayContaining(['Jacinda Ardern', 'Ardern']));
    expect(ardern.count).toBe(3);
    expect(find(t, 'person', 'Peeni Henare')!.count).toBe(2);
  });

  it('recognises organizations by suffix and "X of Y" patterns', () => {
    expect(names(t, 'organization')).toEqual(
      expect.arrayContaining(['Acme Corp', 'Ministry of Defence', 'University of Otago']),
    );
  });

  it('does not merge places that differ by one letter, and skips demonyms', () => {
    expect(names(t, 'place')).toEqual(
      expect.arrayContaining(['New Zealand', 'Wellington', 'Auckland', 'Iran', 'Iraq']),
    );
    expect(t.entities.map((e) => e.name)).not.toContain('Iranian');
  });

  it('is deterministic', () => {
    const again = tagArticle(a, NOW);
    expect(again).toEqual(t);
  });
});

describe('misspelled surnames', () => {
  it('merges a one-letter typo in a name position into the person already named', () => {
    const t = tagArticle(
      article('Talks in Oslo', [
        'Foreign Minister Anniken Huitfeldt met her Swedish counterpart in Oslo on Tuesday.',
        'Huitfaldt, the Norwegian foreign minister, said the meeting had been constructive.',
      ]),
      NOW,
    );
    expect(names(t, 'person')).toEqual(['Anniken Huitfeldt']);
    expect(find(t, 'person', 'Anniken Huitfeldt')!.mentions).toContain('Huitfaldt');
  });

  it('does not merge a different short word that only happens to be one letter off', () => {
    const t = tagArticle(
      article('Bond market rally', [
        'Treasury Secretary Janet Yellen spoke in New York on Friday.',
        'Bond prices rose after the remarks, and the Yellow River flood was not mentioned.',
      ]),
      NOW,
    );
    expect(find(t, 'person', 'Janet Yellen')!.mentions).toEqual(['Janet Yellen']);
  });
});

describe('dotted abbreviations', () => {
  it('names the U.S. and the U.N., which have no two letters side by side', () => {
    const t = tagArticle(
      article('Aid talks', [
        'The envoy flew to the U.S. on Friday for talks on aid.',
        'He will address the U.N. next week.',
      ]),
      NOW,
    );
    expect(names(t, 'place')).toContain('United States');
    expect(find(t, 'place', 'United States')!.mentions).toContain('U.S.');
    expect(t.entities.some((e) => e.mentions.includes('U.N.'))).toBe(true);
  });
});

describe('surnames that are also places', () => {
  it('keeps a surname with the person the article named, even where a country has the name', () => {
    const t = tagArticle(
      article('Minister resigns', [
        'Interior Minister Salim Jordan resigned on Monday after a week of protests.',
        'Jordan told reporters he had lost the confidence of parliament.',
      ]),
      NOW,
    );
    expect(names(t, 'place')).not.toContain('Jordan');
    expect(find(t, 'person', 'Salim Jordan')!.mentions).toContain('Jordan');
  });

  it('does not take a country for a person who only shares its name as a first name', () => {
    const t = tagArticle(
      article('Union talks', [
        'Union leader Israel Kessar met employers in Tel Aviv on Monday.',
        'The strike has closed ports across Israel for a week.',
      ]),
      NOW,
    );
    expect(names(t, 'place')).toContain('Israel');
  });
});

describe('captions', () => {
  it('tags caption text, but a caption-only person stays below body entities', () => {
    const t = tagArticle(
      article(
        'Storm closes schools in Dublin',
        ['Schools across Dublin closed on Thursday as the storm brought winds of up to 130 km/h.'],
        [{ text: 'Actor Tom Hanks waves to fans at a premiere in London.', credit: 'Reuters' }],
      ),
      NOW,
    );
    const hanks = find(t, 'person', 'Tom Hanks')!;
    expect(hanks.captionOnly).toBe(true);
    expect(hanks.salience).toBeLessThan(find(t, 'place', 'Dublin')!.salience);
    expect(t.entities.some((e) => e.name === 'Reuters')).toBe(false);
  });

  it('handles an article with no names and no body gracefully', () => {
    const t = tagArticle(article('a quiet day', []), NOW);
    expect(t.entities).toEqual([]);
    expect(Array.isArray(t.keyPhrases)).toBe(true);
  });
});

describe('places in context', () => {
  it('reads an ambiguous town in the country of the article’s other places', () => {
    const near = (text: string) => tagArticle(article('Arrests', [text]), NOW);
    const us = near('Police in Boston, Massachusetts, and Cambridge arrested three people on Tuesday.');
    expect(find(us, 'place', 'Cambridge')!.country).toBe('US');
    const uk = near('A conference in Cambridge drew scholars from London and Oxford on Tuesday.');
    expect(find(uk, 'place', 'Cambridge')!.country).toBe('GB');
  });
});

describe('offices glued to names', () => {
  it('parts an office the model ran into a name from the person it names', () => {
    const t = tagArticle(
      article('Talks', [
        'Speaker of the House Nancy Pelosi met Assistant Secretary of State John Kornblum on Monday.',
      ]),
      NOW,
    );
    expect(names(t, 'person')).toEqual(expect.arrayContaining(['Nancy Pelosi', 'John Kornblum']));
    expect(t.entities.some((e) => /House Nancy|State John/.test(e.name))).toBe(false);
  });
});
