import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigError, inlineMessageBytes, requireEnv } from '../config';
import { createArchive } from '../stages/archive';
import type { ArchiveApi } from '../stages/archive-api';
import { ENV, STAGES, type StageName } from '../topology';
import { ArticleIndex } from './article-index';
import { awsClientConfig, type AwsClientConfig } from './client-config';
import { DocumentStore } from './document-store';
import { S3PublishedDocuments } from './published-documents';
import { SqsQueueDepths } from './queue-depth';

/** SDK clients, created once per process and shared by whatever runs in it. */
export interface AwsClients {
  s3: S3Client;
  sqs: SQSClient;
  dynamo: DynamoDBDocumentClient;
  events: EventBridgeClient;
}

let clients: AwsClients | undefined;

/** Optional fields of a record are simply left out of the item, not stored as NULL. */
export const documentClient = (config: AwsClientConfig) =>
  DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });

export function awsClients(): AwsClients {
  if (!clients) {
    const config = awsClientConfig();
    clients = {
      s3: new S3Client(config),
      sqs: new SQSClient(config),
      dynamo: documentClient(config),
      events: new EventBridgeClient(config),
    };
  }
  return clients;
}

export const workDocuments = (env: NodeJS.ProcessEnv = process.env) =>
  new DocumentStore(awsClients().s3, requireEnv(ENV.workBucket, env), inlineMessageBytes(env));

export const articleIndex = (env: NodeJS.ProcessEnv = process.env) =>
  new ArticleIndex(awsClients().dynamo, requireEnv(ENV.table, env));

/** ENV.stageQueueUrls, checked at load: every stage's queue and dead-letter queue URL. */
export function stageQueueUrls(
  env: NodeJS.ProcessEnv = process.env,
): Record<StageName, { queue: string; deadLetter: string }> {
  const raw = requireEnv(ENV.stageQueueUrls, env);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${ENV.stageQueueUrls} must be JSON, got ${raw.slice(0, 80)}`);
  }
  for (const stage of STAGES) {
    const urls = (parsed as Record<string, { queue?: unknown; deadLetter?: unknown }>)?.[stage];
    if (typeof urls?.queue !== 'string' || typeof urls.deadLetter !== 'string')
      throw new ConfigError(`${ENV.stageQueueUrls} lacks the queue and deadLetter URLs of ${stage}`);
  }
  return parsed as Record<StageName, { queue: string; deadLetter: string }>;
}

/** The archive's read side, wired to the table, the published bucket and the stage queues. */
export function archiveFromEnvironment(env: NodeJS.ProcessEnv = process.env): ArchiveApi {
  const urls = stageQueueUrls(env);
  const { s3, sqs } = awsClients();
  return createArchive({
    index: articleIndex(env),
    published: new S3PublishedDocuments(s3, requireEnv(ENV.publishedBucket, env)),
    queues: new SqsQueueDepths(sqs, (stage, deadLetter) => urls[stage][deadLetter ? 'deadLetter' : 'queue']),
  });
}
