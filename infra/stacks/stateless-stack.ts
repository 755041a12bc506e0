import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { DEFAULT_TAG_ENGINE } from '../../shared/config';
import type { TaggerEngine } from '../../shared/core/article';
import {
  DEFAULT_INLINE_MESSAGE_BYTES,
  DEFAULT_MAX_INPUT_BYTES,
  ENV,
  PUBLISHED_PREFIX,
  RAW_PREFIX,
  WORK_PREFIX,
  type StageName,
} from '../../shared/topology';
import { grantComprehendTagging } from '../comprehend-access';
import { CopydeskFunction } from '../constructs/copydesk-function';
import { StageConsumer } from '../constructs/stage-consumer';
import { printedResourceNames as printed } from '../nag-acknowledgments';
import { grantObjects, grantTableData } from '../scoped-grants';
import type { StatefulResourceHandles } from './stateful-resource-handles';

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulResourceHandles;
  /** The tag function's engine; the built-in one unless the deployment chose Comprehend. */
  readonly tagEngine?: TaggerEngine;
  /** Caps every stage's concurrency (see MAX_CONCURRENCY_CONTEXT); unset, the topology's own apply. */
  readonly maxConcurrency?: number;
}

/**
 * Query is not a pipeline stage, so topology has no settings for it; it answers single-item reads and
 * one index page at a time, well inside ten seconds at 512 MB (which buys CPU as much as memory).
 */
const QUERY_FUNCTION = { memoryMb: 512, timeoutSeconds: 10 };

/** The functions and their wiring: safe to destroy and redeploy at will, since it holds no data. */
export class StatelessStack extends Stack {
  readonly consumers: Readonly<Record<StageName, StageConsumer>>;
  readonly queryFunction: CopydeskFunction;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { rawBucket, workBucket, publishedBucket, table, stageQueues, eventBus } = props.stateful;
    const inlineMessageBytes = { [ENV.inlineMessageBytes]: String(DEFAULT_INLINE_MESSAGE_BYTES) };
    const raw = { bucket: rawBucket, printedBucketName: printed.rawBucket, keyPrefix: RAW_PREFIX };
    const work = { bucket: workBucket, printedBucketName: printed.workBucket, keyPrefix: WORK_PREFIX };
    const published = {
      bucket: publishedBucket,
      printedBucketName: printed.publishedBucket,
      keyPrefix: PUBLISHED_PREFIX,
    };

    const parse = new StageConsumer(this, 'Parse', {
      stage: 'parse',
      maxConcurrency: props.maxConcurrency,
      queue: stageQueues.parse,
      environment: {
        [ENV.rawBucket]: rawBucket.bucketName,
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.tagQueueUrl]: stageQueues.tag.queueUrl,
        // Deletions and rejections skip tagging and go straight to the index stage.
        [ENV.indexQueueUrl]: stageQueues.index.queueUrl,
        [ENV.maxInputBytes]: String(DEFAULT_MAX_INPUT_BYTES),
        ...inlineMessageBytes,
      },
    });
    grantObjects({ grantee: parse.function, ...raw, access: 'read' });
    grantObjects({ grantee: parse.function, ...work, access: 'put' });
    stageQueues.tag.grantSendMessages(parse.function);
    stageQueues.index.grantSendMessages(parse.function);

    const tagEngine = props.tagEngine ?? DEFAULT_TAG_ENGINE;
    const tag = new StageConsumer(this, 'Tag', {
      stage: 'tag',
      maxConcurrency: props.maxConcurrency,
      queue: stageQueues.tag,
      environment: {
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.indexQueueUrl]: stageQueues.index.queueUrl,
        ...inlineMessageBytes,
        [ENV.tagEngine]: tagEngine,
      },
    });
    // The timeout stays the stage's 60 s: an article takes one language call and two Batch* rounds per
    // 25 documents of 5 KB (about a second for a typical article), and the client's own timeouts and
    // retries fit inside it; see docs/comprehend.md. The queue's visibility timeout is derived from it.
    if (tagEngine === 'comprehend') grantComprehendTagging(tag.function);
    grantObjects({ grantee: tag.function, ...work, access: 'read' });
    grantObjects({ grantee: tag.function, ...work, access: 'put' });
    stageQueues.index.grantSendMessages(tag.function);

    const index = new StageConsumer(this, 'Index', {
      stage: 'index',
      maxConcurrency: props.maxConcurrency,
      queue: stageQueues.index,
      environment: {
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.table]: table.tableName,
        [ENV.publishQueueUrl]: stageQueues.publish.queueUrl,
        ...inlineMessageBytes,
      },
    });
    grantObjects({ grantee: index.function, ...work, access: 'read' });
    grantTableData(index.function, table, 'readWrite');
    stageQueues.publish.grantSendMessages(index.function);

    const publish = new StageConsumer(this, 'Publish', {
      stage: 'publish',
      maxConcurrency: props.maxConcurrency,
      queue: stageQueues.publish,
      environment: {
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.publishedBucket]: publishedBucket.bucketName,
        [ENV.eventBus]: eventBus.eventBusName,
        [ENV.table]: table.tableName,
      },
    });
    // Publish acts only on what the index still says (the publish queue does not keep order).
    grantTableData(publish.function, table, 'read');
    grantObjects({ grantee: publish.function, ...work, access: 'read' });
    grantObjects({ grantee: publish.function, ...published, access: 'put' });
    // Withdrawn articles are removed from the published bucket, not just flagged.
    grantObjects({ grantee: publish.function, ...published, access: 'delete' });
    eventBus.grantPutEventsTo(publish.function);

    this.queryFunction = new CopydeskFunction(this, 'Query', {
      functionName: 'query',
      ...QUERY_FUNCTION,
      environment: { [ENV.table]: table.tableName },
    });
    grantTableData(this.queryFunction, table, 'read');

    this.consumers = { parse, tag, index, publish };
  }
}
