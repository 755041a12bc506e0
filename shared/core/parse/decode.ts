import type { Rejection } from '../article';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; rejection: Rejection };

const SAMPLE = 8192;

/**
 * windows-1252's 0x80-0x9F (curly quotes, dashes, euro sign). Node 20's TextDecoder decodes this label as
 * ISO-8859-1, turning those bytes into C1 control characters, so we map them ourselves.
 */
// prettier-ignore
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The labels WHATWG maps to windows-1252 (ISO-8859-1 and ASCII included, as browsers do). */
const CP1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso88591',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
  'iso-ir-100',
  'csisolatin1',
  'ibm819',
  'cp819',
  'ansi_x3.4-1968',
]);

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  if (CP1252_LABELS.has(label.toLowerCase())) return decodeCp1252(bytes);
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    // Unknown label (RangeError) or invalid bytes under `fatal` (TypeError): the caller tries the next candidate.
    return undefined;
  }
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Windows tools still write BOM-less UTF-16; its ASCII range shows as a NUL in every other byte. */
function bomlessUtf16(b: Uint8Array): string | undefined {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The charset a page declares in <meta> or an XML prolog; only consulted when the bytes are not UTF-8. */
export function declaredCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

const isUtf8Label = (l: string): boolean => /^(?:utf-?8|unicode-1-1-utf-8)$/i.test(l);

/**
 * A page that says UTF-8 but carries a few broken bytes is still UTF-8 (a truncated multibyte character, a
 * pasted Latin-1 quote); one whose non-ASCII bytes are mostly invalid was written in a legacy code page.
 */
function mostlyUtf8(lossy: string): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  return good > bad * 2;
}

function hasNul(b: Uint8Array): boolean {
  const n = Math.min(b.length, SAMPLE);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

/** Control characters other than tab/newline/CR/FF (C0, DEL, and C1 from undefined code-page bytes). */
function controlShare(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return 0;
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) ctl++;
  }
  return ctl / n;
}

const binary = (message: string): Decoded => ({ ok: false, rejection: { code: 'BINARY', message } });

export function decodeText(bytes: Uint8Array): Decoded {
  const done = (text: string | undefined, encoding: string): Decoded => {
    if (text === undefined) return binary(`bytes could not be decoded as ${encoding}`);
    if (controlShare(text) > 0.02)
      return binary(`too many control characters for text (decoded as ${encoding})`);
    return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
  };

  const bom = bomEncoding(bytes);
  if (bom) return done(tryDecode(bom, bytes, false), bom);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return done(tryDecode(utf16, bytes, false), utf16);
  if (hasNul(bytes)) return binary('contains NUL bytes, so it is not text');

  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== undefined) return done(utf8, 'utf-8');

  const declared = declaredCharset(bytes);
  if (declared && !isUtf8Label(declared)) {
    const text = tryDecode(declared, bytes, false);
    if (text !== undefined) return done(text, declared);
  }
  const lossy = tryDecode('utf-8', bytes, false) ?? '';
  if (mostlyUtf8(lossy)) return done(lossy, 'utf-8 (lossy)');
  return done(tryDecode('windows-1252', bytes, false), 'windows-1252');
}
