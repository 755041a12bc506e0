import { gzipSync, createGzip } from 'node:zlib';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { ParsedArticle, ParseOutcome, RejectionCode } from '../../shared/core/article';
import { parseDocument } from '../../shared/core/parse';
import { inspectHtml } from '../support/html-safety';

/**
 * Hostile and broken uploads, each straight through parseDocument. Whatever comes in, the parser must
 * answer (no throw, no hang: each case has a jest timeout) with an article whose renditions are safe, or
 * with a rejection carrying a code the pipeline knows.
 */

const PARSE_CODES: readonly RejectionCode[] = [
  'EMPTY',
  'BINARY',
  'UNSUPPORTED_TYPE',
  'TOO_LARGE',
  'NO_CONTENT',
  'PARSE_FAILED',
];
const markdownIt = new MarkdownIt({ html: true });
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The articles of an outcome: one, or each item of a feed (when the parser returns feeds). */
function articlesOf(outcome: ParseOutcome): ParsedArticle[] {
  const o = outcome as { ok: boolean; article?: ParsedArticle; feed?: { items: ParsedArticle[] } };
  if (!o.ok) return [];
  return o.feed ? o.feed.items : o.article ? [o.article] : [];
}

/** What every outcome must satisfy, whatever the input. */
function checkOutcome(outcome: ParseOutcome): ParsedArticle[] {
  expect(typeof outcome.ok).toBe('boolean');
  if (!outcome.ok) {
    expect(PARSE_CODES).toContain(outcome.rejection.code);
    expect(typeof outcome.rejection.message).toBe('string');
    expect(outcome.rejection.message.length).toBeGreaterThan(0);
    return [];
  }
  const articles = articlesOf(outcome);
  expect(articles.length).toBeGreaterThan(0);
  for (const a of articles) {
    expect(typeof a.title).toBe('string');
    expect(typeof a.body.text).toBe('string');
    expect(a.title.length + a.body.text.length).toBeGreaterThan(0);
    const html = inspectHtml(a.body.html);
    expect(html.violations).toEqual([]);
    expect(inspectHtml(markdownIt.render(a.body.markdown), ['code']).violations).toEqual([]);
    expect(a.body.html).not.toMatch(CONTROLS);
    expect(a.body.html).not.toMatch(LONE_SURROGATE);
    expect(a.body.markdown).not.toMatch(LONE_SURROGATE);
  }
  return articles;
}

/**
 * parseDocument does its work synchronously inside the promise, and jest's timeout cannot interrupt
 * synchronous work: a case that takes a minute would still pass once it returns. Waiting for the timers
 * after each parse lets the test's own timer, long expired by then, fire first, so a case slower than
 * its timeout fails as a timeout.
 */
const afterTimers = () => new Promise((resolve) => setTimeout(resolve, 1));

async function parse(bytes: Uint8Array | string, maxBytes?: number): Promise<ParseOutcome> {
  const outcome = await parseDocument({
    bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
    id: 'hostile',
    source: { path: 'hostile' },
    ...(maxBytes ? { maxBytes } : {}),
    now: new Date('2026-11-29T12:00:00Z'),
  });
  await afterTimers();
  return outcome;
}

async function expectRejected(bytes: Uint8Array | string, code: RejectionCode, maxBytes?: number) {
  const out = await parse(bytes, maxBytes);
  checkOutcome(out);
  expect(out.ok ? 'ok' : out.rejection.code).toBe(code);
}

async function expectArticle(bytes: Uint8Array | string, maxBytes?: number): Promise<ParsedArticle> {
  const out = await parse(bytes, maxBytes);
  const articles = checkOutcome(out);
  expect(out.ok ? 'ok' : `${out.rejection.code}: ${out.rejection.message}`).toBe('ok');
  return articles[0]!;
}

const ARTICLE_TEXT =
  'The harbour bridge reopened to traffic on Tuesday after eight months of repairs, officials said at a ' +
  'ceremony attended by hundreds of residents who had waited since spring.';

