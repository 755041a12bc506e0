import { cleanAuthors } from './byline';
import { toIsoDate } from './dates';
import { closest, elements, textOf, type Document, type Element } from './dom';
import { normalizeLanguageTag } from './language';
import { normalizeSpace } from './text-util';

/** Everything a page states about itself outside its prose; read before extraction prunes the tree. */
export interface HtmlMeta {
  ogTitle?: string;
  h1?: string;
  /** The h1 element the headline came from, so the body can leave it out. */
  h1El?: Element;
  docTitle?: string;
  siteName?: string;
  headline?: string;
  description?: string;
  section?: string;
  breadcrumb?: string[];
  language?: string;
  publishedAt?: string;
  modifiedAt?: string;
  authors: string[];
  canonicalUrl?: string;
  /** What relative links resolve against: <base href>, then the canonical URL. */
  baseUrl?: string;
  leadImage?: { url: string; alt?: string; width?: number; height?: number };
  /** Texts of byline elements, for when no metadata names the authors. */
  bylines: string[];
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? normalizeSpace(v) : undefined;

/** JSON-LD nodes, flattening arrays and @graph; invalid blocks (common in the wild) are skipped. */
function jsonLd(scripts: string[]): Json[] {
  const out: Json[] = [];
  const stack: Array<[unknown, number]> = [];
  for (const s of scripts) {
    try {
      stack.push([JSON.parse(s.trim().replace(/^<!--|-->$/g, '')), 0]);
    } catch {
      // A broken JSON-LD block is the site's bug; the rest of the page still parses.
    }
  }
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > 4) continue;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1]);
    else if (isObj(v)) {
      out.push(v);
      if (v['@graph']) stack.push([v['@graph'], depth + 1]);
    }
  }
  return out;
}

const types = (o: Json): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};
const isArticle = (o: Json): boolean =>
  types(o).some((t) => /Article|BlogPosting|Report|NewsArticle|Posting|Review|Recipe/.test(t));
const isPage = (o: Json): boolean => types(o).some((t) => /WebPage/.test(t));

function ldNames(v: unknown): string[] {
  if (typeof v === 'string') return [normalizeSpace(v)];
  if (Array.isArray(v)) return v.flatMap(ldNames);
  if (isObj(v)) return str(v['name']) ? [str(v['name'])!] : [];
  return [];
}

function ldUrl(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) return ldUrl(v[0]);
  if (isObj(v)) return str(v['url']) ?? str(v['@id']) ?? str(v['contentUrl']);
  return undefined;
}

function ldImage(v: unknown): HtmlMeta['leadImage'] {
  const first = Array.isArray(v) ? v[0] : v;
  const url = ldUrl(first);
  if (!url) return undefined;
  const o = isObj(first) ? first : {};
  return {
    url,
    alt: str(o['caption']) ?? str(o['description']),
    width: positiveInt(o['width']),
    height: positiveInt(o['height']),
  };
}

export function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 && n < 100000 ? Math.round(n) : undefined;
}

function ldBreadcrumb(nodes: Json[]): string[] | undefined {
  const list = nodes.find((o) => types(o).includes('BreadcrumbList'));
  const items = list?.['itemListElement'];
  if (!Array.isArray(items)) return undefined;
  const names = items
    .filter(isObj)
    .sort((a, b) => Number(a['position'] ?? 0) - Number(b['position'] ?? 0))
    .map((el) => str(el['name']) ?? (isObj(el['item']) ? str(el['item']['name']) : undefined))
    .filter((s): s is string => !!s);
  return names.length ? names : undefined;
}

const BREADCRUMB_CUE = /breadcrumb/i;

const isBreadcrumbContainer = (el: Element): boolean =>
  BREADCRUMB_CUE.test(el.attrs['class'] ?? '') ||
  BREADCRUMB_CUE.test(el.attrs['id'] ?? '') ||
  BREADCRUMB_CUE.test(el.attrs['aria-label'] ?? '') ||
  /BreadcrumbList/.test(el.attrs['itemtype'] ?? '');

