import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { stageSettings, type StageName } from '../../shared/topology';
import { acknowledgeCheckov } from '../checkov-acknowledgments';
import { CopydeskFunction } from './copydesk-function';

export interface StageConsumerProps {
  readonly stage: StageName;
  readonly queue: IQueue;
  readonly environment?: Record<string, string>;
  /** A cap on the topology's maxConcurrency for this deployment. */
  readonly maxConcurrency?: number;
  /** X-Ray active tracing (the default), or none. */
  readonly tracing?: boolean;
}

/** A pipeline stage: its function, sized from the topology, draining the stage's queue. */
export class StageConsumer extends Construct {
  readonly function: CopydeskFunction;

  constructor(scope: Construct, id: string, props: StageConsumerProps) {
    super(scope, id);
    const settings = stageSettings[props.stage];

    this.function = new CopydeskFunction(this, 'Function', {
      functionName: props.stage,
      memoryMb: settings.memoryMb,
      timeoutSeconds: settings.functionTimeoutSeconds,
      environment: props.environment,
      tracing: props.tracing,
    });

    this.function.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: settings.batchSize,
        // Handlers report failed records individually, so one bad message doesn't retry its batch.
        reportBatchItemFailures: true,
        // A zero window is the service default; leaving it unset keeps the mapping's template minimal.
        maxBatchingWindow:
          settings.maxBatchingWindowSeconds > 0
            ? Duration.seconds(settings.maxBatchingWindowSeconds)
            : undefined,
        maxConcurrency: Math.min(settings.maxConcurrency, props.maxConcurrency ?? Infinity),
      }),
    );

    acknowledgeCheckov(
      this.function,
      'CKV_AWS_116',
      "Fed by its stage queue's event source mapping, which invokes it synchronously, so a Lambda dead-letter queue (for asynchronous invocations only) would never receive anything. A record that keeps failing goes to the stage's own dead-letter queue through the queue's redrive policy, and an alarm says so (infra/constructs/queue-with-dead-letter.ts).",
    );
    acknowledgeCheckov(
      this.function,
      'CKV_AWS_115',
      "Its concurrency is capped by the event source mapping's maximum concurrency (the stage's maxConcurrency in shared/topology.ts, or the maxConcurrency context), AWS's way to bound an SQS consumer. Reserved concurrency below the pollers' count would throttle their invocations, and every throttled batch counts toward maxReceiveCount, sending good messages to the dead-letter queue.",
    );
  }
}
