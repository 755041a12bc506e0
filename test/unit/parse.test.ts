import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  articlesOf,
  type ParseOutcome,
  type ParsedArticle,
  type RejectionCode,
} from '../../shared/core/article';
import { parseDocument, type ParseInput } from '../../shared/core/parse';
import { SEED_PATH as SEED } from '../../local/shared-material';

const NOW = new Date('2024-05-01T12:00:00Z');

const parse = (bytes: Uint8Array | string, extra: Partial<ParseInput> = {}): Promise<ParseOutcome> =>
  parseDocument({
    bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
    id: 'test-id',
    source: { path: 'fixture' },
    now: NOW,
    ...extra,
  });

async function ok(pending: Promise<ParseOutcome>): Promise<ParsedArticle> {
  const outcome = await pending;
  if (!outcome.ok)
    throw new Error(`expected an article, got ${outcome.rejection.code}: ${outcome.rejection.message}`);
  if (!outcome.article) throw new Error(`expected one article, got a feed of ${outcome.feed.items.length}`);
  return outcome.article;
}

async function rejected(pending: Promise<ParseOutcome>, code: RejectionCode): Promise<string> {
  const outcome = await pending;
  if (outcome.ok) throw new Error(`expected ${code}, got ${articlesOf(outcome).length} article(s)`);
  expect(outcome.rejection.code).toBe(code);
  expect(outcome.rejection.message.length).toBeGreaterThan(5);
  return outcome.rejection.message;
}

const seedPresent = existsSync(SEED);
if (!seedPresent)
  console.warn(`seed article not found at ${SEED} (../shared is absent): skipping seed tests`);
const describeSeed = seedPresent ? describe : describe.skip;

