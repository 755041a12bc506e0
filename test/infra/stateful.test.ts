import { Match } from 'aws-cdk-lib/assertions';
import {
  DLQ_RETENTION_SECONDS,
  NOTIFICATION_EVENTS,
  QUEUE_RETENTION_SECONDS,
  RAW_PREFIX,
  STAGES,
  WORK_EXPIRATION_DAYS,
  WORK_PREFIX,
} from '../../shared/topology';
import { logicalIdOf, render, renderedNames } from './render';
import { synthCopydesk } from './synth-copydesk';

const { stateful, statefulTemplate: template, statelessTemplate } = synthCopydesk();

const sslOnlyStatement = (action: string) =>
  Match.objectLike({
    Effect: 'Deny',
    Action: action,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });

describe('buckets', () => {
  const dataBuckets = {
    raw: stateful.rawBucket,
    work: stateful.workBucket,
    published: stateful.publishedBucket,
  };
  const accessLogsBucketId = () => {
    const ids = Object.keys(
      template.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.absent() } }),
    );
    expect(ids).toHaveLength(1);
    return ids[0]!;
  };

  test("there are three data buckets, the page's and one access-logs bucket", () => {
    template.resourceCountIs('AWS::S3::Bucket', 5);
  });

  test('every bucket blocks public access, is SSE-S3 encrypted, versioned and retained', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    for (const bucket of Object.values(buckets)) {
      expect(bucket).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          VersioningConfiguration: { Status: 'Enabled' },
        },
      });
    }
  });

  test('every bucket denies requests without TLS', () => {
    const bucketIds = Object.keys(template.findResources('AWS::S3::Bucket'));
    for (const bucketId of bucketIds) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: { Statement: Match.arrayWith([sslOnlyStatement('s3:*')]) },
      });
    }
  });

  test.each(Object.entries(dataBuckets))(
    'the %s bucket logs access to the access-logs bucket',
    (role, bucket) => {
      expect(template.toJSON().Resources[logicalIdOf(bucket)].Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: accessLogsBucketId() },
        LogFilePrefix: `${role}/`,
      });
    },
  );

  const bucketNames = {
    raw: renderedNames.rawBucket,
    work: renderedNames.workBucket,
    published: renderedNames.publishedBucket,
  };
  test.each(Object.entries(dataBuckets))('the %s bucket carries its topology name', (role, bucket) => {
    const properties = template.toJSON().Resources[logicalIdOf(bucket)].Properties;
    expect(render(properties.BucketName)).toBe(bucketNames[role as keyof typeof bucketNames]);
  });

  test('the work bucket expires claim-check documents and their old versions', () => {
    const { Rules } =
      template.toJSON().Resources[logicalIdOf(stateful.workBucket)].Properties.LifecycleConfiguration;
    expect(Rules).toContainEqual(
      expect.objectContaining({
        Status: 'Enabled',
        Prefix: WORK_PREFIX,
        ExpirationInDays: WORK_EXPIRATION_DAYS,
        NoncurrentVersionExpiration: { NoncurrentDays: expect.any(Number) },
      }),
    );
  });

  test('only the work bucket has lifecycle rules', () => {
    expect(
      Object.keys(
        template.findResources('AWS::S3::Bucket', {
          Properties: { LifecycleConfiguration: Match.anyValue() },
        }),
      ),
    ).toEqual([logicalIdOf(stateful.workBucket)]);
  });
});

