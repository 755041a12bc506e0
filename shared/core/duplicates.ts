import type { Fingerprints } from './article';
import { hammingDistance } from './tag/fingerprint';

/**
 * Which indexed article another one copies, and the keys that find it. Pure: the adapter stores one small
 * item per key and reads them back.
 *
 *   pk SIMHASH#<band>#<2 hex digits>  sk <next band's 2 hex digits>#<first indexed>#<id>   8 bands of 8 bits
 *   pk EXACT#<sha256>                 sk #<first indexed>#<id>        bodies too short for a SimHash
 *
 * Two SimHashes at most NEAR_DUPLICATE_DISTANCE bits apart share a band whenever at most 7 bits differ
 * (8 bands, pigeonhole), and almost always at 8 (only when every band has exactly one differing bit).
 * Reading a band's whole partition finds them; but a partition holds 1/256 of the archive, so that read
 * grows with it. A large archive is read by probes instead: in each band's partition, the sort keys that
 * start with the next band's bits or any one-bit change of them (9 probes of 1/65,536 of the archive).
 * Within 7 bits a pair is still always found: if every band the two share were followed by one differing
 * in 2 bits or more, they would differ in at least 8. At 8 bits a few per cent more pairs are missed.
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

/** Where one of an article's fingerprint items lives: its partition, and how its sort key starts. */
export interface FingerprintKey {
  pk: string;
  prefix: string;
}

const bandBits = (simhash: string, band: number): string =>
  simhash.slice(band * BAND_HEX_DIGITS, (band + 1) * BAND_HEX_DIGITS);

/** The keys of an article's fingerprint items, which are also where to look for its copies. */
export function fingerprintKeys(
  a: Pick<FingerprintedArticle, 'fingerprints' | 'wordCount'>,
): FingerprintKey[] {
  if (!usesSimhash(a)) return [{ pk: `EXACT#${a.fingerprints.exact}`, prefix: '' }];
  const { simhash } = a.fingerprints;
  return Array.from({ length: SIMHASH_BANDS }, (_, band) => ({
    pk: `SIMHASH#${band}#${bandBits(simhash, band)}`,
    prefix: bandBits(simhash, (band + 1) % SIMHASH_BANDS),
  }));
}

/** The sort key of a fingerprint item: its prefix, then when the article was first indexed (see above). */
export const fingerprintSortKey = (key: FingerprintKey, firstIndexedAt: string, id: string): string =>
  `${key.prefix}#${firstIndexedAt}#${id}`;

/** Each key with its prefix as it is and with every one of its bits flipped: what a probe read asks for. */
export function probeKeys(keys: readonly FingerprintKey[]): FingerprintKey[] {
  return keys.flatMap((key) => {
    if (!key.prefix) return [key];
    const value = parseInt(key.prefix, 16);
    const width = key.prefix.length;
    const flipped = Array.from({ length: width * 4 }, (_, bit) =>
      (value ^ (1 << bit)).toString(16).padStart(width, '0'),
    );
    return [key, ...flipped.map((prefix) => ({ pk: key.pk, prefix }))];
  });
}

/**
 * From this many indexed articles on, probes read less than whole partitions: a band partition then holds
 * about 160 items of some 230 bytes, 4.5 read units eventually consistent, 36 for the 8 bands, which is
 * what the 72 probes cost at their minimum of half a unit each. Below it, whole partitions are cheaper.
 */
export const PROBE_FROM_INDEXED_ARTICLES = 40_000;

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