const page = (body: string, head = '<title>Harbour bridge reopens</title>') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** gzip of `size` zero bytes, built in 1 MiB steps so the test never holds the inflated bytes. */
function gzipOfZeros(size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gz = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gz.on('data', (c: Buffer) => parts.push(c));
    gz.on('end', () => resolve(Buffer.concat(parts)));
    gz.on('error', reject);
    const chunk = Buffer.alloc(1 << 20);
    let left = size;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!gz.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          gz.once('drain', pump);
          return;
        }
      }
      gz.end();
    };
    pump();
  });
}

/** Generous, for the two shared cores of a busy CI machine; each case takes well under this alone. */
const CASE_TIMEOUT = 20_000;

describe('hostile input: empty and binary', () => {
  it('rejects a 0-byte file as EMPTY', () => expectRejected(new Uint8Array(0), 'EMPTY'));

  it('rejects BOM-only files as EMPTY', async () => {
    await expectRejected(Buffer.from([0xef, 0xbb, 0xbf]), 'EMPTY');
    await expectRejected(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), 'EMPTY');
    await expectRejected(Buffer.from([0xff, 0xfe]), 'EMPTY');
    await expectRejected(Buffer.from([0xfe, 0xff]), 'EMPTY');
  });

  it('rejects a file of NUL bytes, and text with NULs in it, as binary', async () => {
    await expectRejected(Buffer.alloc(4096), 'BINARY');
    const out = await parse(`Harbour bridge reopens\n\n${ARTICLE_TEXT.replace(/ /g, ' \u0000')}`);
    // NULs never reach a rendition because text with NULs is not taken for text at all.
    expect(checkOutcome(out)).toEqual([]);
    expect(out).toMatchObject({ ok: false, rejection: { code: 'BINARY' } });
  });

  it(
    'never throws on random bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          checkOutcome(await parse(bytes));
        }),
        { numRuns: 300 },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'never throws on damaged HTML (bytes flipped, cut anywhere)',
    async () => {
      const base = Buffer.from(
        page(
          `<article><h1>Harbour bridge reopens</h1><p>${ARTICLE_TEXT}</p><ul><li>one</li><li>two</li></ul>` +
            `<blockquote>We waited.</blockquote><p>See <a href="https://example.test/x">the plan</a>.</p></article>`,
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
          fc.nat(base.length),
          async (flips, cut) => {
            const bytes = Buffer.from(base);
            for (const [at, value] of flips) bytes[at] = value;
            checkOutcome(await parse(bytes.subarray(0, cut)));
          },
        ),
        { numRuns: 200 },
      );
    },
    CASE_TIMEOUT,
  );

  it('reads text with control characters, keeping them out of the renditions', async () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
      .filter((c) => c !== '\n' && c !== '\r' && c !== '\t')
      .join('');
    const out = await parse(`Harbour bridge reopens\n\n${ARTICLE_TEXT} ${controls}\u007f end of text.\n`);
    checkOutcome(out);
  });

  it('decodes invalid UTF-8 without throwing, to well-formed text', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`Harbour bridge reopens\n\n${ARTICLE_TEXT} `),
      Buffer.from([
        0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xed, 0xa0, 0x80,
      ]),
      Buffer.from(' and then the text goes on as before.\n'),
    ]);
    const [a] = checkOutcome(await parse(bytes));
    expect(a).toBeDefined();
    expect(a!.body.text).not.toMatch(LONE_SURROGATE);
    expect(a!.body.text).toContain('Tuesday');
  });
});

