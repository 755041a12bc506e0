import type { EntityType, TaggedArticle } from './article';

/**
 * IPTC ninjs 3.1 ("News in JSON") rendition of an indexed article, the format copydesk publishes.
 * Validated against the IPTC's schema in test/unit/ninjs.test.ts.
 */

export const NINJS_URI_PREFIX = 'urn:copydesk:article:';

export interface NinjsNameRef {
  name: string;
  rel?: string;
  literal?: string;
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
  headlines: { role: string; contentType: string; value: string }[];
  bodies: { role: string; contentType: string; value: string; charCount: number; wordCount: number }[];
  by?: string;
  altIds: { role: string; value: string }[];
  people?: NinjsNameRef[];
  organisations?: NinjsNameRef[];
  places?: NinjsNameRef[];
  subjects?: { name: string; rel: string; creator: string; relevance: number }[];
  associations?: {
    name: string;
    uri: string;
    type: 'picture';
    rel: string;
    descriptions: { role: string; contentType: string; value: string }[];
    copyrightHolder?: string;
  }[];
}

export const ninjsUri = (articleId: string) => `${NINJS_URI_PREFIX}${articleId}`;

export interface NinjsOptions {
  version: number;
  firstCreated: string;
  versionCreated: string;
}

export function toNinjs(article: TaggedArticle, options: NinjsOptions): NinjsDocument {
  const uri = ninjsUri(article.id);
  const salient = article.entities.filter((e) => !e.captionOnly);
  const refs = (type: EntityType): NinjsNameRef[] =>
    salient.filter((e) => e.type === type).map((e) => ({ name: e.name, rel: 'mentions', literal: e.name }));
  const doc: NinjsDocument = {
    uri,
    type: 'text',
    representationType: 'full',
    profile: 'copydesk-article',
    version: String(options.version),
    firstCreated: options.firstCreated,
    versionCreated: options.versionCreated,
    pubStatus: 'usable',
    language: article.language,
    headlines: [{ role: 'main', contentType: 'text/plain', value: article.title }],
    bodies: [
      {
        role: 'main',
        contentType: 'text/plain',
        value: article.body.text,
        charCount: [...article.body.text].length,
        wordCount: article.body.wordCount,
      },
    ],
    altIds: [
      { role: 'copydesk-id', value: article.id },
      ...(article.source.key ? [{ role: 'source-key', value: article.source.key }] : []),
      ...(article.source.path ? [{ role: 'source-path', value: article.source.path }] : []),
    ],
  };
  if (article.publishedAt) doc.contentCreated = article.publishedAt;
  if (article.authors.length > 0) doc.by = article.authors.join(', ');
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
  if (article.captions.length) {
    doc.associations = article.captions.map((caption, i) => ({
      name: `picture${i + 1}`,
      uri: `${uri}:picture:${i + 1}`,
      type: 'picture',
      rel: 'illustration',
      descriptions: [{ role: 'caption', contentType: 'text/plain', value: caption.text }],
      ...(caption.credit ? { copyrightHolder: caption.credit } : {}),
    }));
  }
  return doc;
}
