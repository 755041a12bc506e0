import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { stageSettings, type StageName } from '../../shared/topology';
import { CopydeskFunction } from './copydesk-function';

export interface StageConsumerProps {
  readonly stage: StageName;
  readonly queue: IQueue;
  readonly environment?: Record<string, string>;
  /** A cap on the topology's maxConcurrency for this deployment. */
  readonly maxConcurrency?: number;
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
  }
}
