import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueDepths } from '../stages/archive';
import type { StageName } from '../topology';

/** Messages waiting or in flight on a queue (approximate, as SQS reports them). */
export async function queueDepth(sqs: SQSClient, url: string): Promise<number> {
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(attributes.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

/** Queue depths for the archive's /status, from each stage's queue and dead-letter queue URL. */
export class SqsQueueDepths implements QueueDepths {
  constructor(
    private readonly sqs: SQSClient,
    private readonly urlOf: (stage: StageName, deadLetter: boolean) => Promise<string> | string,
  ) {}

  async depth(stage: StageName, deadLetter: boolean): Promise<number> {
    return queueDepth(this.sqs, await this.urlOf(stage, deadLetter));
  }
}
