import { parseHtml } from '../../shared/core/parse/html';
import { parseHtmlTree } from '../../shared/core/parse/dom';
import type { Extracted } from '../../shared/core/parse/types';

const PROSE: readonly [string, string, string, string] = [
  'The city council voted on Tuesday to extend the tram line to the northern suburbs, ending a debate that has run for more than a decade and divided the districts it will serve.',
  'Construction will start next spring, the transport department said, and the first trams are expected to run in 2028 if the contractors keep to the schedule agreed in the tender.',
  'Residents of the northern districts, who now face commutes of up to an hour by bus, welcomed the decision, although some shop owners worry about two years of building works on their street.',
  'The project will cost about 340 million euros, of which the national government will pay half under its programme for regional public transport, according to the council.',
];

const NEWS = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Tram line to reach the north by 2028 – The Example Courier</title>
  <base href="https://www.example-courier.test/news/">
  <link rel="canonical" href="https://www.example-courier.test/news/2024/05/tram-line-north">
  <meta property="og:title" content="Tram line to reach the north by 2028">
  <meta property="og:site_name" content="The Example Courier">
  <meta property="og:description" content="After ten years of debate the council backs the extension, with half the cost paid by the state.">
  <meta property="og:image" content="/img/tram-lead.jpg">
  <meta property="og:image:width" content="1200">
  <meta property="og:image:height" content="675">
  <meta property="article:section" content="Transport">
  <meta property="article:modified_time" content="2024-05-08T09:00:00Z">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@type":"NewsArticle","headline":"Tram line to reach the north by 2028",
   "datePublished":"2024-05-07T18:30:00+02:00",
   "author":[{"@type":"Person","name":"By Maria Keller"},{"@type":"Person","name":"Tom Brandt, Transport Correspondent"}],
   "publisher":{"@type":"Organization","name":"Example Courier Ltd"}}
  </script>
  <script>document.write('<p>tracking</p>')</script>
  <style>p { color: red }</style>
</head>
<body onload="init()">
  <header class="site-header"><nav><a href="/">Home</a><a href="/sport">Sport</a></nav></header>
  <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
  <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/transport">Transport</a></li></ol>
  <main>
    <article>
      <header>
        <h1>Tram line to reach the north by 2028</h1>
        <p class="standfirst">After ten years of debate the council backs the extension, with half the cost paid by the state.</p>
        <p class="byline">By Maria Keller and Tom Brandt</p>
        <time datetime="2024-05-07T16:30:00Z">7 May 2024</time>
      </header>
      <figure>
        <img src="/img/tram-lead.jpg" alt="A tram at the depot" width="1200" height="675">
        <figcaption>A tram at the northern depot on Monday. <span class="credit">Photo: Jane Roe/Reuters</span></figcaption>
      </figure>
      <div class="article-body" onclick="track()">
        <p>${PROSE[0]}</p>
        <p>${PROSE[1].replace('transport department', '<a href="/departments/transport" onclick="x()">transport department</a>')}</p>
        <div class="share-buttons"><a href="https://twitter.com/share">Tweet</a><a href="mailto:?subject=tram">Email</a></div>
        <h2>Two years of works</h2>
        <p>${PROSE[2]}</p>
        <figure class="wp-caption">
          <img data-src="https://cdn.example-courier.test/img/street.jpg" src="data:image/gif;base64,R0lGOD" alt="The high street">
          <figcaption>The high street, where the tracks will run. (AP Photo/Sam Poe)</figcaption>
        </figure>
        <ul>
          <li>Twelve new stops between the station and the hospital.</li>
          <li>Trams every six minutes at peak times, every ten in the evening.</li>
        </ul>
        <ol><li>Planning approval in autumn.</li><li>Works start next spring.</li></ol>
        <blockquote><p>"This is the most important decision for the north in a generation," the mayor said.</p></blockquote>
        <pre>stop   minutes
