import { createHash } from 'node:crypto';
import type { InputFormat, ParseOutcome, ParsedArticle, ParsedFeed, Rejection, SourceRef } from '../article';
import { DEFAULT_MAX_INPUT_BYTES } from '../../topology';
import { decodeText } from './decode';
import { detectTextFormat, sniff } from './detect';
import { DocxTooLargeError, parseDocx } from './docx';
import { parseFeed, type FeedExtract } from './feed';
import { gunzipCapped } from './gzip';
import { parseHtml } from './html';
import { parseJson } from './json';
import { LANGUAGE_SAMPLE_CHARS, reconcileLanguage } from './language';
import { parseMarkdown } from './markdown';
import { parsePdf } from './pdf';
import { paragraphBlocks, renderHtml, renderMarkdown } from './render';
import { parseTextDump } from './text-dump';
import { countWords } from './text-util';
import type { Extracted } from './types';

export interface ParseInput {
  bytes: Uint8Array;
  id: string;
  source: SourceRef;
  contentType?: string;
  maxBytes?: number;
  now?: Date;
}

/** Bumped whenever parsing output changes for the same input: extraction rules, word lists, formats. */
export const PARSER_VERSION = '2026.12.5';

/** Any character other than whitespace and the invisible marks (zero-width spaces and joiners, BOM). */
const VISIBLE = /(?!\u200b|\u200c|\u200d|\u2060|\ufeff)\S/;

const reject = (code: Rejection['code'], message: string): ParseOutcome => ({
  ok: false,
  rejection: { code, message },
});

/** gzip inside gzip happens (double-encoded uploads); deeper nesting is not a document. */
const MAX_GZIP_DEPTH = 2;

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) return false;
  }
  return true;
}

/**
 * The id of one item of a feed: derived from the feed object's id and the item's own key (guid, link, or
 * title and date), so the same item in a re-uploaded feed updates one record.
 */
export function feedItemId(feedId: string, itemKey: string): string {
  return createHash('sha256').update(`${feedId}\n${itemKey}`, 'utf8').digest('hex').slice(0, 20);
}

type Extraction = { format: InputFormat; x: Extracted } | { feed: FeedExtract } | Rejection;

const FORMAT_NAMES: Record<InputFormat, string> = {
  html: 'HTML',
  text: 'text',
  markdown: 'Markdown',
  json: 'JSON',
  rss: 'RSS',
  atom: 'Atom',
  docx: 'DOCX',
  pdf: 'PDF',
};

async function extract(
  bytes: Uint8Array,
  maxBytes: number,
  depth: number,
  contentType?: string,
): Promise<Extraction> {
  if (bytes.length === 0 || isBlank(bytes))
    return { code: 'EMPTY', message: 'the document has no content (0 bytes or only whitespace)' };
  const kind = sniff(bytes);
  if (kind.kind === 'gzip') {
    if (depth >= MAX_GZIP_DEPTH) return { code: 'UNSUPPORTED_TYPE', message: 'gzip nested more than twice' };
    const inner = gunzipCapped(bytes, maxBytes);
    if (!inner.ok) return inner.rejection;
    return extract(inner.bytes, maxBytes, depth + 1);
  }
  if (kind.kind === 'unsupported')
    return { code: 'UNSUPPORTED_TYPE', message: `${kind.name} is not ingested yet` };
  if (kind.kind === 'pdf') {
    const pdf = await parsePdf(bytes);
    return pdf.ok ? { format: 'pdf', x: pdf.x } : pdf.rejection;
  }
  if (kind.kind === 'docx') {
    try {
      return { format: 'docx', x: await parseDocx(bytes) };
    } catch (err) {
      if (err instanceof DocxTooLargeError) return { code: 'TOO_LARGE', message: err.message };
      return {
        code: 'BINARY',
        message: `not a readable DOCX document: ${(err as Error)?.message ?? String(err)}`,
      };
    }
  }

  // The stored Content-Type's charset only applies to the object itself, not to what a gzip wrapped.
  const decoded = decodeText(bytes, depth === 0 ? { contentType } : {});
  if (!decoded.ok) return decoded.rejection;
  const text = decoded.text;
  // A search for one visible character, not a copy with the whitespace removed: on a 20 MB dump that copy
  // (one regexp match per space) took ~140 MiB of heap at once.
  if (!VISIBLE.test(text)) {
    return { code: 'EMPTY', message: 'the document has only whitespace' };
  }
  const format = detectTextFormat(text);
  switch (format) {
    case 'svg':
      return { code: 'UNSUPPORTED_TYPE', message: 'SVG image is not ingested yet' };
    case 'rss':
    case 'atom': {
      const feed = parseFeed(text, format);
      if (!feed) return { code: 'NO_CONTENT', message: `the ${FORMAT_NAMES[format]} feed could not be read` };
      return { feed };
    }
    case 'json': {
      const r = parseJson(text);
      if (r.kind === 'feed') return { feed: r.feed };
      if (r.kind === 'not-article') return { code: 'UNSUPPORTED_TYPE', message: r.message };
      if (r.kind === 'empty') return { code: 'NO_CONTENT', message: r.message };
      return { format: 'json', x: r.x };
    }
    case 'markdown':
      return { format: 'markdown', x: parseMarkdown(text) };
    case 'html':
      return { format: 'html', x: parseHtml(text) };
    default:
      return { format: 'text', x: parseTextDump(text) };
  }
}

