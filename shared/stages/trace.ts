import type { ArticleRecord, HistoryEntry } from '../core/index-model';
import { articleIdOfIdOrKey } from '../core/record-keys';
import { STAGES, type StageName } from '../topology';
import { NotFoundError } from './archive-api';

/** One line a stage function wrote, as its log stores it. */
export interface FunctionLogEvent {
  stage: StageName;
  /** When the log received it (ms since the epoch); the line's own timestamp is preferred. */
  timestamp: number;
  message: string;
}

/** The stage functions' logs (CloudWatch Logs on AWS and on the emulator). */
export interface FunctionLogReader {
  /** Lines of any stage function that contain the term, from `since` on. */
  eventsMentioning(term: string, since: Date): Promise<FunctionLogEvent[]>;
}

export interface TraceRecordReader {
  get(id: string): Promise<ArticleRecord | undefined>;
}

export interface TraceDeps {
  records: TraceRecordReader;
  logs: FunctionLogReader;
  now?: () => Date;
}

/** One of the article's log lines: a stage's log line, or a metric it emitted (an EMF line). */
export interface TraceLine {
  time: string;
  stage: StageName;
  level: string;
  message: string;
  objectKey?: string;
  versionToken?: string;
  /** The rest of the line's own fields (outcome, kind, code, version, ...). */
  fields: Record<string, unknown>;
}

/** What one stage did with the article: when, for which versions, and what came of the last one. */
export interface StageTrace {
  stage: StageName;
  first: string;
  last: string;
  versionTokens: string[];
  outcome?: string;
  lines: number;
}

export interface ArticleTrace {
  id: string;
  objectKey?: string;
  record?: Pick<ArticleRecord, 'status' | 'version' | 'versionToken' | 'firstIndexedAt' | 'updatedAt'> & {
    rejection?: string;
  };
  history: HistoryEntry[];
  /** Log lines were read from this time on. */
  since: string;
  stages: StageTrace[];
  lines: TraceLine[];
}

/** Parse and tag run before the index's first write: read the logs from this long before it. */
export const TRACE_LEAD_MS = 15 * 60_000;
/** With no record (still on its way, or never indexed) the logs of the last day are read. */
export const UNRECORDED_LOOKBACK_MS = 24 * 3600_000;

/** Keys of a log line that TraceLine holds in fields of its own, or that every line repeats. */
const OWN_KEYS = new Set([
  'level',
  'message',
  'timestamp',
  'stage',
  'articleId',
  'objectKey',
  'versionToken',
]);
const REPEATED_KEYS = new Set([
  'function_request_id',
  'xray_trace_id',
  'service',
  'cold_start',
  'sampling_rate',
]);

/**
 * `copydesk trace <id | object key>`: the article's record and history, and every line the stage
 * functions logged about it, merged in time order and summed up per stage.
 */
export async function traceArticle(idOrKey: string, deps: TraceDeps): Promise<ArticleTrace> {
  const id = articleIdOfIdOrKey(idOrKey);
  const now = deps.now?.() ?? new Date();
  const record = await deps.records.get(id);
  const since = new Date(
    record ? earliestTime(record) - TRACE_LEAD_MS : now.getTime() - UNRECORDED_LOOKBACK_MS,
  );
  const events = await deps.logs.eventsMentioning(id, since);
  const lines = events
    .map((event) => traceLineOf(event, id))
    .filter((line): line is TraceLine => line !== undefined)
    .sort((a, b) => a.time.localeCompare(b.time) || STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  if (!record && lines.length === 0)
    throw new NotFoundError(
      `no article ${id}: no record, and no stage logged it since ${since.toISOString()}`,
    );
  return {
    id,
    objectKey: record?.source.key ?? lines.find((l) => l.objectKey)?.objectKey ?? keyOf(idOrKey),
    ...(record
      ? {
          record: {
            status: record.status,
            version: record.version,
            versionToken: record.versionToken,
            firstIndexedAt: record.firstIndexedAt,
            updatedAt: record.updatedAt,
            ...(record.rejection ? { rejection: record.rejection.code } : {}),
          },
        }
      : {}),
    history: record?.history ?? [],
    since: since.toISOString(),
    stages: summarize(lines),
    lines,
  };
}

const keyOf = (idOrKey: string) => (idOrKey.includes('/') ? idOrKey : undefined);

function earliestTime(record: ArticleRecord): number {
  const times = [record.firstIndexedAt, record.updatedAt, ...(record.history ?? []).map((h) => h.at)]
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t));
  return Math.min(...times);
}