function domBreadcrumb(el: Element | undefined): string[] | undefined {
  if (!el) return undefined;
  const all = elements(el);
  const items = all.filter((x) => x.tag === 'li');
  const parts = (items.length ? items : all.filter((x) => x.tag === 'a'))
    .map((x) => normalizeSpace(textOf(x)).replace(/^[/›»>|]\s*|\s*[/›»>|]$/g, ''))
    .filter((s) => s && s.length <= 80);
  const deduped = parts.filter((p, i) => p !== parts[i - 1]);
  return deduped.length && deduped.length <= 10 ? deduped : undefined;
}

/** Resolves `href` against `base`; undefined for anything that is not http(s) or mailto afterwards. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h || h.length > 4000) return undefined;
  let url: URL;
  try {
    url = base ? new URL(h, base) : new URL(h);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
    ? url.href
    : undefined;
}

/** Byline elements by class: "byline", "author-name", "article__author"; never author bios or boxes. */
const BYLINE_CUE =
  /(?:^|[\s_-])(?:byline|author-?name|article-?author|post-?author|entry-?author|author)(?:$|\s)/i;

/** One pass over the tree collects every cue; the extractor later prunes the tree, so this runs first. */
interface Scan {
  meta: Map<string, string>;
  ldScripts: string[];
  h1s: Element[];
  title?: string;
  breadcrumbEl?: Element;
  timeDatetime?: string;
  itemprop: Map<string, string>;
  canonical?: string;
  base?: string;
  relAuthors: string[];
  bylines: string[];
}

function scan(doc: Document): Scan {
  const out: Scan = {
    meta: new Map(),
    ldScripts: [],
    h1s: [],
    itemprop: new Map(),
    relAuthors: [],
    bylines: [],
  };
  for (const el of elements(doc.root)) {
    const a = el.attrs;
    switch (el.tag) {
      case 'meta': {
        const key = (a['property'] ?? a['name'] ?? a['http-equiv'] ?? a['itemprop'])?.toLowerCase().trim();
        const content = a['content']?.trim();
        if (key && content && !out.meta.has(key)) out.meta.set(key, normalizeSpace(content));
        break;
      }
      case 'script':
        if (/ld\+json/i.test(a['type'] ?? '')) out.ldScripts.push(textOf(el));
        break;
      case 'h1':
        out.h1s.push(el);
        break;
      case 'title':
        if (!closest(el, (p) => p.tag === 'svg')) out.title ??= normalizeSpace(textOf(el)) || undefined;
        break;
      case 'time':
        out.timeDatetime ??= a['datetime']?.trim() || undefined;
        break;
      case 'link':
        if (/\bcanonical\b/i.test(a['rel'] ?? '')) out.canonical ??= a['href']?.trim() || undefined;
        if (/\bauthor\b/i.test(a['rel'] ?? '') && a['title']) out.relAuthors.push(a['title']);
        break;
      case 'base':
        out.base ??= a['href']?.trim() || undefined;
        break;
      case 'a':
        if (/\bauthor\b/i.test(a['rel'] ?? '') && out.relAuthors.length < 5) out.relAuthors.push(textOf(el));
        break;
    }
    if (!out.breadcrumbEl && isBreadcrumbContainer(el)) out.breadcrumbEl = el;
    if (out.bylines.length < 2 && BYLINE_CUE.test(`${a['class'] ?? ''} ${a['id'] ?? ''}`)) {
      const t = normalizeSpace(textOf(el));
      if (t && t.length <= 120) out.bylines.push(t);
    }
    const prop = a['itemprop'];
    if (prop && el.tag !== 'meta' && /^(?:datePublished|dateModified|author|headline)$/.test(prop)) {
      if (!out.itemprop.has(prop)) {
        const nameEl =
          prop === 'author' ? elements(el).find((x) => x.attrs['itemprop'] === 'name') : undefined;
        const v = a['content'] ?? a['datetime'] ?? textOf(nameEl ?? el);
        if (v.trim()) out.itemprop.set(prop, normalizeSpace(v));
      }
    }
  }
  return out;
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
];
const MODIFIED_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'last-modified',
];

