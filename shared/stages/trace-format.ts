import type { ArticleTrace, TraceLine } from './trace';

/** `copydesk trace`'s text: the record, a row per stage, then the article's log lines in time order. */
export function formatTrace(trace: ArticleTrace): string {
  const out: string[] = [`article  ${trace.id}${trace.objectKey ? `  ${trace.objectKey}` : ''}`];
  const r = trace.record;
  out.push(
    r
      ? `record   ${r.status}${r.rejection ? ` ${r.rejection}` : ''}, version ${r.version}, token ${r.versionToken}, first indexed ${r.firstIndexedAt}, updated ${r.updatedAt}`
      : 'record   none yet (not indexed, or still on its way)',
  );
  for (const h of trace.history)
    out.push(`history  ${h.at}  ${h.event} v${h.version}  token ${h.versionToken}`);
  out.push('');
  if (trace.stages.length) {
    const rows = [
      ['stage', 'first', 'last', 'version token', 'outcome'],
      ...trace.stages.map((s) => [
        s.stage,
        s.first,
        s.last,
        s.versionTokens.join(',') || '-',
        s.outcome ?? '-',
      ]),
    ];
    out.push(...table(rows), '');
  }
  out.push(
    trace.lines.length
      ? `log lines since ${trace.since}:`
      : `no log lines since ${trace.since} (logs are kept for a month; the emulator keeps them while it runs)`,
  );
  for (const line of trace.lines) out.push(formatLine(line));
  return out.join('\n');
}

function formatLine(line: TraceLine): string {
  const fields = Object.entries(line.fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return [
    line.time,
    line.stage.padEnd(7),
    line.level.padEnd(6),
    line.message,
    fields,
    line.versionToken ? `[${line.versionToken}]` : '',
  ]
    .filter(Boolean)
    .join('  ');
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
