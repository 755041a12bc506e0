import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Block } from '../../shared/core/article';
import { renderHtml, renderMarkdown, renditionText, safeHref } from '../../shared/core/parse/render';
import { inspectHtml, type RenditionBlock } from '../support/html-safety';

/** The worst-case consumer of the Markdown rendition: raw HTML passes through. */
const markdownIt = new MarkdownIt({ html: true });
const markdownToHtml = (markdown: string) => markdownIt.render(markdown);

/** What both renditions should show for these blocks, block by block. */
function expectedBlocks(blocks: readonly Block[]): RenditionBlock[] {
  const out: RenditionBlock[] = [];
  for (const b of blocks) {
    const text = renditionText(b.text, b.kind === 'preformatted');
    if (!text) continue;
    const kind =
      b.kind === 'heading'
        ? `h${Math.min(6, Math.max(2, Math.round(Number.isFinite(b.level) ? b.level! : 2)))}`
        : b.kind === 'list-item'
          ? b.ordered === true
            ? 'ol'
            : 'ul'
          : b.kind === 'quote'
            ? 'quote'
            : b.kind === 'preformatted'
              ? 'pre'
              : 'paragraph';
    out.push({ kind, text });
  }
  return out;
}

/** Renders both renditions and checks each is safe and shows exactly the blocks' text. */
function checkRenditions(blocks: readonly Block[]) {
  const html = renderHtml(blocks);
  const fromHtml = inspectHtml(html);
  expect(fromHtml.violations).toEqual([]);
  const markdown = renderMarkdown(blocks);
  const fromMarkdown = inspectHtml(markdownToHtml(markdown), ['code']);
  expect(fromMarkdown.violations).toEqual([]);
  const expected = expectedBlocks(blocks);
  expect(fromHtml.blocks).toEqual(expected);
  expect(fromMarkdown.blocks).toEqual(expected);
  return { html, markdown, fromHtml, fromMarkdown };
}

const p = (text: string, links?: Block['links']): Block => ({
  kind: 'paragraph',
  text,
  ...(links ? { links } : {}),
});

describe('renderHtml / renderMarkdown: structure', () => {
  it('renders headings, paragraphs, quotes and preformatted text', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'What happened' },
      p('The ministers met.'),
      { kind: 'heading', level: 4, text: 'Details' },
      { kind: 'quote', text: 'We agreed on everything.' },
      { kind: 'preformatted', text: 'line 1\n  line 2' },
    ];
    const { html, markdown } = checkRenditions(blocks);
    expect(html).toBe(
      [
        '<h2>What happened</h2>',
        '<p>The ministers met.</p>',
        '<h4>Details</h4>',
        '<blockquote><p>We agreed on everything.</p></blockquote>',
        '<pre>line 1\n  line 2</pre>',
      ].join('\n'),
    );
    expect(markdown).toBe(
      '## What happened\n\nThe ministers met.\n\n#### Details\n\n> We agreed on everything.\n\n```\nline 1\n  line 2\n```',
    );
  });

  it('clamps heading levels to 2..6 and survives levels that are not integers', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'one' },
      { kind: 'heading', level: 9, text: 'nine' },
      { kind: 'heading', level: 3.4, text: 'three-ish' },
      { kind: 'heading', level: Number.NaN, text: 'nan' },
      { kind: 'heading', text: 'none' },
    ];
    const { html } = checkRenditions(blocks);
    expect(html).toBe('<h2>one</h2>\n<h6>nine</h6>\n<h3>three-ish</h3>\n<h2>nan</h2>\n<h2>none</h2>');
  });

  it('groups list items into lists and starts a new list when the kind switches', () => {
    const blocks: Block[] = [
      { kind: 'list-item', text: 'apples' },
      { kind: 'list-item', ordered: false, text: 'pears' },
      { kind: 'list-item', ordered: true, text: 'first' },
      { kind: 'list-item', ordered: true, text: 'second' },
      { kind: 'list-item', text: 'back to bullets' },
      p('between'),
      { kind: 'list-item', ordered: true, text: 'a new numbered list' },
    ];
    const { html, markdown } = checkRenditions(blocks);
    expect(html).toBe(
      [
        '<ul>',
        '<li>apples</li>',
        '<li>pears</li>',
        '</ul>',
        '<ol>',
        '<li>first</li>',
        '<li>second</li>',
        '</ol>',
        '<ul>',
        '<li>back to bullets</li>',
        '</ul>',
        '<p>between</p>',
        '<ol>',
        '<li>a new numbered list</li>',
        '</ol>',
      ].join('\n'),
    );
    expect(markdown).toBe(
      '- apples\n- pears\n\n1. first\n2. second\n\n- back to bullets\n\nbetween\n\n1. a new numbered list',
    );
    // markdown-it sees the same lists: two bullet lists, two numbered lists, each tight.
    const back = markdownToHtml(markdown);
    expect(back.match(/<ul>/g)).toHaveLength(2);
    expect(back.match(/<ol>/g)).toHaveLength(2);
  });

  it('fences preformatted text with more backticks than it contains, and keeps its lines', () => {
    const text = 'const a = `x`;\n```\nnot the end\n````\nstill code';
    const { markdown } = checkRenditions([{ kind: 'preformatted', text }]);
    expect(markdown.startsWith('`````\n')).toBe(true);
    expect(markdown.endsWith('\n`````')).toBe(true);
  });

  it('drops empty blocks from both renditions', () => {
    const { html, markdown } = checkRenditions([
      p(''),
      p('  \n\t'),
      p('kept'),
      { kind: 'list-item', text: ' ' },
    ]);
    expect(html).toBe('<p>kept</p>');
    expect(markdown).toBe('kept');
  });

  it('collapses line breaks inside a block, so no text can open a new Markdown block', () => {
    const { html, markdown } = checkRenditions([p('first line\n# heading?\n- item?\n\n---\n> quote?')]);
    expect(html).toBe('<p>first line # heading? - item? --- &gt; quote?</p>');
    expect(markdown.split('\n')).toHaveLength(1);
  });
});

