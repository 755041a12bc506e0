import type { RecordView } from './reconcile';

/**
 * Which records `copydesk reprocess` re-runs parse and tag over. Pure; the use case is
 * shared/stages/reprocess.ts.
 */

export type ReprocessStatus = 'indexed' | 'rejected';
export const REPROCESS_STATUSES: readonly ReprocessStatus[] = ['indexed', 'rejected'];

export type Producer = 'parser' | 'tagger';

export interface ReprocessFilter {
  /** Records of these statuses (default: both). */
  statuses: readonly ReprocessStatus[];
  /** Only records written (indexed or rejected) at or after this instant, ISO 8601. */
  since?: string;
  /** Only records made by a parser or tagger older than this version (or that do not say which). */
  olderThan?: { producer: Producer; version: string };
}

/** Reads `parser@2026.12.01` or `tagger@2026.12.01`. */
export function parseOlderThan(value: string): { producer: Producer; version: string } {
  const match = /^(parser|tagger)@(\S+)$/.exec(value.trim());
  if (!match) throw new Error(`expected <parser|tagger>@<version>, got ${JSON.stringify(value)}`);
  return { producer: match[1] as Producer, version: match[2]! };
}

/**
 * Orders version strings part by part, numbers as numbers: 2026.11.29 < 2026.12.1 < 2026.12.10. Versions
 * are compared within one producer (one tagger engine); across engines the order means nothing.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(BigInt(x) - BigInt(y)) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/**
 * Whether a record is chosen. A record that does not say which parser or tagger made it counts as older
 * than any version: it was written before versions were recorded, or it is a rejection (rejections do not
 * carry them), which is what a newer parser or tagger may turn into an article.
 */
export function selectedForReprocess(record: RecordView, filter: ReprocessFilter): boolean {
  if (!(REPROCESS_STATUSES as readonly string[]).includes(record.status)) return false;
  if (!filter.statuses.includes(record.status as ReprocessStatus)) return false;
  if (filter.since && (!record.updatedAt || record.updatedAt < filter.since)) return false;
  if (filter.olderThan) {
    const made = record[filter.olderThan.producer]?.version;
    if (made !== undefined && compareVersions(made, filter.olderThan.version) >= 0) return false;
  }
  return true;
}
