import type { ArticleRecord, ArticleSummary } from '../shared/core/index-model';

/** Human-readable renderings; `--json` output bypasses these entirely. */

export function formatRecord(record: ArticleRecord): string {
  const lines = [
    `${record.title ?? '(no title)'}`,
    `  id        ${record.id}`,
    `  status    ${record.status}${record.rejection ? ` (${record.rejection.code}: ${record.rejection.message})` : ''}`,
    `  version   ${record.version}`,
    `  source    s3://${record.source.bucket}/${record.source.key} [${record.sourceName}]`,
  ];
  if (record.section) lines.push(`  section   ${record.section}`);
  if (record.language) lines.push(`  language  ${record.language}`);
  if (record.publishedAt) lines.push(`  published ${record.publishedAt}`);
  if (record.authors?.length) lines.push(`  authors   ${record.authors.join(', ')}`);
  lines.push(`  indexed   ${record.firstIndexedAt} (updated ${record.updatedAt})`);
  if (record.deletedAt) lines.push(`  deleted   ${record.deletedAt}`);
  if (record.duplicateOf) lines.push(`  copy of   ${copyOf(record.duplicateOf)}`);
  if (record.wordCount !== undefined) lines.push(`  words     ${record.wordCount}`);
  const entities = record.entities ?? [];
  for (const [type, label] of [
    ['person', 'people'],
    ['organization', 'orgs'],
    ['place', 'places'],
  ] as const) {
    const names = entities.filter((e) => e.type === type && !e.captionOnly).map((e) => e.name);
    if (names.length) lines.push(`  ${label.padEnd(9)} ${names.join(', ')}`);
  }
  // Names only in photo captions may belong to another story; they are listed apart and not indexed.
  const inCaptions = entities.filter((e) => e.captionOnly).map((e) => e.name);
  if (inCaptions.length) lines.push(`  captions  ${inCaptions.join(', ')}`);
  if (record.keyPhrases?.length) lines.push(`  tags      ${record.keyPhrases.join(', ')}`);
  return lines.join('\n');
}

const copyOf = (d: NonNullable<ArticleRecord['duplicateOf']>) =>
  `${d.id} (${d.kind === 'exact' ? 'exact copy' : `near copy, ${d.distance} of 64 bits differ`})`;

export function formatSummaries(items: ArticleSummary[], cursor?: string): string {
  if (items.length === 0) return 'no articles match';
  const rows = items.map(
    (s) =>
      `${s.articleDate.slice(0, 10)}  ${s.id}  ${(s.section ?? '-').padEnd(12).slice(0, 12)}  ${s.status === 'indexed' ? '' : `[${s.status}] `}${s.title ?? s.source.key}${s.rejection ? `  ${s.rejection.code}: ${s.rejection.message}` : ''}${s.duplicateOf ? `  [copy of ${s.duplicateOf.id}]` : ''}`,
  );
  if (cursor) rows.push(`(more: --cursor ${cursor})`);
  return rows.join('\n');
}
