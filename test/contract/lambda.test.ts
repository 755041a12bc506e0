import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
} from '@aws-sdk/client-lambda';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import JSZip from 'jszip';
import { awsClientConfig } from '../../shared/aws/client-config';
import {
  Cleanup,
  contractConfig,
  createQueue,
  createQueueWithDlq,
  drain,
  queueCounts,
  uniqueName,
  waitFor,
  type TestQueue,
} from './helpers';

const config = contractConfig();
const lambda = new LambdaClient(config);
const sqs = new SQSClient(config);
const cleanup = new Cleanup();
afterAll(() => cleanup.run());

/**
 * The batch handler under test. It has no AWS SDK to call (see the runtime test below), so it reports
 * each batch it sees to a tap queue with a bare SQS JSON-protocol request to AWS_ENDPOINT_URL, unsigned
 * (MiniStack checks no signatures unless started with AUTH=true). Then it either throws (MODE=throw) or
 * reports the records whose body contains "fail" as batch item failures.
 */
const BATCH_HANDLER = `
const report = async (records) => {
  const response = await fetch(process.env.AWS_ENDPOINT_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.SendMessage' },
    body: JSON.stringify({
      QueueUrl: process.env.TAP_QUEUE_URL,
      MessageBody: JSON.stringify(records.map((r) => ({ body: r.body, receiveCount: r.attributes.ApproximateReceiveCount }))),
    }),
  });
  if (!response.ok) throw new Error('tap failed: HTTP ' + response.status);
};
exports.handler = async (event) => {
  await report(event.Records);
  if (process.env.MODE === 'throw') throw new Error('the whole batch fails');
  return {
    batchItemFailures: event.Records.filter((r) => r.body.includes('fail')).map((r) => ({ itemIdentifier: r.messageId })),
  };
};
`;

/** What the function under test reports about where it runs. */
const RUNTIME_PROBE = `
const load = (id, exportName) => {
  try {
    return { loaded: String(require(id)[exportName]?.name) };
  } catch (e) {
    return { error: e.message.split('\\n')[0], code: e.code };
  }
};
exports.handler = async () => ({
  node: process.version,
  env: Object.fromEntries(
    ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_PROFILE']
      .filter((k) => process.env[k] !== undefined)
      .map((k) => [k, process.env[k]]),
  ),
  modules: Object.fromEntries(
    [
      ['@aws-sdk/client-s3', 'S3Client'],
      ['@aws-sdk/lib-dynamodb', 'DynamoDBDocumentClient'],
      ['@aws-sdk/client-dynamodb', 'DynamoDBClient'],
      ['@aws-sdk/client-sqs', 'SQSClient'],
      ['@aws-sdk/client-eventbridge', 'EventBridgeClient'],
    ].map(([id, exportName]) => [id, load(id, exportName)]),
  ),
});
`;

async function createFunction(source: string, env: Record<string, string> = {}): Promise<string> {
  const name = uniqueName('fn');
  const zip = new JSZip();
  zip.file('index.js', source);
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      // What infra/constructs/copydesk-function.ts declares; MiniStack runs the host's node regardless.
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::000000000000:role/contract-test',
      Code: { ZipFile: await zip.generateAsync({ type: 'uint8array' }) },
      Timeout: 3,
      Environment: { Variables: env },
    }),
  );
  cleanup.add(() => lambda.send(new DeleteFunctionCommand({ FunctionName: name })));
  await waitFor(
    `function ${name} to be active`,
    async () => {
      const got = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      return got.State === 'Active' ? true : undefined;
    },
    10_000,
  );
  return name;
}

async function mapQueue(functionName: string, queue: TestQueue): Promise<void> {
  const mapping = await lambda.send(
    new CreateEventSourceMappingCommand({
      FunctionName: functionName,
      EventSourceArn: queue.arn,
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    }),
  );
  cleanup.add(() => lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID! })));
}

type Delivery = { body: string; receiveCount: string };

/** Every batch the function reported, and per receive count the sorted bodies delivered. */
async function readTap(tap: TestQueue) {
  const batches = (await drain(sqs, tap.url)).map((m) => JSON.parse(m.Body!) as Delivery[]);
  const byReceiveCount: Record<string, string[]> = {};
  for (const d of batches.flat()) (byReceiveCount[d.receiveCount] ??= []).push(d.body);
  for (const bodies of Object.values(byReceiveCount)) bodies.sort();
  return { batches, byReceiveCount };
}

/**
 * A mapped queue (visibility 3 s, dead-lettered after 2 receives) with 10 messages sent in one batch,
 * and a function reporting to a tap queue.
 */
async function runMappedBatch(mode: 'partial' | 'throw', bodies: string[]) {
  const tap = await createQueue(sqs, cleanup, uniqueName('tap'));
  const { queue, dlq } = await createQueueWithDlq(sqs, cleanup, uniqueName(`esm-${mode}`), {
    visibilityTimeoutSeconds: 3,
    maxReceiveCount: 2,
  });
  const fn = await createFunction(BATCH_HANDLER, { TAP_QUEUE_URL: tap.url, MODE: mode });
  await mapQueue(fn, queue);
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queue.url,
      Entries: bodies.map((MessageBody, i) => ({ Id: `m${i}`, MessageBody })),
    }),
  );
  return { tap, queue, dlq };
}

