import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import {
  CreateEventBusCommand,
  EventBridgeClient,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-eventbridge';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketNotificationConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientConfig, EMULATOR_ACCOUNT, LOCAL_REGION } from '../../../shared/aws/client-config';
import {
  DLQ_RETENTION_SECONDS,
  ENV,
  NOTIFICATION_EVENTS,
  QUEUE_RETENTION_SECONDS,
  RAW_PREFIX,
  STAGES,
  resourceNames,
  stageSettings,
  table,
  visibilityTimeoutSeconds,
  type ResourceNames,
  type StageName,
} from '../../../shared/topology';

/**
 * The in-process stage harness's resources: what the CDK stacks create, from the same topology, but
 * under a prefix of the test's own, with test-only overrides (a few seconds' visibility timeout instead
 * of minutes lets a redrive test finish quickly). It exists for the stage tests alone, which need things
 * a shared `cdk deploy` cannot give: an isolated table per test file, a handler environment per test
 * (a small size cap), and a look at a message before any consumer takes it. Users and the deployed-
 * pipeline tests get the real stacks from `copydesk up` (local/deploy.ts).
 */
export interface ProvisionOptions {
  prefix?: string;
  visibilityTimeoutSeconds?: number;
  maxReceiveCount?: number;
}

export interface QueueInfo {
  url: string;
  arn: string;
  deadLetterUrl: string;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
}

export interface LocalDeployment {
  names: ResourceNames;
  queues: Record<StageName, QueueInfo>;
  /** The environment the functions get on AWS from the stateless stack. */
  functionEnv: Record<string, string>;
}

export async function provision(options: ProvisionOptions = {}): Promise<LocalDeployment> {
  const config = awsClientConfig();
  const s3 = new S3Client(config);
  const sqs = new SQSClient(config);
  const dynamo = new DynamoDBClient(config);
  const events = new EventBridgeClient(config);
  // Named as `cdk deploy` names them on the emulator, so the CLI finds a test's resources by its prefix.
  const region = awsClientConfig().region ?? LOCAL_REGION;
  const names = resourceNames(options.prefix, `${EMULATOR_ACCOUNT}-${region}`);

  for (const bucket of [names.rawBucket, names.workBucket, names.publishedBucket]) {
    await ensureBucket(s3, bucket);
  }

  const queues = {} as Record<StageName, QueueInfo>;
  for (const stage of STAGES) queues[stage] = await ensureQueue(sqs, names, stage, options);

  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: names.rawBucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Id: 'raw-to-parse',
            QueueArn: queues.parse.arn,
            Events: [...NOTIFICATION_EVENTS],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: RAW_PREFIX }] } },
          },
        ],
      },
    }),
  );

  await ensureTable(dynamo, names.table);
  try {
    await events.send(new CreateEventBusCommand({ Name: names.eventBus }));
  } catch (error) {
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;
  }

  return {
    names,
    queues,
    functionEnv: {
      [ENV.rawBucket]: names.rawBucket,
      [ENV.workBucket]: names.workBucket,
      [ENV.publishedBucket]: names.publishedBucket,
      [ENV.table]: names.table,
      [ENV.eventBus]: names.eventBus,
      [ENV.tagQueueUrl]: queues.tag.url,
      [ENV.indexQueueUrl]: queues.index.url,
      [ENV.publishQueueUrl]: queues.publish.url,
    },
  };
}

async function ensureBucket(s3: S3Client, bucket: string) {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

async function ensureQueue(
  sqs: SQSClient,
  names: ResourceNames,
  stage: StageName,
  options: ProvisionOptions,
) {
  const visibility = options.visibilityTimeoutSeconds ?? visibilityTimeoutSeconds(stage);
  const maxReceiveCount = options.maxReceiveCount ?? stageSettings[stage].maxReceiveCount;
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: names.deadLetterQueue(stage),
      Attributes: { MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS), SqsManagedSseEnabled: 'true' },
    }),
  );
  const dlqArn = await queueArn(sqs, dlq.QueueUrl!);
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: names.queue(stage),
      Attributes: {
        VisibilityTimeout: String(visibility),
        MessageRetentionPeriod: String(QUEUE_RETENTION_SECONDS),
        SqsManagedSseEnabled: 'true',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }),
      },
    }),
  );
  return {
    url: queue.QueueUrl!,
    arn: await queueArn(sqs, queue.QueueUrl!),
    deadLetterUrl: dlq.QueueUrl!,
    visibilityTimeoutSeconds: visibility,
    maxReceiveCount,
  };
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return attributes.Attributes!.QueueArn!;
}

/** The article table as the CDK stack makes it (keys from topology's `table`, no secondary index). */
export async function ensureTable(dynamo: DynamoDBClient, tableName: string) {
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { partitionKey, sortKey } = table;
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [partitionKey, sortKey].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
    }),
  );
}
