import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { sqsStageHandler } from '../functions/_runtime/sqs-stage';
import type {
  IndexQueueMessage,
  PublishQueueMessage,
  SourceObject,
  TagQueueMessage,
} from '../shared/core/messages';
import { handleIndexMessage } from '../shared/stages/index-stage';
import { handleRawBucketMessage } from '../shared/stages/parse-stage';
import { handlePublishMessage } from '../shared/stages/publish-stage';
import { handleParsedArticle } from '../shared/stages/tag-stage';
import { RAW_PREFIX, STAGES, type StageName } from '../shared/topology';
import { MemoryIndex } from '../test/support/memory-index';

/**
 * Bytes of log output per article per stage: the samples go through the real stage handlers (Powertools
 * Logger, Metrics and batch processor as deployed) with in-memory ports, one batch per stage, and what
 * each handler writes to stdout is counted. CloudWatch Logs bills ingestion per byte, so this is the
 * number to keep small. Lambda's own START/END/REPORT lines come on top and are the same either way.
 */
const SAMPLES = join(__dirname, '..', 'samples');
const documents = {
  save: async <T>(doc: T) => ({ inline: doc }),
  load: async <T>(ref: { inline: T } | { s3: unknown }) => (ref as { inline: T }).inline,
};

function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map(
      (body, i) =>
        ({
          messageId: `m-${i}`,
          body,
          attributes: { ApproximateReceiveCount: '1' },
        }) as unknown as SQSRecord,
    ),
  };
}

const context = (stage: StageName) =>
  ({
    functionName: `CopydeskStateless-${stage}Function0123456789-AbCdEfGhIjKl`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:CopydeskStateless-${stage}Function`,
    memoryLimitInMB: '512',
    awsRequestId: '8f5e5c1a-1b2c-4d3e-9f00-0123456789ab',
  }) as Context;

async function countStdout(run: () => Promise<unknown>): Promise<number> {
  let bytes = 0;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (process.env.LOG_VOLUME_ECHO) write(chunk, ...(rest as []));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return bytes;
}

async function main() {
  // As on Lambda with active tracing: Powertools adds the trace id to every line.
  process.env._X_AMZN_TRACE_ID ??=
    'Root=1-6a1b2c3d-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=1';
  const files = readdirSync(SAMPLES).sort();
  const index = new MemoryIndex();
  const toTag: TagQueueMessage[] = [];
  const toIndex: IndexQueueMessage[] = [];
  const toPublish: PublishQueueMessage[] = [];
  const bodies = new Map(files.map((f) => [`${RAW_PREFIX}bench/${f}`, readFileSync(join(SAMPLES, f))]));

  const handlers: Record<StageName, (event: SQSEvent, context: Context) => Promise<unknown>> = {
    parse: sqsStageHandler('parse', (record, { logger }) =>
      handleRawBucketMessage(record.body, {
        objects: {
          read: async (s: SourceObject) => ({ found: true, bytes: bodies.get(s.key)!, etag: s.etag }),
        },
        documents,
        toTag: { send: async (m) => void toTag.push(m) },
        toIndex: { send: async (m) => void toIndex.push(m) },
        maxInputBytes: 10 << 20,
        logger,
      }),
    ),
    tag: sqsStageHandler('tag', (record, { logger }) =>
      handleParsedArticle(JSON.parse(record.body) as TagQueueMessage, {
        logger,
        documents,
        toIndex: { send: async (m) => void toIndex.push(m) },
      }),
    ),
    index: sqsStageHandler('index', async (record, { logger, metrics }) => {
      await handleIndexMessage(JSON.parse(record.body) as IndexQueueMessage, {
        index,
        documents,
        toPublish: { send: async (m) => void toPublish.push(m) },
        logger,
        metrics,
      });
    }),
    publish: sqsStageHandler('publish', (record, { logger }) =>
      handlePublishMessage(JSON.parse(record.body) as PublishQueueMessage, {
        index,
        documents,
        published: { put: async () => undefined, remove: async () => undefined },
        events: { emit: async () => undefined },
        publishedBucket: 'published',
        logger,
      }),
    ),
  };

  const inputs: Record<StageName, () => string[]> = {
    parse: () =>
      [...bodies.keys()].map((key, i) =>
        JSON.stringify({
          Records: [
            {
              eventName: 'ObjectCreated:Put',
              eventTime: new Date(Date.now() - 2000).toISOString(),
              s3: {
                bucket: { name: 'raw' },
                object: { key, size: bodies.get(key)!.length, eTag: `etag${i}`, sequencer: `0069A${i}` },
              },
            },
          ],
        }),
      ),
    tag: () => toTag.splice(0).map((m) => JSON.stringify(m)),
    index: () => toIndex.splice(0).map((m) => JSON.stringify(m)),
    publish: () => toPublish.splice(0).map((m) => JSON.stringify(m)),
  };

  const rows: string[] = [];
  for (const stage of STAGES) {
    const messages = inputs[stage]();
    const bytes = await countStdout(() => handlers[stage](sqsEvent(messages), context(stage)));
    rows.push(
      `${stage.padEnd(8)} ${String(messages.length).padStart(3)} records ${String(bytes).padStart(6)} bytes  ${(bytes / messages.length).toFixed(0).padStart(5)} bytes/record`,
    );
  }
  process.stderr.write(`${files.length} files, one batch per stage\n${rows.join('\n')}\n`);
}

void main();