describeSeed('the seed article (copied text from a news page)', () => {
  let a: ParsedArticle;
  beforeAll(async () => {
    a = await ok(parse(readFileSync(SEED), { source: { path: 'seed.txt' } }));
  });

  it('is plain text with the headline, breadcrumb and section', () => {
    expect(a.format).toBe('text');
    expect(a.title).toBe('China, Japan hope for improved ties');
    expect(a.breadcrumb).toEqual(['News', 'China', 'More']);
    expect(a.section).toBe('China');
    expect(a.language).toBe('en');
    expect(a.authors).toEqual([]);
    expect(a.id).toBe('test-id');
    expect(a.source).toEqual({ path: 'seed.txt' });
    expect(a.parsedAt).toBe(NOW.toISOString());
  });

  it('moves all three photo captions, the unrelated one included, out of the body with the credit split off', () => {
    expect(a.captions).toHaveLength(3);
    expect(a.captions.map((c) => c.credit)).toEqual(['AFP', 'AFP', 'AFP']);
    expect(a.captions[0]!.text).toMatch(
      /^US Rep\. Ilhan Omar \(D-MN\) \(L\) talks with Speaker of the House Nancy Pelosi/,
    );
    expect(a.captions[0]!.text).toMatch(/in Washington, DC\.$/);
    expect(a.captions[1]).toEqual({
      text: 'Japan’s Foreign Minister Taro Kono (L) shakes hands with his Chinese counterpart Wang Yi (R) as they pose before a meeting in Beijing, on January 28, 2018.',
      credit: 'AFP',
    });
    expect(a.captions[2]!.text).toMatch(
      /^Japan’s Foreign Minister Taro Kono \(2nd-L\) speaks .* January 28, 2018\.$/,
    );
  });

  it('keeps exactly the real body paragraphs: no caption, no footer', () => {
    const p = a.body.paragraphs;
    // The file has 13 body paragraphs between the captions and the footer (counted by hand: blank-line separated).
    expect(p).toHaveLength(13);
    expect(p[0]).toBe(
      'The foreign ministers of China and Japan have met in the Chinese capital of Beijing, hoping to overcome historical and territorial disputes to improve ties.',
    );
    expect(p[3]).toBe(
      '“China-Japan relations have always been like a boat going against a current, and if there is no progress, then things go backwards,” Wang added.',
    );
    expect(p[4]).toMatch(/^China and Japan have long been at odds/);
    expect(p.at(-1)).toBe(
      'The US has permanent military presence in the region, including in bases in both South Korea and Japan.',
    );
    for (const para of p) {
      expect(para).not.toMatch(/\(Photo by AFP\)|\(AFP photo\)|Press TV|alternate addresses|Roku|\(2nd-L\)/);
    }
    expect(a.body.text).toBe(p.join('\n\n'));
    expect(a.body.text).not.toMatch(/\u00a0/);
    expect(a.body.wordCount).toBeGreaterThan(380);
    expect(a.body.wordCount).toBeLessThan(460);
  });

  it('keeps every paragraph in the order of the file, as plain paragraphs', () => {
    // The first words of each body paragraph of the seed, top to bottom.
    const starts = [
      'The foreign ministers',
      'During the meeting on Sunday',
      'The Chinese foreign minister said',
      '“China-Japan relations',
      'China and Japan have long',
      'China says some 300,000',
      'China is also locked',
      'A thaw in relations',
      'Kano, the Japanese foreign minister',
      '“Not only do we need',
      'Tokyo has pushed',
      'North Korea says',
      'The US has permanent',
    ];
    expect(a.body.paragraphs.map((p, i) => p.startsWith(starts[i]!))).toEqual(starts.map(() => true));
    // Nothing in the copy marks a subheading or a list: the body renders as paragraphs only.
    expect(a.body.html).not.toMatch(/<h\d|<li/);
    expect(a.subtitle).toBeUndefined();
    expect(a.publishedAt).toBeUndefined();
  });
});

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after repairs | Example Gazette</title>
  <meta property="og:title" content="Harbour bridge reopens after repairs | Example Gazette">
  <meta property="og:site_name" content="Example Gazette">
  <meta property="article:section" content="Local">
  <meta name="author" content="Jane Doe">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@graph":[
    {"@type":"NewsArticle","headline":"Harbour bridge reopens after repairs","datePublished":"2024-03-05T08:30:00+01:00",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Ali Khan"}]},
    {"@type":"BreadcrumbList","itemListElement":[
      {"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"Local"},
      {"@type":"ListItem","position":3,"name":"Harbour bridge reopens after repairs"}]}]}
  </script>
  <style>body { font-family: serif }</style>
  <script>window.analytics = { track: function () {} };</script>
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main>
    <article>
      <h1>Harbour bridge reopens after repairs</h1>
      <p class="byline">By Jane Doe and Ali Khan</p>
      <figure>
        <img src="bridge.jpg" alt="">
        <figcaption>The bridge at dawn on Tuesday, the first morning after the reopening. <span class="credit">Photo: John Roe/Reuters</span></figcaption>
      </figure>
      <p>The harbour bridge reopened to traffic on Tuesday after eight months of repairs that cost the city more than expected, officials said at a ceremony attended by hundreds of residents.</p>
      <p>Engineers replaced the corroded steel cables and resurfaced the deck, work that had been delayed twice by storms during the winter, according to the city's transport department.</p>
      <h2>Traffic returns</h2>
      <p>Commuters who had faced detours of up to forty minutes said they were relieved. "It has been a long year for everyone who lives on the north shore," said one driver, Maria Lopez.</p>
      <ul>
        <li>Speed limit on the bridge stays at 50 km/h for the first month.</li>
        <li>Cyclists get a separated lane on the eastern side of the deck.</li>
      </ul>
      <blockquote><p>"We built it to last another hundred years," the chief engineer told reporters at the ceremony.</p></blockquote>
      <p>The city council will publish a full account of the costs in the spring, the mayor's office said in a statement.</p>
      <p>Share this article</p>
    </article>
  </main>
  <aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li></ul></aside>
  <footer><p>© 2024 Example Gazette. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body>
