/**
 * The one description of copydesk's AWS resources. The CDK stacks (infra/) and the local provisioner
 * (local/provision.ts) both build from it, and test/infra/topology.test.ts proves the synthesized
 * template agrees with it, so the emulator never drifts from what `cdk deploy` ships.
 */

export type StageName = 'parse' | 'tag' | 'index' | 'publish';
export const STAGES: readonly StageName[] = ['parse', 'tag', 'index', 'publish'];

export interface StageSettings {
  /** Lambda timeout; the queue's visibility timeout is 6x this, as AWS recommends for SQS sources. */
  functionTimeoutSeconds: number;
  memoryMb: number;
  /** Event source mapping batch size (SQS allows up to 10 without a batching window). */
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /** Receives before SQS moves a message to the stage's dead-letter queue. */
  maxReceiveCount: number;
  /** Upper bound on concurrent invocations for this stage's event source mapping. */
  maxConcurrency: number;
}

export const stageSettings: Record<StageName, StageSettings> = {
  parse: {
    functionTimeoutSeconds: 60,
    memoryMb: 1024,
    batchSize: 5,
    maxBatchingWindowSeconds: 0,
    maxReceiveCount: 5,
    maxConcurrency: 20,
  },
  tag: {
    functionTimeoutSeconds: 60,
    memoryMb: 1024,
    batchSize: 5,
    maxBatchingWindowSeconds: 0,
    maxReceiveCount: 5,
    maxConcurrency: 20,
  },
  index: {
    functionTimeoutSeconds: 30,
    memoryMb: 512,
    batchSize: 10,
    maxBatchingWindowSeconds: 0,
    maxReceiveCount: 5,
    maxConcurrency: 10,
  },
  publish: {
    functionTimeoutSeconds: 30,
    memoryMb: 512,
    batchSize: 10,
    maxBatchingWindowSeconds: 0,
    maxReceiveCount: 5,
    maxConcurrency: 10,
  },
};

export const VISIBILITY_TIMEOUT_FACTOR = 6;
export const visibilityTimeoutSeconds = (stage: StageName): number =>
  stageSettings[stage].functionTimeoutSeconds * VISIBILITY_TIMEOUT_FACTOR;

/** Messages are kept 4 days in a stage queue and 14 (the SQS maximum) in a dead-letter queue. */
export const QUEUE_RETENTION_SECONDS = 4 * 24 * 3600;
export const DLQ_RETENTION_SECONDS = 14 * 24 * 3600;

/** Uploads land under this prefix of the raw bucket; only it is wired to the parse queue. */
export const RAW_PREFIX = 'incoming/';
/** Normalized ninjs documents are written under this prefix of the published bucket. */
export const PUBLISHED_PREFIX = 'articles/';
/** Claim-check documents passed between stages; expired by a lifecycle rule. */
export const WORK_PREFIX = 'work/';
export const WORK_EXPIRATION_DAYS = 7;

export const NOTIFICATION_EVENTS = ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] as const;

export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
} as const;

export const EVENT_SOURCE = 'copydesk';
export const EVENT_DETAIL_TYPES = { published: 'ArticlePublished', withdrawn: 'ArticleWithdrawn' } as const;

/** Physical names. Buckets need globally unique names on AWS, so the deployed ones carry account and region. */
export interface ResourceNames {
  rawBucket: string;
  workBucket: string;
  publishedBucket: string;
  /** The archive's web page (static files), served by CloudFront. */
  siteBucket: string;
  table: string;
  eventBus: string;
  queue: (stage: StageName) => string;
  deadLetterQueue: (stage: StageName) => string;
}

export function resourceNames(prefix = 'copydesk', bucketSuffix = ''): ResourceNames {
  const bucket = (role: string) => `${prefix}-${role}${bucketSuffix ? `-${bucketSuffix}` : ''}`;
  return {
    rawBucket: bucket('raw'),
    workBucket: bucket('work'),
    publishedBucket: bucket('published'),
    siteBucket: bucket('site'),
    table: `${prefix}-articles`,
    eventBus: `${prefix}-events`,
    queue: (stage) => `${prefix}-${stage}`,
    deadLetterQueue: (stage) => `${prefix}-${stage}-dlq`,
  };
}

/** Environment variables the functions read their wiring from (see shared/config.ts). */
export const ENV = {
  rawBucket: 'COPYDESK_RAW_BUCKET',
  workBucket: 'COPYDESK_WORK_BUCKET',
  publishedBucket: 'COPYDESK_PUBLISHED_BUCKET',
  table: 'COPYDESK_TABLE',
  eventBus: 'COPYDESK_EVENT_BUS',
  tagQueueUrl: 'COPYDESK_TAG_QUEUE_URL',
  indexQueueUrl: 'COPYDESK_INDEX_QUEUE_URL',
  publishQueueUrl: 'COPYDESK_PUBLISH_QUEUE_URL',
  maxInputBytes: 'COPYDESK_MAX_INPUT_BYTES',
  inlineMessageBytes: 'COPYDESK_INLINE_MESSAGE_BYTES',
  /** Which engine the tag function tags with: copydesk (built in, the default) or comprehend. */
  tagEngine: 'COPYDESK_TAG_ENGINE',
  /**
   * For the archive API's /status: JSON {"<stage>": {"queue": url, "deadLetter": url}} for every stage,
   * so the function reads depths without ListQueues or GetQueueUrl permissions.
   */
  stageQueueUrls: 'COPYDESK_STAGE_QUEUE_URLS',
} as const;

/** Default cap on an uploaded object; larger ones are rejected with TOO_LARGE, not parsed. */
export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;
/**
 * Documents up to this size travel inside the SQS message; larger ones go to the work bucket and the
 * message carries a reference. SQS bills a request per 64 KiB chunk, so anything that fits one chunk
 * (with headroom for the envelope) is cheaper inline than an S3 PUT + GET.
 */
export const DEFAULT_INLINE_MESSAGE_BYTES = 60 * 1024;

/** The CloudFormation stack that holds the functions (infra/copydesk-app.ts creates it by this name). */
export const STATELESS_STACK_NAME = 'CopydeskStateless';

/**
 * The start of a stage function's log group's logical id in that stack (CDK appends a hash): the stage's
 * construct (`Parse`) and its function's log group. `copydesk trace` finds the log groups by it, since
 * CloudFormation generates their names; test/infra/trace-log-groups.test.ts holds the stack to it.
 */
export const stageLogGroupLogicalIdPrefix = (stage: StageName): string =>
  `${stage.charAt(0).toUpperCase()}${stage.slice(1)}FunctionLogGroup`;
