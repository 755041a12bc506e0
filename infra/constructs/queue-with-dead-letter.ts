import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  DLQ_RETENTION_SECONDS,
  QUEUE_RETENTION_SECONDS,
  stageSettings,
  visibilityTimeoutSeconds,
  type StageName,
} from '../../shared/topology';
import { acknowledgeCheckov } from '../checkov-acknowledgments';
import { ALARM_NAME_PREFIX } from './alarm-names';

export interface QueueWithDeadLetterProps {
  readonly stage: StageName;
  readonly queueName: string;
  readonly deadLetterQueueName: string;
  /** Told when a message lands in the dead-letter queue. */
  readonly alarmTopic: ITopic;
}

/** A stable name, like every copydesk alarm's, so the README's runbook and the dashboard can name it. */
export const deadLetterAlarmName = (stage: StageName) => `${ALARM_NAME_PREFIX}${stage}-dead-letters`;

/** A stage's input queue, the dead-letter queue behind it, and the alarm that says the latter is not empty. */
export class QueueWithDeadLetter extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: QueueWithDeadLetterProps) {
    super(scope, id);

    // SQS-managed SSE, not KMS: S3 event notifications cannot publish to a queue encrypted with the
    // AWS-managed key (alias/aws/sqs), whose policy can't grant s3.amazonaws.com kms:GenerateDataKey.
    // One setting for every queue keeps the stages alike and spares the functions KMS grants.
    const encryption = QueueEncryption.SQS_MANAGED;

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: props.deadLetterQueueName,
      encryption,
      enforceSSL: true,
      retentionPeriod: Duration.seconds(DLQ_RETENTION_SECONDS),
    });

    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      encryption,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(props.stage)),
      retentionPeriod: Duration.seconds(QUEUE_RETENTION_SECONDS),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: stageSettings[props.stage].maxReceiveCount,
      },
    });
    for (const queue of [this.queue, this.deadLetterQueue]) {
      acknowledgeCheckov(
        queue,
        'CKV_AWS_27',
        'Encrypted at rest with SQS-managed SSE (SqsManagedSseEnabled), which checkov does not count: it looks only for a KMS key (KmsMasterKeyId). KMS is ruled out for the parse queue, which S3 event notifications cannot publish to under the aws/sqs key, and every stage and dead-letter queue is encrypted the same way.',
      );
    }

    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmName: deadLetterAlarmName(props.stage),
      alarmDescription: `Messages in ${props.deadLetterQueueName}: the ${props.stage} stage gave up on them after ${stageSettings[props.stage].maxReceiveCount} tries; find why with \`copydesk trace <id|key>\` or the ${props.stage} function's logs, fix it, then \`copydesk redrive ${props.stage}\`.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // An idle, empty queue stops reporting; that silence is the healthy state.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
