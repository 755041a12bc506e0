import { Duration } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  MathExpression,
  Stats,
  TextWidget,
  type IAlarm,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  METRICS,
  METRIC_NAMESPACE,
  REASON_DIMENSION,
  STAGE_DIMENSION,
  UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS,
} from '../../shared/metrics';
import { STAGES, type StageName } from '../../shared/topology';
import { recordsFailed, recordsSucceeded, uploadToQueryable } from '../pipeline-metrics';

export const DASHBOARD_NAME = 'copydesk-pipeline';

interface PipelineStage {
  readonly function: IFunction;
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
}

export interface PipelineDashboardProps {
  readonly functions: Readonly<Record<StageName, IFunction>>;
  readonly stageQueues: Readonly<Record<StageName, IQueue>>;
  readonly deadLetterQueues: Readonly<Record<StageName, IQueue>>;
  readonly table: ITable;
  /** Shown at the top, so the dashboard opens on what is firing. */
  readonly alarms: readonly IAlarm[];
}

const PERIOD = Duration.minutes(5);
const WIDTH = 24;
const HEIGHT = 6;

/** One row per stage, then end-to-end latency, rejections and the table: the on-call's first page. */
export class PipelineDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: DASHBOARD_NAME,
      defaultInterval: Duration.hours(3),
    });

    this.dashboard.addWidgets(
      new TextWidget({
        markdown: [
          '# copydesk pipeline',
          'S3 upload → parse → tag → index (DynamoDB) → publish. One row per stage: records in and out, ' +
            'batch duration, throttles, and its queue. The runbook for every alarm is in the README ' +
            '(Dashboard, alarms and logs).',
        ].join('\n\n'),
        width: WIDTH,
        height: 2,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: WIDTH, height: 3 }),
    );
    for (const stage of STAGES) {
      const { functions, stageQueues, deadLetterQueues } = props;
      this.dashboard.addWidgets(
        ...stageRow(stage, {
          function: functions[stage],
          queue: stageQueues[stage],
          deadLetterQueue: deadLetterQueues[stage],
        }),
      );
    }
    this.dashboard.addWidgets(...endToEndRow());
    this.dashboard.addWidgets(...tableRow(props.table));
  }
}

function stageRow(stage: StageName, { function: fn, queue, deadLetterQueue }: PipelineStage): IWidget[] {
  const graph = { width: WIDTH / 4, height: HEIGHT, period: PERIOD };
  return [
    new GraphWidget({
      ...graph,
      title: `${stage}: records`,
      left: [
        queue.metricNumberOfMessagesReceived({ label: 'received (incl. retries)', statistic: Stats.SUM }),
        recordsSucceeded(stage),
        recordsFailed(stage),
      ],
    }),
    new GraphWidget({
      ...graph,
      title: `${stage}: batch duration (ms)`,
      left: [
        fn.metricDuration({ statistic: Stats.p(50), label: 'p50' }),
        fn.metricDuration({ statistic: Stats.p(95), label: 'p95' }),
      ],
    }),
    new GraphWidget({
      ...graph,
      title: `${stage}: throttles`,
      left: [fn.metricThrottles({ statistic: Stats.SUM, label: 'throttled invocations' })],
    }),
    new GraphWidget({
      ...graph,
      title: `${stage}: queue`,
      left: [
        queue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, label: 'depth' }),
        deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          statistic: Stats.MAXIMUM,
          label: 'dead letters',
        }),
      ],
      right: [queue.metricApproximateAgeOfOldestMessage({ statistic: Stats.MAXIMUM, label: 'oldest (s)' })],
    }),
  ];
}

function endToEndRow(): IWidget[] {
  const graph = { width: WIDTH / 2, height: HEIGHT, period: PERIOD };
  return [
    new GraphWidget({
      ...graph,
      title: 'upload → queryable (ms)',
      left: [
        uploadToQueryable(Stats.p(50), { label: 'p50' }),
        uploadToQueryable(Stats.p(95), { label: 'p95' }),
      ],
      leftAnnotations: [{ label: 'p95 alarm', value: UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS * 1000 }],
    }),
    new GraphWidget({
      ...graph,
      title: 'rejected files by reason',
      // SEARCH, not one metric per code: a reason code added to the parser shows up without a deploy.
      left: [
        new MathExpression({
          expression: `SEARCH('{${METRIC_NAMESPACE},${STAGE_DIMENSION},${REASON_DIMENSION}} MetricName="${METRICS.rejectedFiles}"', 'Sum', ${PERIOD.toSeconds()})`,
          label: '',
          period: PERIOD,
        }),
      ],
    }),
  ];
}

function tableRow(table: ITable): IWidget[] {
  const graph = { width: WIDTH / 2, height: HEIGHT, period: PERIOD };
  const sum = { statistic: Stats.SUM };
  return [
    new GraphWidget({
      ...graph,
      title: `${table.tableName}: consumed capacity units`,
      left: [
        table.metricConsumedReadCapacityUnits({ ...sum, label: 'read' }),
        table.metricConsumedWriteCapacityUnits({ ...sum, label: 'write' }),
      ],
    }),
    new GraphWidget({
      ...graph,
      title: `${table.tableName}: throttles`,
      left: [
        table.metric('ReadThrottleEvents', { ...sum, label: 'read throttle events' }),
        table.metric('WriteThrottleEvents', { ...sum, label: 'write throttle events' }),
        // Per operation, found by SEARCH so a new API call the code makes appears on its own.
        new MathExpression({
          expression: `SEARCH('{AWS/DynamoDB,TableName,Operation} MetricName="ThrottledRequests" TableName="${table.tableName}"', 'Sum', ${PERIOD.toSeconds()})`,
          label: '',
          period: PERIOD,
        }),
      ],
    }),
  ];
}
