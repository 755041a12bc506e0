import type { ParsedArticle } from '../../shared/core/article';
import { tagArticle } from '../../shared/core/tag';
import { readsAsEnglish } from '../../shared/core/tag/english';

/** A results table: mostly club names, which a language detector may read as Dutch. */
const RESULTS = [
  'Results of the Dutch league matches played on Sunday:',
  'Vitesse Arnhem 2 Willem Tilburg 1',
  'Roda Kerkrade 0 Sparta Rotterdam 0',
  'Heerenveen 3 Fortuna Sittard 1',
];

const GERMAN = [
  'Der Bürgermeister hat am Montag die neue Brücke über den Fluss eröffnet.',
  'Die Arbeiten hatten mehr als drei Jahre gedauert, und die Kosten waren deutlich gestiegen.',
];

function article(language: string, paragraphs: string[]): ParsedArticle {
  const text = paragraphs.join('\n\n');
  return {
    id: 'a1',
    source: { path: 'inline' },
    format: 'text',
    title: 'League results',
    language,
    body: { paragraphs, text, wordCount: text.split(/\s+/).length, html: '', markdown: '' },
    captions: [],
    images: [],
    authors: [],
    parsedAt: '2024-05-01T12:00:00.000Z',
  };
}

describe('whether a text is English enough for the entity model', () => {
  it('trusts a detected English or unknown language', () => {
    expect(readsAsEnglish(GERMAN, 'en')).toBe(true);
    expect(readsAsEnglish(GERMAN, 'und')).toBe(true);
  });

  it('reads an English table of foreign names as English whatever the detector said', () => {
    expect(readsAsEnglish(RESULTS, 'nl')).toBe(true);
  });

  it('leaves prose in another language alone', () => {
    expect(readsAsEnglish(GERMAN, 'de')).toBe(false);
  });

  it('needs some lower-case words to judge by', () => {
    expect(readsAsEnglish(['Vitesse Arnhem 2 Willem Tilburg 1'], 'nl')).toBe(false);
  });
});

describe('tagging an article detected as another language', () => {
  it('still names the places in English text', () => {
    const places = tagArticle(article('nl', RESULTS))
      .entities.filter((e) => e.type !== 'person')
      .map((e) => e.name);
    expect(places.length).toBeGreaterThan(0);
  });

  it('names nothing in German prose', () => {
    expect(tagArticle(article('de', GERMAN)).entities).toEqual([]);
  });
});
