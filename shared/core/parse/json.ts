import { createHash } from 'node:crypto';
import type { ArticleImage } from '../article';
import { parseJsonFeed, MAX_FEED_ITEMS, type FeedExtract, type FeedItemExtract } from './feed';
import {
  absoluteUrl,
  authorsFrom,
  bodyFrom,
  field,
  imagesFrom,
  isObject,
  isoDate,
  optional,
  stripTags,
  text,
  withLead,
  type Body,
} from './fields';
import { normalizeLanguageTag } from './language';
import type { Extracted } from './types';

/**
 * JSON articles: IPTC ninjs 1.x-3.x, JSON Feed, JSON-LD (NewsArticle and friends) and the everyday
 * `{title, body|text|content, author, date, ...}` object; a list of such objects is several articles.
 */

export type JsonParse =
  | { kind: 'article'; x: Extracted; flavour: string }
  | { kind: 'feed'; feed: FeedExtract }
  /** Parsed, but not an article: nothing a reader would call a title or a body. */
  | { kind: 'not-article'; message: string }
  /** Looks like an article (has a title), but no body text. */
  | { kind: 'empty'; message: string };

const TITLE_KEYS = ['headline', 'title', 'headlines'];
const BODY_KEYS = [
  'bodies',
  'body_html',
  'body_xhtml',
  'body_text',
  'articleBody',
  'body',
  'content_html',
  'content_text',
  'content',
  'text',
  'html',
  'fullText',
];
const LIST_KEYS = ['articles', 'items', 'stories', 'posts', 'entries', 'data', 'results', 'docs'];
const WRAPPER_KEYS = ['article', 'story', 'post', 'item', 'data', 'document', 'newsItem'];

const isNinjs = (o: Record<string, unknown>): boolean =>
  (typeof o.$schema === 'string' && /ninjs/i.test(o.$schema)) ||
  (field(o, 'uri') !== undefined &&
    field(
      o,
      'headlines',
      'headline',
      'bodies',
      'body_html',
      'body_text',
      'versioncreated',
      'firstcreated',
    ) !== undefined);

const isArticleLike = (o: unknown): o is Record<string, unknown> =>
  isObject(o) &&
  (isNinjs(o) || (field(o, ...TITLE_KEYS) !== undefined && field(o, ...BODY_KEYS) !== undefined));

const ARTICLE_TYPES =
  /^(?:schema:)?(?:\w*Article|BlogPosting|NewsArticle|Report|Posting|SocialMediaPosting|LiveBlogPosting)$/;

/** Picks the role (or the first) of ninjs' `[{role, value, contentType}]` lists, or a plain string. */
function byRole(v: unknown, ...roles: string[]): { value: string; contentType?: string } | undefined {
  if (typeof v === 'string') return { value: v };
  if (!Array.isArray(v)) return undefined;
  const objs = v.filter(isObject);
  const pick =
    roles.map((r) => objs.find((o) => text(o.role)?.toLowerCase() === r)).find(Boolean) ??
    (roles.length ? undefined : objs[0]);
  if (!pick) return undefined;
  const value = typeof pick.value === 'string' ? pick.value : undefined;
  return value ? { value, contentType: text(field(pick, 'contentType')) } : undefined;
}

const isMarkupType = (ct?: string) => !!ct && /html|xml/i.test(ct);

function ninjsBody(o: Record<string, unknown>, title: string): Body | undefined {
  const bodies = field(o, 'bodies');
  if (Array.isArray(bodies)) {
    const objs = bodies.filter(isObject);
    const main = objs.filter((b) => !b.role || /main|richtext|body/i.test(String(b.role)));
    const pool = main.length ? main : objs;
    const rich = pool.find((b) => isMarkupType(text(field(b, 'contentType'))));
    const plain = pool.find((b) => !isMarkupType(text(field(b, 'contentType'))));
    const chosen = rich ?? plain;
    if (chosen && typeof chosen.value === 'string') return bodyFrom(chosen.value, title);
  }
  const html = field(o, 'body_html', 'body_xhtml');
  if (typeof html === 'string') return bodyFrom(html, title);
  const plainText = field(o, 'body_text');
  if (typeof plainText === 'string') return bodyFrom(plainText, title);
  return undefined;
}

