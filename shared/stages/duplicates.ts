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
}

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
  const candidates = await index.duplicateCandidates(me);
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
