/**
 * The article's HTML rendition, made inert. The server renders it from parsed blocks and escapes all text,
 * but the page still treats it as untrusted: it is parsed into an inert template that runs and loads
 * nothing, and only the elements and attributes below are rebuilt into the page, as new nodes.
 * Anything else keeps its text and loses its markup; scripts, styles and templates lose both.
 */

const KEEP = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'a',
  'em',
  'strong',
  'i',
  'b',
  'br',
]);
/** Dropped with everything inside them. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
]);
/** An <h1> in a body is demoted: the page's own headline is the article's title. */
const RENAME: Record<string, string> = { h1: 'h2' };
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim());
    return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined; // relative links point at the source site, which the page does not know
  }
}

function rebuild(source: Node, into: Node, doc: Document, depth: number): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(child.nodeValue ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
    const element = child as Element;
    const name = element.localName.toLowerCase();
    if (DROP.has(name)) continue;
    const tag = RENAME[name] ?? name;
    if (!KEEP.has(tag) || depth > 64) {
      rebuild(element, into, doc, depth + 1); // unwrap: keep the text
      continue;
    }
    const copy = doc.createElement(tag);
    if (tag === 'a') {
      const href = safeHref(element.getAttribute('href'));
      if (href) {
        copy.setAttribute('href', href);
        copy.setAttribute('rel', 'noopener noreferrer nofollow');
        copy.setAttribute('target', '_blank');
      }
    }
    rebuild(element, copy, doc, depth + 1);
    into.appendChild(copy);
  }
}

/** A fragment of fresh, attribute-free elements (links keep a checked href) holding the HTML's text. */
export function inertFragment(html: string, doc: Document = document): DocumentFragment {
  // A <template>'s content belongs to a document with no browsing context: parsing into it runs no
  // script, fires no event, loads no image and applies no style. (Chromium still checks event-handler and
  // style attributes against the page's CSP as it reads them, refusing and reporting them: hostile HTML
  // that got past the server's sanitizer shows up as CSP reports, never as running code.)
  const template = doc.createElement('template');
  template.innerHTML = html;
  const fragment = doc.createDocumentFragment();
  rebuild(template.content, fragment, doc, 0);
  return fragment;
}
