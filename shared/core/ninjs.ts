import type { ArticleImage, Caption, EntityType, TaggedArticle } from './article';

/**
 * IPTC ninjs 3.1 ("News in JSON") rendition of an indexed article, the format copydesk publishes.
 * Validated against the IPTC's schema in test/unit/ninjs.test.ts.
 *
 * Where the article's fields go (ninjs 3.1 property names):
 * - title → `headlines` role `main`; subtitle (standfirst) → `headlines` role `sub`, and `descriptions`
 *   role `summary` (metadata a consumer can show as a teaser).
 * - body → `bodies`: role `main` text/plain, and role `richtext` as text/html (the sanitized rendition)
 *   and text/markdown, as the IPTC's own example pairs a plain `main` body with a `richtext` one.
 * - authors → `by`.
 * - publishedAt → `contentCreated`, and `firstCreated` (the story's first version is the one its
 *   publisher put out); modifiedAt → `versionCreated`. Without them, the times copydesk first indexed
 *   and now publishes the article. `version` stays copydesk's counter: consumers de-duplicate on it.
 * - canonicalUrl → `altIds` role `canonical-url` (`uri` stays copydesk's own stable identifier).
 * - siteName → `infoSources` role `publisher` (with the canonical URL's origin as its `uri`). It is not
 *   made the `copyrightHolder`: a site often runs agency copy it does not own.
 * - images (lead first) and captions with no image → `associations` of type `picture`: caption →
 *   `descriptions` role `caption`, alt text → role `alt`, credit → `copyrightHolder`, the image URL
 *   with its width and height → `renditions`.
 */

export const NINJS_URI_PREFIX = 'urn:copydesk:article:';

export interface NinjsNameRef {
  name: string;
  rel?: string;
  literal?: string;
}

export interface NinjsText {
  role: string;
  contentType: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charCount: number;
  wordCount: number;
}

export interface NinjsRendition {
  name: string;
  href: string;
  width?: number;
  height?: number;
}

export interface NinjsPicture {
  name: string;
  uri: string;
  type: 'picture';
  rel: string;
  descriptions?: NinjsText[];
  copyrightHolder?: string;
  renditions?: NinjsRendition[];
}

export interface NinjsDocument {
  uri: string;
  type: 'text';
  representationType: 'full';
  profile: string;
  version: string;
  firstCreated: string;
  versionCreated: string;
  contentCreated?: string;
  pubStatus: 'usable';
  language: string;
  headlines: NinjsText[];
  descriptions?: NinjsText[];
  bodies: NinjsBody[];
  by?: string;
  altIds: { role: string; value: string }[];
  infoSources?: { name: string; role: string; uri?: string }[];
  people?: NinjsNameRef[];
  organisations?: NinjsNameRef[];
  places?: NinjsNameRef[];
  subjects?: { name: string; rel: string; creator: string; relevance: number }[];
  associations?: NinjsPicture[];
}

export const ninjsUri = (articleId: string) => `${NINJS_URI_PREFIX}${articleId}`;