/** ninjs associations: an object map in 1.x/2.x, an array in 3.x; pictures become images. */
function ninjsImages(o: Record<string, unknown>): ArticleImage[] {
  const assoc = field(o, 'associations');
  const list = Array.isArray(assoc) ? assoc : isObject(assoc) ? Object.values(assoc) : [];
  const out: ArticleImage[] = [];
  for (const a of list) {
    if (!isObject(a)) continue;
    const type = text(a.type) ?? '';
    if (type && !/picture|image|graphic/i.test(type)) continue;
    const renditions = field(a, 'renditions');
    const rs = (
      Array.isArray(renditions) ? renditions : isObject(renditions) ? Object.values(renditions) : []
    ).filter(isObject);
    const best = [...rs].sort((x, y) => (Number(y.width) || 0) - (Number(x.width) || 0))[0];
    const url = absoluteUrl(text(best?.href)) ?? absoluteUrl(text(a.uri));
    const caption =
      byRole(field(a, 'descriptions'), 'caption', 'summary')?.value ??
      text(field(a, 'description_text', 'description_html', 'body_text')) ??
      byRole(field(a, 'headlines'))?.value ??
      text(field(a, 'headline'));
    const credit = text(field(a, 'copyrightHolder', 'by', 'byline', 'creditline'));
    if (!url && !caption) continue;
    out.push({
      ...optional('url', url),
      ...optional('caption', caption ? stripTags(caption) : undefined),
      ...optional('credit', credit),
      ...(Number(best?.width) > 0 ? { width: Number(best?.width) } : {}),
      ...(Number(best?.height) > 0 ? { height: Number(best?.height) } : {}),
    });
  }
  return out;
}

function parseNinjs(o: Record<string, unknown>): Extracted {
  const headline =
    byRole(field(o, 'headlines'), 'main') ?? byRole(field(o, 'headlines')) ?? byRole(field(o, 'headline'));
  const title = headline ? stripTags(headline.value) : '';
  const sub =
    byRole(field(o, 'headlines'), 'sub', 'subtitle', 'subheadline') ??
    byRole(field(o, 'descriptions'), 'summary', 'abstract', 'teaser', 'lead') ??
    byRole(field(o, 'description_text', 'description_html', 'subheadline'));
  const body = ninjsBody(o, title) ?? { paragraphs: [], captions: [] };
  const bylines = field(o, 'bylines');
  const people = field(o, 'people');
  const authors = authorsFrom(
    field(o, 'by', 'byline'),
    Array.isArray(bylines) ? bylines.map((b) => (isObject(b) ? field(b, 'byline', 'name') : b)) : undefined,
    Array.isArray(people)
      ? people.filter((p) => isObject(p) && /author|creator|byline/i.test(String(p.rel ?? '')))
      : undefined,
  );
  const subjects = [...[field(o, 'subjects')].flat(), ...[field(o, 'subject')].flat()].filter(isObject);
  const section = subjects.find((s) =>
    /section|desk|department/i.test(`${text(s.rel) ?? ''} ${text(s.scheme) ?? ''}`),
  );
  const altIds = field(o, 'altIds', 'altids');
  const uri = text(field(o, 'uri'));
  const canonicalUrl =
    absoluteUrl(uri) ??
    (Array.isArray(altIds)
      ? absoluteUrl(
          text(altIds.filter(isObject).find((a) => /url|web|canonical/i.test(String(a.role ?? '')))?.value),
        )
      : undefined);
  const infoSources = field(o, 'infoSources');
  const publisher = Array.isArray(infoSources)
    ? text(
        infoSources.filter(isObject).find((s) => /publisher|source|originat/i.test(String(s.role ?? '')))
          ?.name,
      )
    : undefined;
  return {
    title,
    ...optional('subtitle', sub ? stripTags(sub.value) : undefined),
    paragraphs: body.paragraphs,
    ...(body.blocks ? { blocks: body.blocks } : {}),
    captions: body.captions,
    images: withLead([...ninjsImages(o), ...(body.images ?? [])]),
    ...optional('section', section ? text(section.name) : undefined),
    authors,
    ...optional('publishedAt', isoDate(field(o, 'contentCreated', 'firstCreated'))),
    ...optional('modifiedAt', isoDate(field(o, 'versionCreated'))),
    ...optional('canonicalUrl', canonicalUrl),
    ...optional('siteName', publisher ?? text(field(o, 'copyrightHolder'))),
    ...optional('declaredLanguage', normalizeLanguageTag(text(field(o, 'language')))),
  };
}

