import type { ArticleRecord } from '../shared/core/index-model';
import type { ArticleView, SearchHit, SearchResponse, StatusResponse } from '../shared/stages/archive-api';
import { STAGES } from '../shared/topology';

/** Human-readable renderings; `--json` output bypasses these entirely and prints the API's shapes. */

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
  // Names only in photo captions may belong to another story; they are listed apart and not searched by.
  const inCaptions = entities.filter((e) => e.captionOnly).map((e) => e.name);
  if (inCaptions.length) lines.push(`  captions  ${inCaptions.join(', ')}`);
  if (record.topics?.length) lines.push(`  topics    ${record.topics.map((t) => t.label).join(', ')}`);
  if (record.keyPhrases?.length) lines.push(`  tags      ${record.keyPhrases.join(', ')}`);
  return lines.join('\n');
}

const copyOf = (d: NonNullable<ArticleRecord['duplicateOf']>) =>
  `${d.id} (${d.kind === 'exact' ? 'exact copy' : `near copy, ${d.distance} of 64 bits differ`})`;

export function formatArticleView(view: ArticleView): string {
  const lines = [formatRecord(view.article)];
  if (view.duplicates.copies.length)
    lines.push(`  copies    ${view.duplicates.copies.map((c) => c.id).join(', ')}`);
  if (view.history.length) {
    lines.push('  history');
    for (const h of view.history) lines.push(`    ${h.at}  ${h.event} (version ${h.version})`);
  }
  return lines.join('\n');
}

function formatHit(s: SearchHit): string {
  const flags = [
    s.status === 'indexed' ? '' : `[${s.status}] `,
    s.title ?? s.source.key,
    s.rejection ? `  ${s.rejection.code}: ${s.rejection.message}` : '',
    s.duplicateOf ? `  [copy of ${s.duplicateOf.id}]` : '',
  ].join('');
  return `${s.articleDate.slice(0, 10)}  ${s.id}  ${(s.section ?? '-').padEnd(12).slice(0, 12)}  ${flags}`;
}

export function formatSearch(response: SearchResponse): string {
  if (response.items.length === 0) return 'no articles match';
  const rows = response.items.map(formatHit);
  const total = response.complete
    ? `${response.total} match${response.total === 1 ? '' : 'es'}`
    : `${response.total}+ matches (every match since ${response.coveredFrom}; older ones were not read)`;
  rows.push('', total);
  const { entities, places, topics, months } = response.facets;
  const top = (label: string, counts: typeof entities) =>
    counts.length &&
    rows.push(
      `  ${label.padEnd(9)} ${counts
        .slice(0, 5)
        .map((c) => `${c.label ?? c.value} (${c.count})`)
        .join(', ')}`,
    );
  top('entities', entities);
  top('places', places);
  top('topics', topics);
  top('months', months);
  if (response.cursor) rows.push(`(more: --cursor ${response.cursor})`);
  return rows.join('\n');
}

export function formatStatus(status: StatusResponse): string {
  const lines = ['queue      waiting  dead-lettered'];
  for (const stage of STAGES) {
    const q = status.queues[stage] ?? { waiting: 0, deadLettered: 0 };
    lines.push(
      `${stage.padEnd(9)}  ${String(q.waiting).padStart(7)}  ${String(q.deadLettered).padStart(13)}`,
    );
  }
  const { indexed, rejected, deleted } = status.articles;
  lines.push('', `articles   indexed ${indexed}, rejected ${rejected}, deleted ${deleted}`);
  if (status.newest)
    lines.push(
      `newest     ${status.newest.articleDate.slice(0, 10)} ${status.newest.title ?? status.newest.id}`,
    );
  const deadLettered = STAGES.reduce((n, s) => n + (status.queues[s]?.deadLettered ?? 0), 0);
  if (deadLettered > 0)
    lines.push(`warning: ${deadLettered} message(s) in dead-letter queues need attention`);
  if (rejected) lines.push('rejected articles and their reasons: copydesk query --status rejected');
  return lines.join('\n');
}
