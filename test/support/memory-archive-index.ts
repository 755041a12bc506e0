import {
  ARTICLE_STATUSES,
  dateSortKey,
  type ArticleRecord,
  type ArticleStatus,
} from '../../shared/core/index-model';
import { postingFacetsOf, postingsOf } from '../../shared/core/search-model';
import type { ArchiveIndex } from '../../shared/stages/archive';
import type { ListPage, PostingRead } from '../../shared/stages/search';

/**
 * The search side of ArticleIndex in memory: the same postings (postingsOf), the same list order and
 * paging rules, so the search use case's reading, ranking and bound can be tested on thousands of
 * articles in milliseconds. The DynamoDB adapter itself is tested on the emulator.
 */
export class MemoryArchiveIndex implements ArchiveIndex {
  private readonly lists = new Map<string, PostingRead[]>();
  private readonly byId = new Map<string, ArticleRecord>();
  /** Every list read and posting fetched, for asserting on what a query cost. */
  readonly reads: Array<{ partition: string; items: number }> = [];
  gets = 0;

  add(...records: ArticleRecord[]): this {
    for (const record of records) {
      this.byId.set(record.id, record);
      const facets = postingFacetsOf(record);
      const sortKey = dateSortKey(record.articleDate, record.id);
      for (const { pk, weight } of postingsOf(record)) {
        const list = this.lists.get(pk) ?? [];
        list.push({ id: record.id, sortKey, weight, facets });
        list.sort((a, b) => b.sortKey.localeCompare(a.sortKey));
        this.lists.set(pk, list);
      }
    }
    return this;
  }

  async readList(
    partition: string,
    range: { from: string; to: string },
    limit: number,
    start?: Record<string, unknown>,
  ): Promise<ListPage> {
    const all = (this.lists.get(partition) ?? []).filter(
      (p) => p.sortKey >= range.from && p.sortKey <= range.to,
    );
    const from = start ? Number(start.offset) : 0;
    const postings = all.slice(from, from + limit);
    this.reads.push({ partition, items: postings.length });
    return { postings, ...(from + limit < all.length ? { next: { offset: from + limit } } : {}) };
  }

  async findPostings(refs: ReadonlyArray<{ partition: string; sortKey: string }>) {
    this.gets += refs.length;
    return refs.flatMap((ref) => {
      const found = this.lists.get(ref.partition)?.find((p) => p.sortKey === ref.sortKey);
      return found ? [{ ...found, partition: ref.partition }] : [];
    });
  }

  async records(ids: readonly string[]): Promise<ArticleRecord[]> {
    return ids.flatMap((id) => (this.byId.has(id) ? [this.byId.get(id)!] : []));
  }

  async languages(): Promise<string[]> {
    return [...new Set([...this.byId.values()].map((r) => r.language).filter((l): l is string => !!l))];
  }

  async counts(): Promise<Record<ArticleStatus, number>> {
    const counts = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>;
    for (const r of this.byId.values()) if (r.status in counts) counts[r.status as ArticleStatus] += 1;
    return counts;
  }

  get postingsRead(): number {
    return this.reads.reduce((n, r) => n + r.items, 0);
  }
}
