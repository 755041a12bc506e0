import { randomBytes } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ChangeMessageVisibilityCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { awsClientConfig } from '../../shared/aws/client-config';
import { ArticleIndex } from '../../shared/aws/article-index';
import { documentClient } from '../../shared/aws/runtime';
import { EVENT_SOURCE, RAW_PREFIX } from '../../shared/topology';
import { provision, type LocalDeployment } from '../support/in-process/provision';
import { LocalRunner } from '../support/in-process/runner';
import { queueDepth, SqsQueueDepths } from '../../shared/aws/queue-depth';
import { S3PublishedDocuments } from '../../shared/aws/published-documents';
import { createArchive } from '../../shared/stages/archive';
import type { ArchiveApi, SearchHit } from '../../shared/stages/archive-api';

/**
 * One isolated copydesk on the shared emulator: its own prefix, so test files never see each other's
 * resources. Visibility timeouts are 4 s and messages are dead-lettered after 2 receives so redrive
 * tests take seconds; everything else is the real topology.
 */
export const TEST_VISIBILITY_SECONDS = 4;

/** Events as a consumer must read them: de-duplicated on (type, id, version), since delivery is at least once. */
export type TappedEvent = { 'detail-type': string; detail: Record<string, unknown> };
export function distinctEvents(events: TappedEvent[]): TappedEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e['detail-type']}|${String(e.detail.id)}|${String(e.detail.version)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Harness {
  deployment: LocalDeployment;
  runner: LocalRunner;
  index: ArticleIndex;
  /** The archive's read side over this deployment, as the HTTP API serves it. */
  archive: ArchiveApi;
  /** Every hit of a search, following its cursor. */
  find(params: Record<string, string>): Promise<SearchHit[]>;
  s3: S3Client;
  sqs: SQSClient;
  upload(name: string, body: Uint8Array | string): Promise<string>;
  remove(name: string): Promise<void>;
  drain(): Promise<void>;
  /** A queue subscribed to the bus's copydesk events, to see what downstream consumers see. */
  eventTap(): Promise<{ take(): Promise<TappedEvent[]> }>;
  deadLetterDepth(stage: keyof LocalDeployment['queues']): Promise<number>;
  /** Ends the function runtimes (worker threads) so jest can exit. */
  close(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  if (!process.env.AWS_ENDPOINT_URL) {
    throw new Error('integration tests need an emulator: run them with `npm test`, which starts one');
  }
  // Poison-message tests fail on purpose; their structured error logs would drown the test report.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const prefix = `cdt${randomBytes(4).toString('hex')}`;
  const deployment = await provision({
    prefix,
    visibilityTimeoutSeconds: TEST_VISIBILITY_SECONDS,
    maxReceiveCount: 2,
  });
  const runner = new LocalRunner(deployment, {
    waitSeconds: 0,
    // Handler logs are silenced below; a whole-batch failure still says why.
    onBatch: (report) =>
      report.batchError && console.warn(`${report.stage} batch failed: ${report.batchError}`),
  });
  const config = awsClientConfig();
  const s3 = new S3Client(config);
  const sqs = new SQSClient(config);
  const index = new ArticleIndex(documentClient(config), deployment.names.table);

  const archive = createArchive({
    index,
    published: new S3PublishedDocuments(s3, deployment.names.publishedBucket),
    queues: new SqsQueueDepths(sqs, (stage, deadLetter) =>
      deadLetter ? deployment.queues[stage].deadLetterUrl : deployment.queues[stage].url,
    ),
  });

  return {
    deployment,
    runner,
    index,
    archive,
    async find(params) {
      const hits: SearchHit[] = [];
      let cursor: string | undefined;
      do {
        const page = await archive.search({ limit: '100', ...params, ...(cursor ? { cursor } : {}) });
        hits.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      return hits;
    },
    s3,
    sqs,
    async upload(name, body) {
      const key = `${RAW_PREFIX}${name}`;
      await s3.send(new PutObjectCommand({ Bucket: deployment.names.rawBucket, Key: key, Body: body }));
      return key;
    },
    async remove(name) {
      await s3.send(
        new DeleteObjectCommand({ Bucket: deployment.names.rawBucket, Key: `${RAW_PREFIX}${name}` }),
      );
    },
    drain: () => runner.drain(60_000),
    async eventTap() {
      const events = new EventBridgeClient(config);
      const queue = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-event-tap` }));
      const arn = (
        await sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl!, AttributeNames: ['QueueArn'] }),
        )
      ).Attributes!.QueueArn!;
      await events.send(
        new PutRuleCommand({
          Name: `${prefix}-tap`,
          EventBusName: deployment.names.eventBus,
          EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
        }),
      );
      await events.send(
        new PutTargetsCommand({
          Rule: `${prefix}-tap`,
          EventBusName: deployment.names.eventBus,
          Targets: [{ Id: 'tap', Arn: arn }],
        }),
      );
      return {
        async take() {
          const taken: TappedEvent[] = [];
          for (;;) {
            const got = await sqs.send(
              new ReceiveMessageCommand({
                QueueUrl: queue.QueueUrl!,
                MaxNumberOfMessages: 10,
                WaitTimeSeconds: 0,
              }),
            );
            if (!got.Messages?.length) return distinctEvents(taken);
            for (const m of got.Messages) {
              taken.push(JSON.parse(m.Body!));
              await sqs.send(
                new DeleteMessageCommand({ QueueUrl: queue.QueueUrl!, ReceiptHandle: m.ReceiptHandle! }),
              );
            }
          }
        },
      };
    },
    deadLetterDepth: (stage) => queueDepth(sqs, deployment.queues[stage].deadLetterUrl),
    close: () => runner.close(),
  };
}

/** Takes the next message off a queue without processing it, and makes the original visible again. */
export async function peekMessage(sqs: SQSClient, queueUrl: string): Promise<string> {
  const got = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }),
  );
  const message = got.Messages?.[0];
  if (!message) throw new Error('no message to peek at');
  await sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrl,
      ReceiptHandle: message.ReceiptHandle!,
      VisibilityTimeout: 0,
    }),
  );
  return message.Body!;
}
