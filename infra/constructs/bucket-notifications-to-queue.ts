import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface BucketNotificationsToQueueProps {
  readonly bucket: Bucket;
  /**
   * The bucket's physical name as given to it, not read back from it: the queue policy must name the
   * bucket without referencing it, or bucket -> policy -> bucket is a cycle.
   */
  readonly bucketName: string;
  readonly queue: Queue;
  readonly events: readonly string[];
  readonly keyPrefix: string;
}

/**
 * S3 event notifications written straight into the bucket's CloudFormation resource.
 *
 * Not `bucket.addEventNotification`: that adds Custom::S3BucketNotifications, backed by a CDK-provided
 * Lambda that emulators such as LocalStack often cannot run (aws-cdk-local issue #88), and one more
 * function to patch and audit. The native NotificationConfiguration needs two things CDK otherwise
 * sorts out for us: the queue must already let S3 send to it when CloudFormation creates the bucket
 * (S3 validates the destination with a test message), hence the explicit dependency; and that policy
 * must identify the bucket by a name known before the bucket exists, hence `bucketName`.
 */
export class BucketNotificationsToQueue extends Construct {
  constructor(scope: Construct, id: string, props: BucketNotificationsToQueueProps) {
    super(scope, id);

    const { policyDependable } = props.queue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowS3EventNotifications',
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [props.queue.queueArn],
        conditions: {
          ArnEquals: {
            'aws:SourceArn': Stack.of(this).formatArn({
              service: 's3',
              region: '',
              account: '',
              resource: props.bucketName,
            }),
          },
          // Bucket names are global; a bucket of that name in someone else's account must not get in.
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );

    const cfnBucket = props.bucket.node.defaultChild as CfnBucket;
    cfnBucket.notificationConfiguration = {
      queueConfigurations: props.events.map((event) => ({
        event,
        queue: props.queue.queueArn,
        filter: { s3Key: { rules: [{ name: 'prefix', value: props.keyPrefix }] } },
      })),
    };
    if (!policyDependable) throw new Error(`${props.queue.node.path} has no resource policy to depend on`);
    cfnBucket.node.addDependency(policyDependable);
  }
}
