import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inlineMessageBytes, requireEnv } from '../config';
import { ENV } from '../topology';
import { ArticleIndex } from './article-index';
import { awsClientConfig, type AwsClientConfig } from './client-config';
import { DocumentStore } from './document-store';

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
