import { Readability } from '@mozilla/readability';
import type { Caption } from '../article';
import { isBoilerplate } from './boilerplate';
import { sectionFromBreadcrumb } from './breadcrumb';
import { parseByline } from './byline';
import { parseDateLine } from './dates';
import { asCaption, splitCredit } from './captions';
import {
  all,
  ELEMENT_NODE,
  parseDom,
  TEXT_NODE,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom';
import { extractMeta } from './html-meta';
import { chooseTitle } from './html-title';
import { normalizeSpace } from './text-util';
import type { Extracted } from './types';

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TD',
  'TH',
  'BR',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'CENTER',
  'FORM',
  'FIELDSET',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'MATH',
  'INPUT',
  'TEXTAREA',
  'IMG',
  'PICTURE',
  'SOURCE',
]);
const CREDIT_CLASS = /credit|copyright|byline|attribution|photographer|source|author/i;

/** A figcaption's credit is often marked up separately (<span class="credit">); otherwise it is in the text. */
function captionFrom(el: DomElement): Caption | undefined {
  const creditEl = all(el, '*').find(
    (c) =>
      CREDIT_CLASS.test(c.getAttribute('class') ?? '') || CREDIT_CLASS.test(c.getAttribute('itemprop') ?? ''),
  );
  const full = normalizeSpace(el.textContent ?? '');
  if (!full) return undefined;
  if (creditEl) {
    const credit = normalizeSpace(creditEl.textContent ?? '').replace(
      /^(?:photo(?:graph)?|image|credit)\s*:\s*/i,
      '',
    );
    const text = normalizeSpace(full.replace(normalizeSpace(creditEl.textContent ?? ''), ''));
    if (text && credit) return { text, credit };
  }
  const split = splitCredit(full);
  return split.credit ? { text: split.text || full, credit: split.credit } : { text: split.text || full };
}

/** Flattens content into paragraphs: each block element's own text is one paragraph; figures become captions. */
function blocks(root: DomNode, captions: Caption[]): string[] {
  const paragraphs: string[] = [];
  let buf = '';
  const flush = () => {
    const t = normalizeSpace(buf);
    if (t) paragraphs.push(t);
    buf = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buf += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'FIGURE' || tag === 'FIGCAPTION') {
        flush();
        const capEls = tag === 'FIGCAPTION' ? [child as DomElement] : all(child as DomElement, 'figcaption');
        for (const c of capEls) {
          const cap = captionFrom(c);
          if (cap) captions.push(cap);
        }
        continue;
      }
      if (BLOCK.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        buf += ' ';
        walk(child);
        buf += ' ';
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

/** Readability found nothing: fall back to the page's body without its obvious furniture. */
function fallbackRoot(doc: DomDocument): DomElement | null {
  for (const el of all(doc, 'nav, header, footer, aside, form, script, style, noscript')) el.remove();
  return doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
}

/** Captions of figures inside the article proper, which Readability sometimes drops with the lead image. */
function articleFigcaptions(doc: DomDocument): Caption[] {
  const scope = doc.querySelector('article') ?? doc.querySelector('main');
  if (!scope) return [];
  return all(scope, 'figcaption')
    .filter((el) => !el.closest('nav, aside, footer'))
    .map(captionFrom)
    .filter((c): c is Caption => !!c);
}

function dedupeCaptions(caps: Caption[]): Caption[] {
  const seen = new Set<string>();
  return caps.filter((c) => {
    const k = c.text.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Scripts, styles, inline SVG and comments are most of a modern page's nodes and none of its text; dropping
 * them before building the DOM halves linkedom's work. JSON-LD scripts stay: they carry the metadata.
 */
export function stripInert(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (m, attrs: string) =>
      /ld\+json/i.test(attrs) ? m : '',
    )
    .replace(/<(style|svg|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
}

/** Site chrome that is never the article: removed before Readability so its links cannot leak into the text. */
function removeChrome(doc: DomDocument): void {
  for (const el of all(doc, 'nav, aside, footer, header, [role="navigation"], [role="contentinfo"]')) {
    // An article's own <header> holds its headline and dek; only the page header is chrome.
    if (el.tagName === 'HEADER' && el.closest('article, main')) continue;
    el.remove();
  }
}

export function parseHtml(input: string): Extracted {
  let html = stripInert(input);
  // A bare fragment ("<h1>..</h1><p>..</p>") needs a body for linkedom to put it in.
  if (!/<body[\s>]/i.test(html) && !/<html[\s>]/i.test(html))
    html = `<!DOCTYPE html><html><body>${html}</body></html>`;
  const doc = parseDom(html);
  const meta = extractMeta(doc);
  const captions: Caption[] = articleFigcaptions(doc);
  removeChrome(doc);

  let readabilityTitle: string | undefined;
  let byline: string | undefined;
  let root: DomNode | null = null;
  try {
    const article = new Readability(doc as never, { serializer: (el: unknown) => el }).parse();
    readabilityTitle = article?.title ?? undefined;
    byline = article?.byline ?? undefined;
    root = (article?.content as unknown as DomNode | undefined) ?? null;
  } catch {
    // Readability throws on some malformed DOMs; the fallback below still yields the text.
  }
  let raw = root ? blocks(root, captions) : [];
  if (raw.length === 0) {
    const fb = fallbackRoot(parseDom(html));
    raw = fb ? blocks(fb, captions) : [];
  }

  const title = chooseTitle({ ...meta, readabilityTitle });
  const capTexts = new Set(captions.flatMap((c) => [c.text, c.credit ? `${c.text} ${c.credit}` : c.text]));
  const paragraphs: string[] = [];
  let bylineAuthors: string[] | undefined;
  for (const p of raw) {
    if (p === title || capTexts.has(p) || isBoilerplate(p)) continue;
    // Bylines and datelines above the text are metadata, not body.
    if (paragraphs.length < 2) {
      const names = parseByline(p);
      if (names) {
        bylineAuthors ??= names;
        continue;
      }
      if (parseDateLine(p)) continue;
    }
    const cap = asCaption(p);
    if (cap) {
      captions.push(cap);
      continue;
    }
    paragraphs.push(p);
  }
  while (paragraphs.length && /:\s*$/.test(paragraphs[paragraphs.length - 1]!)) paragraphs.pop();

  const breadcrumb = meta.breadcrumb;
  const section =
    (meta.section ? sectionFromBreadcrumb([meta.section]) : undefined) ??
    (breadcrumb ? sectionFromBreadcrumb(breadcrumb, title) : undefined);
  const authors = meta.authors.length
    ? meta.authors
    : byline
      ? [normalizeSpace(byline).replace(/^by\s+/i, '')]
      : [];

  return {
    title,
    paragraphs,
    captions: dedupeCaptions(captions),
    section,
    breadcrumb,
    authors: authors.filter((a) => a && a.length <= 60),
    publishedAt: meta.publishedAt,
    declaredLanguage: meta.language,
  };
}
