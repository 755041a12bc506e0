import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { ArticleImage } from '../article';
import {
  absoluteUrl,
  authorsFrom,
  bodyFrom,
  bodyFromHtml,
  bodyFromText,
  decodeEntities,
  field,
  isObject,
  isoDate,
  optional,
  stripTags,
  text,
  withLead,
  type Body,
} from './fields';
import { normalizeLanguageTag } from './language';
import { titleFromProse } from './text-dump';
import type { Extracted } from './types';

/**
 * RSS 2.0 (and 0.9x, 1.0/RDF) and Atom 1.0 feeds. Each item or entry is an article of its own; nothing is
 * fetched: an item's text is what the feed carries (content:encoded, description, content, summary).
 */

export interface FeedItemExtract {
  /** What identifies the item in the feed: guid/id, else link, else title and date. */
  key: string;
  /** Fingerprint of the item as the feed gives it. */
  hash: string;
  x: Extracted;
}

export interface FeedExtract {
  format: 'rss' | 'atom' | 'json';
  title: string;
  url?: string;
  items: FeedItemExtract[];
  /** Items with neither title nor text, left out. */
  skipped: string[];
}

/** Elements that may repeat; the parser makes them arrays even when there is one. */
const REPEATED = new Set([
  'item',
  'entry',
  'category',
  'link',
  'author',
  'contributor',
  'enclosure',
  'media:content',
  'media:thumbnail',
  'media:group',
  'dc:creator',
  'dc:subject',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  // Atom content and summary may be XHTML: kept as raw markup instead of being parsed into objects.
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  isArray: (name) => REPEATED.has(name),
});

/** Feed items cap: one upload cannot fan out without bound. */
export const MAX_FEED_ITEMS = 500;

const hashOf = (v: unknown): string =>
  createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);

const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** A stop node's raw content: CDATA sections taken literally, entities decoded elsewhere. */
function rawContent(v: unknown): string {
  const raw = typeof v === 'string' ? v : isObject(v) ? String(v['#text'] ?? '') : '';
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : part))
    .join('');
}

function xmlToObject(xml: string): Record<string, unknown> | undefined {
  // A DOCTYPE can declare entities (billion laughs); feeds never need one.
  const safe = xml.replace(/<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi, '');
  const out: unknown = parser.parse(safe);
  return isObject(out) ? out : undefined;
}

function imageFromMedia(m: unknown, base?: string): ArticleImage | undefined {
  if (!isObject(m)) return undefined;
  const url = absoluteUrl(text(m['@_url']), base);
  const type = text(m['@_type']) ?? '';
  const medium = text(m['@_medium']) ?? '';
  const isImage =
    medium === 'image' ||
    type.startsWith('image/') ||
    (!type && !medium && /\.(?:jpe?g|png|gif|webp|avif)(?:\?|$)/i.test(url ?? ''));
  if (!url || !isImage) return undefined;
  const caption = text(m['media:description']) ?? text(m['media:title']);
  const credit = text(m['media:credit']);
  const width = Number(m['@_width']);
  const height = Number(m['@_height']);
  return {
    url,
    ...(caption ? { caption: stripTags(caption) } : {}),
    ...(credit ? { credit } : {}),
    ...(width > 0 ? { width } : {}),
    ...(height > 0 ? { height } : {}),
  };
}

function finishItem(
  fields: {
    title?: string;
    link?: string;
    key?: string;
    date?: string;
    body?: Body;
    summary?: string;
    authors: string[];
    section?: string;
    images: ArticleImage[];
    publishedAt?: string;
    modifiedAt?: string;
    language?: string;
    siteName?: string;
  },
  raw: unknown,
): FeedItemExtract | { skipped: string } {
  const body = fields.body ?? { paragraphs: [], captions: [] };
  let title = fields.title ? stripTags(fields.title) : '';
  if (!title && body.paragraphs[0]) title = titleFromProse(body.paragraphs[0]);
  const key = fields.key ?? fields.link ?? (title ? `${title}|${fields.date ?? ''}` : undefined);
  if (!key || (!title && body.paragraphs.length === 0)) return { skipped: key ?? hashOf(raw) };
  const summary = fields.summary ? stripTags(fields.summary) : undefined;
  const subtitle =
    summary &&
    summary.length <= 500 &&
    summary !== title &&
    !body.paragraphs[0]?.startsWith(summary.slice(0, 60))
      ? summary
      : undefined;
  const x: Extracted = {
    title,
    ...optional('subtitle', subtitle),
    paragraphs: body.paragraphs,
    ...(body.blocks ? { blocks: body.blocks } : {}),
    captions: body.captions,
    images: withLead([...fields.images, ...(body.images ?? [])]),
    ...optional('section', fields.section),
    authors: fields.authors,
    ...optional('publishedAt', fields.publishedAt),
    ...optional('modifiedAt', fields.modifiedAt),
    ...optional('canonicalUrl', fields.link),
    ...optional('siteName', fields.siteName),
    ...optional('declaredLanguage', fields.language),
  };
  return { key, hash: hashOf(raw), x };
}