north  0
centre 14</pre>
        <p>${PROSE[3]} Contact the desk at <a href="mailto:desk@example-courier.test">desk@example-courier.test</a> or read <a href="javascript:alert(1)">this</a>.</p>
        <img src="https://pixel.example-ads.test/pixel.gif" width="1" height="1" alt="">
        <p>Share this article</p>
      </div>
      <footer class="article-footer"><p>Tags: transport, trams, council</p></footer>
    </article>
    <section class="related-stories"><h2>Related stories</h2><ul><li><a href="/a">Bus fares to rise in June</a></li><li><a href="/b">Bridge closed for repairs</a></li></ul></section>
    <div id="comments"><h3>3 comments</h3><p>Great news, finally! I have waited years for this tram, says a long-time reader of the paper.</p></div>
  </main>
  <aside class="sidebar"><h3>Most read</h3><p><a href="/c">Celebrity chef opens a restaurant</a></p></aside>
  <footer><p>© 2024 The Example Courier. All rights reserved.</p></footer>
</body>
</html>`;

describe('HTML extraction: a news page with every field', () => {
  let x: Extracted;
  beforeAll(() => {
    x = parseHtml(NEWS);
  });

  it('takes the title from metadata, and keeps the dek once: in the body, not again as the subtitle', () => {
    expect(x.title).toBe('Tram line to reach the north by 2028');
    // The standfirst opens the extracted body, so repeating it as the subtitle would print the lead twice.
    expect(x.paragraphs[0]).toBe(
      'After ten years of debate the council backs the extension, with half the cost paid by the state.',
    );
    expect(x.subtitle).toBeUndefined();
  });

  it('reads authors, dates, section, breadcrumb, language, canonical URL and site name', () => {
    expect(x.authors).toEqual(['Maria Keller', 'Tom Brandt']);
    expect(x.publishedAt).toBe('2024-05-07T16:30:00.000Z');
    expect(x.modifiedAt).toBe('2024-05-08T09:00:00.000Z');
    expect(x.section).toBe('Transport');
    expect(x.breadcrumb).toEqual(['Home', 'News', 'Transport']);
    expect(x.declaredLanguage).toBe('en');
    expect(x.canonicalUrl).toBe('https://www.example-courier.test/news/2024/05/tram-line-north');
    expect(x.siteName).toBe('The Example Courier');
  });

  it('keeps the article text with its structure, and nothing of the page around it', () => {
    const kinds = x.blocks!.map((b) => `${b.kind}${b.level ?? ''}${b.ordered ? ' ordered' : ''}`);
    expect(x.paragraphs).toEqual(x.blocks!.map((b) => b.text));
    expect(x.paragraphs).toContain(PROSE[0]);
    expect(x.paragraphs).toContain(PROSE[2]);
    expect(kinds).toContain('heading2');
    expect(x.blocks).toContainEqual({ kind: 'heading', level: 2, text: 'Two years of works' });
    expect(x.blocks).toContainEqual({
      kind: 'list-item',
      text: 'Twelve new stops between the station and the hospital.',
    });
    expect(x.blocks).toContainEqual({ kind: 'list-item', ordered: true, text: 'Works start next spring.' });
    expect(x.blocks).toContainEqual({
      kind: 'quote',
      text: '"This is the most important decision for the north in a generation," the mayor said.',
    });
    expect(x.blocks).toContainEqual({ kind: 'preformatted', text: 'stop   minutes\nnorth  0\ncentre 14' });
    const text = x.paragraphs.join('\n');
    for (const junk of [
      'Home',
      'cookies',
      'Tweet',
      'Share this article',
      'Tags:',
      'Related stories',
      'Bus fares',
      'comments',
      'Great news',
      'Celebrity chef',
      'All rights reserved',
      'tracking',
      'color: red',
      'By Maria Keller',
      '7 May 2024',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('resolves links against <base> and keeps only http(s) and mailto', () => {
    const second = x.blocks!.find((b) => b.text.startsWith('Construction will start'));
    expect(second?.links).toEqual([
      { text: 'transport department', href: 'https://www.example-courier.test/departments/transport' },
    ]);
    const last = x.blocks!.find((b) => b.text.startsWith('The project will cost'));
    expect(last?.links).toEqual([
      { text: 'desk@example-courier.test', href: 'mailto:desk@example-courier.test' },
    ]);
  });

  it('lists the lead image first, then body images with captions and credits; no tracking pixels', () => {
    expect(x.images).toEqual([
      {
        url: 'https://www.example-courier.test/img/tram-lead.jpg',
        lead: true,
        alt: 'A tram at the depot',
        caption: 'A tram at the northern depot on Monday.',
        credit: 'Jane Roe/Reuters',
        width: 1200,
        height: 675,
      },
      {
        url: 'https://cdn.example-courier.test/img/street.jpg',
        alt: 'The high street',
        caption: 'The high street, where the tracks will run.',
        credit: 'AP/Sam Poe',
      },
    ]);
  });

  it('keeps captions out of the body, with credits split off', () => {
    expect(x.captions).toEqual([
      { text: 'A tram at the northern depot on Monday.', credit: 'Jane Roe/Reuters' },
      { text: 'The high street, where the tracks will run.', credit: 'AP/Sam Poe' },
    ]);
    expect(x.paragraphs.join(' ')).not.toMatch(/northern depot|where the tracks will run/);
  });
});

describe('HTML extraction: metadata fallbacks', () => {
  it('uses the first body image as the lead when there is no og:image, and a dateline and byline from the text', () => {
    const html = `<html><head><title>Flood defences hold | Riverside Post</title></head><body>
      <div class="post">
        <h1>Flood defences hold</h1>
        <p>By Ann Lee</p>
        <p>March 3, 2023</p>
        <img src="https://img.riverside.test/wall.jpg" alt="The new wall">
        <p>${PROSE[0]}</p><p>${PROSE[1]}</p><p>${PROSE[2]}</p>
      </div></body></html>`;
    const x = parseHtml(html);
    expect(x.title).toBe('Flood defences hold');
    expect(x.authors).toEqual(['Ann Lee']);
    expect(x.publishedAt).toBe('2023-03-03T00:00:00.000Z');
    expect(x.images?.[0]).toEqual({
      url: 'https://img.riverside.test/wall.jpg',
      alt: 'The new wall',
      lead: true,
    });
    expect(x.paragraphs).toEqual([PROSE[0], PROSE[1], PROSE[2]]);
  });

  it('drops a description that only repeats the first paragraph', () => {
    const html = `<html><head><meta name="description" content="${PROSE[0].slice(0, 120)}..."></head>
      <body><article><h1>Tram vote</h1><p>${PROSE[0]}</p><p>${PROSE[1]}</p></article></body></html>`;
    expect(parseHtml(html).subtitle).toBeUndefined();
  });

  it("drops a subtitle (dek or description) that repeats the body's opening paragraph, keeping the body intact", () => {
    const dekTruncated = `<html><head><title>Tram vote</title></head><body><article><h1>Tram vote</h1>
      <p class="standfirst">${PROSE[0].slice(0, 90)}…</p>
      <div class="article-body"><p>${PROSE[0]}</p><p>${PROSE[1]}</p><p>${PROSE[2]}</p></div></article></body></html>`;
    const a = parseHtml(dekTruncated);
    expect(a.subtitle).toBeUndefined();
    expect(a.paragraphs).toContain(PROSE[0]);
    expect(a.paragraphs).toContain(PROSE[1]);

    const afterHeading = `<html><head><meta property="og:description" content="${PROSE[0]}"></head>
      <body><article><h1>Tram vote</h1><h2>The decision</h2><p>${PROSE[0]}</p><p>${PROSE[1]}</p></article></body></html>`;
    const b = parseHtml(afterHeading);
    expect(b.subtitle).toBeUndefined();
    expect(b.paragraphs).toEqual(['The decision', PROSE[0], PROSE[1]]);

    const kickerFirst = `<html><head><meta name="description" content="${PROSE[1]}"></head>
      <body><article><h1>Tram vote</h1><p>Local politics</p><p>${PROSE[1]}</p><p>${PROSE[2]}</p></article></body></html>`;
    const c = parseHtml(kickerFirst);
    expect(c.subtitle).toBeUndefined();
    expect(c.paragraphs).toContain(PROSE[1]);

    const distinct = `<html><head><meta property="og:description" content="After ten years of debate the council backs the extension.">
      </head><body><article><h1>Tram vote</h1><p>${PROSE[0]}</p><p>${PROSE[1]}</p></article></body></html>`;
    expect(parseHtml(distinct).subtitle).toBe('After ten years of debate the council backs the extension.');
  });

  it('keeps a heading whose anchor id happens to start with a furniture word', () => {
    const html = `<html><body><article><h1>Flight school</h1><p>${PROSE[0]}</p>
      <h2 id="nav-aids-for-pilots">Nav aids for pilots</h2><p>${PROSE[1]}</p><p>${PROSE[2]}</p></article></body></html>`;
    expect(parseHtml(html).paragraphs).toEqual([PROSE[0], 'Nav aids for pilots', PROSE[1], PROSE[2]]);
  });

  it('keeps a content container whose class list also carries a furniture word as a separate token', () => {
    const html = `<html><body><article><h1>Tram vote</h1><div class="entry themeform share">
      <p>${PROSE[0]}</p><p>${PROSE[1]}</p><p>${PROSE[2]}</p></div></article>
      <div class="share-buttons"><a href="/t">Tweet</a></div>
      <div class="about-us"><p>${PROSE[3]}</p><p>${PROSE[3]}</p><p>${PROSE[3]}</p></div></body></html>`;
    expect(parseHtml(html).paragraphs.slice(0, 3)).toEqual([PROSE[0], PROSE[1], PROSE[2]]);
  });

  it('reads microdata and rel=author when there is no JSON-LD', () => {
    const html = `<html><head><title>Budget passes</title></head><body><article itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Budget passes</h1>
      <a rel="author" href="/staff/kim">Kim Park</a>
      <meta itemprop="datePublished" content="2022-11-02T10:00:00Z">
      <div itemprop="articleBody"><p>${PROSE[3]}</p><p>${PROSE[1]}</p></div>
    </article></body></html>`;
    const x = parseHtml(html);
    expect(x.authors).toEqual(['Kim Park']);
    expect(x.publishedAt).toBe('2022-11-02T10:00:00.000Z');
    expect(x.paragraphs).toEqual([PROSE[3], PROSE[1]]);
  });
});

describe('HTML extraction: hostile markup', () => {
  // Large inputs: generous timeouts so a loaded CI machine does not flake; the assertions bound the time.
  jest.setTimeout(30_000);

  it('survives 100k-deep nesting without overflowing the stack', () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${PROSE[0]}</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = Date.now();
    const x = parseHtml(html);
    expect(x.paragraphs).toEqual([PROSE[0]]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('survives unclosed deep nesting and stray closing tags in linear time', () => {
    const n = 50_000;
    const html = `<body>${'<span><b>'.repeat(n)}${PROSE[1]}${'</i>'.repeat(n)}</body>`;
    const started = Date.now();
    expect(parseHtml(html).paragraphs.join(' ')).toContain('Construction will start');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('handles an enormous single line and a huge attribute value', () => {
    const longLine = `${PROSE[2]} `.repeat(20_000);
    const huge = 'x'.repeat(5_000_000);
    const html = `<html><body><article data-blob="${huge}"><h1>Long</h1><p class="${huge}">${longLine}</p></article></body></html>`;
    const x = parseHtml(html);
    expect(x.paragraphs[0]!.length).toBeGreaterThan(1_000_000);
  });

  it('never lets scripts, styles, event handlers or javascript: links into the output', () => {
    const html = `<html><body><article><h1>Safe</h1>
      <script>alert("x")</script><style>.a{}</style><noscript><p>enable js</p></noscript>
      <p onmouseover="alert(1)">${PROSE[0]} <a href="javascript:alert(2)">click</a> <a href="  HTTPS://Example.test/a?b=1 ">ok</a></p>
      <svg><text>svg text</text></svg><template><p>template text</p></template>
      <p>${PROSE[1]}</p></article></body></html>`;
    const x = parseHtml(html);
    const text = x.paragraphs.join(' ');
    for (const bad of ['alert', 'enable js', 'svg text', 'template text', '.a{}'])
      expect(text).not.toContain(bad);
    expect(x.blocks![0]!.links).toEqual([{ text: 'ok', href: 'https://example.test/a?b=1' }]);
  });

  it('builds a tree where <p> and <li> close implicitly and a missing </head> does not swallow the body', () => {
    const doc = parseHtmlTree('<html><head><title>t</title><div><p>a<p>b<ul><li>1<li>2</ul></div>');
    const body = doc.root.children;
    expect(body.length).toBeGreaterThan(0);
    const x = parseHtml(
      `<html><head><title>Headless</title><div class="content"><p>${PROSE[0]}<p>${PROSE[1]}</div>`,
    );
    expect(x.paragraphs).toEqual([PROSE[0], PROSE[1]]);
  });
});
