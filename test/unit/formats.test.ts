import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { ParseOutcome, ParsedArticle, ParsedFeed, RejectionCode } from '../../shared/core/article';
import { feedItemId, parseDocument, type ParseInput } from '../../shared/core/parse';
import { parseFiles } from '../../cli/commands/offline';
import { makeDocx } from '../support/make-docx';
import { makePdf } from '../support/make-pdf';

const NOW = new Date('2024-05-01T12:00:00Z');

const parse = (bytes: Uint8Array | string, extra: Partial<ParseInput> = {}): Promise<ParseOutcome> =>
  parseDocument({
    bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
    id: 'feed-or-doc-id',
    source: { path: 'fixture' },
    now: NOW,
    ...extra,
  });

async function one(pending: Promise<ParseOutcome>): Promise<ParsedArticle> {
  const outcome = await pending;
  if (!outcome.ok)
    throw new Error(`expected an article, got ${outcome.rejection.code}: ${outcome.rejection.message}`);
  if (!outcome.article) throw new Error(`expected one article, got a feed of ${outcome.feed.items.length}`);
  return outcome.article;
}

async function feedOf(pending: Promise<ParseOutcome>): Promise<ParsedFeed> {
  const outcome = await pending;
  if (!outcome.ok)
    throw new Error(`expected a feed, got ${outcome.rejection.code}: ${outcome.rejection.message}`);
  if (!outcome.feed) throw new Error(`expected a feed, got one article titled "${outcome.article.title}"`);
  return outcome.feed;
}

async function rejected(pending: Promise<ParseOutcome>, code: RejectionCode): Promise<string> {
  const outcome = await pending;
  if (outcome.ok) throw new Error(`expected ${code}, got a document`);
  expect(outcome.rejection).toEqual({ code, message: expect.any(String) });
  return outcome.rejection.message;
}

// ---------------------------------------------------------------------------------------------- Markdown

const MARKDOWN_POST = `---
title: "Harbour bridge reopens after repairs"
description: Eight months of work on the cables and deck are over.
authors:
  - Jane Doe
  - name: Ali Khan
date: 2024-03-05T08:30:00+01:00
updated: 2024-03-06
categories: [Local, Transport]
tags: [bridges, infrastructure]
canonical_url: https://gazette.example.com/local/harbour-bridge-reopens
lang: en-GB
image:
  url: https://gazette.example.com/img/bridge.jpg
  alt: The bridge at dawn
---

# Harbour bridge reopens after repairs

The harbour bridge reopened to traffic on Tuesday after eight months of repairs that cost the city
more than expected, [officials said](https://gazette.example.com/council/statement) at a ceremony.

## Traffic returns

Commuters who had faced detours of up to forty minutes said they were **relieved**.

- Speed limit on the bridge stays at 50 km/h for the first month.
- Cyclists get a separated lane on the eastern side of the deck.

1. First, the northbound lanes open.
2. Then the southbound lanes follow a week later.

> "We built it to last another hundred years," the chief engineer told reporters.

\`\`\`
lane  open
north 05:00
\`\`\`

![The deck at night](https://gazette.example.com/img/deck.jpg "The deck lit at night. Photo: John Roe/Reuters")
`;