function collect(
  format: FeedExtract['format'],
  title: string,
  url: string | undefined,
  rawItems: unknown[],
  one: (item: Record<string, unknown>) => FeedItemExtract | { skipped: string },
): FeedExtract {
  const items: FeedItemExtract[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const raw of rawItems.slice(0, MAX_FEED_ITEMS)) {
    if (!isObject(raw)) continue;
    const r = one(raw);
    if ('skipped' in r) skipped.push(r.skipped);
    else if (seen.has(r.key))
      skipped.push(r.key); // the same guid twice: the first wins
    else {
      seen.add(r.key);
      items.push(r);
    }
  }
  return { format, title, ...optional('url', url), items, skipped };
}

function parseRss(doc: Record<string, unknown>): FeedExtract {
  const root = (doc.rss ?? doc['rdf:RDF']) as Record<string, unknown> | undefined;
  const channel = arr(root?.channel)[0] as Record<string, unknown> | undefined;
  const feedTitle = stripTags(text(channel?.title) ?? '');
  const feedUrl = absoluteUrl(text(arr(channel?.link).find((l) => typeof l === 'string')));
  const feedLanguage = normalizeLanguageTag(text(channel?.language) ?? text(channel?.['dc:language']));
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const rawItems = arr(channel?.item).length ? arr(channel?.item) : arr(root?.item);
  return collect('rss', feedTitle, feedUrl, rawItems, (item) => {
    const link = absoluteUrl(
      text(arr(item.link).find((l) => typeof l === 'string')) ?? text(item.link),
      feedUrl,
    );
    const guid = text(item.guid) ?? text(item['@_rdf:about']);
    const encoded = rawContent(item['content:encoded']);
    const description = rawContent(item.description);
    const title = text(item.title);
    const html = encoded || description;
    const media = [
      ...arr(item['media:content']),
      ...arr(item['media:group']).flatMap((g) => arr(isObject(g) ? g['media:content'] : undefined)),
      ...arr(item.enclosure),
    ];
    let images = media.map((m) => imageFromMedia(m, link)).filter((i): i is ArticleImage => !!i);
    if (images.length === 0)
      images = arr(item['media:thumbnail'])
        .map((m) => imageFromMedia({ ...(isObject(m) ? m : {}), '@_medium': 'image' }, link))
        .filter((i): i is ArticleImage => !!i);
    const date = text(item.pubDate) ?? text(item['dc:date']);
    return finishItem(
      {
        title,
        link,
        key: guid,
        date,
        body: html ? bodyFrom(html, title ? stripTags(title) : '') : undefined,
        summary: encoded && description ? description : undefined,
        authors: authorsFrom(item['dc:creator'], item.author),
        section: text(arr(item.category)[0]) ?? text(arr(item['dc:subject'])[0]),
        images,
        publishedAt: isoDate(date),
        modifiedAt: isoDate(item['dc:modified'] ?? item['atom:updated']),
        language: normalizeLanguageTag(text(item['dc:language'])) ?? feedLanguage,
        siteName: feedTitle || undefined,
      },
      item,
    );
  });
}

function atomLink(links: unknown, rel: string): Record<string, unknown> | undefined {
  return arr(links).find(
    (l): l is Record<string, unknown> => isObject(l) && (text(l['@_rel']) ?? 'alternate') === rel,
  );
}

/** An Atom text construct (type text, html or xhtml) as a body. */
function atomBody(v: unknown, title: string): Body | undefined {
  if (v === undefined) return undefined;
  const type = (isObject(v) ? text(v['@_type']) : undefined) ?? 'text';
  const raw = rawContent(v);
  if (!raw.trim()) return undefined;
  if (type === 'xhtml') return bodyFromHtml(raw, title);
  const decoded = decodeEntitiesOutsideCdata(v);
  return type === 'html' || /html/.test(type) ? bodyFromHtml(decoded, title) : bodyFromText(decoded);
}