describe('raw bucket notifications', () => {
  const rawBucket = () => template.toJSON().Resources[logicalIdOf(stateful.rawBucket)];
  const parseQueueId = () => logicalIdOf(stateful.stageQueues.parse);

  test('send every topology notification event under the raw prefix to the parse queue', () => {
    expect(rawBucket().Properties.NotificationConfiguration).toEqual({
      QueueConfigurations: NOTIFICATION_EVENTS.map((event) => ({
        Event: event,
        Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: RAW_PREFIX }] } },
        Queue: { 'Fn::GetAtt': [parseQueueId(), 'Arn'] },
      })),
    });
  });

  test('are created only after the parse queue lets S3 send to it', () => {
    const parseQueuePolicyIds = Object.keys(
      template.findResources('AWS::SQS::QueuePolicy', { Properties: { Queues: [{ Ref: parseQueueId() }] } }),
    );
    expect(parseQueuePolicyIds).toHaveLength(1);
    expect(rawBucket().DependsOn).toEqual(expect.arrayContaining(parseQueuePolicyIds));
  });

  test('the parse queue accepts sqs:SendMessage from S3 only for the raw bucket in this account', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: parseQueueId() }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: Match.anyValue(),
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [parseQueueId(), 'Arn'] },
            Condition: {
              ArnEquals: { 'aws:SourceArn': Match.anyValue() },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          },
        ]),
      },
    });
    const policy = Object.values(
      template.findResources('AWS::SQS::QueuePolicy', { Properties: { Queues: [{ Ref: parseQueueId() }] } }),
    )[0] as {
      Properties: {
        PolicyDocument: { Statement: { Condition?: { ArnEquals?: Record<string, unknown> } }[] };
      };
    };
    const sourceArns = policy.Properties.PolicyDocument.Statement.flatMap((s) =>
      s.Condition?.ArnEquals ? [render(s.Condition.ArnEquals['aws:SourceArn'])] : [],
    );
    expect(sourceArns).toEqual([`arn:\${AWS::Partition}:s3:::${renderedNames.rawBucket}`]);
  });

  test('no stack uses the custom-resource notification handler', () => {
    for (const t of [template, statelessTemplate]) {
      t.resourceCountIs('Custom::S3BucketNotifications', 0);
    }
    // That handler is a Lambda function; the stateful stack has none at all.
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });
});

describe('queues', () => {
  test('four stage queues, each with a dead-letter queue', () => {
    template.resourceCountIs('AWS::SQS::Queue', STAGES.length * 2);
  });

  test('every queue uses SQS-managed encryption and denies requests without TLS', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    for (const [queueId, queue] of Object.entries(queues)) {
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true });
      expect(queue.Properties.KmsMasterKeyId).toBeUndefined();
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: { Statement: Match.arrayWith([sslOnlyStatement('sqs:*')]) },
      });
    }
  });

  test.each(STAGES)(
    'the %s queue keeps messages for the queue retention and redrives to its DLQ',
    (stage) => {
      const queue = stateful.stages[stage];
      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: renderedNames.queue(stage),
        MessageRetentionPeriod: QUEUE_RETENTION_SECONDS,
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(queue.deadLetterQueue), 'Arn'] },
          maxReceiveCount: Match.anyValue(),
        },
      });
      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: renderedNames.deadLetterQueue(stage),
        MessageRetentionPeriod: DLQ_RETENTION_SECONDS,
        RedrivePolicy: Match.absent(),
      });
    },
  );

  test.each(STAGES)('a message in the %s DLQ raises an alarm on the encrypted alarm topic', (stage) => {
    const dlqId = logicalIdOf(stateful.stages[stage].deadLetterQueue);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
  });

  test('one alarm per DLQ, all notifying the same topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(STAGES.length);
    const topics = new Set(alarms.map((alarm) => JSON.stringify(alarm.Properties.AlarmActions)));
    expect(topics.size).toBe(1);
    template.resourceCountIs('AWS::SNS::Topic', 1);
  });

  test('the alarm topic is KMS-encrypted with a rotating key CloudWatch may use, and TLS-only', () => {
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([sslOnlyStatement('sns:Publish')]) },
    });
  });
});

describe('articles table', () => {
  test('is on-demand, recoverable, encrypted with the AWS-managed key, protected and retained', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: renderedNames.table,
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  test('has no secondary index to pay for: search lists are partitions of the table', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { GlobalSecondaryIndexes: Match.absent() });
  });
});

describe('event bus', () => {
  test('is the one named in topology', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: renderedNames.eventBus });
  });
});
