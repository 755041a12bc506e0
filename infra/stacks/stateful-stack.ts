import { Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  NOTIFICATION_EVENTS,
  RAW_PREFIX,
  STAGES,
  WORK_EXPIRATION_DAYS,
  WORK_PREFIX,
  type StageName,
} from '../../shared/topology';
import { acknowledgeCheckov } from '../checkov-acknowledgments';
import { AlarmTopic } from '../constructs/alarm-topic';
import { ArticlesTable } from '../constructs/articles-table';
import { BucketNotificationsToQueue } from '../constructs/bucket-notifications-to-queue';
import { QueueWithDeadLetter } from '../constructs/queue-with-dead-letter';
import { SecureBucket } from '../constructs/secure-bucket';
import { WebUsers } from '../constructs/web-users';
import { deployedResourceNames } from '../deployed-names';
import { StatefulResourcesByName, type StatefulResourceHandles } from './stateful-resource-handles';

const constructIdFor = (stage: StageName) => `${stage[0]!.toUpperCase()}${stage.slice(1)}`;

/**
 * Everything that holds data or is addressed by a fixed name. Kept apart from the functions so that
 * redeploying, or even replacing, the code never risks the buckets, the table or queued messages.
 */
export class StatefulStack extends Stack {
  readonly rawBucket: Bucket;
  readonly workBucket: Bucket;
  readonly publishedBucket: Bucket;
  readonly table: ArticlesTable;
  readonly stageQueues: Readonly<Record<StageName, Queue>>;
  readonly stages: Readonly<Record<StageName, QueueWithDeadLetter>>;
  readonly eventBus: EventBus;
  /** The archive page's static files, read by CloudFront only. */
  readonly siteBucket: Bucket;
  /** The archive page's users (Cognito user pool and app client). */
  readonly webUsers: WebUsers;
  /** Where every copydesk alarm sends its notifications (subscribe on-call here). */
  readonly alarmTopic: Topic;
  /** The resources above, addressed by name, for the stateless stack. */
  readonly handles: StatefulResourceHandles;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const names = deployedResourceNames();

    const accessLogsBucket = new SecureBucket(this, 'AccessLogsBucket');
    const noLogsOfLogs =
      'This is the server access log destination; logging it into itself would log every log delivery, without end.';
    Validations.of(accessLogsBucket).acknowledge({ id: 'AwsSolutions-S1', reason: noLogsOfLogs });
    acknowledgeCheckov(accessLogsBucket, 'CKV_AWS_18', noLogsOfLogs);
    const accessLogsFor = (prefix: string) => ({ bucket: accessLogsBucket, prefix });

    this.rawBucket = new SecureBucket(this, 'RawBucket', {
      bucketName: names.rawBucket,
      serverAccessLogs: accessLogsFor('raw/'),
    });
    this.workBucket = new SecureBucket(this, 'WorkBucket', {
      bucketName: names.workBucket,
      serverAccessLogs: accessLogsFor('work/'),
      lifecycleRules: [
        {
          id: 'ExpireClaimChecks',
          prefix: WORK_PREFIX,
          expiration: Duration.days(WORK_EXPIRATION_DAYS),
          // Versioning would otherwise keep every expired claim-check document forever.
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        // Expiring a versioned object leaves a delete marker; drop it once nothing remains beneath it.
        { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
      ],
    });
    this.publishedBucket = new SecureBucket(this, 'PublishedBucket', {
      bucketName: names.publishedBucket,
      serverAccessLogs: accessLogsFor('published/'),
    });

    this.table = new ArticlesTable(this, 'ArticlesTable', { tableName: names.table });

    // The construct id predates the other alarms; it stays so the topic (and its subscriptions) is kept.
    const alarmTopic = new AlarmTopic(this, 'DeadLetterAlarms').topic;
    this.alarmTopic = alarmTopic;
    const stages = {} as Record<StageName, QueueWithDeadLetter>;
    for (const stage of STAGES) {
      stages[stage] = new QueueWithDeadLetter(this, `${constructIdFor(stage)}Queue`, {
        stage,
        queueName: names.queue(stage),
        deadLetterQueueName: names.deadLetterQueue(stage),
        alarmTopic,
      });
    }
    this.stages = stages;
    this.stageQueues = Object.fromEntries(STAGES.map((stage) => [stage, stages[stage].queue])) as Record<
      StageName,
      Queue
    >;

    new BucketNotificationsToQueue(this, 'RawBucketNotifications', {
      bucket: this.rawBucket,
      bucketName: names.rawBucket,
      queue: this.stageQueues.parse,
      events: NOTIFICATION_EVENTS,
      keyPrefix: RAW_PREFIX,
    });

    this.eventBus = new EventBus(this, 'EventBus', { eventBusName: names.eventBus });

    this.siteBucket = new SecureBucket(this, 'SiteBucket', {
      bucketName: names.siteBucket,
      serverAccessLogs: accessLogsFor('site/'),
    });
    // Origin access control: CloudFront signs its requests as cloudfront.amazonaws.com on behalf of a
    // distribution. The distribution lives in the stateless stack; naming its ARN here would tie the
    // stacks both ways, so any distribution of this account may read, and nothing else (the bucket
    // blocks public access).
    this.siteBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontOfThisAccountReads',
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.siteBucket.arnForObjects('*')],
        conditions: {
          StringEquals: { 'AWS:SourceAccount': this.account },
          ArnLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` },
        },
      }),
    );

    this.webUsers = new WebUsers(this, 'WebUsers');

    this.handles = new StatefulResourcesByName(this, 'ByName', names);
  }
}
