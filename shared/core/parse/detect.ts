/**
 * Content sniffing. Uploads arrive with whatever name and Content-Type the sender chose, so the format is
 * told from the bytes: magic numbers for formats we refuse, markup cues for HTML.
 */

export type Sniffed =
  | { kind: 'gzip' }
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'unsupported'; name: string }
  | { kind: 'maybe-text' };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: ReadonlyArray<{ name: string; sig: readonly number[]; at?: number }> = [
  { name: 'PostScript document', sig: ascii('%!PS') },
  { name: 'RTF document', sig: ascii('{\\rtf') },
  { name: 'PNG image', sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', sig: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', sig: ascii('GIF87a') },
  { name: 'GIF image', sig: ascii('GIF89a') },
  { name: 'TIFF image', sig: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', sig: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ICO image', sig: [0x00, 0x00, 0x01, 0x00] },
  {
    name: 'legacy Microsoft Office document (DOC/XLS/PPT)',
    sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { name: '7-Zip archive', sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', sig: ascii('Rar!\x1a\x07') },
  { name: 'xz archive', sig: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd archive', sig: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'bzip2 archive', sig: ascii('BZh') },
  { name: 'MP3 audio', sig: ascii('ID3') },
  { name: 'Ogg media', sig: ascii('OggS') },
  { name: 'FLAC audio', sig: ascii('fLaC') },
  { name: 'Matroska/WebM video', sig: [0x1a, 0x45, 0xdf, 0xa3] },
  { name: 'MP4/QuickTime media', sig: ascii('ftyp'), at: 4 },
  { name: 'ELF executable', sig: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'WebAssembly module', sig: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'SQLite database', sig: ascii('SQLite format 3\0') },
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/**
 * Office/EPUB files are ZIPs; naming the real type makes the rejection actionable for whoever uploaded it.
 * Entry names sit in each local header and again in the central directory at the end, so both ends are read.
 */
function zipFlavour(b: Uint8Array): string {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  const head =
    buf.subarray(0, 8192).toString('latin1') + buf.subarray(Math.max(0, b.length - 65536)).toString('latin1');
  if (head.includes('word/document.xml')) return 'DOCX document (ZIP)';
  if (head.includes('xl/')) return 'XLSX spreadsheet (ZIP)';
  if (head.includes('ppt/')) return 'PPTX presentation (ZIP)';
  if (head.includes('application/epub+zip')) return 'EPUB book (ZIP)';
  if (head.includes('application/vnd.oasis.opendocument')) return 'OpenDocument file (ZIP)';
  return 'ZIP archive';
}

export function sniff(b: Uint8Array): Sniffed {
  if (startsWith(b, [0x1f, 0x8b])) return { kind: 'gzip' };
  if (startsWith(b, ZIP_LOCAL_HEADER) || startsWith(b, ZIP_EMPTY)) {
    const name = zipFlavour(b);
    return name.startsWith('DOCX') ? { kind: 'docx' } : { kind: 'unsupported', name };
  }
  if (startsWith(b, ascii('%PDF'))) return { kind: 'pdf' };
  if (startsWith(b, ascii('RIFF')) && b.length >= 12) {
    const form = String.fromCharCode(...b.subarray(8, 12));
    const name =
      form === 'WEBP'
        ? 'WebP image'
        : form === 'WAVE'
          ? 'WAV audio'
          : form === 'AVI '
            ? 'AVI video'
            : 'RIFF media';
    return { kind: 'unsupported', name };
  }
  for (const s of SIGNATURES)
    if (startsWith(b, s.sig, s.at ?? 0)) return { kind: 'unsupported', name: s.name };
  return { kind: 'maybe-text' };
}

const BLOCK_TAG =
  /<(?:p|div|br|li|ul|ol|table|tr|td|h[1-6]|article|section|header|footer|nav|main|span|a|img|meta|link|script|style)\b[^>]*>/gi;

/** HTML when it declares itself, or when ordinary markup recurs often enough that it cannot be prose about tags. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\s+/, '');
  if (/^<!doctype\s+html/i.test(head)) return true;
  if (/<html[\s>]|<head[\s>]|<body[\s>]/i.test(head)) return true;
  if (/^<\?xml[^>]*>\s*(?:<!doctype\s+html|<html)/i.test(head)) return true;
  const sample = text.slice(0, 65536);
  const opening = sample.match(BLOCK_TAG)?.length ?? 0;
  const closing = sample.match(/<\/(?:p|div|li|h[1-6]|td|span|a|section|article)>/gi)?.length ?? 0;
  return opening >= 3 && closing >= 2;
}

/** SVG is XML text, so the byte sniffing cannot see it; it is an image all the same. */
export function looksLikeSvg(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+svg[^>]*>\s*)?<svg[\s>]/i.test(
    text.slice(0, 2048),
  );
}

/** What a decoded text document is, told from its content; the file name and declared type are not trusted. */
export type TextFormat = 'html' | 'rss' | 'atom' | 'json' | 'markdown' | 'svg' | 'text';

/** The name of the first element, after the XML prolog, comments, processing instructions and doctype. */
export function rootElementName(text: string): string | undefined {
  const head = text.slice(0, 8192).replace(/^\s+/, '');
  if (!head.startsWith('<')) return undefined;
  const rest = head.replace(
    /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*/i,
    '',
  );
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
}

/** RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom, by their root element. */
export function feedKind(text: string): 'rss' | 'atom' | undefined {
  const root = rootElementName(text)?.toLowerCase();
  if (!root) return undefined;
  if (root === 'rss' || (root === 'rdf:rdf' && /<(?:\w+:)?channel[\s>]/i.test(text.slice(0, 65536))))
    return 'rss';
  if (
    (root === 'feed' || root.endsWith(':feed')) &&
    /http:\/\/www\.w3\.org\/2005\/Atom|<entry[\s>]/i.test(text.slice(0, 65536))
  )
    return 'atom';
  return undefined;
}

/** A JSON document: a top-level object or array that parses. */
function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']')))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The YAML front matter block at the very start, if there is one. */
export function frontMatterBlock(text: string): { yaml: string; rest: string } | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  return { yaml: m[1] ?? '', rest: text.slice(m[0].length) };
}