/** The everyday article object, JSON-LD's NewsArticle included. */
function parseGeneric(o: Record<string, unknown>): Extracted {
  const url = absoluteUrl(
    text(
      field(
        o,
        'canonicalUrl',
        'canonical_url',
        'canonical',
        'url',
        'link',
        'webUrl',
        'permalink',
        'mainEntityOfPage',
      ),
    ),
  );
  const title = stripTags(text(field(o, ...TITLE_KEYS)) ?? '');
  const rawBody = field(o, ...BODY_KEYS);
  let body: Body = { paragraphs: [], captions: [] };
  if (typeof rawBody === 'string') body = bodyFrom(rawBody, title);
  else if (Array.isArray(rawBody)) {
    // A list of paragraphs, as strings or as `{text}` / `{type, text}` blocks.
    const parts = rawBody
      .map((p) => (typeof p === 'string' ? p : text(field(p, 'text', 'content', 'value', 'html'))))
      .filter(Boolean);
    body = bodyFrom(parts.map((p) => `<p>${p}</p>`).join(''), title);
  } else if (isObject(rawBody)) {
    const inner = field(rawBody, 'html', 'text', 'value', 'content');
    if (typeof inner === 'string') body = bodyFrom(inner, title);
  }
  const publisher = field(o, 'publisher', 'source', 'site', 'siteName', 'site_name', 'provider');
  const subtitle = text(
    field(
      o,
      'subtitle',
      'subheadline',
      'dek',
      'standfirst',
      'description',
      'summary',
      'abstract',
      'excerpt',
      'lede',
    ),
  );
  const section = field(o, 'section', 'articleSection', 'category', 'categories', 'desk', 'department');
  return {
    title,
    ...optional('subtitle', subtitle ? stripTags(subtitle) : undefined),
    paragraphs: body.paragraphs,
    ...(body.blocks ? { blocks: body.blocks } : {}),
    captions: body.captions,
    images: withLead([
      ...imagesFrom(field(o, 'image', 'images', 'leadImage', 'thumbnail', 'thumbnailUrl', 'media'), url),
      ...(body.images ?? []),
    ]),
    ...optional('section', text(section)),
    authors: authorsFrom(field(o, 'authors', 'author', 'byline', 'by', 'creator', 'creators', 'writer')),
    ...optional(
      'publishedAt',
      isoDate(
        field(
          o,
          'datePublished',
          'publishedAt',
          'published_at',
          'published',
          'pubDate',
          'publicationDate',
          'date',
          'createdAt',
          'created_at',
          'created',
        ),
      ),
    ),
    ...optional(
      'modifiedAt',
      isoDate(field(o, 'dateModified', 'updatedAt', 'updated_at', 'updated', 'modified', 'lastModified')),
    ),
    ...optional('canonicalUrl', url),
    ...optional('siteName', text(isObject(publisher) ? field(publisher, 'name') : publisher)),
    ...optional(
      'declaredLanguage',
      normalizeLanguageTag(text(field(o, 'inLanguage', 'language', 'lang', 'locale'))),
    ),
  };
}

