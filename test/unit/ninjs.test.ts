import type { TaggedArticle } from '../../shared/core/article';
import { toNinjs } from '../../shared/core/ninjs';
import { describeWithShared } from '../support/shared-material';
import { ninjsValidator } from '../support/ninjs-validator';

const article: TaggedArticle = {
  id: '4eb0d4afc9cd035e0000',
  source: { bucket: 'raw', key: 'incoming/presstv/seed.txt' },
  format: 'text',
  title: 'China, Japan hope for improved ties',
  section: 'China',
  language: 'en',
  body: {
    paragraphs: ['The foreign ministers met.', 'They spoke.'],
    text: 'The foreign ministers met.\n\nThey spoke.',
    wordCount: 6,
    html: '<p>The foreign ministers met.</p>\n<p>They spoke.</p>',
    markdown: 'The foreign ministers met.\n\nThey spoke.',
  },
  captions: [
    { text: 'Taro Kono (L) shakes hands with Wang Yi (R).', credit: 'AFP' },
    { text: 'A caption without a credit.' },
  ],
  images: [],
  authors: ['Jane Doe'],
  publishedAt: '2018-01-28T10:00:00Z',
  parsedAt: '2026-11-29T10:00:00Z',
  taggedAt: '2026-11-29T10:00:01Z',
  entities: [
    { name: 'Wang Yi', type: 'person', mentions: ['Wang Yi', 'Wang'], count: 3, salience: 0.9 },
    {
      name: 'Foreign Ministry',
      type: 'organization',
      mentions: ['Foreign Ministry'],
      count: 1,
      salience: 0.3,
    },
    { name: 'Beijing', type: 'place', mentions: ['Beijing'], count: 2, salience: 0.5 },
    {
      name: 'Ilhan Omar',
      type: 'person',
      mentions: ['Ilhan Omar'],
      count: 1,
      salience: 0.02,
      captionOnly: true,
    },
  ],
  keyPhrases: [{ text: 'bilateral ties', score: 0.83 }],
};

describeWithShared('toNinjs', () => {
  const validate = ninjsValidator();
  const doc = toNinjs(article, {
    version: 3,
    firstCreated: '2026-11-01T00:00:00Z',
    versionCreated: '2026-11-29T10:00:02Z',
  });

  it('validates against the IPTC ninjs 3.1 schema', () => {
    expect(validate(doc)).toEqual({ valid: true, errors: 'No errors' });
  });

  it('fails validation when a field breaks the schema, so the check above can fail', () => {
    expect(validate({ ...doc, uri: undefined }).valid).toBe(false);
    expect(validate({ ...doc, pubStatus: 'published' }).valid).toBe(false);
  });

  it('maps the article: headline, body, dates, version, people/places/organisations, subjects, pictures', () => {
    expect(doc).toMatchObject({
      uri: 'urn:copydesk:article:4eb0d4afc9cd035e0000',
      version: '3',
      language: 'en',
      contentCreated: '2018-01-28T10:00:00Z',
      by: 'Jane Doe',
      headlines: [{ role: 'main', value: 'China, Japan hope for improved ties' }],
      bodies: [
        { role: 'main', contentType: 'text/plain', wordCount: 6, charCount: article.body.text.length },
      ],
      people: [{ name: 'Wang Yi', rel: 'mentions' }],
      organisations: [{ name: 'Foreign Ministry' }],
      places: [{ name: 'Beijing' }],
    });
    expect(doc.subjects).toEqual([
      { name: 'China', rel: 'section', creator: 'copydesk:parse', relevance: 100 },
      { name: 'bilateral ties', rel: 'keyphrase', creator: 'copydesk:tag', relevance: 83 },
    ]);
    expect(doc.associations).toHaveLength(2);
    expect(doc.associations![0]).toMatchObject({
      type: 'picture',
      descriptions: [{ role: 'caption', value: 'Taro Kono (L) shakes hands with Wang Yi (R).' }],
      copyrightHolder: 'AFP',
    });
  });

  it('leaves caption-only names out of the people it is about', () => {
    expect(doc.people!.map((p) => p.name)).not.toContain('Ilhan Omar');
  });
});