describe('Markdown', () => {
  let a: ParsedArticle;
  beforeAll(async () => {
    a = await one(parse(MARKDOWN_POST));
  });

  it('reads the YAML front matter: title, description, authors, dates, category, canonical, language', () => {
    expect(a.format).toBe('markdown');
    expect(a.title).toBe('Harbour bridge reopens after repairs');
    expect(a.subtitle).toBe('Eight months of work on the cables and deck are over.');
    expect(a.authors).toEqual(['Jane Doe', 'Ali Khan']);
    expect(a.publishedAt).toBe('2024-03-05T07:30:00.000Z');
    expect(a.modifiedAt).toBe('2024-03-06T00:00:00.000Z');
    expect(a.section).toBe('Local');
    expect(a.canonicalUrl).toBe('https://gazette.example.com/local/harbour-bridge-reopens');
    expect(a.language).toBe('en');
  });

  it('turns the body into blocks: the H1 is the title, then paragraphs, headings, lists, quote and code', () => {
    const p = a.body.paragraphs;
    expect(p[0]).toBe(
      'The harbour bridge reopened to traffic on Tuesday after eight months of repairs that cost the city more than expected, officials said at a ceremony.',
    );
    expect(p).not.toContain('Harbour bridge reopens after repairs');
    expect(p).toContain('Traffic returns');
    expect(p).toContain('Commuters who had faced detours of up to forty minutes said they were relieved.');
    expect(a.body.html).toContain('<h2>Traffic returns</h2>');
    expect(a.body.html).toMatch(/<ul>\s*<li>Speed limit/);
    expect(a.body.html).toMatch(/<ol>\s*<li>First, the northbound/);
    expect(a.body.html).toContain('<blockquote>');
    expect(a.body.html).toContain(
      '<a href="https://gazette.example.com/council/statement">officials said</a>',
    );
    expect(a.body.markdown).toMatch(
      /\[officials said\]\(<?https:\/\/gazette\.example\.com\/council\/statement>?\)/,
    );
    expect(a.body.text).toContain('lane  open\nnorth 05:00');
    expect(a.body.text).not.toMatch(/\*\*|^#|```/m);
  });

  it('keeps the front-matter image as the lead, and a titled image as a captioned, credited figure', () => {
    expect(a.images[0]).toEqual({
      url: 'https://gazette.example.com/img/bridge.jpg',
      alt: 'The bridge at dawn',
      lead: true,
    });
    expect(a.images[1]).toMatchObject({
      url: 'https://gazette.example.com/img/deck.jpg',
      alt: 'The deck at night',
      caption: 'The deck lit at night.',
      credit: 'John Roe/Reuters',
    });
    expect(a.captions).toEqual([{ text: 'The deck lit at night.', credit: 'John Roe/Reuters' }]);
    expect(a.body.text).not.toContain('The deck lit at night');
  });

  it('recognises Markdown without front matter by its syntax, whatever the file is called', async () => {
    const md = [
      '# Council approves new cycle lanes',
      '',
      'The city council approved a network of **protected** cycle lanes on Thursday after a long debate.',
      '',
      '## What changes',
      '',
      'Work starts in September, [the council said](https://council.example.org/news/42).',
    ].join('\n');
    const b = await one(parse(md, { source: { path: 'lanes.html' }, contentType: 'text/html' }));
    expect(b.format).toBe('markdown');
    expect(b.title).toBe('Council approves new cycle lanes');
    expect(b.body.paragraphs).toEqual([
      'The city council approved a network of protected cycle lanes on Thursday after a long debate.',
      'What changes',
      'Work starts in September, the council said.',
    ]);
  });

  it('is conservative: a plain-text dump with a dash list and a rule stays text', async () => {
    const dump = [
      'Flood waters recede in northern Italy',
      '',
      '----',
      '',
      'Residents of towns across Emilia-Romagna began clearing mud from homes on Sunday.',
      '',
      '- Schools stay closed until Wednesday.',
      '- Trains run a reduced timetable.',
      '',
      'The regional government said the damage would take months to repair.',
    ].join('\n');
    expect((await one(parse(dump))).format).toBe('text');
  });
});

// -------------------------------------------------------------------------------------------------- JSON

describe('JSON', () => {
  it('reads IPTC ninjs 3.x: headlines, descriptions, HTML body, by, dates, section, pictures', async () => {
    const ninjs = {
      $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
      uri: 'https://wire.example.com/2024/03/05/harbour-bridge',
      type: 'text',
      version: '2',
      language: 'en-GB',
      contentCreated: '2024-03-05T07:30:00Z',
      firstCreated: '2024-03-05T07:35:00Z',
      versionCreated: '2024-03-05T09:00:00Z',
      headlines: [
        { role: 'main', value: 'Harbour bridge reopens after repairs' },
        { role: 'sub', value: 'Eight months of work are over' },
      ],
      by: 'Jane Doe and Ali Khan',
      subjects: [
        { name: 'Local', rel: 'section' },
        { name: 'infrastructure', rel: 'about' },
      ],
      bodies: [
        { role: 'main', contentType: 'text/plain', value: 'Plain fallback text.' },
        {
          role: 'main',
          contentType: 'text/html',
          value:
            '<p>The harbour bridge reopened to traffic on Tuesday after eight months of repairs, officials said.</p><h2>Traffic returns</h2><p>Commuters who had faced detours of up to forty minutes said they were relieved.</p>',
        },
      ],
      associations: [
        {
          name: 'picture1',
          type: 'picture',
          uri: 'urn:pic:1',
          descriptions: [{ role: 'caption', value: 'The bridge at dawn on Tuesday.' }],
          copyrightHolder: 'Reuters',
          renditions: [
            { name: 'thumb', href: 'https://wire.example.com/pic/1-thumb.jpg', width: 200 },
            { name: 'large', href: 'https://wire.example.com/pic/1.jpg', width: 2000, height: 1333 },
          ],
        },
      ],
    };
    const a = await one(parse(JSON.stringify(ninjs, null, 2)));
    expect(a.format).toBe('json');
    expect(a.title).toBe('Harbour bridge reopens after repairs');
    expect(a.subtitle).toBe('Eight months of work are over');
    expect(a.authors).toEqual(['Jane Doe', 'Ali Khan']);
    expect(a.publishedAt).toBe('2024-03-05T07:30:00.000Z');
    expect(a.modifiedAt).toBe('2024-03-05T09:00:00.000Z');
    expect(a.section).toBe('Local');
    expect(a.language).toBe('en');
    expect(a.canonicalUrl).toBe('https://wire.example.com/2024/03/05/harbour-bridge');
    expect(a.body.paragraphs).toEqual([
      'The harbour bridge reopened to traffic on Tuesday after eight months of repairs, officials said.',
      'Traffic returns',
      'Commuters who had faced detours of up to forty minutes said they were relieved.',
    ]);
    expect(a.body.html).toContain('<h2>Traffic returns</h2>');
    expect(a.images).toEqual([
      {
        url: 'https://wire.example.com/pic/1.jpg',
        caption: 'The bridge at dawn on Tuesday.',
        credit: 'Reuters',
        width: 2000,
        height: 1333,
        lead: true,
      },
    ]);
  });

  it('reads ninjs 1.x: headline, body_html, byline, firstcreated/versioncreated, associations map', async () => {
    const ninjs1 = {
      uri: 'urn:newsml:example.com:20240305:bridge',
      type: 'text',
      headline: 'Harbour bridge reopens after repairs',
      description_text: 'Eight months of work are over.',
      byline: 'By Jane Doe',
      firstcreated: '2024-03-05T07:30:00+00:00',
      versioncreated: '2024-03-05T09:00:00+00:00',
      language: 'en',
      body_html:
        '<p>The harbour bridge reopened to traffic on Tuesday after eight months of repairs, officials said.</p><p>The council will publish the costs in the spring.</p>',
      associations: {
        featureimage: {
          type: 'picture',
          description_text: 'The bridge at dawn.',
          copyrightholder: 'AFP',
          renditions: { baseImage: { href: 'https://cdn.example.com/bridge.jpg', width: 1200 } },
        },
      },
    };
    const a = await one(parse(JSON.stringify(ninjs1)));
    expect(a.title).toBe('Harbour bridge reopens after repairs');
    expect(a.subtitle).toBe('Eight months of work are over.');
    expect(a.authors).toEqual(['Jane Doe']);
    expect(a.publishedAt).toBe('2024-03-05T07:30:00.000Z');
    expect(a.modifiedAt).toBe('2024-03-05T09:00:00.000Z');
    expect(a.canonicalUrl).toBeUndefined(); // a URN identifies, it is not a web page
    expect(a.body.paragraphs).toHaveLength(2);
    expect(a.images[0]).toMatchObject({
      url: 'https://cdn.example.com/bridge.jpg',
      caption: 'The bridge at dawn.',
      credit: 'AFP',
    });
  });

  const IPTC_EXAMPLE = join(
    __dirname,
    '../../..',
    'shared/standards/ninjs/example-complex-text-article.json',
  );
  (existsSync(IPTC_EXAMPLE) ? it : it.skip)(
    'reads the IPTC ninjs 3.x example article (skipped without ../shared)',
    async () => {
      const a = await one(parse(readFileSync(IPTC_EXAMPLE)));
      expect(a.title).toBe('Captain of wrecked cruise ship on trial in Italy');
      expect(a.authors).toEqual(['Paulo Santalucia', "Frances d'Emilio"]);
      expect(a.language).toBe('en');
      expect(a.body.text).toMatch(/^GROSSETO, Italy \(AP\) -- The trial of the captain/);
      expect(a.body.paragraphs.length).toBeGreaterThan(1);
    },
  );

  it('reads a generic article object with a plain-text body', async () => {
    const a = await one(
      parse(
        JSON.stringify({
          title: 'Rail strike called off',
          author: ['Ana Ruiz', 'Luis Gil'],
          date: '2024-02-09T10:00:00Z',
          section: 'Business',
          url: 'https://news.example.es/rail-strike',
          language: 'en',
          text: 'Union leaders called off a planned rail strike in Madrid on Friday.\n\nThe transport minister said the offer was final.',
        }),
      ),
    );
    expect(a).toMatchObject({
      format: 'json',
      title: 'Rail strike called off',
      authors: ['Ana Ruiz', 'Luis Gil'],
      publishedAt: '2024-02-09T10:00:00.000Z',
      section: 'Business',
      canonicalUrl: 'https://news.example.es/rail-strike',
    });
    expect(a.body.paragraphs).toEqual([
      'Union leaders called off a planned rail strike in Madrid on Friday.',
      'The transport minister said the offer was final.',
    ]);
  });

  it('reads JSON-LD NewsArticle inside a @graph', async () => {
    const a = await one(
      parse(
        JSON.stringify({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Example Gazette' },
            {
              '@type': 'NewsArticle',
              headline: 'Library opens late',
              datePublished: '2024-01-10',
              author: { '@type': 'Person', name: 'Tom Reid' },
              publisher: { '@type': 'Organization', name: 'Town Post' },
              articleBody:
                'The central library in Leeds will stay open until ten on weekdays from next month.',
            },
          ],
        }),
      ),
    );
    expect(a).toMatchObject({ title: 'Library opens late', authors: ['Tom Reid'], siteName: 'Town Post' });
    expect(a.body.paragraphs).toEqual([
      'The central library in Leeds will stay open until ten on weekdays from next month.',
    ]);
  });

  it('treats a JSON list of articles as several articles with stable ids', async () => {
    const list = JSON.stringify({
      articles: [
        { id: 'a-1', title: 'First story', body: 'The first story has a body of its own.' },
        { id: 'a-2', title: 'Second story', body: '<p>The second story arrives as HTML.</p>' },
      ],
    });
    const feed = await feedOf(parse(list));
    expect(feed.format).toBe('json');
    expect(feed.items.map((i) => [i.id, i.title, i.format])).toEqual([
      [feedItemId('feed-or-doc-id', 'a-1'), 'First story', 'json'],
      [feedItemId('feed-or-doc-id', 'a-2'), 'Second story', 'json'],
    ]);
    expect(feed.items[1]!.body.paragraphs).toEqual(['The second story arrives as HTML.']);
  });

  it('refuses JSON that is not an article, saying what it found', async () => {
    expect(await rejected(parse('[1, 2, 3, 4]'), 'UNSUPPORTED_TYPE')).toMatch(
      /not an article.*array of 4 numbers/,
    );
    const config = JSON.stringify({
      name: 'copydesk',
      version: '0.1.0',
      description: 'Serverless ingestion',
      scripts: {},
    });
    expect(await rejected(parse(config), 'UNSUPPORTED_TYPE')).toMatch(/not an article.*keys name, version/);
    expect(await rejected(parse('{"title": "Only a headline", "date": "2024-01-01"}'), 'NO_CONTENT')).toMatch(
      /title but no body/,
    );
  });
});