/** A JSON log line about this article (its articleId field, not merely the id somewhere in the text). */
function traceLineOf(event: FunctionLogEvent, id: string): TraceLine | undefined {
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(event.message) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!line || typeof line !== 'object' || line.articleId !== id) return undefined;
  const fields = Object.fromEntries(
    Object.entries(line).filter(([key]) => !OWN_KEYS.has(key) && !REPEATED_KEYS.has(key) && key !== '_aws'),
  );
  const metric = metricOf(line);
  const time =
    typeof line.timestamp === 'string'
      ? line.timestamp
      : new Date(metric?.timestamp ?? event.timestamp).toISOString();
  return {
    time,
    stage: STAGES.includes(line.stage as StageName) ? (line.stage as StageName) : event.stage,
    level: metric ? 'METRIC' : String(line.level ?? 'INFO'),
    message: metric
      ? metric.names.map((n) => `${n}=${String(line[n])}${unitOf(line, n)}`).join(' ')
      : String(line.message ?? ''),
    ...(typeof line.objectKey === 'string' ? { objectKey: line.objectKey } : {}),
    ...(typeof line.versionToken === 'string' ? { versionToken: line.versionToken } : {}),
    fields: metric
      ? Object.fromEntries(Object.entries(fields).filter(([k]) => !metric.names.includes(k)))
      : fields,
  };
}

type EmfDirective = {
  Timestamp?: number;
  CloudWatchMetrics?: Array<{ Metrics?: Array<{ Name: string; Unit?: string }> }>;
};

function metricOf(line: Record<string, unknown>): { timestamp?: number; names: string[] } | undefined {
  const emf = line._aws as EmfDirective | undefined;
  if (!emf?.CloudWatchMetrics) return undefined;
  return {
    timestamp: emf.Timestamp,
    names: emf.CloudWatchMetrics.flatMap((m) => (m.Metrics ?? []).map((metric) => metric.Name)),
  };
}

function unitOf(line: Record<string, unknown>, name: string): string {
  const emf = line._aws as EmfDirective;
  const unit = emf.CloudWatchMetrics?.flatMap((m) => m.Metrics ?? []).find((m) => m.Name === name)?.Unit;
  return unit === 'Milliseconds' ? ' ms' : '';
}

function summarize(lines: TraceLine[]): StageTrace[] {
  return STAGES.flatMap((stage) => {
    const own = lines.filter((l) => l.stage === stage);
    if (!own.length) return [];
    const last = [...own].reverse().find((l) => l.level === 'ERROR' || typeof l.fields.outcome === 'string');
    return [
      {
        stage,
        first: own[0]!.time,
        last: own[own.length - 1]!.time,
        versionTokens: [...new Set(own.flatMap((l) => (l.versionToken ? [l.versionToken] : [])))],
        ...(last ? { outcome: outcomeOf(last) } : {}),
        lines: own.length,
      },
    ];
  });
}

/** The index says what it did with which kind of message ("upsert applied"); the others, what they did. */
function outcomeOf(line: TraceLine): string {
  const outcome = String(line.fields.outcome ?? (line.level === 'ERROR' ? 'failed' : ''));
  const detail = line.fields.code ?? line.fields.reason;
  const kind = line.stage === 'index' && typeof line.fields.kind === 'string' ? `${line.fields.kind} ` : '';
  return `${kind}${outcome}${detail ? ` ${String(detail)}` : ''}`;
}
