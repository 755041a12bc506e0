/** The normalized article every stage passes on. Pure data: no AWS, no Lambda. */

export type InputFormat = 'html' | 'text' | 'markdown' | 'json' | 'rss' | 'atom' | 'docx' | 'pdf';

/** Where an article came from: an S3 object in the pipeline, or a local file in the CLI. */
export interface SourceRef {
  bucket?: string;
  key?: string;
  path?: string;
  versionId?: string;
  etag?: string;
  /** S3 event sequencer: orders events for the same key (see shared/core/version.ts). */
  sequencer?: string;
  size?: number;
  contentType?: string;
}

export interface Caption {
  text: string;
  credit?: string;
}

/** A unit of body structure; renditions (HTML, Markdown) are rendered from these, never from input markup. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';
  /** Plain text, whitespace-normalized (preformatted keeps its line breaks). */
  text: string;
  /** Heading level 2..6 (the title is the only level 1). */
  level?: number;
  /** For list items: part of a numbered list. */
  ordered?: boolean;
  /** Links inside the text: `text` occurs in the block's text; `href` is absolute http(s) or mailto. */
  links?: Array<{ text: string; href: string }>;
}

export interface ArticleImage {
  /** Absolute http(s) URL when the input gives one (resolved against the page URL). */
  url?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
  /** The article's lead image (og:image, JSON-LD image, or the first figure of the body). */
  lead?: boolean;
}

export interface ParsedArticle {
  id: string;
  source: SourceRef;
  format: InputFormat;
  title: string;
  /** Standfirst / dek under the headline. */
  subtitle?: string;
  /** The desk/section, e.g. from a breadcrumb "News / China / More" -> "China". */
  section?: string;
  breadcrumb?: string[];
  /** ISO 639-1, or "und" when it cannot be told. */
  language: string;
  body: {
    paragraphs: string[];
    text: string;
    wordCount: number;
    /** Sanitized HTML rendered from the body's blocks: no scripts, handlers or non-http(s) links. */
    html: string;
    markdown: string;
  };
  /** Photo captions found in the page, kept out of the body. */
  captions: Caption[];
  /** Images with their captions and credits; the lead image (if any) first, flagged `lead`. */
  images: ArticleImage[];
  authors: string[];
  /** ISO 8601, when the input states it. */
  publishedAt?: string;
  modifiedAt?: string;
  canonicalUrl?: string;
  /** Site name or publisher. */
  siteName?: string;
  /** Set when the article is one item of a feed (RSS, Atom, JSON Feed): which feed, and which item in it. */
  feed?: FeedItemRef;
  /**
   * Which parser produced it (PARSER_VERSION), as `tagger` says which tagger tagged it. Optional because a
   * document parsed before versions were recorded (one still in a queue or the work bucket) has none.
   */
  parser?: { version: string };
  parsedAt: string;
}

export interface FeedItemRef {
  /** The feed object's own id (the id its key or path maps to). */
  id: string;
  title?: string;
  url?: string;
  /** What identifies the item inside the feed: its guid/id, else its link, else title and date. */
  itemKey: string;
  /** Fingerprint of the item's content, so an unchanged item in a refreshed feed is not a new version. */
  itemHash: string;
}

/** A feed parses into one article per item; the feed itself is the container that lists them. */
export interface ParsedFeed {
  /** The feed object's id; every item's id is derived from it and the item's key. */
  id: string;
  format: 'rss' | 'atom' | 'json';
  title: string;
  url?: string;
  source: SourceRef;
  items: ParsedArticle[];
  /** Items left out, e.g. with neither title nor text. */
  skipped: Array<{ itemKey: string; rejection: Rejection }>;
}

export type EntityType = 'person' | 'organization' | 'place';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** Where in the article a name stands: the title, the lead paragraphs, the rest of the body, or a photo caption. */
export type EntityZone = 'title' | 'lead' | 'body' | 'caption';

/** One place an entity is named: `paragraph` is 0 for the title, n for the n-th body paragraph, captions after. */
export interface EntityOccurrence {
  zone: EntityZone;
  paragraph: number;
  /** Character offsets of the surface form within that paragraph (title, body paragraph or caption text). */
  start: number;
  end: number;
}

export interface Entity {
  name: string;
  type: EntityType;
  /** Distinct surface forms seen in the article. */
  mentions: string[];
  count: number;
  /** 0..1, higher when named in title/lead and often; caption-only mentions weigh less. */
  salience: number;
  /** True when the entity is only named in captions, not in title or body. */
  captionOnly?: boolean;
  /** Where the entity is named, in reading order. */
  occurrences?: EntityOccurrence[];
  /** Places: ISO 3166-1 alpha-2 code of the country the place is in (or is). */
  country?: string;
  /**
   * Places also used for an institution in this article: "Beijing maintains that ..." is China's government
   * speaking. The place stays a place; this names what it stood for and how often.
   */
  metonymFor?: { name: string; type: EntityType; count: number };
}

export interface KeyPhrase {
  text: string;
  score: number;
}

/** An IPTC Media Topic (top level), e.g. medtop:11000000 "politics", with the tagger's confidence in it. */
export interface Topic {
  code: string;
  label: string;
  confidence: number;
}

/** Content fingerprints for duplicate detection. */
export interface Fingerprints {
  /** sha256 (hex) of the normalized title and body text: equal for byte-different copies of one text. */
  exact: string;
  /** 64-bit SimHash (16 hex digits) over word shingles of the body: near copies differ in few bits. */
  simhash: string;
}

export type TaggerEngine = 'copydesk' | 'comprehend';

export interface TaggedArticle extends ParsedArticle {
  entities: Entity[];
  keyPhrases: KeyPhrase[];
  /** IPTC Media Topics (top level), most confident first; empty when none is confident enough. */
  topics: Topic[];
  fingerprints: Fingerprints;
  /** Which engine tagged it, and that engine's model version. */
  tagger: { engine: TaggerEngine; version: string };
  taggedAt: string;
}

export type RejectionCode =
  | 'EMPTY' // zero bytes, or only whitespace
  | 'BINARY' // bytes that are not text in any supported format
  | 'UNSUPPORTED_TYPE' // recognised, but a format copydesk does not ingest yet
  | 'TOO_LARGE' // over the configured input cap
  | 'NO_CONTENT' // parsed, but no title or body text could be extracted
  | 'PARSE_FAILED' // the parser itself failed on this input: a bug to fix, recorded instead of retried
  | 'TAG_FAILED'; // the tagger failed on this article: likewise

export interface Rejection {
  code: RejectionCode;
  message: string;
}

/**
 * One article, several (a feed: check `feed` before `article`), or a rejection. The `?: undefined` members
 * let callers test `outcome.feed` / `outcome.article` directly.
 */
export type ParseOutcome =
  | { ok: true; article: ParsedArticle; feed?: undefined }
  | { ok: true; feed: ParsedFeed; article?: undefined }
  | { ok: false; rejection: Rejection };

/** Every article a successful outcome holds: one, or each item of a feed. */
export function articlesOf(outcome: ParseOutcome): ParsedArticle[] {
  if (!outcome.ok) return [];
  return outcome.feed ? outcome.feed.items : [outcome.article];
}
