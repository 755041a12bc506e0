import { Presets, SingleBar } from 'cli-progress';
import { awsClientConfig } from '../../shared/aws/client-config';
import { SqsDeadLetterMover } from '../../shared/aws/dead-letter-mover';
import { DynamoRecordWalker } from '../../shared/aws/index-records';
import { SqsSender } from '../../shared/aws/messaging';
import { queueDepth } from '../../shared/aws/queue-depth';
import { S3RawObjects } from '../../shared/aws/raw-objects';
import { documentClient } from '../../shared/aws/runtime';
import type { S3EventBody } from '../../shared/core/replay-event';
import {
  parseOlderThan,
  REPROCESS_STATUSES,
  type ReprocessFilter,
  type ReprocessStatus,
} from '../../shared/core/reprocess';
import type { ProgressListener } from '../../shared/stages/operation-ports';
import { reconcile, type ReconcileReport } from '../../shared/stages/reconcile';
import { redrive, type StageRedrive } from '../../shared/stages/redrive';
import { reprocess, type ReprocessReport } from '../../shared/stages/reprocess';
import { STAGES, type StageName } from '../../shared/topology';
import { CliError } from '../errors';
import type { Target } from '../target';
import type { Print } from './read';

/**
 * Operator commands for after a crash or an upgrade: `reconcile` (make the index agree with the raw
 * bucket), `redrive` (dead-letter queues back to their stages) and `reprocess` (parse and tag stored
 * objects again). They run the same use cases against the emulator and AWS; only the Target differs.
 * The commands themselves are declared in cli/main.ts.
 */

/** The adapters the use cases run on, from the Target's names and clients. */
async function operationsOn(target: Target) {
  return {
    objects: new S3RawObjects(target.s3, target.names.rawBucket),
    records: new DynamoRecordWalker(documentClient(awsClientConfig()), target.names.table),
    index: target.index,
    parseQueue: new SqsSender<S3EventBody>(target.sqs, await target.stageQueueUrl('parse')),
    bucket: target.names.rawBucket,
  };
}

/**
 * Says on stderr when the pipeline is still busy: what reconcile or reprocess sends then may repeat
 * events still on their way. Harmless (version tokens), but the counts are then about a moving target.
 */
async function warnIfBusy(target: Target): Promise<void> {
  let waiting = 0;
  for (const stage of STAGES) waiting += await queueDepth(target.sqs, await target.stageQueueUrl(stage));
  if (waiting > 0)
    process.stderr.write(
      `copydesk: note: ${waiting} message(s) are still in the pipeline's queues; objects they are about may be re-sent (harmlessly). Run again when \`copydesk status\` shows them empty for an exact picture.\n`,
    );
}

/** Lines of sent keys shown before "… and N more". */
const LISTED = 50;

export async function reconcileCommand(
  target: Target,
  flags: { dryRun?: boolean; json?: boolean },
  print: Print,
): Promise<ReconcileReport> {
  await warnIfBusy(target);
  const bar = progressBar();
  let report: ReconcileReport;
  try {
    report = await reconcile(
      { ...(await operationsOn(target)), onProgress: bar.listener },
      { dryRun: !!flags.dryRun },
    );
  } finally {
    bar.stop();
  }
  if (flags.json) {
    print(JSON.stringify(report, null, 2));
    return report;
  }
  const lines = [
    `objects listed   ${report.objects}`,
    `records          ${report.records}`,
    `re-sent missing  ${report.resentMissing}`,
    `re-sent stale    ${report.resentStale}`,
    `removals sent    ${report.removalsSent}`,
    `in sync          ${report.inSync}`,
  ];
  for (const a of report.actions.slice(0, LISTED)) lines.push(`  ${a.reason.padEnd(8)} ${a.key}`);
  if (report.actions.length > LISTED)
    lines.push(`  … and ${report.actions.length - LISTED} more (--json lists them all)`);
  if (report.dryRun) lines.push('dry run: nothing was sent');
  else if (report.actions.length)
    lines.push('sent to the parse queue: the pipeline settles them (`copydesk status` shows the backlog)');
  print(lines.join('\n'));
  return report;
}

