import { createHash } from 'node:crypto';
import type { Fingerprints, ParsedArticle } from '../article';

/**
 * Exact and near-duplicate fingerprints. Both read one normalized text, so two copies that differ only in
 * Unicode form, case, quotes, punctuation or whitespace share the exact fingerprint and the same SimHash.
 */

/**
 * Words per shingle. Measured on the trafilatura corpus (bench/duplicates.ts): pairs (two words) keep
 * distinct articles as far apart as triples do, while a one-word edit or an added paragraph moves fewer
 * of them, so copies land nearer; single words let unrelated articles on one topic come close.
 */
export const SHINGLE_WORDS = 2;

/**
 * NFKC, case-folded, punctuation and symbols dropped, whitespace collapsed. Lower-casing alone is not a
 * case fold: an all-caps headline spells "GROSSE" for "große" and ends words in Σ, not ς.
 */
export function normalizeForFingerprint(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function fingerprintArticle(article: ParsedArticle): Fingerprints {
  const title = normalizeForFingerprint(article.title);
  const body = normalizeForFingerprint(article.body.text);
  return {
    exact: createHash('sha256').update(`${title}\n${body}`).digest('hex'),
    simhash: simhash(words(body)),
  };
}

// Scripts written without spaces need a dictionary segmenter; everything else splits on spaces, which is
// far faster on a long page and gives the same words for already-normalized text.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;

/** The words of normalized text, segmented per whitespace run so one CJK phrase never shifts the rest. */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const run of normalized.split(' ')) {
    if (!run) continue;
    if (!UNSPACED.test(run)) {
      out.push(run);
      continue;
    }
    segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
    for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/**
 * Charikar's SimHash over word shingles (one shingle of all the words when there are fewer). Each shingle
 * votes on 64 bits through a 64-bit hash built from two 32-bit MurmurHash3 lanes over its words' hashes.
 */
export function simhash(tokens: readonly string[]): string {
  if (tokens.length === 0) return '0'.repeat(16);
  const wordHashes = tokens.map(hashWord);
  const width = Math.min(SHINGLE_WORDS, wordHashes.length);
  const votes = new Int32Array(64);
  for (let i = 0; i + width <= wordHashes.length; i++) {
    let hi = 0x9747b28c;
    let lo = 0x5bd1e995;
    for (let j = 0; j < width; j++) {
      hi = murmurStep(hi, wordHashes[i + j]!);
      lo = murmurStep(lo, wordHashes[i + j]!);
    }
    hi = fmix32(hi ^ width);
    lo = fmix32(lo ^ width);
    for (let b = 0; b < 32; b++) {
      votes[b] = votes[b]! + ((hi >>> b) & 1 ? 1 : -1);
      votes[32 + b] = votes[32 + b]! + ((lo >>> b) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (votes[b]! > 0) hi |= 1 << b;
    if (votes[32 + b]! > 0) lo |= 1 << b;
  }
  return hex32(hi) + hex32(lo);
}

/** Bits in which two 16-hex-digit SimHashes differ (0..64). */
export function hammingDistance(a: string, b: string): number {
  return (
    popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8, 16), 16) ^ parseInt(b.slice(8, 16), 16))
  );
}

/** FNV-1a over UTF-16 code units, then MurmurHash3's finalizer so every input bit reaches every output bit. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** One 32-bit block of MurmurHash3 x86_32. */
function murmurStep(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
