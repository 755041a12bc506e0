import { Stack } from 'aws-cdk-lib';
import { Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { STAGES, type ResourceNames, type StageName } from '../../shared/topology';

/** What the stateless stack is given of the stateful one. */
export interface StatefulResourceHandles {
  readonly rawBucket: IBucket;
  readonly workBucket: IBucket;
  readonly publishedBucket: IBucket;
  readonly table: ITable;
  readonly stageQueues: Readonly<Record<StageName, IQueue>>;
  readonly deadLetterQueues: Readonly<Record<StageName, IQueue>>;
  readonly eventBus: IEventBus;
  readonly siteBucket: IBucket;
}

/**
 * Handles on the stateful resources that address them by their topology names, not by CloudFormation
 * reference. Passing the constructs themselves would turn every ARN the functions use into a
 * cross-stack export/output: the stateful stack could then not rename or drop one while the stateless
 * stack still imports it, and each IAM ARN would render as an opaque hashed output, which cdk-nag 3
 * (exact-match acknowledgments only) can't be told about legibly. By name, the two stacks share only
 * what topology.ts already fixes, the same contract the local emulator uses, and grants render as
 * plain `arn:<partition>:...:copydesk-...` strings.
 */
export class StatefulResourcesByName extends Construct implements StatefulResourceHandles {
  readonly rawBucket: IBucket;
  readonly workBucket: IBucket;
  readonly publishedBucket: IBucket;
  readonly table: ITable;
  readonly stageQueues: Readonly<Record<StageName, IQueue>>;
  readonly deadLetterQueues: Readonly<Record<StageName, IQueue>>;
  readonly eventBus: IEventBus;
  readonly siteBucket: IBucket;

  constructor(scope: Construct, id: string, names: ResourceNames) {
    super(scope, id);
    const stack = Stack.of(this);

    this.rawBucket = Bucket.fromBucketName(this, 'RawBucket', names.rawBucket);
    this.workBucket = Bucket.fromBucketName(this, 'WorkBucket', names.workBucket);
    this.publishedBucket = Bucket.fromBucketName(this, 'PublishedBucket', names.publishedBucket);
    this.siteBucket = Bucket.fromBucketName(this, 'SiteBucket', names.siteBucket);
    // Without grantIndexPermissions an imported table's grants would leave out its facet index.
    this.table = Table.fromTableAttributes(this, 'Table', {
      tableName: names.table,
      grantIndexPermissions: true,
    });
    this.eventBus = EventBus.fromEventBusName(this, 'EventBus', names.eventBus);

    const queueNamed = (queueName: string) =>
      Queue.fromQueueAttributes(this, `Queue-${queueName}`, {
        queueName,
        queueArn: stack.formatArn({ service: 'sqs', resource: queueName }),
        queueUrl: `https://sqs.${stack.region}.${stack.urlSuffix}/${stack.account}/${queueName}`,
      });
    this.stageQueues = Object.fromEntries(
      STAGES.map((stage) => [stage, queueNamed(names.queue(stage))]),
    ) as Record<StageName, IQueue>;
    this.deadLetterQueues = Object.fromEntries(
      STAGES.map((stage) => [stage, queueNamed(names.deadLetterQueue(stage))]),
    ) as Record<StageName, IQueue>;
  }
}
