import type { Fingerprints } from './article';
import { hammingDistance } from './tag/fingerprint';

/**
 * Which indexed article another one copies, and the keys that find it. Pure: the adapter stores one small
 * item per key and reads the partitions back.
 *
 *   pk SIMHASH#<band>#<2 hex digits>  sk ARTICLE#<id>   8 bands of 8 bits of the SimHash (long bodies)
 *   pk EXACT#<sha256>                 sk ARTICLE#<id>   the exact fingerprint (bodies too short for SimHash)
 *
 * Two SimHashes at most NEAR_DUPLICATE_DISTANCE bits apart share a band whenever at most 7 bits differ
 * (8 bands, pigeonhole), and almost always at 8 (only when every band has exactly one differing bit).
 * Separate put-once items, not a counter or a set on a shared item: concurrent writers never
 * read-modify-write the same item.
 */

/**
 * Bits of 64 two SimHashes may differ in and still be one story. Chosen on bench/duplicates.ts: no two
 * distinct articles of the trafilatura corpus (499,500 pairs) come within 13 bits except real copies,
 * while a changed word stays within 8 bits for 99.8% of articles and a paragraph added or dropped for
 * 96% and 84%.
 */
export const NEAR_DUPLICATE_DISTANCE = 8;
/**
 * A body shorter than this has too few shingles for its SimHash to say anything (and short bodies such as
 * "Read more" repeat across unrelated feed items): such an article is matched on its exact fingerprint only.
 */
export const MIN_NEAR_DUPLICATE_WORDS = 50;
export const SIMHASH_BANDS = 8;
const BAND_HEX_DIGITS = 16 / SIMHASH_BANDS;

export type DuplicateKind = 'exact' | 'near';
export interface DuplicateOf {
  id: string;
  kind: DuplicateKind;
  /** SimHash bits that differ (0 for an exact copy). */
  distance: number;
}

/** What the index needs to know of an article to match it. */
export interface FingerprintedArticle {
  id: string;
  firstIndexedAt: string;
  fingerprints: Fingerprints;
  wordCount?: number;
}

export const usesSimhash = (a: Pick<FingerprintedArticle, 'wordCount'>): boolean =>
  (a.wordCount ?? 0) >= MIN_NEAR_DUPLICATE_WORDS;

/** The partitions an article's fingerprint items live in, and where to look for its copies. */
export function fingerprintPartitions(a: Pick<FingerprintedArticle, 'fingerprints' | 'wordCount'>): string[] {
  if (!usesSimhash(a)) return [`EXACT#${a.fingerprints.exact}`];
  return Array.from(
    { length: SIMHASH_BANDS },
    (_, band) =>
      `SIMHASH#${band}#${a.fingerprints.simhash.slice(band * BAND_HEX_DIGITS, (band + 1) * BAND_HEX_DIGITS)}`,
  );
}

/** The earlier of two articles: first indexed first, ties by id, so every writer agrees on the original. */
export const isEarlier = (a: FingerprintedArticle, b: FingerprintedArticle): boolean =>
  a.firstIndexedAt < b.firstIndexedAt || (a.firstIndexedAt === b.firstIndexedAt && a.id < b.id);

/** How `article` relates to `other`, if it is a copy of it at all. */
export function matchOf(article: FingerprintedArticle, other: FingerprintedArticle): DuplicateOf | undefined {
  if (other.id === article.id) return undefined;
  if (other.fingerprints.exact === article.fingerprints.exact)
    return { id: other.id, kind: 'exact', distance: 0 };
  if (!usesSimhash(article) || !usesSimhash(other)) return undefined;
  const distance = hammingDistance(article.fingerprints.simhash, other.fingerprints.simhash);
  return distance <= NEAR_DUPLICATE_DISTANCE ? { id: other.id, kind: 'near', distance } : undefined;
}

/** The earliest of the candidates that `article` copies, or undefined when it is the first of its story. */
export function originalOf(
  article: FingerprintedArticle,
  candidates: readonly FingerprintedArticle[],
): DuplicateOf | undefined {
  let best: { candidate: FingerprintedArticle; match: DuplicateOf } | undefined;
  for (const candidate of candidates) {
    if (!isEarlier(candidate, article)) continue;
    const match = matchOf(article, candidate);
    if (match && (!best || isEarlier(candidate, best.candidate))) best = { candidate, match };
  }
  return best?.match;
}