// ------------------------------------------------------------------------------------------------- Feeds

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Example Gazette — Local</title>
    <link>https://gazette.example.com/local</link>
    <description>Local news</description>
    <language>en-gb</language>
    <item>
      <title>Harbour bridge reopens after repairs</title>
      <link>https://gazette.example.com/local/harbour-bridge</link>
      <guid isPermaLink="false">gazette-2024-0305-bridge</guid>
      <dc:creator>Jane Doe</dc:creator>
      <pubDate>Tue, 05 Mar 2024 08:30:00 +0100</pubDate>
      <category>Local</category>
      <category>Transport</category>
      <description>Eight months of repairs are over.</description>
      <content:encoded><![CDATA[<p>The harbour bridge reopened to traffic on Tuesday after eight months of repairs, <a href="https://gazette.example.com/council">officials said</a>.</p><p>Engineers replaced the corroded steel cables and resurfaced the deck.</p>]]></content:encoded>
      <media:content url="https://gazette.example.com/img/bridge.jpg" medium="image" width="1600" height="900">
        <media:description>The bridge at dawn.</media:description>
        <media:credit>John Roe/Reuters</media:credit>
      </media:content>
    </item>
    <item>
      <title>Library opens late on weekdays</title>
      <link>https://gazette.example.com/local/library-hours</link>
      <author>news@gazette.example.com (Tom Reid)</author>
      <pubDate>Mon, 04 Mar 2024 17:00:00 GMT</pubDate>
      <description>&lt;p&gt;The central library will stay open until ten on weekdays from next month, the council said.&lt;/p&gt;</description>
      <enclosure url="https://gazette.example.com/img/library.jpg" type="image/jpeg" length="12345"/>
    </item>
    <item>
      <title>Council approves new cycle lanes</title>
      <pubDate>Sun, 03 Mar 2024 12:00:00 GMT</pubDate>
      <description>The city council approved a network of protected cycle lanes on Thursday.</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title type="text">Beispiel Zeitung</title>
  <link rel="alternate" href="https://zeitung.example.de/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-02-12T18:30:02Z</updated>
  <author><name>Lena Vogel</name></author>
  <entry>
    <title>Wahl in Berlin</title>
    <link rel="alternate" type="text/html" href="https://zeitung.example.de/politik/wahl-berlin"/>
    <link rel="enclosure" type="image/jpeg" href="https://zeitung.example.de/bild/wahl.jpg"/>
    <id>tag:zeitung.example.de,2024:wahl-berlin</id>
    <published>2024-02-12T08:00:00+01:00</published>
    <updated>2024-02-12T18:30:02Z</updated>
    <author><name>Anna Schmidt</name></author>
    <category term="politik" label="Politik"/>
    <summary>Die Berliner haben ein neues Abgeordnetenhaus gewählt.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die Berliner haben am Sonntag ein neues Abgeordnetenhaus gewählt.</p><p>Die Wahlbeteiligung lag bei rund sechzig Prozent.</p></div></content>
  </entry>
  <entry>
    <title type="html">Streik &lt;em&gt;beendet&lt;/em&gt;</title>
    <link href="https://zeitung.example.de/wirtschaft/streik"/>
    <id>tag:zeitung.example.de,2024:streik</id>
    <updated>2024-02-11T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Die Gewerkschaft hat den Streik am Samstag beendet.&lt;/p&gt;&lt;p&gt;Die Züge fahren wieder.&lt;/p&gt;</content>
  </entry>