function toArticle(
  x: Extracted,
  format: InputFormat,
  id: string,
  source: SourceRef,
  parsedAt: string,
  feed?: ParsedArticle['feed'],
): ParsedArticle {
  const text = x.paragraphs.join('\n\n');
  const blocks = x.blocks ?? paragraphBlocks(x.paragraphs);
  return {
    id,
    source,
    format,
    title: x.title,
    ...(x.subtitle ? { subtitle: x.subtitle } : {}),
    ...(x.section ? { section: x.section } : {}),
    ...(x.breadcrumb?.length ? { breadcrumb: x.breadcrumb } : {}),
    // Only the sample detection reads: the title glued to the whole body would be flattened into one more
    // copy of the body (20 MB on a large dump) just to take its first few thousand characters.
    language: reconcileLanguage(x.declaredLanguage, `${x.title}\n${text.slice(0, LANGUAGE_SAMPLE_CHARS)}`),
    body: {
      paragraphs: x.paragraphs,
      text,
      wordCount: countWords(text),
      html: renderHtml(blocks),
      markdown: renderMarkdown(blocks),
    },
    captions: x.captions,
    images: x.images ?? [],
    authors: x.authors,
    ...(x.publishedAt ? { publishedAt: x.publishedAt } : {}),
    ...(x.modifiedAt ? { modifiedAt: x.modifiedAt } : {}),
    ...(x.canonicalUrl ? { canonicalUrl: x.canonicalUrl } : {}),
    ...(x.siteName ? { siteName: x.siteName } : {}),
    ...(feed ? { feed } : {}),
    parser: { version: PARSER_VERSION },
    parsedAt,
  };
}

function toFeed(f: FeedExtract, input: ParseInput, source: SourceRef, parsedAt: string): ParseOutcome {
  const format: InputFormat = f.format;
  if (f.items.length === 0) {
    const why = f.skipped.length ? `its ${f.skipped.length} items have no title or text` : 'it has no items';
    return reject('NO_CONTENT', `nothing to ingest in the ${FORMAT_NAMES[format]} feed: ${why}`);
  }
  const feed: ParsedFeed = {
    id: input.id,
    format: f.format,
    title: f.title,
    ...(f.url ? { url: f.url } : {}),
    source,
    items: f.items.map(({ key, hash, x }) =>
      toArticle(x, format, feedItemId(input.id, key), source, parsedAt, {
        id: input.id,
        ...(f.title ? { title: f.title } : {}),
        ...(f.url ? { url: f.url } : {}),
        itemKey: key,
        itemHash: hash,
      }),
    ),
    skipped: f.skipped.map((itemKey) => ({
      itemKey,
      rejection: { code: 'NO_CONTENT', message: 'feed item with no title or text, or a repeated id' },
    })),
  };
  return { ok: true, feed };
}

/**
 * Bytes in, article(s) or rejection out. Never throws: a document that breaks a parser is reported as a
 * rejection so the pipeline records it instead of retrying it into the dead-letter queue. A feed (RSS,
 * Atom, JSON Feed, a JSON list of articles) comes back as `feed`, one article per item.
 */
export async function parseDocument(input: ParseInput): Promise<ParseOutcome> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const bytes = input.bytes;
  if (bytes.length > maxBytes)
    return reject('TOO_LARGE', `${bytes.length} bytes exceeds the ${maxBytes}-byte input cap`);

  let result: Extraction;
  try {
    result = await extract(bytes, maxBytes, 0, input.contentType ?? input.source.contentType);
  } catch (err) {
    return reject('BINARY', `could not be read as a document: ${(err as Error)?.message ?? String(err)}`);
  }
  if ('code' in result) return { ok: false, rejection: result };

  const source: SourceRef = { ...input.source };
  if (source.contentType === undefined && input.contentType) source.contentType = input.contentType;
  const parsedAt = (input.now ?? new Date()).toISOString();
  if ('feed' in result) return toFeed(result.feed, input, source, parsedAt);

  const { format, x } = result;
  if (!x.title && x.paragraphs.length === 0)
    return reject('NO_CONTENT', `no title or body text found in the ${FORMAT_NAMES[format]} document`);
  return { ok: true, article: toArticle(x, format, input.id, source, parsedAt) };
}
