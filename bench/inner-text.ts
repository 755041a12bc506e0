/**
 * What a reader gets from select-all + copy in a browser: the visible text of <body> in document order, the
 * way innerText lays it out. Used to turn the HTML dev corpus into plain-text dumps for bench/text-dump.ts.
 *
 * Approximations (no CSS engine): only inline hiding is seen ([hidden], aria-hidden, style display:none or
 * visibility:hidden); every element in BLOCK is a block; <p> and headings get a blank line around them, as
 * browsers' copy does for elements with vertical margins.
 */
import { parseDocument } from 'htmlparser2';

// domhandler is ESM-only, so its node types are taken from what htmlparser2 (CJS) returns.
type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { name: string; attribs: Record<string, string> }>;

/** Never rendered as text, or rendered as a widget whose text a copy does not carry. */
const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'track',
  'map',
  'input',
  'select',
  'textarea',
  'datalist',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'pre',
  'section',
  'summary',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'ul',
]);

/** Elements whose vertical margins make a copy put a blank line around them. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function hidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  if ((a['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  const style = (a.style ?? '').toLowerCase().replace(/\s+/g, '');
  return /(?:^|;)(?:display:none|visibility:hidden)/.test(style);
}

/** A pending line break (the number of newlines a block boundary needs) or a run of text. */
type Item = string | number;

function walk(nodes: ChildNode[], out: Item[], pre: boolean): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = pre ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' ');
      if (text) out.push(text);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name) || hidden(el)) continue;
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    const breaks = PARAGRAPH.has(name) ? 2 : BLOCK.has(name) ? 1 : 0;
    if (breaks) out.push(breaks);
    walk(el.children, out, pre || name === 'pre' || name === 'textarea');
    if (name === 'td' || name === 'th') {
      // Cells of a row are separated by a tab; the row's own break follows the last one.
      const next = el.next && nextElement(el);
      if (next && (next.name === 'td' || next.name === 'th')) out.push('\t');
    }
    if (breaks) out.push(breaks);
  }
}

function nextElement(el: Element): Element | undefined {
  for (let n = el.next; n; n = n.next) if (n.type === 'tag') return n as Element;
  return undefined;
}

/** Joins the items: adjacent breaks merge into the largest; spaces around line ends go, as in rendering. */
function serialize(items: Item[]): string {
  let text = '';
  let pending = 0;
  for (const item of items) {
    if (typeof item === 'number') {
      pending = Math.max(pending, item);
      continue;
    }
    // Collapsible space at the start of a line is not rendered.
    if (/^ +$/.test(item) && (pending || text === '' || text.endsWith('\n'))) continue;
    if (pending && text) text += '\n'.repeat(pending);
    pending = 0;
    text += item;
  }
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^ +| +$/g, '')
        .replace(/ {2,}/g, ' ')
        .replace(/ *\t */g, '\t'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function innerText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const items: Item[] = [];
  walk(doc.children, items, false);
  return serialize(items);
}
