import type { Entity, ParsedArticle, TaggedArticle } from '../../shared/core/article';

/** A parsed English text article with the given title, paragraphs and captions, as the tagger receives it. */
export function parsedArticle(
  title: string,
  paragraphs: string[],
  captions: ParsedArticle['captions'] = [],
  now = new Date('2024-05-01T12:00:00Z'),
): ParsedArticle {
  const text = paragraphs.join('\n\n');
  return {
    id: 'a1',
    source: { path: 'inline' },
    format: 'text',
    title,
    language: 'en',
    body: { paragraphs, text, wordCount: text.split(/\s+/).length, html: '', markdown: '' },
    captions,
    images: [],
    authors: [],
    parsedAt: now.toISOString(),
  };
}

export const findEntity = (t: TaggedArticle, type: Entity['type'], name: string): Entity | undefined =>
  t.entities.find((e) => e.type === type && e.name === name);

export const entityNames = (t: TaggedArticle, type: Entity['type']): string[] =>
  t.entities.filter((e) => e.type === type).map((e) => e.name);

/** A headline and two paragraphs of plain prose, for tests and benches that need a small real story. */
export const SMALL_STORY = [
  'Harbour reopens after the storm',
  '',
  'The harbour at Port Elsewhere reopened on Monday, three days after a storm closed it to shipping.',
  '',
  'Pilots guided the first ferries in at dawn, and the harbour master said repairs to the outer wall would take a month.',
  '',
].join('\n');
