import { toIsoDate } from './dates';
import { all, type DomDocument, type DomElement } from './dom';
import { normalizeLanguageTag } from './language';
import { normalizeSpace } from './text-util';

/** Everything a page states about itself outside its prose; read before Readability rewrites the DOM. */
export interface HtmlMeta {
  ogTitle?: string;
  h1?: string;
  docTitle?: string;
  siteName?: string;
  headline?: string;
  section?: string;
  breadcrumb?: string[];
  language?: string;
  publishedAt?: string;
  authors: string[];
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? normalizeSpace(v) : undefined;

/** JSON-LD nodes, flattening arrays and @graph; invalid blocks (common in the wild) are skipped. */
function jsonLd(scripts: DomElement[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isObj(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph'], depth + 1);
    }
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is the site's bug; the rest of the page still parses.
    }
  }
  return out;
}

const types = (o: Json): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};
const isArticle = (o: Json): boolean =>
  types(o).some((t) => /Article|BlogPosting|Report|NewsArticle|WebPage/.test(t));

function ldNames(v: unknown): string[] {
  if (typeof v === 'string') return [normalizeSpace(v)];
  if (Array.isArray(v)) return v.flatMap(ldNames);
  if (isObj(v)) return str(v['name']) ? [str(v['name'])!] : [];
  return [];
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

const isBreadcrumbContainer = (el: DomElement): boolean =>
  BREADCRUMB_CUE.test(el.getAttribute('class') ?? '') ||
  BREADCRUMB_CUE.test(el.getAttribute('id') ?? '') ||
  BREADCRUMB_CUE.test(el.getAttribute('aria-label') ?? '') ||
  /BreadcrumbList/.test(el.getAttribute('itemtype') ?? '');

function domBreadcrumb(el: DomElement | undefined): string[] | undefined {
  if (!el) return undefined;
  const items = all(el, 'li');
  const parts = (items.length ? items : all(el, 'a'))
    .map((x) => normalizeSpace(x.textContent ?? '').replace(/^[/›»>|]\s*|\s*[/›»>|]$/g, ''))
    .filter((s) => s && s.length <= 80);
  const deduped = parts.filter((p, i) => p !== parts[i - 1]);
  return deduped.length ? deduped : undefined;
}

const isUrl = (s: string): boolean => /^(?:https?:)?\/\//i.test(s);

function cleanAuthors(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const n = normalizeSpace(raw).replace(/^by\s+/i, '');
    if (!n || n.length > 60 || isUrl(n) || /^\d+$/.test(n)) continue;
    const key = n.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(n);
    }
  }
  return out;
}

/** One pass over the DOM: linkedom runs each selector as a full-tree walk, so twenty lookups cost twenty walks. */
interface Scan {
  meta: Map<string, string>;
  ldScripts: DomElement[];
  h1s: DomElement[];
  title?: string;
  breadcrumbEl?: DomElement;
  timeDatetime?: string;
  itempropPublished?: string;
}

function scan(doc: DomDocument): Scan {
  const out: Scan = { meta: new Map(), ldScripts: [], h1s: [] };
  for (const el of all(doc, '*')) {
    switch (el.tagName) {
      case 'META': {
        const key = (
          el.getAttribute('property') ??
          el.getAttribute('name') ??
          el.getAttribute('http-equiv')
        )?.toLowerCase();
        const content = el.getAttribute('content')?.trim();
        if (key && content && !out.meta.has(key)) out.meta.set(key, normalizeSpace(content));
        break;
      }
      case 'SCRIPT':
        if (/ld\+json/i.test(el.getAttribute('type') ?? '')) out.ldScripts.push(el);
        break;
      case 'H1':
        out.h1s.push(el);
        break;
      case 'TITLE':
        out.title ??= normalizeSpace(el.textContent ?? '') || undefined;
        break;
      case 'TIME':
        out.timeDatetime ??= el.getAttribute('datetime')?.trim() || undefined;
        break;
    }
    if (!out.breadcrumbEl && isBreadcrumbContainer(el)) out.breadcrumbEl = el;
    if (!out.itempropPublished && el.getAttribute('itemprop') === 'datePublished') {
      out.itempropPublished =
        el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? undefined;
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
  'date',
];

export function extractMeta(doc: DomDocument): HtmlMeta {
  const s = scan(doc);
  const meta = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = s.meta.get(k);
      if (v) return v;
    }
    return undefined;
  };
  const ld = jsonLd(s.ldScripts);
  const article = ld.find(isArticle);
  // The headline's h1 sits in the article; a logo h1 in the page header comes first in document order.
  const h1 = s.h1s.find((el) => el.closest('article, main')) ?? s.h1s[0];

  const language =
    normalizeLanguageTag(doc.documentElement?.getAttribute('lang')) ??
    normalizeLanguageTag(doc.documentElement?.getAttribute('xml:lang')) ??
    normalizeLanguageTag(meta('content-language')) ??
    normalizeLanguageTag(meta('og:locale')) ??
    normalizeLanguageTag(str(article?.['inLanguage']));

  const published =
    toIsoDate(meta(...PUBLISHED_KEYS)) ??
    toIsoDate(article?.['datePublished']) ??
    toIsoDate(s.itempropPublished) ??
    toIsoDate(s.timeDatetime);

  const section = meta('article:section') ?? ldNames(article?.['articleSection'])[0];
  const metaAuthor = meta('author', 'article:author', 'parsely-author', 'dc.creator');

  return {
    ogTitle: meta('og:title', 'twitter:title'),
    h1: h1 ? normalizeSpace(h1.textContent ?? '') || undefined : undefined,
    docTitle: s.title,
    siteName: meta('og:site_name', 'application-name'),
    headline: str(article?.['headline']),
    section,
    breadcrumb: ldBreadcrumb(ld) ?? domBreadcrumb(s.breadcrumbEl),
    language,
    publishedAt: published,
    authors: cleanAuthors([
      ...(metaAuthor ? metaAuthor.split(/\s*(?:,|;|\band\b)\s*/) : []),
      ...ldNames(article?.['author']),
    ]),
  };
}