function extractOne(o: Record<string, unknown>): { x: Extracted; flavour: string } {
  return isNinjs(o)
    ? { x: parseNinjs(o), flavour: 'ninjs' }
    : { x: parseGeneric(o), flavour: 'article JSON' };
}

/** JSON-LD: the article node of a `@graph`, or the document itself when it is one. */
function jsonLdArticle(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const nodes = Array.isArray(o['@graph']) ? o['@graph'] : [o];
  return nodes.find(
    (n): n is Record<string, unknown> =>
      isObject(n) && [n['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)),
  );
}

const keyOfItem = (o: Record<string, unknown>, x: Extracted): string =>
  text(field(o, 'guid', 'id', 'uri', '@id', 'url', 'link')) ??
  (x.title
    ? `${x.title}|${x.publishedAt ?? ''}`
    : createHash('sha256').update(JSON.stringify(o)).digest('hex'));

function describe(v: unknown): string {
  if (Array.isArray(v))
    return `an array of ${v.length} ${v.length && v.every((x) => typeof x === 'number') ? 'numbers' : 'values'}`;
  if (isObject(v)) {
    const keys = Object.keys(v);
    return `an object with keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
  }
  return `a bare ${typeof v}`;
}

const NOT_ARTICLE =
  'JSON that is not an article: expected ninjs, JSON Feed, JSON-LD or an object with a title and a body/text/content field';

export function parseJson(source: string): JsonParse {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { kind: 'not-article', message: `invalid JSON: ${(err as Error).message}` };
  }
  if (isObject(data) && typeof data.version === 'string' && /jsonfeed\.org\/version/i.test(data.version))
    return { kind: 'feed', feed: parseJsonFeed(data) };

  // One level of wrapping: {"article": {...}}, {"data": {...}}, {"articles": [...]}.
  let target: unknown = data;
  if (isObject(data) && !isArticleLike(data)) {
    const ld = jsonLdArticle(data);
    const wrapped = WRAPPER_KEYS.map((k) => field(data, k)).find(isArticleLike);
    const list = LIST_KEYS.map((k) => field(data, k)).find((v) => Array.isArray(v) && v.some(isArticleLike));
    target = ld ?? wrapped ?? list ?? data;
  }
  if (Array.isArray(target)) {
    const items: FeedItemExtract[] = [];
    const skipped: string[] = [];
    const seen = new Set<string>();
    for (const o of target.slice(0, MAX_FEED_ITEMS)) {
      if (!isArticleLike(o)) continue;
      const { x } = extractOne(o);
      const key = keyOfItem(o, x);
      if (seen.has(key) || (!x.title && x.paragraphs.length === 0)) {
        skipped.push(key);
        continue;
      }
      seen.add(key);
      items.push({ key, hash: createHash('sha256').update(JSON.stringify(o)).digest('hex').slice(0, 32), x });
    }
    if (items.length === 0)
      return { kind: 'not-article', message: `${NOT_ARTICLE}; found ${describe(data)}` };
    const feedTitle = isObject(data) ? (text(field(data, 'title', 'name')) ?? '') : '';
    return { kind: 'feed', feed: { format: 'json', title: feedTitle, items, skipped } };
  }
  if (!isObject(target)) return { kind: 'not-article', message: `${NOT_ARTICLE}; found ${describe(data)}` };
  const ld = jsonLdArticle(target);
  if (!isArticleLike(target) && !ld && field(target, ...TITLE_KEYS) === undefined)
    return { kind: 'not-article', message: `${NOT_ARTICLE}; found ${describe(data)}` };
  const { x, flavour } = extractOne(ld ?? target);
  if (x.paragraphs.length === 0)
    return { kind: 'empty', message: `the ${flavour} has ${x.title ? 'a title but ' : ''}no body text` };
  return { kind: 'article', x, flavour };
}
