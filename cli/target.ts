import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ArticleIndex } from '../shared/aws/article-index';
import { documentClient } from '../shared/aws/runtime';
import { awsClientConfig, LOCAL_ENDPOINT, LOCAL_REGION } from '../shared/aws/client-config';
import { ENV, resourceNames, type ResourceNames, type StageName } from '../shared/topology';

/**
 * Which copydesk the CLI talks to. By default the local emulator (AWS_ENDPOINT_URL, else
 * 127.0.0.1:4566) with the default names; `--aws` (or COPYDESK_TARGET=aws) means real AWS with the
 * SDK's usual credentials, where the deployed names come from COPYDESK_* variables or the
 * `--bucket-suffix <account>-<region>` the stacks use.
 */
export interface TargetOptions {
  aws?: boolean;
  prefix?: string;
  bucketSuffix?: string;
}

export interface Target {
  names: ResourceNames;
  endpoint?: string;
  s3: S3Client;
  sqs: SQSClient;
  index: ArticleIndex;
  queueUrl(name: string): Promise<string>;
  stageQueueUrl(stage: StageName, deadLetter?: boolean): Promise<string>;
}

export function configureEnvironment(options: TargetOptions): void {
  const useAws = options.aws || process.env.COPYDESK_TARGET === 'aws';
  if (useAws) {
    delete process.env.AWS_ENDPOINT_URL;
  } else {
    process.env.AWS_ENDPOINT_URL ??= LOCAL_ENDPOINT;
    process.env.AWS_REGION ??= LOCAL_REGION;
  }
}

export function resolveTarget(options: TargetOptions): Target {
  configureEnvironment(options);
  const base = resourceNames(
    options.prefix ?? process.env.COPYDESK_PREFIX ?? 'copydesk',
    options.bucketSuffix ?? '',
  );
  const env = process.env;
  const names: ResourceNames = {
    ...base,
    rawBucket: env[ENV.rawBucket] ?? base.rawBucket,
    workBucket: env[ENV.workBucket] ?? base.workBucket,
    publishedBucket: env[ENV.publishedBucket] ?? base.publishedBucket,
    table: env[ENV.table] ?? base.table,
    eventBus: env[ENV.eventBus] ?? base.eventBus,
  };
  const config = awsClientConfig();
  const sqs = new SQSClient(config);
  const urls = new Map<string, string>();
  const queueUrl = async (name: string) => {
    let url = urls.get(name);
    if (!url) {
      url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
      urls.set(name, url);
    }
    return url;
  };
  return {
    names,
    endpoint: config.endpoint,
    s3: new S3Client(config),
    sqs,
    index: new ArticleIndex(documentClient(config), names.table),
    queueUrl,
    stageQueueUrl: (stage, deadLetter = false) =>
      queueUrl(deadLetter ? names.deadLetterQueue(stage) : names.queue(stage)),
  };
}