function decodeEntitiesOutsideCdata(v: unknown): string {
  const raw = typeof v === 'string' ? v : isObject(v) ? String(v['#text'] ?? '') : '';
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

function parseAtom(doc: Record<string, unknown>): FeedExtract {
  const feed = (doc.feed ?? Object.entries(doc).find(([k]) => k.endsWith(':feed'))?.[1]) as
    Record<string, unknown> | undefined;
  const feedTitle = stripTags(text(feed?.title) ?? '');
  const feedUrl = absoluteUrl(text(atomLink(feed?.link, 'alternate')?.['@_href']));
  const feedLanguage = normalizeLanguageTag(text(feed?.['@_xml:lang']));
  const feedAuthors = authorsFrom(arr(feed?.author));
  return collect('atom', feedTitle, feedUrl, arr(feed?.entry), (entry) => {
    const link = absoluteUrl(text(atomLink(entry.link, 'alternate')?.['@_href']), feedUrl);
    const title = text(entry.title);
    const plainTitle = title ? stripTags(title) : '';
    const content = atomBody(entry.content, plainTitle);
    const summaryRaw = entry.summary !== undefined ? decodeEntitiesOutsideCdata(entry.summary) : undefined;
    const body = content ?? atomBody(entry.summary, plainTitle);
    const images = arr(entry.link)
      .filter((l): l is Record<string, unknown> => isObject(l) && text(l['@_rel']) === 'enclosure')
      .map((l) => imageFromMedia({ '@_url': l['@_href'], '@_type': l['@_type'] }, link))
      .concat(arr(entry['media:content']).map((m) => imageFromMedia(m, link)))
      .filter((i): i is ArticleImage => !!i);
    const category = arr(entry.category)[0];
    const authors = authorsFrom(arr(entry.author));
    const published = text(entry.published) ?? text(entry.issued);
    const updated = text(entry.updated) ?? text(entry.modified);
    return finishItem(
      {
        title,
        link,
        key: text(entry.id),
        date: published ?? updated,
        body,
        summary: content && summaryRaw ? summaryRaw : undefined,
        authors: authors.length ? authors : feedAuthors,
        section: isObject(category)
          ? (text(category['@_label']) ?? text(category['@_term']))
          : text(category),
        images,
        publishedAt: isoDate(published ?? updated),
        modifiedAt: published && updated ? isoDate(updated) : undefined,
        language: normalizeLanguageTag(text(entry['@_xml:lang'])) ?? feedLanguage,
        siteName: feedTitle || undefined,
      },
      entry,
    );
  });
}

/** An RSS or Atom document; undefined when the XML does not parse into either. */
export function parseFeed(xml: string, kind: 'rss' | 'atom'): FeedExtract | undefined {
  const doc = xmlToObject(xml);
  if (!doc) return undefined;
  return kind === 'rss' ? parseRss(doc) : parseAtom(doc);
}

/** JSON Feed (jsonfeed.org) 1.0/1.1: same item model as RSS/Atom. */
export function parseJsonFeed(doc: Record<string, unknown>): FeedExtract {
  const feedUrl = absoluteUrl(text(doc.home_page_url));
  const feedLanguage = normalizeLanguageTag(text(doc.language));
  const feedAuthors = authorsFrom(doc.authors, doc.author);
  const feedTitle = stripTags(text(doc.title) ?? '');
  return collect('json', feedTitle, feedUrl, arr(doc.items), (item) => {
    const link = absoluteUrl(text(item.url) ?? text(item.external_url), feedUrl);
    const title = text(item.title);
    const plainTitle = title ? stripTags(title) : '';
    const html = text(field(item, 'content_html'));
    const plain = typeof item.content_text === 'string' ? item.content_text : undefined;
    const body = html
      ? bodyFromHtml(String(item.content_html), plainTitle)
      : plain
        ? bodyFromText(plain)
        : undefined;
    const authors = authorsFrom(item.authors, item.author);
    const published = text(item.date_published);
    const images = [item.image, item.banner_image]
      .map((u) => absoluteUrl(text(u), link))
      .filter((u): u is string => !!u)
      .map((url) => ({ url }));
    return finishItem(
      {
        title,
        link,
        key: text(item.id),
        date: published,
        body,
        summary: text(item.summary),
        authors: authors.length ? authors : feedAuthors,
        images,
        publishedAt: isoDate(published),
        modifiedAt: isoDate(item.date_modified),
        language: normalizeLanguageTag(text(item.language)) ?? feedLanguage,
        siteName: feedTitle || undefined,
      },
      item,
    );
  });
}
