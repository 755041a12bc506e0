import {
  isEarlier,
  matchOf,
  originalOf,
  type DuplicateOf,
  type FingerprintedArticle,
} from '../core/duplicates';
import { withHistory, type ArticleRecord } from '../core/index-model';

/**
 * Strongly consistent reads cost twice as much. The look before the write may miss a copy written a moment
 * ago; the look after it (settleDuplicates) must not, so only that one pays for consistency.
 */
export interface CandidateReadOptions {
  consistentRead: boolean;
  /** Only articles first indexed at or after this ISO time; all of them when unset. */
  indexedSince?: string;
}

/**
 * How long before the look after the write a copy may have been written unseen by the look before it:
 * the time between an article's two looks, plus how long an eventually consistent read may lag, with a
 * wide margin (a slow batch, a retried transaction).
 */
export const SETTLE_WINDOW_MS = 5 * 60_000;

/** The slice of ArticleIndex duplicate detection uses. */
export interface DuplicateIndex {
  /** Indexed articles sharing a fingerprint partition with this one. */
  duplicateCandidates(
    article: Pick<FingerprintedArticle, 'fingerprints' | 'wordCount'>,
    options?: CandidateReadOptions,
  ): Promise<FingerprintedArticle[]>;
  /** Rewrites a record's current version; `change` returns undefined to leave it as it is. */
  revise(id: string, change: (current: ArticleRecord) => ArticleRecord | undefined): Promise<boolean>;
}

const fingerprinted = (record: ArticleRecord): FingerprintedArticle | undefined =>
  record.status === 'indexed' && record.fingerprints
    ? {
        id: record.id,
        firstIndexedAt: record.firstIndexedAt,
        fingerprints: record.fingerprints,
        wordCount: record.wordCount,
      }
    : undefined;

/** The record as it should be written: marked as a copy of the earliest indexed article it copies. */
export async function withOriginal(record: ArticleRecord, index: DuplicateIndex): Promise<ArticleRecord> {
  const me = fingerprinted(record);
  if (!me) return record;
  const duplicateOf = originalOf(me, await index.duplicateCandidates(me, { consistentRead: false }));
  return duplicateOf ? { ...record, duplicateOf } : record;
}

/**
 * After the write: two copies indexed at the same moment may each have looked before the other was
 * written, and then neither says it is a copy. Looking again once this one is written, whichever of them
 * looks last sees the other, and marks the later of the two (itself or the other). Revisions only ever
 * add a missing mark, so two writers settling the same pair agree.
 */
export async function settleDuplicates(
  record: ArticleRecord,
  index: DuplicateIndex,
  now: () => Date = () => new Date(),
): Promise<void> {
  const marked = (current: ArticleRecord, duplicateOf: DuplicateOf): ArticleRecord => ({
    ...current,
    duplicateOf,
    history: withHistory(current.history, {
      at: now().toISOString(),
      event: 'duplicate-found',
      version: current.version,
      versionToken: current.versionToken,
    }),
  });
  const me = fingerprinted(record);
  if (!me) return;
  // Copies indexed before this one were there for the look before the write, unless they came within the
  // window; copies indexed after it have a later firstIndexedAt. Older items need no second read.
  const windowStart = new Date(now().getTime() - SETTLE_WINDOW_MS).toISOString();
  const indexedSince = me.firstIndexedAt < windowStart ? me.firstIndexedAt : windowStart;
  const candidates = await index.duplicateCandidates(me, { consistentRead: true, indexedSince });
  const mine = record.duplicateOf ? undefined : originalOf(me, candidates);
  if (mine) {
    await index.revise(me.id, (current) =>
      current.versionToken === record.versionToken && !current.duplicateOf
        ? marked(current, mine)
        : undefined,
    );
  }
  for (const later of candidates) {
    if (!isEarlier(me, later)) continue;
    const match = matchOf(later, me);
    if (!match) continue;
    await index.revise(later.id, (current) =>
      current.status === 'indexed' &&
      !current.duplicateOf &&
      current.fingerprints?.simhash === later.fingerprints.simhash &&
      current.fingerprints.exact === later.fingerprints.exact
        ? marked(current, match)
        : undefined,
    );
  }
}
