import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { withoutInertContent } from './html/inert-markup';

/**
 * A compact HTML tree built straight from htmlparser2's tokenizer. We skip htmlparser2's own Parser because
 * its open-element stack uses unshift/indexOf, which turns 100k-deep nesting into minutes of work; here the
 * stack is a plain array with a per-tag count of open elements, so every open and close is amortised O(1).
 *
 * Text nodes are plain strings. Every traversal over this tree is iterative: hostile pages nest far deeper
 * than the call stack allows.
 */
export interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}
export type Node = Element | string;

export const isElement = (n: Node | undefined): n is Element => typeof n === 'object' && n !== null;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const P_ONLY = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DDT = new Set(['dd', 'dt']);
/** Opening the key closes an open element of these kinds first (the subset of the HTML tree rules that matters). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ['select', FORM],
  ['input', FORM],
  ['button', FORM],
  ['textarea', FORM],
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t): [string, Set<string>] => [t, P_ONLY]),
]);

/** Elements that exist once: a second <body> or <html> (common in pasted templates) merges into the first. */
const SINGLETON = new Set(['html', 'head', 'body']);

const HEAD_CONTENT = new Set([
  'meta',
  'link',
  'title',
  'style',
  'script',
  'noscript',
  'base',
  'template',
  'object',
  'param',
]);

/** Elements whose content is never text or metadata; a script survives only when it carries JSON-LD. */
const INERT = new Set(['svg', 'math', 'style', 'template', 'select', 'datalist', 'canvas', 'object']);
const isInert = (el: Element): boolean =>
  INERT.has(el.tag) || (el.tag === 'script' && !/ld\+json/i.test(el.attrs['type'] ?? ''));

/** Raw text: entities in it stay as written (htmlparser2 decodes them only in <title>). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp']);

export interface Document {
  root: Element;
  html: Element;
}

export function parseHtmlTree(html: string): Document {
  const root: Element = { tag: '#root', attrs: {}, children: [], parent: null };
  const stack: Element[] = [root];
  const openCount = new Map<string, number>();
  const singletons = new Map<string, Element>();
  let current: Element = root;
  let tagName = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  let buffer = '';
  /** Depth inside an inert element; 0 outside. */
  let inert = 0;

  const top = (): Element => stack[stack.length - 1]!;
  const pop = (): void => {
    const el = stack.pop();
    if (!el) return;
    if (inert > 0) inert--;
    openCount.set(el.tag, (openCount.get(el.tag) ?? 1) - 1);
    current = top();
  };
  const addText = (text: string): void => {
    if (!text || inert > 0) return;
    const kids = current.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + text;
    else kids.push(text);
  };
  const open = (name: string, attributes: Record<string, string>, selfClosing: boolean): void => {
    // Page content ends <head> even when </head> (or <body>) is missing.
    if (openCount.get('head') && !HEAD_CONTENT.has(name)) close('head');
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 1 && closes.has(top().tag)) pop();
    if (SINGLETON.has(name)) {
      const existing = singletons.get(name);
      if (existing) {
        for (const [k, v] of Object.entries(attributes)) if (!(k in existing.attrs)) existing.attrs[k] = v;
        return;
      }
    }
    const el: Element = { tag: name, attrs: attributes, children: [], parent: current };
    // Inside inert markup (inline SVG, styles, non-data scripts) nothing is kept: icons alone can be
    // thousands of nodes that no later step would read.
    if (inert === 0) current.children.push(el);
    if (SINGLETON.has(name)) singletons.set(name, el);
    // Self-closing syntax only counts in foreign content (svg, math); in HTML "<div/>" opens a div.
    if (VOID.has(name) || (selfClosing && (openCount.get('svg') || openCount.get('math')))) return;
    stack.push(el);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    current = el;
    if (inert > 0 || isInert(el)) inert++;
  };
  const close = (name: string): void => {
    if (VOID.has(name)) {
      if (name === 'br') open('br', {}, false);
      return;
    }
    // </body> or </html> early in a page is common; what follows still belongs to the body.
    if (name === 'body' || name === 'html') return;
    if (!openCount.get(name)) {
      if (name === 'p') open('p', {}, false);
      return;
    }
    while (stack.length > 1) {
      const el = top();
      pop();
      if (el.tag === name) break;
    }
  };

  const slice = (start: number, end: number): string => buffer.slice(start, end);
  const cbs: TokenizerCallbacks = {
    onattribdata: (s, e) => {
      attrValue += slice(s, e);
    },
    onattribend: () => {
      if (attrValue.includes('&')) attrValue = decodeHTMLAttribute(attrValue);
      // Plain objects stay compact (null-prototype ones go to dictionary mode); "__proto__" is never kept.
      if (attrName !== '__proto__' && !Object.prototype.hasOwnProperty.call(attrs, attrName))
        attrs[attrName] = attrValue;
      attrValue = '';
    },
    onattribname: (s, e) => {
      attrName = slice(s, e).toLowerCase();
    },
    oncdata: () => {},
    onclosetag: (s, e) => close(slice(s, e).toLowerCase()),
    oncomment: () => {},
    ondeclaration: () => {},
    onend: () => {},
    onopentagend: () => {
      open(tagName, attrs, false);
      attrs = {};
    },
    onopentagname: (s, e) => {
      tagName = slice(s, e).toLowerCase();
      attrs = {};
    },
    onprocessinginstruction: () => {},
    onselfclosingtag: () => {
      open(tagName, attrs, true);
      attrs = {};
    },
    ontext: (s, e) => {
      if (inert > 0) return;
      const text = slice(s, e);
      addText(text.includes('&') && !RAW_TEXT.has(current.tag) ? decodeHTML(text) : text);
    },
    ontextentity: () => {},
    onattribentity: () => {},
  };
  // Entities are decoded per text run or attribute value that has an '&', not by the tokenizer: with
  // decoding on, it steps through every character of text and attribute values instead of jumping to the
  // next '<' or quote.
  const tokenizer = new Tokenizer({ decodeEntities: false }, cbs);
  buffer = withoutInertContent(html);
  tokenizer.write(buffer);
  tokenizer.end();
  buffer = '';
  const htmlEl = singletons.get('html') ?? root;
  return { root, html: htmlEl };
}

/** Every element under `root` (root included) in document order, without recursion. */
export function elements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

/** Calls `visit` for each element in document order; returning false skips that element's subtree. */
export function walk(root: Element, visit: (el: Element) => boolean | void): void {
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (visit(el) === false) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
}

/** All text under `el`, concatenated raw (callers normalise whitespace). */
export function textOf(el: Element, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (n !== el && skip?.(n)) continue;
    if (n.tag === 'br') parts.push(' ');
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}

export const attr = (el: Element, name: string): string | undefined => {
  const v = el.attrs[name];
  return v === undefined ? undefined : v;
};

export function closest(el: Element, test: (e: Element) => boolean): Element | undefined {
  for (let p: Element | null = el; p; p = p.parent) if (test(p)) return p;
  return undefined;
}

export function findFirst(root: Element, test: (e: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walk(root, (el) => {
    if (found) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

export function findAll(root: Element, test: (e: Element) => boolean): Element[] {
  return elements(root).filter(test);
}

/** Detaches `el` from its parent. */
export function remove(el: Element): void {
  const p = el.parent;
  if (!p) return;
  const i = p.children.indexOf(el);
  if (i >= 0) p.children.splice(i, 1);
  el.parent = null;
}
