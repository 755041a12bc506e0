import type { ApplyResult, ArticleRecord } from '../../shared/core/index-model';
import type { IndexWriter } from '../../shared/stages/index-stage';

/**
 * ArticleIndex.apply's rules (token guard, unchanged check) kept in a Map, for unit tests of the stages.
 * Duplicate detection is tested on the emulator (test/integration/duplicates.test.ts); here there is none.
 */
export class MemoryIndex implements IndexWriter {
  readonly records = new Map<string, ArticleRecord>();
  readonly memberSets = new Map<string, Set<string>>();

  async apply(
    id: string,
    token: string,
    next: (previous: ArticleRecord | undefined) => ArticleRecord | Promise<ArticleRecord>,
    isUnchanged: (previous: ArticleRecord) => boolean = () => false,
  ): Promise<ApplyResult> {
    const previous = this.records.get(id);
    if (previous && previous.versionToken >= token) return { outcome: 'stale', current: previous };
    if (previous && isUnchanged(previous)) return { outcome: 'unchanged', current: previous };
    const record = await next(previous);
    this.records.set(id, record);
    return { outcome: 'applied', record, previous, writeUnits: 1 };
  }

  async addMembers(feedId: string, itemIds: readonly string[]): Promise<void> {
    const set = this.memberSets.get(feedId) ?? new Set();
    for (const id of itemIds) set.add(id);
    this.memberSets.set(feedId, set);
  }

  async members(feedId: string): Promise<string[]> {
    return [...(this.memberSets.get(feedId) ?? [])];
  }

  async get(id: string): Promise<ArticleRecord | undefined> {
    return this.records.get(id);
  }

  async duplicateCandidates() {
    return [];
  }

  async revise() {
    return false;
  }
}