</html>`;

describe('HTML pages', () => {
  let a: ParsedArticle;
  beforeAll(async () => {
    a = await ok(parse(NEWS_PAGE, { contentType: 'text/html' }));
  });

  it('takes the headline from og:title without the site suffix', () => {
    expect(a.format).toBe('html');
    expect(a.title).toBe('Harbour bridge reopens after repairs');
  });

  it('reads section, breadcrumb, language, date and authors from metadata', () => {
    expect(a.section).toBe('Local');
    expect(a.breadcrumb).toEqual(['Home', 'Local', 'Harbour bridge reopens after repairs']);
    expect(a.language).toBe('en');
    expect(a.publishedAt).toBe('2024-03-05T07:30:00.000Z');
    expect(a.authors).toEqual(['Jane Doe', 'Ali Khan']);
    expect(a.source.contentType).toBe('text/html');
  });

  it('extracts the main text as paragraphs: p, h2, li and blockquote, without navigation or footer', () => {
    const p = a.body.paragraphs;
    expect(p[0]).toMatch(/^The harbour bridge reopened to traffic on Tuesday/);
    expect(p).toContain('Traffic returns');
    expect(p).toContain('Cyclists get a separated lane on the eastern side of the deck.');
    expect(p.some((x) => x.startsWith('"We built it to last'))).toBe(true);
    expect(p.at(-1)).toMatch(/^The city council will publish/);
    const text = a.body.text;
    for (const junk of [
      'Celebrity chef',
      'All rights reserved',
      'Privacy policy',
      'Share this article',
      'window.analytics',
      'font-family',
      'Sport',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('turns figcaptions into captions with the credit split out, and keeps them out of the body', () => {
    expect(a.captions).toEqual([
      {
        text: 'The bridge at dawn on Tuesday, the first morning after the reopening.',
        credit: 'John Roe/Reuters',
      },
    ]);
    expect(a.body.text).not.toContain('The bridge at dawn');
  });

  it('detects HTML by content, whatever the declared type', async () => {
    const b = await ok(parse(NEWS_PAGE, { contentType: 'text/plain' }));
    expect(b.format).toBe('html');
    expect(b.title).toBe(a.title);
  });

  it('parses a fragment of markup without html/head/body', async () => {
    const b = await ok(
      parse(
        '<h1>Budget vote delayed</h1><p>The vote on the budget was delayed by a week, the speaker said on Monday.</p><p>Members will return on the 14th to debate it again.</p>',
      ),
    );
    expect(b.format).toBe('html');
    expect(b.body.paragraphs.join(' ')).toContain('The vote on the budget was delayed');
  });

  it('reads <time datetime> and h1 when there is no og metadata, and detects the language', async () => {
    const html = `<html><head><title>Wahl in Berlin - Beispiel Zeitung</title></head><body><article>
      <h1>Wahl in Berlin</h1><time datetime="2023-02-12">12. Februar 2023</time>
      <p>Die Berliner haben am Sonntag ein neues Abgeordnetenhaus gewählt. Die Wahlbeteiligung lag bei rund sechzig Prozent und damit niedriger als bei der letzten Wahl.</p>
      <p>Nach den ersten Hochrechnungen liegt die CDU vorn, gefolgt von der SPD und den Grünen, die fast gleichauf liegen.</p>
    </article></body></html>`;
    const b = await ok(parse(html));
    expect(b.title).toBe('Wahl in Berlin');
    expect(b.publishedAt).toBe('2023-02-12T00:00:00.000Z');
    expect(b.language).toBe('de');
  });
  it('trusts detection over a template’s wrong <html lang> when the text is long and clearly another language', async () => {
    const german =
      'Die Berliner haben am Sonntag ein neues Abgeordnetenhaus gewählt. Die Wahlbeteiligung lag bei rund sechzig Prozent und damit niedriger als bei der letzten Wahl vor zwei Jahren. ';
    const html = `<html lang="en"><head><title>Wahl in Berlin</title></head><body><article><h1>Wahl in Berlin</h1>
      <p>${german.repeat(3)}</p><p>Nach den ersten Hochrechnungen liegt die CDU deutlich vorn, gefolgt von der SPD und den Grünen, die fast gleichauf liegen.</p>
    </article></body></html>`;
    expect((await ok(parse(html))).language).toBe('de');
    expect((await ok(parse(NEWS_PAGE))).language).toBe('en');
  });
});

describe('plain text dumps from other sites', () => {
  const dump = [
    'Home › World › Europe',
    '',
    'Flood waters recede in northern Italy as clean-up begins',
    '',
    'By Anna Rossi',
    '',
    'Published: 14 May 2023',
    '',
    'Volunteers clear mud from a street in Faenza on May 13, 2023. Photo: Reuters',
    '',
    'Residents of towns across Emilia-Romagna began clearing mud from homes and shops on Sunday as flood waters receded after days of heavy rain.',
    '',
    'The regional government said thousands of people had been moved from their homes and that the damage would take months to repair.',
    '',
    'Read more: Europe braces for another hot summer',
    '',
    'Farmers said entire harvests had been lost in the lowlands near the coast.',
    '',
    'Share this article',
    '',
    '© 2023 Example Wire. All rights reserved.',
    '',
    'Download our app',
  ].join('\n');

  it('finds breadcrumb, title, byline, date and a credited caption; drops furniture', async () => {
    const a = await ok(parse(dump));
    expect(a.format).toBe('text');
    expect(a.breadcrumb).toEqual(['Home', 'World', 'Europe']);
    expect(a.section).toBe('Europe');
    expect(a.title).toBe('Flood waters recede in northern Italy as clean-up begins');
    expect(a.authors).toEqual(['Anna Rossi']);
    expect(a.publishedAt).toBe('2023-05-14T00:00:00.000Z');
    expect(a.captions).toEqual([
      { text: 'Volunteers clear mud from a street in Faenza on May 13, 2023.', credit: 'Reuters' },
    ]);
    expect(a.body.paragraphs).toHaveLength(3);
    expect(a.body.paragraphs[2]).toBe(
      'Farmers said entire harvests had been lost in the lowlands near the coast.',
    );
    expect(a.body.text).not.toMatch(/Read more|Share this|All rights reserved|Download/);
  });

  it('joins hard-wrapped lines into paragraphs', async () => {
    const wrapped = [
      'Council approves new cycle lanes',
      '',
      'The city council approved a network of protected cycle lanes on',
      'Thursday after a debate that lasted more than four hours and drew',
      'dozens of residents to the public gallery.',
      '',
      'Work on the first two routes will begin in September, the council',
      'said, and should be finished before the end of the year.',
    ].join('\n');
    const a = await ok(parse(wrapped));
    expect(a.title).toBe('Council approves new cycle lanes');
    expect(a.body.paragraphs).toEqual([
      'The city council approved a network of protected cycle lanes on Thursday after a debate that lasted more than four hours and drew dozens of residents to the public gallery.',
      'Work on the first two routes will begin in September, the council said, and should be finished before the end of the year.',
    ]);
  });

  it('uses the first sentence as a title when the dump starts with prose', async () => {
    const a = await ok(
      parse(
        'The museum will reopen in June after a two-year renovation, its director said on Friday. The collection has been moved back from storage.',
      ),
    );
    expect(a.title).toBe(
      'The museum will reopen in June after a two-year renovation, its director said on Friday.',
    );
    expect(a.body.paragraphs).toHaveLength(1);
  });
});

describe('rejections', () => {
  it('EMPTY: zero bytes or whitespace only', async () => {
    await rejected(parse(new Uint8Array(0)), 'EMPTY');
    await rejected(parse(' \n\t\r\n  '), 'EMPTY');
    await rejected(parse('\u00a0\u200b\n \u3000'), 'EMPTY');
  });

  it('TOO_LARGE: over maxBytes, before any decoding', async () => {
    expect(await rejected(parse('x'.repeat(101), { maxBytes: 100 }), 'TOO_LARGE')).toMatch(/101/);
    await ok(parse('A title for this\n\nSome body text that is long enough to be kept.', { maxBytes: 1000 }));
  });

  it('BINARY: NUL bytes, control characters, random bytes', async () => {
    await rejected(parse(Buffer.from('hello\u0000world this is not text')), 'BINARY');
    await rejected(
      parse(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41)))),
      'BINARY',
    );
    let x = 7;
    const noise = Buffer.from(
      Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff),
    );
    await rejected(parse(noise), 'BINARY');
  });

  it('UNSUPPORTED_TYPE: recognised formats copydesk does not ingest, named in the message', async () => {
    const cases: Array<[number[] | string, RegExp]> = [
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...Buffer.from('xl/workbook.xml')], /XLSX/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...Buffer.from('ppt/presentation.xml')], /PPTX/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...Buffer.from('mimetypeapplication/epub+zip')], /EPUB/],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], /legacy Microsoft Office/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...Buffer.from('data.csv')], /ZIP/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /PNG/],
      [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46], /JPEG/],
      ['GIF89a\x01\x00\x01\x00', /GIF/],
      ['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>', /SVG/],
    ];
    for (const [bytes, name] of cases) {
      const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
      expect(await rejected(parse(b), 'UNSUPPORTED_TYPE')).toMatch(name);
    }
  });

  it('NO_CONTENT: parsed, but neither title nor body', async () => {
    await rejected(
      parse(
        '<html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>',
      ),
      'NO_CONTENT',
    );
    await rejected(parse('Share this article\n\nSubscribe to our newsletter'), 'NO_CONTENT');
  });
});

describe('gzip', () => {
  it('parses gzipped HTML', async () => {
    const a = await ok(parse(gzipSync(Buffer.from(NEWS_PAGE))));
    expect(a.title).toBe('Harbour bridge reopens after repairs');
  });

  it('rejects a decompression bomb as TOO_LARGE without inflating it all', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x61));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await rejected(parse(bomb, { maxBytes: 1024 * 1024 }), 'TOO_LARGE')).toMatch(/gzip/);
  });

  it('rejects truncated gzip as BINARY with a clear message', async () => {
    const gz = gzipSync(Buffer.from(NEWS_PAGE));
    expect(await rejected(parse(gz.subarray(0, Math.floor(gz.length / 2))), 'BINARY')).toMatch(
      /truncated|corrupt/,
    );
  });
});

describe('decoding', () => {
  it('decodes windows-1252 bytes (invalid UTF-8) without mojibake', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Caf', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from(' owners win appeal\n\nThe ', 'latin1'),
      Buffer.from([0x93]),
      Buffer.from('caf', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from(' culture', 'latin1'),
      Buffer.from([0x94]),
      Buffer.from(' of the old town survives, the court ruled on Monday.', 'latin1'),
    ]);
    const a = await ok(parse(bytes));
    expect(a.title).toBe('Café owners win appeal');
    expect(a.body.paragraphs[0]).toBe(
      'The “café culture” of the old town survives, the court ruled on Monday.',
    );
  });

  it('honours a declared legacy charset in HTML', async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-2"><title>x</title></head><body><h1>Zm', 'latin1'),
      Buffer.from([0xea, 0xb3]),
      Buffer.from('e miasto</h1><p>Mieszka', 'latin1'),
      Buffer.from([0xf1]),
      Buffer.from('cy s', 'latin1'),
      Buffer.from([0xb1]),
      Buffer.from(' zm', 'latin1'),
      Buffer.from([0xea]),
      Buffer.from('czeni po tygodniu upa', 'latin1'),
      Buffer.from([0xb3]),
      Buffer.from('u, a miasto czeka na deszcz od wielu dni.</p></body></html>', 'latin1'),
    ]);
    const a = await ok(parse(html));
    expect(a.body.text).toContain('Mieszkańcy są zmęczeni po tygodniu upału');
  });

  it('keeps valid UTF-8 as is, strips a BOM, and reads UTF-16 with a BOM', async () => {
    const text =
      'Zürich café opens “today”\n\nThe new café in Zürich opened its doors on Tuesday morning to a queue of customers.';
    const a = await ok(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])));
    expect(a.title).toBe('Zürich café opens “today”');
    const b = await ok(parse(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(b.title).toBe('Zürich café opens “today”');
    expect(b.body.paragraphs).toEqual(a.body.paragraphs);
  });
});

describe('robustness', () => {
  it('never throws on arbitrary or damaged input', async () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
    const base = Buffer.from(NEWS_PAGE);
    const inputs: Uint8Array[] = [];
    for (let i = 0; i < 60; i++) {
      const len = Math.floor(rand() * 3000);
      inputs.push(Buffer.from(Array.from({ length: len }, () => Math.floor(rand() * 256))));
      const cut = base.subarray(0, Math.floor(rand() * base.length));
      inputs.push(cut);
      const mutated = Buffer.from(base);
      for (let j = 0; j < 20; j++) mutated[Math.floor(rand() * mutated.length)] = Math.floor(rand() * 256);
      inputs.push(mutated);
    }
    inputs.push(
      Buffer.from('<'),
      Buffer.from('<html'),
      Buffer.from('<!doctype html>'),
      Buffer.from([0x1f, 0x8b]),
      Buffer.from('\ufeff'),
    );
    for (const bytes of inputs) {
      const out = await parse(bytes);
      expect(typeof out.ok).toBe('boolean');
      if (out.ok) for (const a of articlesOf(out)) expect(typeof a.title).toBe('string');
      else
        expect(['EMPTY', 'BINARY', 'UNSUPPORTED_TYPE', 'TOO_LARGE', 'NO_CONTENT']).toContain(
          out.rejection.code,
        );
    }
  });
});
