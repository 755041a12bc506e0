import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ArticleIndex } from '../shared/aws/article-index';
import { S3PublishedDocuments } from '../shared/aws/published-documents';
import { SqsQueueDepths } from '../shared/aws/queue-depth';
import { createArchive } from '../shared/stages/archive';
import type { ArchiveApi } from '../shared/stages/archive-api';
import { documentClient } from '../shared/aws/runtime';
import { awsClientConfig, EMULATOR_ACCOUNT, LOCAL_ENDPOINT, LOCAL_REGION } from '../shared/aws/client-config';
import { ENV, resourceNames, type ResourceNames, type StageName } from '../shared/topology';

/**
 * Which copydesk the CLI talks to. By default the stacks `copydesk up` deployed onto the local emulator
 * (AWS_ENDPOINT_URL, else 127.0.0.1:4566); `--aws` (or COPYDESK_TARGET=aws) means real AWS with the
 * SDK's usual credentials. Both are the same CDK deployment, so both name their buckets
 * `<prefix>-<role>-<account>-<region>`: the emulator's account is 000000000000, an AWS account is
 * given with `--bucket-suffix <account>-<region>` (or explicit COPYDESK_* names).
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
  /** The archive's read side (search, article view, rejected, status), as the HTTP API serves it. */
  archive: ArchiveApi;
  queueUrl(name: string): Promise<string>;
  stageQueueUrl(stage: StageName, deadLetter?: boolean): Promise<string>;
}

const targetsAws = (options: TargetOptions) => options.aws || process.env.COPYDESK_TARGET === 'aws';

export function configureEnvironment(options: TargetOptions): void {
  // On AWS an AWS_ENDPOINT_URL the user set is honoured as the SDK honours it (a proxy, another
  // emulator); only the local target supplies a default endpoint.
  if (!targetsAws(options)) {
    process.env.AWS_ENDPOINT_URL ??= LOCAL_ENDPOINT;
    process.env.AWS_REGION ??= LOCAL_REGION;
  }
}

export function resolveTarget(options: TargetOptions): Target {
  configureEnvironment(options);
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? LOCAL_REGION;
  const localSuffix = targetsAws(options) ? '' : `${EMULATOR_ACCOUNT}-${region}`;
  const base = resourceNames(
    options.prefix ?? process.env.COPYDESK_PREFIX ?? 'copydesk',
    options.bucketSuffix ?? localSuffix,
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
  const s3 = new S3Client(config);
  const index = new ArticleIndex(documentClient(config), names.table);
  const stageQueueUrl = (stage: StageName, deadLetter = false) =>
    queueUrl(deadLetter ? names.deadLetterQueue(stage) : names.queue(stage));
  return {
    names,
    endpoint: config.endpoint,
    s3,
    sqs,
    index,
    archive: createArchive({
      index,
      published: new S3PublishedDocuments(s3, names.publishedBucket),
      queues: new SqsQueueDepths(sqs, stageQueueUrl),
    }),
    queueUrl,
    stageQueueUrl,
  };
}
