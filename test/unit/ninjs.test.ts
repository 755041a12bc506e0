import type { TaggedArticle } from '../../shared/core/article';
import { toNinjs, type NinjsDocument } from '../../shared/core/ninjs';
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
  topics: [],
  fingerprints: { exact: '0'.repeat(64), simhash: '0'.repeat(16) },
  tagger: { engine: 'copydesk', version: 'test' },
};

describe('toNinjs', () => {
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
      people: [{ name: 'Wang Yi', rel: 'mentions' }],
      organisations: [{ name: 'Foreign Ministry' }],
      places: [{ name: 'Beijing' }],
    });
    expect(doc.bodies[0]).toMatchObject({
      role: 'main',
      contentType: 'text/plain',
      wordCount: 6,
      charCount: article.body.text.length,
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

  it('has no richtext bodies and no pictures when the article has no renditions or images (older documents)', () => {
    const old = toNinjs(
      {
        ...article,
        body: { ...article.body, html: '', markdown: '' },
        captions: [],
        images: undefined as never,
      },
      { version: 1, firstCreated: '2026-11-01T00:00:00Z', versionCreated: '2026-11-29T10:00:02Z' },
    );
    expect(old.bodies.map((b) => b.contentType)).toEqual(['text/plain']);
    expect(old.associations).toBeUndefined();
    expect(validate(old)).toEqual({ valid: true, errors: 'No errors' });
  });
});

/** An article with every field #3 added: subtitle, dates, canonical URL, site, images, renditions. */
const rich: TaggedArticle = {
  ...article,
  subtitle: 'The two foreign ministers met in Tokyo for the first time in years.',
  modifiedAt: '2018-01-28T14:30:00Z',
  canonicalUrl: 'https://www.example-news.test/world/china-japan-ties?ref=rss',
  siteName: 'Example News',
  authors: ['Jane Doe', 'John Roe'],
  body: {
    ...article.body,
    html: '<h2>Talks</h2>\n<p>The foreign ministers <a href="https://example.test/">met</a>.</p>\n<p>They spoke.</p>',
    markdown: '## Talks\n\nThe foreign ministers [met](<https://example.test/>).\n\nThey spoke.',
  },
  images: [
    {
      url: 'https://cdn.example-news.test/inline.jpg',
      caption: 'An inline picture.',
      width: 640,
      height: 427,
    },
    {
      url: 'https://cdn.example-news.test/lead.jpg',
      caption: 'Taro Kono (L) shakes hands with Wang Yi (R).',
      credit: 'AFP',
      alt: 'Two men shaking hands',
      width: 1200,
      height: 800,
      lead: true,
    },
    { url: 'data:image/png;base64,AAAA', alt: 'a tracking pixel', width: 1.5, height: -1 },
    { caption: '' },
  ],
  captions: [
    { text: 'Taro Kono (L) shakes hands with  Wang Yi (R).', credit: 'AFP' },
    { text: 'A caption without a credit.' },
  ],
};