describe('renderHtml / renderMarkdown: escaping', () => {
  it('escapes <, &, and quotes in HTML', () => {
    const { html } = checkRenditions([p(`Tom & Jerry's "show" <b>bold</b> &amp; <script>alert(1)</script>`)]);
    expect(html).toBe(
      '<p>Tom &amp; Jerry&#39;s &quot;show&quot; &lt;b&gt;bold&lt;/b&gt; &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it.each([
    '# not a heading',
    '## not a heading either ##',
    'C# and F# are languages #1',
    '1. not a list',
    '2) not a list',
    '1.',
    '- not a list',
    '+ not a list',
    '* not a list',
    '---',
    '***',
    '___',
    '===',
    '*not emphasis* and _not emphasis_ and **not strong**',
    '~~not struck~~',
    '`not code`',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!-- not a comment -->',
    '<http://not.an.autolink>',
    '[not a link](javascript:alert(1))',
    '![not an image](http://example.com/x.png)',
    '[ref]: http://example.com',
    'AT&amp;T &copy; &#60;',
    'a | b | c',
    'back\\slash\\',
    '> not a quote',
    '    not code',
    'trailing hashes ###',
  ])('Markdown shows %j literally', (text) => {
    for (const kind of ['paragraph', 'heading', 'list-item', 'quote'] as const) {
      const { fromMarkdown } = checkRenditions([{ kind, text }]);
      expect(fromMarkdown.text).toBe(text.trim());
    }
  });

  it('keeps text that only looks like syntax after a list marker literal (no nested lists)', () => {
    const { markdown } = checkRenditions([
      { kind: 'list-item', ordered: true, text: '1. nested?' },
      { kind: 'list-item', text: '- nested?' },
    ]);
    expect(markdownToHtml(markdown).match(/<li>/g)).toHaveLength(2);
  });

  it('drops control characters and mends lone surrogates', () => {
    const { html } = checkRenditions([p('a\u0000b\u0007c\u001bd\u007fe\u0085f \ud800 \udfff g')]);
    expect(html).toBe('<p>abcdef \ufffd \ufffd g</p>');
  });
});

describe('links', () => {
  const link = (href: string, text = 'here') => renderHtml([p(`click ${text} now`, [{ text, href }])]);

  it.each([
    [
      'https://example.com/a?b=1&c=2',
      '<p>click <a href="https://example.com/a?b=1&amp;c=2">here</a> now</p>',
    ],
    ['http://example.com', '<p>click <a href="http://example.com/">here</a> now</p>'],
    ['  HTTPS://Example.COM/x  ', '<p>click <a href="https://example.com/x">here</a> now</p>'],
    ['mailto:desk@example.com', '<p>click <a href="mailto:desk@example.com">here</a> now</p>'],
    [
      'https://example.com/"onmouseover="alert(1)',
      '<p>click <a href="https://example.com/%22onmouseover=%22alert(1)">here</a> now</p>',
    ],
  ])('keeps %j', (href, html) => {
    expect(link(href)).toBe(html);
    checkRenditions([p('click here now', [{ text: 'here', href }])]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    '/relative/path',
    'relative.html',
    '//example.com/protocol-relative',
    '#fragment',
    '',
    'http://',
  ])('drops %j: the link text stays as plain text', (href) => {
    expect(link(href)).toBe('<p>click here now</p>');
    const { markdown } = checkRenditions([p('click here now', [{ text: 'here', href }])]);
    expect(markdown).toBe('click here now');
  });

  it('treats a scheme-looking text as text, never as a link', () => {
    const { html, fromMarkdown } = checkRenditions([p('javascript:alert(1) and data:text/html,<b>x</b>')]);
    expect(html).toBe('<p>javascript:alert(1) and data:text/html,&lt;b&gt;x&lt;/b&gt;</p>');
    expect(fromMarkdown.text).toBe('javascript:alert(1) and data:text/html,<b>x</b>');
  });

  it('renders link text that is not in the block as plain text, and links in order of appearance', () => {
    const blocks: Block[] = [
      p('Read the report and the reply, then the report again.', [
        { text: 'missing', href: 'https://example.com/missing' },
        { text: 'report', href: 'https://example.com/report' },
        { text: 'reply', href: 'https://example.com/reply' },
        { text: 'report', href: 'https://example.com/report-2' },
        { text: '', href: 'https://example.com/empty' },
      ]),
    ];
    const { html, markdown } = checkRenditions(blocks);
    expect(html).toBe(
      '<p>Read the <a href="https://example.com/report">report</a> and the <a href="https://example.com/reply">reply</a>, then the <a href="https://example.com/report-2">report</a> again.</p>',
    );
    expect(markdown).toBe(
      'Read the [report](<https://example.com/report>) and the [reply](<https://example.com/reply>), then the [report](<https://example.com/report-2>) again.',
    );
  });

  it('escapes link text and keeps odd characters of a safe URL out of Markdown syntax', () => {
    const blocks: Block[] = [
      p('see [*this*] <page>', [{ text: '[*this*] <page>', href: 'mailto:a b>c\\d@example.com' }]),
    ];
    const { fromMarkdown } = checkRenditions(blocks);
    expect(fromMarkdown.text).toBe('see [*this*] <page>');
    expect(markdownToHtml(renderMarkdown(blocks))).toContain('<a href="mailto:');
  });

  it('safeHref normalizes what it keeps and refuses what it does not', () => {
    expect(safeHref('https://EXAMPLE.com')).toBe('https://example.com/');
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref(undefined as unknown as string)).toBeUndefined();
  });
});

describe('renditions: large input', () => {
  it('renders preformatted text with 300,000 backtick runs (no argument-spread stack overflow)', () => {
    const text = '`a'.repeat(300_000);
    const markdown = renderMarkdown([{ kind: 'preformatted', text }]);
    expect(markdown.startsWith('``\n')).toBe(false);
    expect(markdown.startsWith('```\n')).toBe(true);
    expect(renderHtml([{ kind: 'preformatted', text }])).toHaveLength(text.length + '<pre></pre>'.length);
  });

  it('renders 100,000 blocks and a block with 10,000 links', () => {
    const many: Block[] = Array.from({ length: 100_000 }, (_, i) =>
      i % 3 ? p(`Paragraph ${i}.`) : { kind: 'list-item', ordered: i % 2 === 0, text: `item ${i}` },
    );
    expect(inspectHtml(renderHtml(many)).violations).toEqual([]);
    expect(renderMarkdown(many).length).toBeGreaterThan(1_000_000);
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`);
    const linked = p(
      words.join(' '),
      words.map((w) => ({ text: w, href: `https://example.test/${w}` })),
    );
    expect(renderHtml([linked]).match(/<a /g)).toHaveLength(10_000);
  });
});

