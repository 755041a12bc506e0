import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Stats,
  TreatMissingData,
  type AlarmProps,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { STAGE_ERROR_RATE_ALARM, UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS } from '../../shared/metrics';
import { STAGES, visibilityTimeoutSeconds, type StageName } from '../../shared/topology';
import { ALARM_NAME_PREFIX } from './alarm-names';
import { errorRate, uploadToQueryable } from '../pipeline-metrics';

/**
 * SQS leaves a message out of ApproximateAgeOfOldestMessage once it has been received three times. A
 * record that fails waits out the visibility timeout before each retry, so until then its age alone
 * can climb to 3 x the visibility timeout. The threshold sits there: the alarm then means "messages are
 * waiting for a consumer" (a stalled or saturated stage), never "a record is being retried", which is
 * the error-rate and dead-letter alarms' news. That is 18 x the function timeout: 18 min for parse and
 * tag, 9 min for index and publish.
 */
export const OLDEST_MESSAGE_RECEIVES_COUNTED = 3;
export const oldestMessageAlarmSeconds = (stage: StageName): number =>
  OLDEST_MESSAGE_RECEIVES_COUNTED * visibilityTimeoutSeconds(stage);

export interface PipelineAlarmsProps {
  readonly stageQueues: Readonly<Record<StageName, IQueue>>;
  readonly table: ITable;
  /** The stateful stack's alarm topic, which the dead-letter alarms notify too. */
  readonly alarmTopic: ITopic;
}

/**
 * The alarms an on-call person can act on, besides the dead-letter ones that live with their queues.
 * Each one's description says what it means and what to look at first.
 */
export class PipelineAlarms extends Construct {
  readonly oldestMessage: Readonly<Record<StageName, Alarm>>;
  readonly errorRate: Readonly<Record<StageName, Alarm>>;
  readonly uploadToQueryableP95: Alarm;
  readonly tableReadThrottles: Alarm;
  readonly tableWriteThrottles: Alarm;

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    const notify = new SnsAction(props.alarmTopic);
    const alarm = (alarmId: string, alarmProps: AlarmProps) => {
      const created = new Alarm(this, alarmId, alarmProps);
      created.addAlarmAction(notify);
      return created;
    };
    const perStage = (make: (stage: StageName) => Alarm) =>
      Object.fromEntries(STAGES.map((stage) => [stage, make(stage)])) as Record<StageName, Alarm>;

    this.oldestMessage = perStage((stage) => {
      const seconds = oldestMessageAlarmSeconds(stage);
      return alarm(`${stage}OldestMessage`, {
        alarmName: `${ALARM_NAME_PREFIX}${stage}-oldest-message`,
        alarmDescription: `A message has waited over ${seconds / 60} min in the ${stage} queue: the ${stage} stage is stalled or saturated; check its throttles and errors on the copydesk-pipeline dashboard and \`copydesk status\`.`,
        metric: props.stageQueues[stage].metricApproximateAgeOfOldestMessage({
          statistic: Stats.MAXIMUM,
          period: Duration.minutes(1),
        }),
        threshold: seconds,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        // The age only grows while a stage is stuck; two minutes above rules out a reporting blip.
        evaluationPeriods: 2,
        // An idle queue stops reporting; silence is the healthy state.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    });

    this.errorRate = perStage((stage) =>
      alarm(`${stage}ErrorRate`, {
        alarmName: `${ALARM_NAME_PREFIX}${stage}-error-rate`,
        alarmDescription: `${STAGE_ERROR_RATE_ALARM * 100}% or more of the ${stage} stage's records failed for 10 minutes: they are being retried toward its dead-letter queue; find the cause with \`copydesk trace <id|key>\` on a failing article or in the function's logs.`,
        // RecordsFailed is 1 per failed record and 0 per succeeded one, so its average is the error rate:
        // a plain metric, which every CloudWatch (and the emulator) takes, where a ratio needs metric math.
        metric: errorRate(stage, { period: Duration.minutes(5) }),
        threshold: STAGE_ERROR_RATE_ALARM,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    this.uploadToQueryableP95 = alarm('UploadToQueryableP95', {
      alarmName: `${ALARM_NAME_PREFIX}upload-to-queryable-p95`,
      alarmDescription: `Uploaded articles took over ${UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS} s (p95) to become searchable for 10 minutes: look on the copydesk-pipeline dashboard for the stage whose queue is backing up, and \`copydesk status\`.`,
      metric: uploadToQueryable(Stats.p(95), { period: Duration.minutes(5) }),
      // The metric is in milliseconds.
      threshold: UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS * 1000,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      // No uploads, no latency: quiet is healthy (a stalled stage is the oldest-message alarm's news).
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Table-wide events rather than ThrottledRequests, which exists per operation only and would need
    // one alarm (or a math expression) per API call the code makes.
    const throttleAlarm = (kind: 'Read' | 'Write', readers: string) =>
      alarm(`Table${kind}Throttles`, {
        alarmName: `${ALARM_NAME_PREFIX}table-${kind.toLowerCase()}-throttles`,
        alarmDescription: `DynamoDB throttled ${kind.toLowerCase()}s on ${props.table.tableName}: ${readers} are being slowed (the SDK retries, the stage may fail records); check the table's throttle graph on the copydesk-pipeline dashboard for a hot partition or the on-demand account limit.`,
        metric: props.table.metric(`${kind}ThrottleEvents`, {
          statistic: Stats.SUM,
          period: Duration.minutes(5),
        }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    this.tableReadThrottles = throttleAlarm('Read', 'the index and publish stages and searches');
    this.tableWriteThrottles = throttleAlarm('Write', 'index writes');
  }
}