describe('hostile input: gzip', () => {
  const html = page(`<article><h1>Harbour bridge reopens</h1><p>${ARTICLE_TEXT}</p></article>`);

  it('rejects truncated gzip as BINARY', async () => {
    const gz = gzipSync(Buffer.from(html));
    for (const cut of [2, 10, 20, gz.length - 8, gz.length - 1])
      await expectRejected(gz.subarray(0, cut), 'BINARY');
  });

  it(
    'rejects a gzip bomb (200 MB of zeros in ~200 KB) as TOO_LARGE without inflating it all',
    async () => {
      const bomb = await gzipOfZeros(200 * 1024 * 1024);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      await expectRejected(bomb, 'TOO_LARGE');
    },
    CASE_TIMEOUT,
  );

  it('applies the caller’s smaller cap to what gzip inflates to', async () => {
    await expectRejected(gzipSync(Buffer.alloc(2 * 1024 * 1024)), 'TOO_LARGE', 1024 * 1024);
    const big = `Harbour bridge reopens\n\n${`${ARTICLE_TEXT}\n\n`.repeat(8000)}`;
    await expectRejected(gzipSync(Buffer.from(big)), 'TOO_LARGE', 1024 * 1024);
  });

  it('reads gzip inside gzip, and rejects gzip nested three deep', async () => {
    const once = gzipSync(Buffer.from(html));
    const twice = gzipSync(once);
    const thrice = gzipSync(twice);
    expect((await expectArticle(once)).body.text).toContain('Tuesday');
    expect((await expectArticle(twice)).body.text).toContain('Tuesday');
    await expectRejected(thrice, 'UNSUPPORTED_TYPE');
  });
});

describe('hostile input: deep and huge markup', () => {
  it(
    'reads an article inside 100,000 nested <div>s',
    async () => {
      const depth = 100_000;
      const a = await expectArticle(
        page(
          `${'<div>'.repeat(depth)}<h1>Harbour bridge reopens</h1><p>${ARTICLE_TEXT}</p>${'</div>'.repeat(depth)}`,
        ),
      );
      expect(a.body.text).toContain('eight months of repairs');
    },
    CASE_TIMEOUT,
  );

  it(
    'reads a paragraph inside 100,000 nested <b>s',
    async () => {
      const depth = 100_000;
      const a = await expectArticle(
        page(
          `<article><h1>Harbour bridge reopens</h1><p>${ARTICLE_TEXT}</p>` +
            `<p>${'<b>'.repeat(depth)}Deeply bold words close the report.${'</b>'.repeat(depth)}</p></article>`,
        ),
      );
      expect(a.body.text).toContain('eight months of repairs');
      expect(a.body.text).toContain('Deeply bold words close the report.');
    },
    CASE_TIMEOUT,
  );

  it(
    'reads 100,000 unclosed <div>s and <b>s without hanging',
    async () => {
      checkOutcome(await parse(page(`${'<div><b>'.repeat(100_000)}${ARTICLE_TEXT}`)));
    },
    CASE_TIMEOUT,
  );

  it(
    'reads articles with a 2 MB body (HTML and text) without a superlinear word count',
    async () => {
      const paragraphs = Array.from({ length: 12_000 }, () => ARTICLE_TEXT);
      const html = await expectArticle(
        page(
          `<article><h1>Harbour bridge reopens</h1>${paragraphs.map((t) => `<p>${t}</p>`).join('\n')}</article>`,
        ),
      );
      const text = await expectArticle(`Harbour bridge reopens\n\n${paragraphs.join('\n\n')}\n`);
      for (const a of [html, text]) {
        expect(a.body.text.length).toBeGreaterThan(2_000_000);
        expect(a.body.wordCount).toBe(a.body.text.split(/\s+/).filter(Boolean).length);
      }
    },
    CASE_TIMEOUT,
  );

  it(
    'answers for a single 5 MB line with no newline: no content, rejected with its reason',
    async () => {
      // One word five million times over is no article: no headline-shaped line, no sentence.
      const line = 'word '.repeat(1024 * 1024);
      const out = await parse(line);
      expect(checkOutcome(out)).toEqual([]);
      expect(out).toMatchObject({ ok: false, rejection: { code: 'NO_CONTENT' } });
    },
    CASE_TIMEOUT,
  );

  it(
    'answers for a text file of a million short lines',
    async () => {
      const lines = Array.from({ length: 1_000_000 }, (_, i) => `line ${i % 1000}`).join('\n');
      const articles = checkOutcome(await parse(lines));
      expect(articles).toHaveLength(1);
      expect(articles[0]!.title.length).toBeLessThanOrEqual(1000);
      expect(articles[0]!.body.wordCount).toBeGreaterThan(0);
    },
    CASE_TIMEOUT,
  );

  it(
    'answers for an unclosed comment, script and attribute running to the end of a large file',
    async () => {
      const filler = 'x'.repeat(2 * 1024 * 1024);
      for (const tail of [`<!-- ${filler}`, `<script>${filler}`, `<p title="${filler}`, `<${filler}`])
        checkOutcome(await parse(page(`<h1>Harbour bridge reopens</h1><p>${ARTICLE_TEXT}</p>${tail}`)));
    },
    CASE_TIMEOUT,
  );
});