export interface NinjsOptions {
  version: number;
  /** When copydesk first indexed the article. */
  firstCreated: string;
  /** When this version is published. */
  versionCreated: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A date-time as RFC 3339 (the schema's `date-time`): kept as given when it is one, else in UTC. */
function dateTime(value: unknown): { text: string; time: number } | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return { text: RFC3339.test(value) ? value : new Date(time).toISOString(), time };
}

/** The story's own dates where it states them, copydesk's otherwise; never a version before the first. */
function lifecycle(article: TaggedArticle, options: NinjsOptions) {
  const published = dateTime(article.publishedAt);
  const modified = dateTime(article.modifiedAt);
  const now = Date.parse(options.versionCreated);
  const versionCreated = modified && (!published || modified.time >= published.time) ? modified : undefined;
  const latest = versionCreated?.time ?? now;
  // A publication date after this version (a bad date, or a time-zone slip) is not the first version.
  const firstCreated = published && !(published.time > latest) ? published : undefined;
  return {
    firstCreated: firstCreated?.text ?? options.firstCreated,
    versionCreated: versionCreated?.text ?? options.versionCreated,
    ...(published ? { contentCreated: published.text } : {}),
  };
}

function httpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const positiveInt = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;

const plain = (role: string, value: string): NinjsText => ({ role, contentType: 'text/plain', value });

const sameText = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Images first (the lead before the rest), then captions that belong to no image. */
function pictures(article: TaggedArticle, uri: string): NinjsPicture[] {
  const images: ArticleImage[] = [...(article.images ?? [])].sort(
    (a, b) => Number(b.lead === true) - Number(a.lead === true),
  );
  const items: Array<{ image?: ArticleImage; caption?: Caption }> = [];
  for (const image of images) {
    if (httpUrl(image.url) || image.caption?.trim() || image.alt?.trim()) items.push({ image });
  }
  for (const caption of article.captions ?? []) {
    if (!caption.text?.trim()) continue;
    if (!images.some((image) => sameText(image.caption, caption.text))) items.push({ caption });
  }
  return items.map(({ image, caption }, i) => {
    const text = image?.caption ?? caption?.text;
    const credit = image?.credit ?? caption?.credit;
    const descriptions = [
      ...(text?.trim() ? [plain('caption', text)] : []),
      ...(image?.alt?.trim() && !sameText(image.alt, text) ? [plain('alt', image.alt)] : []),
    ];
    const url = httpUrl(image?.url);
    const width = positiveInt(image?.width);
    const height = positiveInt(image?.height);
    return {
      name: `picture${i + 1}`,
      uri: `${uri}:picture:${i + 1}`,
      type: 'picture' as const,
      rel: image?.lead ? 'leadimage' : 'illustration',
      ...(descriptions.length ? { descriptions } : {}),
      ...(credit?.trim() ? { copyrightHolder: credit } : {}),
      ...(url
        ? {
            renditions: [
              {
                name: 'original',
                href: url.href,
                ...(width ? { width } : {}),
                ...(height ? { height } : {}),
              },
            ],
          }
        : {}),
    };
  });
}

export function toNinjs(article: TaggedArticle, options: NinjsOptions): NinjsDocument {
  const uri = ninjsUri(article.id);
  const salient = article.entities.filter((e) => !e.captionOnly);
  const refs = (type: EntityType): NinjsNameRef[] =>
    salient.filter((e) => e.type === type).map((e) => ({ name: e.name, rel: 'mentions', literal: e.name }));
  const counts = {
    charCount: [...article.body.text].length,
    wordCount: article.body.wordCount,
  };
  const subtitle = article.subtitle?.trim() ? article.subtitle : undefined;
  const canonical = httpUrl(article.canonicalUrl);
  const doc: NinjsDocument = {
    uri,
    type: 'text',
    representationType: 'full',
    profile: 'copydesk-article',
    version: String(options.version),
    ...lifecycle(article, options),
    pubStatus: 'usable',
    language: article.language,
    headlines: [plain('main', article.title), ...(subtitle ? [plain('sub', subtitle)] : [])],
    ...(subtitle ? { descriptions: [plain('summary', subtitle)] } : {}),
    bodies: [
      { ...plain('main', article.body.text), ...counts },
      // Documents stored before renditions existed have none: they publish the plain body only.
      ...(article.body.html
        ? [{ role: 'richtext', contentType: 'text/html', value: article.body.html, ...counts }]
        : []),
      ...(article.body.markdown
        ? [{ role: 'richtext', contentType: 'text/markdown', value: article.body.markdown, ...counts }]
        : []),
    ],
    altIds: [
      { role: 'copydesk-id', value: article.id },
      ...(article.source.key ? [{ role: 'source-key', value: article.source.key }] : []),
      ...(article.source.path ? [{ role: 'source-path', value: article.source.path }] : []),
      ...(canonical ? [{ role: 'canonical-url', value: canonical.href }] : []),
    ],
  };
  if (article.authors.length > 0) doc.by = article.authors.join(', ');
  if (article.siteName?.trim())
    doc.infoSources = [
      { name: article.siteName, role: 'publisher', ...(canonical ? { uri: `${canonical.origin}/` } : {}) },
    ];
  const people = refs('person');
  const organisations = refs('organization');
  const places = refs('place');
  if (people.length) doc.people = people;
  if (organisations.length) doc.organisations = organisations;
  if (places.length) doc.places = places;
  const subjects = [
    ...(article.section
      ? [{ name: article.section, rel: 'section', creator: 'copydesk:parse', relevance: 100 }]
      : []),
    ...article.keyPhrases.map((k) => ({
      name: k.text,
      rel: 'keyphrase',
      creator: 'copydesk:tag',
      relevance: Math.round(Math.min(1, Math.max(0, k.score)) * 100),
    })),
  ];
  if (subjects.length) doc.subjects = subjects;
  const associations = pictures(article, uri);
  if (associations.length) doc.associations = associations;
  return doc;
}