describe('toNinjs with the #3 fields', () => {
  const validate = ninjsValidator();
  const options = {
    version: 4,
    firstCreated: '2026-11-01T00:00:00Z',
    versionCreated: '2026-11-29T10:00:02Z',
  };
  const doc = toNinjs(rich, options);

  it('validates against the IPTC ninjs 3.1 schema', () => {
    expect(validate(doc)).toEqual({ valid: true, errors: 'No errors' });
  });

  it('gives the subtitle as a sub headline and a summary description', () => {
    expect(doc.headlines).toEqual([
      { role: 'main', contentType: 'text/plain', value: rich.title },
      { role: 'sub', contentType: 'text/plain', value: rich.subtitle },
    ]);
    expect(doc.descriptions).toEqual([{ role: 'summary', contentType: 'text/plain', value: rich.subtitle }]);
  });

  it('publishes the plain body as main and the sanitized HTML and Markdown renditions as richtext', () => {
    const counts = { charCount: rich.body.text.length, wordCount: rich.body.wordCount };
    expect(doc.bodies).toEqual([
      { role: 'main', contentType: 'text/plain', value: rich.body.text, ...counts },
      { role: 'richtext', contentType: 'text/html', value: rich.body.html, ...counts },
      { role: 'richtext', contentType: 'text/markdown', value: rich.body.markdown, ...counts },
    ]);
  });

  it('takes the byline from the authors', () => {
    expect(doc.by).toBe('Jane Doe, John Roe');
  });

  it('dates the story from its publisher: first created when published, this version when modified', () => {
    expect(doc).toMatchObject({
      firstCreated: '2018-01-28T10:00:00Z',
      versionCreated: '2018-01-28T14:30:00Z',
      contentCreated: '2018-01-28T10:00:00Z',
      version: '4',
    });
  });

  it("falls back to copydesk's own times, and never dates a version before the first", () => {
    const at = (a: Partial<TaggedArticle>) => {
      const d = toNinjs({ ...rich, ...a }, options);
      expect(validate(d).valid).toBe(true);
      return [d.firstCreated, d.versionCreated, d.contentCreated];
    };
    expect(at({ publishedAt: undefined, modifiedAt: undefined })).toEqual([
      options.firstCreated,
      options.versionCreated,
      undefined,
    ]);
    expect(at({ modifiedAt: undefined })).toEqual([
      '2018-01-28T10:00:00Z',
      options.versionCreated,
      '2018-01-28T10:00:00Z',
    ]);
    // Modified before published: the modification date is not trusted as this version's.
    expect(at({ modifiedAt: '2017-01-01T00:00:00Z' })).toEqual([
      '2018-01-28T10:00:00Z',
      options.versionCreated,
      '2018-01-28T10:00:00Z',
    ]);
    // Published after everything else (a bad date): it is still when the content was created, not the first version.
    expect(at({ publishedAt: '2030-01-01T00:00:00Z', modifiedAt: undefined })).toEqual([
      options.firstCreated,
      options.versionCreated,
      '2030-01-01T00:00:00Z',
    ]);
    // Not RFC 3339 date-times: normalized, or left out when not dates at all.
    expect(at({ publishedAt: '2018-01-28', modifiedAt: 'yesterday' })).toEqual([
      '2018-01-28T00:00:00.000Z',
      options.versionCreated,
      '2018-01-28T00:00:00.000Z',
    ]);
  });

  it('keeps its own uri, gives the canonical URL as an altId and the site as the publishing info source', () => {
    expect(doc.uri).toBe('urn:copydesk:article:4eb0d4afc9cd035e0000');
    expect(doc.altIds).toContainEqual({ role: 'canonical-url', value: rich.canonicalUrl });
    expect(doc.infoSources).toEqual([
      { name: 'Example News', role: 'publisher', uri: 'https://www.example-news.test/' },
    ]);
    expect(doc).not.toHaveProperty('copyrightHolder');
    const noUrl = toNinjs({ ...rich, canonicalUrl: 'javascript:alert(1)' }, options);
    expect(noUrl.altIds.map((a) => a.role)).not.toContain('canonical-url');
    expect(noUrl.infoSources).toEqual([{ name: 'Example News', role: 'publisher' }]);
  });

  it('associates the images as pictures, lead first, with caption, alt, credit and renditions', () => {
    const pictures = doc.associations!;
    expect(pictures[0]).toEqual({
      name: 'picture1',
      uri: 'urn:copydesk:article:4eb0d4afc9cd035e0000:picture:1',
      type: 'picture',
      rel: 'leadimage',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'Taro Kono (L) shakes hands with Wang Yi (R).' },
        { role: 'alt', contentType: 'text/plain', value: 'Two men shaking hands' },
      ],
      copyrightHolder: 'AFP',
      renditions: [
        { name: 'original', href: 'https://cdn.example-news.test/lead.jpg', width: 1200, height: 800 },
      ],
    });
    expect(pictures[1]).toMatchObject({
      rel: 'illustration',
      descriptions: [{ role: 'caption', value: 'An inline picture.' }],
      renditions: [
        { name: 'original', href: 'https://cdn.example-news.test/inline.jpg', width: 640, height: 427 },
      ],
    });
    // Not an http(s) image, and no sensible size: no rendition, but its alt text is kept.
    expect(pictures[2]).toEqual(
      expect.objectContaining({
        descriptions: [{ role: 'alt', contentType: 'text/plain', value: 'a tracking pixel' }],
      }),
    );
    expect(pictures[2]).not.toHaveProperty('renditions');
    // The lead image's caption is not repeated; the caption with no image is still a picture.
    expect(pictures.slice(3)).toEqual([
      expect.objectContaining({
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'A caption without a credit.' }],
      }),
    ]);
    expect(pictures.map((p) => p.uri)).toEqual(pictures.map((_, i) => `${doc.uri}:picture:${i + 1}`));
  });

  it('stays valid with hostile strings in every field', () => {
    const weird = '\u0000<script>alert(1)</script>\ud800 "quoted" \u202e';
    const d: NinjsDocument = toNinjs(
      {
        ...rich,
        title: weird,
        subtitle: weird,
        siteName: weird,
        authors: [weird],
        canonicalUrl: weird,
        images: [{ url: weird, caption: weird, credit: weird, alt: weird, width: Number.NaN, lead: true }],
      },
      options,
    );
    expect(validate(d)).toEqual({ valid: true, errors: 'No errors' });
  });
});
