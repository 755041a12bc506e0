import { parseHtmlTree, textOf, type Element } from '../../shared/core/parse/dom';
import { withoutInertContent } from '../../shared/core/parse/html/inert-markup';

describe('withoutInertContent', () => {
  it('empties scripts, styles and inline SVG and drops comments, keeping their tags', () => {
    const html =
      '<p>a</p><script src="x.js">var s = "<p>b</p>";</script><STYLE>p { color: red }</STYLE>' +
      '<svg viewBox="0 0 1 1"><path d="M0 0"/><text>icon</text></svg><!-- <p>c</p> --><p>d</p>';
    expect(withoutInertContent(html)).toBe(
      '<p>a</p><script src="x.js"></script><STYLE></STYLE><svg viewBox="0 0 1 1"></svg><p>d</p>',
    );
  });

  it('keeps JSON-LD, however its type is spelled', () => {
    const html =
      '<script type="application/ld+json">{"headline":"A"}</script>' +
      '<script type="application&#x2F;ld&#x2B;json">{"headline":"B"}</script>';
    expect(withoutInertContent(html)).toBe(html);
  });

  it('leaves a "<script" that is not a tag: in an attribute value, in a title or a textarea', () => {
    const html =
      '<a title="<script>">x</a><p>y</p><title>How <script> works</title><textarea><!-- draft</textarea><p>z</p>';
    expect(withoutInertContent(html)).toBe(html);
  });

  it('ends an SVG at its own closing tag: nested SVGs count, a self-closed one does not', () => {
    expect(withoutInertContent('<svg><svg><text>t</text></svg><text>u</text></svg><p>after</p>')).toBe(
      '<svg></svg><p>after</p>',
    );
    expect(withoutInertContent('<svg><svg/><path/></svg><p>after</p>')).toBe('<svg></svg><p>after</p>');
  });

  it('ends a start tag at a ">" outside quoted attribute values', () => {
    expect(withoutInertContent('<script data-x="a>b">var y;</script><p>t</p>')).toBe(
      '<script data-x="a>b"></script><p>t</p>',
    );
  });

  it('leaves what never closes to the tokenizer', () => {
    const html = '<p>a</p><script>var unterminated = 1;';
    expect(withoutInertContent(html)).toBe(html);
    expect(withoutInertContent('<p>a</p><!-- open')).toBe('<p>a</p><!-- open');
  });
});

describe('parseHtmlTree entities', () => {
  const find = (root: Element, tag: string): Element => {
    const stack: Element[] = [root];
    while (stack.length) {
      const el = stack.pop()!;
      if (el.tag === tag) return el;
      for (const c of el.children) if (typeof c !== 'string') stack.push(c);
    }
    throw new Error(`no <${tag}>`);
  };

  it('decodes them in text, attribute values and the title, not in raw text', () => {
    const { root } = parseHtmlTree(
      '<html><head><title>Q&amp;A</title>' +
        '<script type="application/ld+json">{"name":"Tom &amp; Jerry"}</script></head>' +
        '<body><p title="a&amp;b" data-q="x&copy=1">x &lt; y &copy; 2026</p><textarea>a &amp; b</textarea></body></html>',
    );
    expect(textOf(find(root, 'title'))).toBe('Q&A');
    expect(textOf(find(root, 'script'))).toBe('{"name":"Tom &amp; Jerry"}');
    const p = find(root, 'p');
    expect(textOf(p)).toBe('x < y © 2026');
    expect(p.attrs['title']).toBe('a&b');
    // In an attribute, a legacy entity followed by '=' stays as written (a query string, not a symbol).
    expect(p.attrs['data-q']).toBe('x&copy=1');
    expect(textOf(find(root, 'textarea'))).toBe('a &amp; b');
  });
});