/** Waits until the source queue is empty and the DLQ holds `expected` messages, then takes them. */
async function settle(queue: TestQueue, dlq: TestQueue, expected: number) {
  await waitFor(
    `source queue empty and ${expected} messages in the DLQ`,
    async () => {
      const [source, dead] = await Promise.all([queueCounts(sqs, queue.url), queueCounts(sqs, dlq.url)]);
      return source.visible + source.inFlight === 0 && dead.visible === expected ? true : undefined;
    },
    25_000,
    500,
  );
  return drain(sqs, dlq.url);
}

const sorted = (xs: string[]) => [...xs].sort();
const bodies = Array.from({ length: 10 }, (_, i) => (i % 3 === 2 ? `fail-${i}` : `ok-${i}`));
const failing = bodies.filter((b) => b.includes('fail'));

describe('Lambda SQS event source mapping', () => {
  it('with ReportBatchItemFailures redelivers only the reported records, then dead-letters them', async () => {
    // Every copydesk stage handler reports per-record failures (Powertools batch processing): one bad
    // upload must not make nine good ones run again, and must end in the stage's DLQ.
    expect(failing).toEqual(['fail-2', 'fail-5', 'fail-8']);
    const { tap, queue, dlq } = await runMappedBatch('partial', bodies);

    const deadLettered = await settle(queue, dlq, 3);
    expect(sorted(deadLettered.map((m) => m.Body!))).toEqual(failing);
    for (const m of deadLettered) expect(m.Attributes?.DeadLetterQueueSourceArn).toBe(queue.arn);

    const { batches, byReceiveCount } = await readTap(tap);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(10);
    // The 7 that succeeded were deleted after the first invocation; only the 3 came back, once.
    expect(byReceiveCount).toEqual({ '1': sorted(bodies), '2': failing });
  }, 40_000);

  it('redelivers the whole batch when the function throws', async () => {
    // A handler crash (e.g. a failed cold start) must lose nothing: every record returns and is retried.
    const { tap, queue, dlq } = await runMappedBatch('throw', bodies);

    const deadLettered = await settle(queue, dlq, 10);
    expect(sorted(deadLettered.map((m) => m.Body!))).toEqual(sorted(bodies));

    const { byReceiveCount } = await readTap(tap);
    expect(byReceiveCount).toEqual({ '1': sorted(bodies), '2': sorted(bodies) });
  }, 40_000);
});

describe('Lambda runtime environment', () => {
  it("runs on the host's node with AWS_ENDPOINT_URL pointing back at the emulator, and provides no usable SDK", async () => {
    const fn = await createFunction(RUNTIME_PROBE);
    const invoked = await lambda.send(new InvokeCommand({ FunctionName: fn }));
    expect(invoked.FunctionError).toBeUndefined();
    const seen = JSON.parse(Buffer.from(invoked.Payload!).toString('utf8')) as {
      node: string;
      env: NodeJS.ProcessEnv;
      modules: Record<string, unknown>;
    };

    // The declared runtime (nodejs22.x, and esbuild's node22 target) is not what runs: the host's node
    // does, v20 on this machine. Code that needs Node 22 APIs fails only locally.
    expect(seen.node).toBe(process.version);

    // copydesk's functions build their clients with awsClientConfig(process.env): it must point them at
    // this emulator (same port; MiniStack hands them its own address) with the region and credentials the
    // emulator sets (so no dummy credentials are added).
    const ours = new URL(process.env.AWS_ENDPOINT_URL!);
    const theirs = new URL(seen.env.AWS_ENDPOINT_URL!);
    expect(theirs.port).toBe(ours.port);
    expect(['127.0.0.1', 'localhost']).toContain(theirs.hostname);
    expect(seen.env).toMatchObject({ AWS_REGION: config.region, AWS_ACCESS_KEY_ID: expect.any(String) });
    expect(awsClientConfig(seen.env)).toEqual({
      endpoint: seen.env.AWS_ENDPOINT_URL,
      forcePathStyle: true,
      region: config.region,
    });

    // No AWS SDK is provided, so copydesk bundles it (infra/bundling.ts). Worse than absent: an unbundled
    // client-dynamodb/-sqs/-eventbridge silently resolves to a MiniStack stub (class GenericClient) that
    // ignores the client's configuration, and lib-dynamodb, which needs the real client, is missing.
    expect(seen.modules).toEqual({
      '@aws-sdk/client-s3': {
        error:
          "MiniStack local executor has no stub for '@aws-sdk/client-s3'; bundle the module with your function or use LAMBDA_EXECUTOR=docker.",
      },
      '@aws-sdk/lib-dynamodb': {
        error: "Cannot find module '@aws-sdk/lib-dynamodb'",
        code: 'MODULE_NOT_FOUND',
      },
      '@aws-sdk/client-dynamodb': { loaded: 'GenericClient' },
      '@aws-sdk/client-sqs': { loaded: 'GenericClient' },
      '@aws-sdk/client-eventbridge': { loaded: 'GenericClient' },
    });
  }, 20_000);
});
