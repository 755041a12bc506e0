import chardet from 'chardet';
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

/** Names in the wild that the WHATWG Encoding Standard (and so TextDecoder) spells differently. */
const LABEL_ALIASES: Record<string, string> = {
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  ms_kanji: 'shift_jis',
  sjis: 'shift_jis',
  'x-ms-cp932': 'shift_jis',
  cp936: 'gbk',
  ms936: 'gbk',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb2312',
  cp949: 'euc-kr',
  uhc: 'euc-kr',
  ks_c_5601: 'euc-kr',
  'big5-hkscs': 'big5',
  cp950: 'big5',
  'x-euc-tw': 'big5',
  'iso-8859-8': 'iso-8859-8-i',
};

/** chardet's names for what it detects, as TextDecoder labels. */
const CHARDET_LABELS: Record<string, string> = {
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'ISO-2022-JP': 'iso-2022-jp',
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-KR': 'euc-kr',
  'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8-i',
  'ISO-8859-9': 'windows-1254',
};

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  const lower = label.toLowerCase();
  if (CP1252_LABELS.has(lower)) return decodeCp1252(bytes);
  try {
    return new TextDecoder(LABEL_ALIASES[lower] ?? lower, { fatal }).decode(bytes);
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

/** ISO-2022-JP is 7-bit, so it passes for ASCII (and UTF-8); its escape sequences give it away. */
function looksLikeIso2022Jp(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  let escapes = 0;
  for (let i = 0; i < n - 2; i++) {
    const c = b[i]!;
    if (c >= 0x80) return false;
    if (
      c === 0x1b &&
      ((b[i + 1] === 0x24 && (b[i + 2] === 0x42 || b[i + 2] === 0x40)) ||
        (b[i + 1] === 0x28 && b[i + 2] === 0x4a))
    )
      escapes++;
  }
  return escapes > 0;
}

/** The charset parameter of a Content-Type ("text/html; charset=Shift_JIS"). */
export function contentTypeCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([\w:.-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/**
 * How much a decoding reads like text: non-ASCII characters should be letters of one script (mojibake
 * mixes symbols and scripts), and a Latin text is mostly ASCII letters (a Cyrillic text read as Latin-1
 * is nearly all accented letters).
 */
export function plausibility(text: string): number {
  const sample = text.slice(0, 20000);
  let ascii = 0;
  let nonAscii = 0;
  let letters = 0;
  const perScript = new Map<string, number>();
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if (/[A-Za-z]/.test(ch)) ascii++;
      continue;
    }
    if (c === 0xfffd) return 0;
    nonAscii++;
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    perScript.set(script, (perScript.get(script) ?? 0) + 1);
  }
  if (nonAscii === 0) return 1;
  const [dominant, count] = [...perScript.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  const punctuation =
    /[\u2018-\u201f\u2026\u2013\u2014\u00a0\u00ab\u00bb\u3000-\u303f\uff00-\uffef\u00b7\u00b0\u20ac]/gu;
  const punct = sample.match(punctuation)?.length ?? 0;
  let score = (count + Math.min(punct, nonAscii - letters)) / nonAscii;
  if (dominant === 'Latin' && count > ascii * 0.5) score *= 0.3;
  return score;
}

/** An undeclared legacy encoding, as chardet ranks it, checked by decoding. */
function detectLegacy(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  const sample = bytes.subarray(0, 65536);
  let candidates: Array<{ name: string; confidence: number }>;
  try {
    candidates = chardet.analyse(sample);
  } catch {
    return undefined;
  }
  let best: { text: string; encoding: string; score: number } | undefined;
  for (const c of candidates.slice(0, 6)) {
    const label = CHARDET_LABELS[c.name];
    if (!label || c.confidence < 10) continue;
    // Multi-byte encodings must decode cleanly; single-byte ones always decode, so plausibility decides.
    const multiByte = /jis|euc|gb|big5|2022/i.test(label);
    const text = tryDecode(label, bytes, multiByte);
    if (text === undefined || controlShare(text) > 0.02) continue;
    const score = (c.confidence / 100) * 0.6 + plausibility(text) * 0.4;
    if (!best || score > best.score) best = { text, encoding: label, score };
  }
  return best && best.score >= 0.35 ? best : undefined;
}

export interface DecodeHints {
  /** The Content-Type the object was stored with; its charset counts as a declaration. */
  contentType?: string;
}

export function decodeText(bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
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
  if (looksLikeIso2022Jp(bytes)) return done(tryDecode('iso-2022-jp', bytes, false), 'iso-2022-jp');

  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== undefined) return done(utf8, 'utf-8');

  // Only bytes that are not UTF-8 get here: a declaration (in the document, or the stored Content-Type)
  // names the legacy encoding; without one, it is detected.
  for (const declared of [declaredCharset(bytes), contentTypeCharset(hints.contentType)]) {
    if (!declared || isUtf8Label(declared)) continue;
    const text = tryDecode(declared, bytes, false);
    if (text !== undefined) return done(text, declared);
  }
  const lossy = tryDecode('utf-8', bytes, false) ?? '';
  if (mostlyUtf8(lossy)) return done(lossy, 'utf-8 (lossy)');
  const detected = detectLegacy(bytes);
  if (detected) return done(detected.text, `${detected.encoding} (detected)`);
  return done(tryDecode('windows-1252', bytes, false), 'windows-1252');
}