</feed>`;

describe('RSS and Atom feeds', () => {
  it('makes one article per RSS item, with link, author, date, category, body and images', async () => {
    const feed = await feedOf(parse(RSS));
    expect(feed).toMatchObject({
      id: 'feed-or-doc-id',
      format: 'rss',
      title: 'Example Gazette — Local',
      url: 'https://gazette.example.com/local',
    });
    expect(feed.items).toHaveLength(3);
    const [bridge, library, lanes] = feed.items;

    expect(bridge).toMatchObject({
      id: feedItemId('feed-or-doc-id', 'gazette-2024-0305-bridge'),
      format: 'rss',
      title: 'Harbour bridge reopens after repairs',
      subtitle: 'Eight months of repairs are over.',
      canonicalUrl: 'https://gazette.example.com/local/harbour-bridge',
      authors: ['Jane Doe'],
      publishedAt: '2024-03-05T07:30:00.000Z',
      section: 'Local',
      language: 'en',
      siteName: 'Example Gazette — Local',
      feed: {
        id: 'feed-or-doc-id',
        itemKey: 'gazette-2024-0305-bridge',
        url: 'https://gazette.example.com/local',
      },
    });
    expect(bridge!.body.paragraphs).toEqual([
      'The harbour bridge reopened to traffic on Tuesday after eight months of repairs, officials said.',
      'Engineers replaced the corroded steel cables and resurfaced the deck.',
    ]);
    expect(bridge!.body.html).toContain('<a href="https://gazette.example.com/council">officials said</a>');
    expect(bridge!.images).toEqual([
      {
        url: 'https://gazette.example.com/img/bridge.jpg',
        caption: 'The bridge at dawn.',
        credit: 'John Roe/Reuters',
        width: 1600,
        height: 900,
        lead: true,
      },
    ]);

    // No guid: the link identifies the item. An e-mail author gives the name in parentheses.
    expect(library).toMatchObject({
      id: feedItemId('feed-or-doc-id', 'https://gazette.example.com/local/library-hours'),
      authors: ['Tom Reid'],
      publishedAt: '2024-03-04T17:00:00.000Z',
      images: [{ url: 'https://gazette.example.com/img/library.jpg', lead: true }],
    });
    expect(library!.body.paragraphs).toEqual([
      'The central library will stay open until ten on weekdays from next month, the council said.',
    ]);
    // Neither guid nor link: title and date.
    expect(lanes!.id).toBe(
      feedItemId('feed-or-doc-id', 'Council approves new cycle lanes|Sun, 03 Mar 2024 12:00:00 GMT'),
    );
    expect(lanes!.body.paragraphs).toEqual([
      'The city council approved a network of protected cycle lanes on Thursday.',
    ]);
  });

  it('gives an item the same id on every upload of the same feed key, and a different one in another feed', async () => {
    const first = await feedOf(parse(RSS));
    const again = await feedOf(
      parse(RSS.replace('<title>Example Gazette — Local</title>', '<title>Gazette</title>')),
    );
    const other = await feedOf(parse(RSS, { id: 'another-feed' }));
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(other.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    // The fingerprint follows the item, not the feed around it.
    expect(again.items[0]!.feed!.itemHash).toBe(first.items[0]!.feed!.itemHash);
    const edited = await feedOf(parse(RSS.replace('resurfaced the deck', 'repainted the deck')));
    expect(edited.items[0]!.feed!.itemHash).not.toBe(first.items[0]!.feed!.itemHash);
    expect(edited.items[1]!.feed!.itemHash).toBe(first.items[1]!.feed!.itemHash);
  });

  it('reads Atom entries: xhtml and escaped-html content, summary, author, category label, dates', async () => {
    const feed = await feedOf(parse(ATOM));
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Beispiel Zeitung',
      url: 'https://zeitung.example.de/',
    });
    const [wahl, streik] = feed.items;
    expect(wahl).toMatchObject({
      id: feedItemId('feed-or-doc-id', 'tag:zeitung.example.de,2024:wahl-berlin'),
      format: 'atom',
      title: 'Wahl in Berlin',
      canonicalUrl: 'https://zeitung.example.de/politik/wahl-berlin',
      authors: ['Anna Schmidt'],
      section: 'Politik',
      publishedAt: '2024-02-12T07:00:00.000Z',
      modifiedAt: '2024-02-12T18:30:02.000Z',
      language: 'de',
      images: [{ url: 'https://zeitung.example.de/bild/wahl.jpg', lead: true }],
    });
    expect(wahl!.body.paragraphs).toEqual([
      'Die Berliner haben am Sonntag ein neues Abgeordnetenhaus gewählt.',
      'Die Wahlbeteiligung lag bei rund sechzig Prozent.',
    ]);
    expect(streik).toMatchObject({
      title: 'Streik beendet',
      canonicalUrl: 'https://zeitung.example.de/wirtschaft/streik',
      authors: ['Lena Vogel'], // the feed's author stands in for an entry without one
      publishedAt: '2024-02-11T10:00:00.000Z',
    });
    expect(streik!.body.paragraphs).toEqual([
      'Die Gewerkschaft hat den Streik am Samstag beendet.',
      'Die Züge fahren wieder.',
    ]);
  });

  it('detects a feed by content: RSS in a .txt, gzipped, with a text/plain type', async () => {
    const feed = await feedOf(
      parse(gzipSync(Buffer.from(RSS)), { source: { path: 'export.txt' }, contentType: 'text/plain' }),
    );
    expect(feed.items).toHaveLength(3);
  });

  it('rejects a feed with no items as NO_CONTENT', async () => {
    const empty =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title><link>https://q.example.com/</link></channel></rss>';
    expect(await rejected(parse(empty), 'NO_CONTENT')).toMatch(/RSS feed: it has no items/);
  });

  it('ignores a DOCTYPE, so entity expansion cannot blow up', async () => {
    const bomb = RSS.replace(
      '<rss ',
      '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<rss ',
    );
    expect((await feedOf(parse(bomb))).items).toHaveLength(3);
  });
});

// -------------------------------------------------------------------------------------------------- DOCX

describe('DOCX', () => {
  it('reads Word structure: Title and Subtitle styles, headings, links, lists, quote, caption, core properties', async () => {
    const docx = await makeDocx(
      [
        { style: 'Title', text: 'Annual report of the harbour authority' },
        { style: 'Subtitle', text: 'A year of repairs and record traffic' },
        {
          text: 'The harbour authority handled more ships in 2023 than in any year before, the report says.',
        },
        {
          text: 'The full figures are published ',
          link: { text: 'on the authority website', href: 'https://harbour.example.org/figures' },
        },
        { style: 'Heading 1', text: 'Repairs' },
        { text: 'The bridge repairs took eight months and cost more than planned.' },
        { list: 'bullet', text: 'New steel cables on both spans.' },
        { list: 'bullet', text: 'A resurfaced deck.' },
        { list: 'number', text: 'Northbound lanes reopened first.' },
        { style: 'Quote', text: 'We built it to last another hundred years.' },
        { style: 'Caption', text: 'The bridge at dawn. Photo: John Roe/Reuters' },
      ],
      {
        title: 'Harbour report (draft 3)',
        creator: 'Jane Doe; Ali Khan',
        created: '2024-03-01T09:00:00Z',
        modified: '2024-03-04T16:20:00Z',
        language: 'en-GB',
        category: 'Reports',
      },
    );
    const a = await one(parse(docx, { source: { path: 'report.bin' } }));
    expect(a.format).toBe('docx');
    expect(a.title).toBe('Annual report of the harbour authority'); // the Title style beats the file's property
    expect(a.subtitle).toBe('A year of repairs and record traffic');
    expect(a.authors).toEqual(['Jane Doe', 'Ali Khan']);
    expect(a.publishedAt).toBe('2024-03-01T09:00:00.000Z');
    expect(a.modifiedAt).toBe('2024-03-04T16:20:00.000Z');
    expect(a.section).toBe('Reports');
    expect(a.language).toBe('en');
    expect(a.body.paragraphs).toEqual([
      'The harbour authority handled more ships in 2023 than in any year before, the report says.',
      'The full figures are published on the authority website.',
      'Repairs',
      'The bridge repairs took eight months and cost more than planned.',
      'New steel cables on both spans.',
      'A resurfaced deck.',
      'Northbound lanes reopened first.',
      'We built it to last another hundred years.',
    ]);
    expect(a.body.html).toContain(
      '<a href="https://harbour.example.org/figures">on the authority website</a>',
    );
    expect(a.body.html).toContain('<h2>Repairs</h2>');
    expect(a.body.html).toMatch(/<ul>\s*<li>New steel cables/);
    expect(a.body.html).toMatch(/<ol>\s*<li>Northbound/);
    expect(a.body.html).toContain('<blockquote>');
    expect(a.captions).toEqual([{ text: 'The bridge at dawn.', credit: 'John Roe/Reuters' }]);
  });

  it('takes the title from the first Heading 1, else from docProps/core.xml', async () => {
    const h1 = await one(
      parse(
        await makeDocx(
          [
            { style: 'Heading 1', text: 'Ferry timetable changes' },
            { text: 'Ferries will leave every twenty minutes from June.' },
          ],
          {
            title: 'Document1',
          },
        ),
      ),
    );
    expect(h1.title).toBe('Ferry timetable changes');
    expect(h1.body.paragraphs).toEqual(['Ferries will leave every twenty minutes from June.']);
    const core = await one(
      parse(
        await makeDocx([{ text: 'Ferries will leave every twenty minutes from June.' }], {
          title: 'Ferry timetable',
        }),
      ),
    );
    expect(core.title).toBe('Ferry timetable');
  });

  it('parses a gzipped DOCX, and rejects a damaged one as BINARY', async () => {
    const docx = await makeDocx([
      { style: 'Title', text: 'Short note' },
      { text: 'The office closes early on Friday.' },
    ]);
    expect((await one(parse(gzipSync(docx)))).title).toBe('Short note');
    const damaged = Buffer.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0,
      0,
      0,
      ...Buffer.from('word/document.xml'),
      1,
      2,
      3,
    ]);
    expect(await rejected(parse(damaged), 'BINARY')).toMatch(/not a readable DOCX/);
  });
});

// --------------------------------------------------------------------------------------------------- PDF

const lorem = [
  'The harbour authority handled more ships in 2023 than in any year',
  'before, and the bridge repairs that closed the northern approach for',
  'eight months were finished in March, two weeks later than planned.',
];

describe('PDF', () => {
  it('reads a text PDF: metadata, paragraphs joined across lines, headings, no running headers or page numbers', async () => {
    const page = (n: number, lines: Array<{ text: string; size: number; y: number }>) => ({
      lines: [
        { text: 'Harbour Authority Annual Report 2023', size: 8, y: 815 },
        ...lines,
        { text: String(n), size: 8, y: 30 },
      ],
    });
    const pdf = makePdf(
      [
        page(1, [
          { text: 'A record year for the harbour', size: 22, y: 760 },
          { text: lorem[0]!, size: 11, y: 720 },
          { text: lorem[1]!, size: 11, y: 706 },
          { text: lorem[2]!, size: 11, y: 692 },
          { text: 'Traffic', size: 15, y: 650 },
          { text: 'Ships calling at the port rose by twelve per cent, with the largest', size: 11, y: 620 },
          { text: 'growth in ferries and cruise ships, the authority’s figures show.', size: 11, y: 606 },
        ]),
        page(2, [
          { text: 'Container volumes were flat. The authority expects a rebound once the', size: 11, y: 760 },
          { text: 'new cranes are com-', size: 11, y: 746 },
          { text: 'missioned next spring.', size: 11, y: 732 },
        ]),
        page(3, [{ text: 'The board thanks the staff for a difficult year.', size: 11, y: 760 }]),
      ],
      {
        Title: 'Annual report 2023',
        Author: 'Jane Doe',
        CreationDate: "D:20240305083000+01'00'",
        Subject: 'Traffic and repairs',
      },
    );
    const a = await one(parse(pdf, { source: { path: 'annual-report.pdf' } }));
    expect(a.format).toBe('pdf');
    expect(a.title).toBe('Annual report 2023');
    expect(a.subtitle).toBe('Traffic and repairs');
    expect(a.authors).toEqual(['Jane Doe']);
    expect(a.publishedAt).toBe('2024-03-05T07:30:00.000Z');
    expect(a.body.paragraphs).toEqual([
      'A record year for the harbour',
      lorem.join(' '),
      'Traffic',
      'Ships calling at the port rose by twelve per cent, with the largest growth in ferries and cruise ships, the authority’s figures show.',
      'Container volumes were flat. The authority expects a rebound once the new cranes are commissioned next spring.',
      'The board thanks the staff for a difficult year.',
    ]);
    expect(a.body.html).toContain('<h2>A record year for the harbour</h2>');
    expect(a.body.text).not.toMatch(/Harbour Authority Annual Report 2023|^\d+$/m);
  });

  it('takes the title from the largest line on the first page when the metadata has none', async () => {
    const pdf = makePdf(
      [
        {
          lines: [
            { text: 'Ferry timetable changes', size: 20, y: 780 },
            {
              text: 'Ferries will leave every twenty minutes from June, the operator said.',
              size: 11,
              y: 740,
            },
          ],
        },
      ],
      { Title: 'Microsoft Word - ferries.docx' },
    );
    const a = await one(parse(pdf));
    expect(a.title).toBe('Ferry timetable changes');
    expect(a.body.paragraphs).toEqual([
      'Ferries will leave every twenty minutes from June, the operator said.',
    ]);
  });

  it('rejects a scanned PDF (no text layer) as NO_CONTENT, saying OCR is not supported', async () => {
    const scan = makePdf([{ image: { width: 4, height: 4 } }, { image: { width: 4, height: 4 } }], {
      Title: 'Scan 0042',
    });
    expect(await rejected(parse(scan), 'NO_CONTENT')).toMatch(
      /PDF has no text layer.*2 pages.*OCR is not supported/,
    );
  });

  it('rejects a PDF that cannot be read as BINARY, and parses a gzipped one', async () => {
    expect(
      await rejected(parse('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n'), 'BINARY'),
    ).toMatch(/PDF/);
    const pdf = makePdf([
      {
        lines: [
          { text: 'Short notice', size: 18, y: 780 },
          { text: 'The office closes early on Friday afternoon.', size: 11, y: 740 },
        ],
      },
    ]);
    expect((await one(parse(gzipSync(pdf)))).title).toBe('Short notice');
  });
});

// ---------------------------------------------------------------------------------------- refusals, CLI

describe('formats still refused', () => {
  it('names spreadsheets, presentations, books and images in the rejection', async () => {
    const zip = (name: string) => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...Buffer.from(name)]);
    expect(await rejected(parse(zip('xl/workbook.xml')), 'UNSUPPORTED_TYPE')).toMatch(/XLSX/);
    expect(await rejected(parse(zip('ppt/presentation.xml')), 'UNSUPPORTED_TYPE')).toMatch(/PPTX/);
    expect(await rejected(parse(zip('mimetypeapplication/epub+zip')), 'UNSUPPORTED_TYPE')).toMatch(/EPUB/);
    expect(
      await rejected(
        parse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
        'UNSUPPORTED_TYPE',
      ),
    ).toMatch(/PNG/);
  });
});

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('copydesk parse --jsonl on a feed', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-formats-'));
    writeFileSync(join(dir, 'feed.xml'), RSS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per item, each with its own id and the feed it came from', async () => {
    const out = new Collect();
    expect(await parseFiles([join(dir, 'feed.xml')], { jsonl: true }, out)).toBe(0);
    const lines = out.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ParsedArticle);
    expect(lines.map((l) => l.title)).toEqual([
      'Harbour bridge reopens after repairs',
      'Library opens late on weekdays',
      'Council approves new cycle lanes',
    ]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(3);
    for (const l of lines) {
      expect(l.source.path).toBe(join(dir, 'feed.xml'));
      expect(l.format).toBe('rss');
      expect(l.feed?.id).toBeDefined();
    }
  });
});

describe('DOCX bombs', () => {
  it('refuses a DOCX whose parts say they inflate past the cap, before inflating them', async () => {
    const docx = await makeDocx([{ text: 'A short note about the office hours.' }]);
    // Rewrite the central directory so word/document.xml claims almost 2 GiB, as a ZIP bomb's entry would.
    const name = Buffer.from('word/document.xml');
    for (
      let at = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    ) {
      const nameLength = docx.readUInt16LE(at + 28);
      if (docx.subarray(at + 46, at + 46 + nameLength).equals(name)) docx.writeUInt32LE(0x7f000000, at + 24);
    }
    expect(await rejected(parse(docx), 'TOO_LARGE')).toMatch(/DOCX parts inflate/);
  });
});
