/**
 * Content sniffing. Uploads arrive with whatever name and Content-Type the sender chose, so the format is
 * told from the bytes: magic numbers for formats we refuse, markup cues for HTML.
 */

export type Sniffed = { kind: 'gzip' } | { kind: 'unsupported'; name: string } | { kind: 'maybe-text' };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: ReadonlyArray<{ name: string; sig: readonly number[]; at?: number }> = [
  { name: 'PDF document', sig: ascii('%PDF') },
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

/** Office/EPUB files are ZIPs; naming the real type makes the rejection actionable for whoever uploaded it. */
function zipFlavour(b: Uint8Array): string {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 8192)).toString('latin1');
  if (head.includes('word/')) return 'DOCX document (ZIP)';
  if (head.includes('xl/')) return 'XLSX spreadsheet (ZIP)';
  if (head.includes('ppt/')) return 'PPTX presentation (ZIP)';
  if (head.includes('application/epub+zip')) return 'EPUB book (ZIP)';
  if (head.includes('application/vnd.oasis.opendocument')) return 'OpenDocument file (ZIP)';
  return 'ZIP archive';
}

export function sniff(b: Uint8Array): Sniffed {
  if (startsWith(b, [0x1f, 0x8b])) return { kind: 'gzip' };
  if (startsWith(b, ZIP_LOCAL_HEADER) || startsWith(b, ZIP_EMPTY))
    return { kind: 'unsupported', name: zipFlavour(b) };
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