export async function redriveCommand(
  target: Target,
  stageArgument: string,
  flags: { json?: boolean },
  print: Print,
): Promise<StageRedrive[]> {
  const stages: StageName[] =
    stageArgument === 'all'
      ? [...STAGES]
      : (STAGES as readonly string[]).includes(stageArgument)
        ? [stageArgument as StageName]
        : [];
  if (!stages.length)
    throw new CliError(`unknown stage ${JSON.stringify(stageArgument)}: give ${STAGES.join(', ')} or all`, 2);
  const results = await redrive(stages, {
    mover: new SqsDeadLetterMover(target.sqs),
    queues: async (stage) => ({
      url: await target.stageQueueUrl(stage),
      deadLetterUrl: await target.stageQueueUrl(stage, true),
    }),
  });
  if (results.some((r) => r.taskStatus === 'FAILED' || r.failed > 0)) process.exitCode = 1;
  if (flags.json) {
    print(JSON.stringify(results, null, 2));
    return results;
  }
  const lines = results.map((r) => {
    const how = r.path === 'move-task' ? `SQS message move task, ${r.taskStatus}` : 'receive, send, delete';
    const notes = [
      r.failed ? `${r.failed} could not be sent and stay dead-lettered` : '',
      r.failureReason ? `failure: ${r.failureReason}` : '',
      r.taskStatus === 'RUNNING' ? `still running (task ${r.taskHandle ?? '?'}); SQS finishes it` : '',
    ].filter(Boolean);
    return `${r.stage.padEnd(8)} moved ${r.moved} (${how})${notes.length ? `; ${notes.join('; ')}` : ''}`;
  });
  print(lines.join('\n'));
  return results;
}

export interface ReprocessFlags {
  since?: string;
  status?: string;
  olderThanVersion?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** The filter the flags describe; a usage error (exit code 2) when one does not parse. */
export function reprocessFilterFrom(flags: ReprocessFlags): ReprocessFilter {
  if (flags.status !== undefined && !(REPROCESS_STATUSES as readonly string[]).includes(flags.status))
    throw new CliError(`--status must be rejected or indexed, got ${JSON.stringify(flags.status)}`, 2);
  let since: string | undefined;
  if (flags.since !== undefined) {
    const time = Date.parse(flags.since);
    if (Number.isNaN(time))
      throw new CliError(`--since must be an ISO 8601 date, got ${JSON.stringify(flags.since)}`, 2);
    since = new Date(time).toISOString();
  }
  let olderThan: ReprocessFilter['olderThan'];
  if (flags.olderThanVersion !== undefined) {
    try {
      olderThan = parseOlderThan(flags.olderThanVersion);
    } catch (error) {
      throw new CliError(`--older-than-version: ${(error as Error).message}`, 2);
    }
  }
  return {
    statuses: flags.status ? [flags.status as ReprocessStatus] : REPROCESS_STATUSES,
    ...(since ? { since } : {}),
    ...(olderThan ? { olderThan } : {}),
  };
}

export async function reprocessCommand(
  target: Target,
  flags: ReprocessFlags,
  print: Print,
): Promise<ReprocessReport> {
  const filter = reprocessFilterFrom(flags);
  await warnIfBusy(target);
  const bar = progressBar();
  let report: ReprocessReport;
  try {
    report = await reprocess({ ...(await operationsOn(target)), onProgress: bar.listener }, filter, {
      dryRun: !!flags.dryRun,
    });
  } finally {
    bar.stop();
  }
  if (flags.json) {
    print(JSON.stringify(report, null, 2));
    return report;
  }
  const lines = [
    `records selected ${report.selected}`,
    `objects re-sent  ${report.resent}`,
    `skipped (gone)   ${report.skippedGone}`,
  ];
  for (const o of report.objects.slice(0, LISTED))
    lines.push(
      `  ${o.skipped ? 'gone    ' : 'resent  '} ${o.key}${o.records > 1 ? ` (${o.records} records)` : ''}`,
    );
  if (report.objects.length > LISTED)
    lines.push(`  … and ${report.objects.length - LISTED} more (--json lists them all)`);
  if (report.skippedGone) lines.push('objects that are gone are settled by `copydesk reconcile`');
  if (report.dryRun) lines.push('dry run: nothing was sent');
  print(lines.join('\n'));
  return report;
}

/** Below this many objects or records a run is over before a bar would help. */
const MANY = 100;

/**
 * A progress bar on stderr, only when stderr is a terminal and the work turns out to be large: it starts
 * the first time a count passes MANY. Listing has no known total; the bar then shows the count so far.
 */
function progressBar(): { listener: ProgressListener; stop(): void } {
  if (!process.stderr.isTTY) return { listener: () => undefined, stop: () => undefined };
  let bar: SingleBar | undefined;
  return {
    listener: ({ phase, done, total }) => {
      if (!bar && Math.max(done, total ?? 0) < MANY) return;
      const count = total === undefined ? `${done}` : `${done}/${total}`;
      if (!bar) {
        bar = new SingleBar(
          { format: '{phase} [{bar}] {count}', stream: process.stderr, clearOnComplete: true },
          Presets.shades_classic,
        );
        bar.start(total ?? done, done, { phase, count });
      }
      bar.setTotal(total ?? done);
      bar.update(done, { phase, count });
    },
    stop: () => bar?.stop(),
  };
}
