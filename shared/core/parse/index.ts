import type { ParseOutcome, ParsedArticle, Rejection, SourceRef } from '../article';
import { DEFAULT_MAX_INPUT_BYTES } from '../../topology';
import { decodeText } from './decode';
import { looksLikeHtml, looksLikeSvg, sniff } from './detect';
import { gunzipCapped } from './gzip';
import { parseHtml } from './html';
import { reconcileLanguage } from './language';
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

function extract(
  bytes: Uint8Array,
  maxBytes: number,
  depth: number,
): { format: 'html' | 'text'; x: Extracted } | Rejection {
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

  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded.rejection;
  const text = decoded.text;
  if (!text.replace(/\s|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')) {
    return { code: 'EMPTY', message: 'the document has only whitespace' };
  }
  if (looksLikeSvg(text)) return { code: 'UNSUPPORTED_TYPE', message: 'SVG image is not ingested yet' };
  return looksLikeHtml(text)
    ? { format: 'html', x: parseHtml(text) }
    : { format: 'text', x: parseTextDump(text) };
}

/**
 * Bytes in, article or rejection out. Never throws: a document that breaks a parser is reported as a
 * rejection so the pipeline records it instead of retrying it into the dead-letter queue.
 */
export function parseDocument(input: ParseInput): ParseOutcome {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const bytes = input.bytes;
  if (bytes.length > maxBytes)
    return reject('TOO_LARGE', `${bytes.length} bytes exceeds the ${maxBytes}-byte input cap`);

  let result: ReturnType<typeof extract>;
  try {
    result = extract(bytes, maxBytes, 0);
  } catch (err) {
    return reject('BINARY', `could not be read as a document: ${(err as Error)?.message ?? String(err)}`);
  }
  if ('code' in result) return { ok: false, rejection: result };

  const { format, x } = result;
  if (!x.title && x.paragraphs.length === 0)
    return reject('NO_CONTENT', `no title or body text found in the ${format} document`);

  const text = x.paragraphs.join('\n\n');
  const blocks = x.blocks ?? paragraphBlocks(x.paragraphs);
  const source: SourceRef = { ...input.source };
  if (source.contentType === undefined && input.contentType) source.contentType = input.contentType;

  const article: ParsedArticle = {
    id: input.id,
    source,
    format,
    title: x.title,
    ...(x.subtitle ? { subtitle: x.subtitle } : {}),
    ...(x.section ? { section: x.section } : {}),
    ...(x.breadcrumb?.length ? { breadcrumb: x.breadcrumb } : {}),
    language: reconcileLanguage(x.declaredLanguage, `${x.title}\n${text}`),
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
    parsedAt: (input.now ?? new Date()).toISOString(),
  };
  return { ok: true, article };
}