describe('hostile input: scripts, handlers and javascript: URLs', () => {
  const EVIL = page(
    `<article>
      <h1 onmouseover="alert('h1')">Harbour bridge reopens</h1>
      <script>alert("xss-script-body"); document.cookie</script>
      <style>body { background: url("javascript:alert('css')") } .x::after { content: "css-body" }</style>
      <p onclick="alert('p')" style="color:red">${ARTICLE_TEXT}</p>
      <p>Read <a href="javascript:alert('a')">the safe words</a> and
         <a href="JaVaScRiPt:alert('b')">more words</a> and
         <a href="jav&#x09;ascript:alert('c')">tabbed words</a> and
         <a href="&#106;avascript:alert('d')">entity words</a> and
         <a href="data:text/html,&lt;script&gt;alert('e')&lt;/script&gt;">data words</a> and
         <a href="vbscript:msgbox('f')">vb words</a> and
         <a href="https://example.test/plan">the real plan</a>.</p>
      <img src="x" onerror="alert('img')">
      <svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
      <iframe src="javascript:alert('iframe')"></iframe>
      <form action="javascript:alert('form')"><button formaction="javascript:alert('btn')">Go</button></form>
      <noscript><p>noscript-body</p></noscript>
      <template><p>template-body</p></template>
      <p>The city said the <b onclick="alert('b')">repairs</b> cost more than planned.</p>
    </article>`,
    `<title>Harbour bridge reopens</title><script>alert("head-script")</script><style>.head-style{}</style>`,
  );

  it('keeps script and style bodies, handlers and javascript: URLs out of every rendition', async () => {
    const a = await expectArticle(EVIL);
    for (const field of [a.title, a.body.text, a.body.html, a.body.markdown, ...a.body.paragraphs]) {
      expect(field).not.toMatch(/alert\(|document\.cookie|css-body|head-style|msgbox/);
      expect(field).not.toMatch(/javascript:|vbscript:|data:text/i);
      expect(field).not.toMatch(/<script|<style|<iframe|<svg|<img|<form|onerror|onclick|onload|onmouseover/i);
    }
    expect(a.body.text).toContain('eight months of repairs');
    // The words of a dropped link stay, as text.
    expect(a.body.text).toContain('the safe words');
    expect(a.body.html).toContain('the safe words');
    const links = [...a.body.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links.every((href) => /^https?:|^mailto:/.test(href!))).toBe(true);
  });

  it('keeps hostile strings in metadata (title, author, captions, image URLs) inert', async () => {
    const out = await parse(
      page(
        `<article><h1>Harbour bridge reopens</h1><p>${ARTICLE_TEXT}</p>
          <figure><img src="javascript:alert('src')" alt="<script>alert(1)</script>">
          <figcaption><script>alert('cap')</script>The bridge at dawn.</figcaption></figure></article>`,
        `<title>Harbour bridge reopens</title>
         <meta property="og:image" content="javascript:alert('og')">
         <link rel="canonical" href="javascript:alert('canonical')">
         <meta name="author" content="<img src=x onerror=alert(1)>">`,
      ),
    );
    const articles = checkOutcome(out);
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(a.title).toBe('Harbour bridge reopens');
    // No field of the article carries a script URL or markup from the metadata.
    expect(JSON.stringify(a)).not.toMatch(/javascript:|<script|onerror=/i);
    expect(a.canonicalUrl).toBeUndefined();
    expect(a.images.filter((image) => image.url)).toEqual([]);
    expect(a.captions.map((c) => c.text)).toEqual(['The bridge at dawn.']);
  });
});
