import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ArticleEvents } from '../stages/publish-stage';
import type { MessageSender } from '../stages/ports';
import { EVENT_SOURCE } from '../topology';

export class SqsSender<M> implements MessageSender<M> {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(message: M): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }),
    );
  }
}

export class EventBridgeArticleEvents implements ArticleEvents {
  constructor(
    private readonly events: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async emit(detailType: string, detail: Record<string, unknown>): Promise<void> {
    const response = await this.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: EVENT_SOURCE,
            DetailType: detailType,
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    // PutEvents reports per-entry failures in a 200 response; an unnoticed one would lose the event.
    if (response.FailedEntryCount) {
      const entry = response.Entries?.find((e) => e.ErrorCode);
      throw new Error(
        `PutEvents failed: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`.trim(),
      );
    }
  }
}