export function extractMeta(doc: Document): HtmlMeta {
  const s = scan(doc);
  const meta = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = s.meta.get(k);
      if (v) return v;
    }
    return undefined;
  };
  const ld = jsonLd(s.ldScripts);
  const article = ld.find(isArticle) ?? ld.find(isPage);
  const inArticle = (el: Element) => closest(el, (p) => p.tag === 'article' || p.tag === 'main');
  // The headline's h1 sits in the article; a logo h1 in the page header comes first in document order.
  const h1El =
    s.h1s.find((el) => inArticle(el) && textOf(el).trim()) ?? s.h1s.find((el) => textOf(el).trim());

  const language =
    normalizeLanguageTag(doc.html.attrs['lang']) ??
    normalizeLanguageTag(doc.html.attrs['xml:lang']) ??
    normalizeLanguageTag(meta('content-language', 'dc.language')) ??
    normalizeLanguageTag(meta('og:locale')) ??
    normalizeLanguageTag(str(article?.['inLanguage']));

  const published =
    toIsoDate(str(article?.['datePublished'])) ??
    toIsoDate(meta(...PUBLISHED_KEYS)) ??
    toIsoDate(s.itemprop.get('datePublished')) ??
    toIsoDate(s.timeDatetime);
  const modified =
    toIsoDate(str(article?.['dateModified'])) ??
    toIsoDate(meta(...MODIFIED_KEYS)) ??
    toIsoDate(s.itemprop.get('dateModified'));

  const section = meta('article:section') ?? ldNames(article?.['articleSection'])[0];
  const metaAuthor = meta('author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author');
  const ldAuthors = ldNames(article?.['author']);
  const authorSources = ldAuthors.length
    ? ldAuthors
    : metaAuthor && !/^https?:/i.test(metaAuthor)
      ? [metaAuthor]
      : s.itemprop.get('author')
        ? [s.itemprop.get('author')!]
        : s.relAuthors;

  const canonicalRaw =
    s.canonical ?? meta('og:url') ?? str(article?.['url']) ?? ldUrl(article?.['mainEntityOfPage']);
  const canonicalUrl = absoluteUrl(canonicalRaw, absoluteUrl(s.base));
  const baseUrl = absoluteUrl(s.base, canonicalUrl) ?? canonicalUrl;
  const ogImage = meta(
    'og:image',
    'og:image:url',
    'og:image:secure_url',
    'twitter:image',
    'twitter:image:src',
  );
  const ldImg = ldImage(article?.['image']);
  const leadUrl = absoluteUrl(ogImage, baseUrl) ?? absoluteUrl(ldImg?.url, baseUrl);
  const leadImage = leadUrl
    ? ogImage && absoluteUrl(ogImage, baseUrl) === leadUrl
      ? {
          url: leadUrl,
          alt: meta('og:image:alt', 'twitter:image:alt'),
          width: positiveInt(meta('og:image:width')),
          height: positiveInt(meta('og:image:height')),
        }
      : { ...ldImg!, url: leadUrl }
    : undefined;
  const publisher = article?.['publisher'];

  return {
    ogTitle: meta('og:title', 'twitter:title'),
    h1: h1El ? normalizeSpace(textOf(h1El)) || undefined : undefined,
    h1El,
    docTitle: s.title,
    siteName:
      meta('og:site_name') ??
      (isObj(publisher) ? str(publisher['name']) : undefined) ??
      meta('application-name'),
    headline: str(article?.['headline']) ?? s.itemprop.get('headline'),
    description:
      meta('og:description', 'description', 'twitter:description', 'dc.description') ??
      str(article?.['description']),
    section,
    breadcrumb: ldBreadcrumb(ld) ?? domBreadcrumb(s.breadcrumbEl),
    language,
    publishedAt: published,
    modifiedAt: modified,
    authors: cleanAuthors(authorSources),
    canonicalUrl,
    baseUrl,
    leadImage,
    bylines: s.bylines,
  };
}
