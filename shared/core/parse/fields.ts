import type { ArticleImage, Block } from '../article';
import { cleanAuthors } from './byline';
import { toIsoDate } from './dates';
import { parseHtml } from './html';
import { normalizeSpace } from './text-util';
import type { Extracted } from './types';

/**
 * Helpers shared by the structured formats (Markdown front matter, JSON, feeds, DOCX properties): reading
 * loosely-typed fields, and turning an embedded HTML or plain-text body into paragraphs and blocks.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const keyOf = (k: string) => k.toLowerCase().replace(/[_\-\s]/g, '');

/**
 * The first present field among `names`, matched without regard to case, `_` or `-`: "firstCreated",
 * "firstcreated" and "first_created" are one field (ninjs 1.x, 2.x and 3.x spell them differently).
 */
export function field(obj: unknown, ...names: string[]): unknown {
  if (!isObject(obj)) return undefined;
  const wanted = names.map(keyOf);
  for (const w of wanted) {
    for (const [k, v] of Object.entries(obj)) {
      if (keyOf(k) === w && v !== null && v !== undefined && v !== '') return v;
    }
  }
  return undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** Markup to plain text for short fields (titles, summaries): tags dropped, entities decoded, spaces normalised. */
export const stripTags = (s: string): string =>
  normalizeSpace(decodeEntities(s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/<[^>]*>/g, ' ')));

/** A scalar or a `{value}`/`{#text}`/`{name}` wrapper as a string; the first of an array. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return normalizeSpace(v) || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = text(x);
      if (t) return t;
    }
    return undefined;
  }
  if (isObject(v)) return text(field(v, '#text', 'value', 'name', 'label', 'term'));
  return undefined;
}

export const looksLikeMarkup = (s: string): boolean =>
  /<\/?(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img|a|em|strong|b|i|span|table|pre|section|article)\b[^>]*>/i.test(
    s,
  );

/** An absolute http(s) URL, resolving a relative one against `base` when there is one. */
export function absoluteUrl(u: unknown, base?: string): string | undefined {
  if (typeof u !== 'string' || !u.trim()) return undefined;
  try {
    const url = base ? new URL(u.trim(), base) : new URL(u.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const isoDate = (v: unknown): string | undefined =>
  toIsoDate(typeof v === 'number' ? new Date(v > 1e11 ? v : v * 1000).toISOString() : text(v));

/** Author fields in any common shape: a string, `{name}`, a list of either, "A and B". */
export function authorsFrom(...values: unknown[]): string[] {
  const raw: string[] = [];
  const add = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(add);
    else if (isObject(v)) {
      const name = text(field(v, 'name', 'byline', 'displayName', '#text', 'value'));
      if (name) raw.push(name);
    } else if (typeof v === 'string') {
      // RSS <author> is an e-mail address, often with the name in parentheses: "jane@x.com (Jane Doe)".
      const paren = /^\S+@\S+\s*\(([^)]+)\)$/.exec(v.trim());
      if (paren?.[1]) raw.push(paren[1]);
      else if (!/^\S+@\S+$/.test(v.trim())) raw.push(v);
    }
  };
  for (const v of values) add(v);
  return cleanAuthors(raw);
}

/** Plain text with blank lines between paragraphs (or one paragraph per line when there are none). */
export function paragraphsFromText(s: string): string[] {
  const t = s.replace(/\r\n?/g, '\n').trim();
  const parts = /\n\s*\n/.test(t) ? t.split(/\n\s*\n/) : t.split('\n');
  return parts.map(normalizeSpace).filter(Boolean);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export type Body = Pick<Extracted, 'paragraphs' | 'blocks' | 'captions' | 'images'>;

/**
 * An article body given as HTML inside a structured document (JSON, a feed item): extracted by the HTML
 * extractor, wrapped in the shape of an article page with the known headline so it does not take the
 * first paragraph for the title.
 */
export function bodyFromHtml(html: string, title: string): Body {
  const page = `<!DOCTYPE html><html><head><title>${escapeHtml(title)}</title></head><body><article><h1>${escapeHtml(title)}</h1>${html}</article></body></html>`;
  const x = parseHtml(page);
  const paragraphs = x.paragraphs.filter((p) => p !== title);
  const blocks = x.blocks?.filter((b) => !(b.kind === 'heading' && b.text === title));
  return { paragraphs, blocks, captions: x.captions, images: x.images ?? [] };
}

export function bodyFromText(s: string): Body {
  const paragraphs = paragraphsFromText(s);
  return { paragraphs, blocks: paragraphs.map((p): Block => ({ kind: 'paragraph', text: p })), captions: [] };
}

/** HTML when it is markup, plain text otherwise. */
export const bodyFrom = (s: string, title: string): Body =>
  looksLikeMarkup(s) ? bodyFromHtml(s, title) : bodyFromText(decodeEntities(s));

/** An image field in any common shape: a URL, `{url|src|href, alt, caption, credit}`, or a list. */
export function imagesFrom(v: unknown, base?: string): ArticleImage[] {
  const out: ArticleImage[] = [];
  const add = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(add);
    if (typeof x === 'string') {
      const url = absoluteUrl(x, base);
      if (url) out.push({ url });
      return;
    }
    if (!isObject(x)) return;
    const url = absoluteUrl(text(field(x, 'url', 'src', 'href', 'contentUrl', '@_url', '@_href')), base);
    const alt = text(field(x, 'alt', 'altText', 'alternativeText'));
    const caption = text(field(x, 'caption', 'description', 'descriptionText', 'title'));
    const credit = text(field(x, 'credit', 'copyrightHolder', 'copyright', 'byline', 'author'));
    const width = Number(field(x, 'width', '@_width'));
    const height = Number(field(x, 'height', '@_height'));
    if (!url && !alt && !caption) return;
    out.push({
      ...(url ? { url } : {}),
      ...(alt ? { alt } : {}),
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(width > 0 ? { width } : {}),
      ...(height > 0 ? { height } : {}),
    });
  };
  add(v);
  return out;
}

/** The lead image first and flagged, duplicates (same URL) dropped. */
export function withLead(images: ArticleImage[]): ArticleImage[] {
  const seen = new Set<string>();
  const out: ArticleImage[] = [];
  for (const img of images) {
    if (img.url) {
      if (seen.has(img.url)) continue;
      seen.add(img.url);
    }
    out.push({ ...img });
  }
  if (out[0]) out[0] = { ...out[0], lead: true };
  for (let i = 1; i < out.length; i++) delete out[i]!.lead;
  return out;
}

/** `{ key: value }` when there is a value, `{}` otherwise, for spreading optional fields. */
export const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