const FRONT_MATTER_KEY =
  /^(?:title|description|author|authors|date|tags|categories|category|layout|slug|lang|draft|summary|subtitle|published|updated|section|canonical_url|canonical|image)\s*:/im;

/**
 * Markdown only when it clearly is: front matter with article keys, or several kinds of Markdown syntax
 * together (ATX headings, inline links, fenced code, emphasis, quotes, images). Plain-text dumps with a
 * stray bullet or a "----" rule stay text.
 */
export function looksLikeMarkdown(text: string): boolean {
  const fm = frontMatterBlock(text);
  if (fm && FRONT_MATTER_KEY.test(fm.yaml)) return true;
  const sample = text.slice(0, 65536);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const headings = count(/^#{1,6}[ \t]+\S.*$/gm);
  const links = count(/\[[^\]\n]{1,200}\]\((?:https?:\/\/|mailto:|\/|#|\.\.?\/)[^)\s]*(?:\s+"[^"\n]*")?\)/g);
  const fences = Math.floor(count(/^(?:```|~~~)/gm) / 2);
  const strong = count(/(?:\*\*|__)[^*_\n]{1,120}(?:\*\*|__)/g);
  const quotes = count(/^>[ \t]?\S/gm);
  const images = count(/!\[[^\]\n]*\]\([^)\s]+\)/g);
  const strongKinds = [headings, links, fences].filter((n) => n > 0).length;
  const kinds = strongKinds + [strong, quotes, images].filter((n) => n > 0).length;
  const total = headings + links + fences + strong + quotes + images;
  return strongKinds >= 1 && kinds >= 2 && total >= 3;
}

export function detectTextFormat(text: string): TextFormat {
  const fm = frontMatterBlock(text);
  if (fm && FRONT_MATTER_KEY.test(fm.yaml)) return 'markdown';
  const t = text.replace(/^[\s\uFEFF]+/, '');
  if (t.startsWith('<')) {
    const feed = feedKind(t);
    if (feed) return feed;
    if (looksLikeSvg(t)) return 'svg';
  } else if ((t.startsWith('{') || t.startsWith('[')) && looksLikeJson(t)) return 'json';
  if (looksLikeHtml(t)) return 'html';
  if (looksLikeMarkdown(text)) return 'markdown';
  return 'text';
}