describe('renditions: properties', () => {
  const NASTY = [
    '#',
    '# ',
    '1.',
    '1)',
    '-',
    '+',
    '*',
    '_',
    '`',
    '```',
    '~~~',
    '>',
    '<',
    '<script>',
    '</p>',
    '<a href="javascript:alert(1)">',
    '&',
    '&amp;',
    '&#0;',
    '"',
    "'",
    '[',
    ']',
    '(',
    ')',
    '![x](y)',
    '|',
    '\\',
    '\n',
    '\r',
    '\t',
    ' ',
    '    ',
    '\u00a0',
    '\u2028',
    '\ufeff',
    '\u0000',
    '\u001b',
    '\u0085',
    '\ud800',
    '\udc00',
    '---',
    '===',
    'javascript:',
    'http://x.test/',
  ];
  /** Characters of any kind, lone surrogates included, and runs that mean something to HTML or Markdown. */
  const nastyString = fc.string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
      { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    ),
    maxLength: 40,
  });
  const href = fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'JAVASCRIPT:x',
      'data:text/html,x',
      'vbscript:x',
      'mailto:a@b.test',
      'mailto:"><script>@x',
      'https://x.test/"><script>',
      '/relative',
      '&#106;avascript:x',
    ),
    nastyString,
  );
  const block = (text: fc.Arbitrary<string>): fc.Arbitrary<Block> =>
    text.chain((t) =>
      fc.record(
        {
          kind: fc.constantFrom<Block['kind']>('paragraph', 'heading', 'list-item', 'quote', 'preformatted'),
          text: fc.constant(t),
          level: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.double()),
          ordered: fc.boolean(),
          links: fc.array(
            fc.record({
              // Mostly a piece of the text, so links are found; sometimes anything.
              text: fc.oneof(
                fc
                  .tuple(fc.nat(t.length), fc.nat(t.length))
                  .map(([a, b]) => t.slice(Math.min(a, b), Math.max(a, b))),
                nastyString,
              ),
              href,
            }),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: ['kind', 'text'] },
      ),
    );

  it('for any blocks, the HTML rendition holds only allowlisted tags, href-only links to http(s)/mailto, and the blocks’ text', () => {
    fc.assert(
      fc.property(fc.array(block(nastyString), { maxLength: 12 }), (blocks) => {
        const seen = inspectHtml(renderHtml(blocks));
        expect(seen.violations).toEqual([]);
        expect(seen.blocks).toEqual(expectedBlocks(blocks));
      }),
      { numRuns: 400 },
    );
  });

  it('for any blocks, the Markdown rendition renders (markdown-it, raw HTML on) to the same safe blocks and text', () => {
    fc.assert(
      fc.property(fc.array(block(nastyString), { maxLength: 12 }), (blocks) => {
        const seen = inspectHtml(markdownToHtml(renderMarkdown(blocks)), ['code']);
        expect(seen.violations).toEqual([]);
        expect(seen.blocks).toEqual(expectedBlocks(blocks));
      }),
      { numRuns: 400 },
    );
  });

  it('for clean text (no controls, single spaces), both renditions show the blocks’ text unchanged', () => {
    const word = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .map((w) => w.replace(/\s|\p{Cc}/gu, ''));
    const cleanText = fc
      .array(fc.oneof(word, fc.constantFrom(...NASTY.filter((n) => /^[\x21-\x7e]+$/.test(n)))), {
        minLength: 1,
        maxLength: 8,
      })
      .map((ws) => ws.filter(Boolean).join(' '))
      .filter((t) => t.length > 0);
    fc.assert(
      fc.property(
        fc.array(
          block(cleanText).map((b) => (b.kind === 'preformatted' ? { ...b, kind: 'paragraph' as const } : b)),
          { minLength: 1, maxLength: 8 },
        ),
        (blocks) => {
          const texts = blocks.map((b) => b.text);
          expect(inspectHtml(renderHtml(blocks)).blocks.map((b) => b.text)).toEqual(texts);
          expect(
            inspectHtml(markdownToHtml(renderMarkdown(blocks)), ['code']).blocks.map((b) => b.text),
          ).toEqual(texts);
        },
      ),
      { numRuns: 300 },
    );
  });
});
