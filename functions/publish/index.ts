import { requireEnv } from '../../shared/config';
import type { PublishQueueMessage } from '../../shared/core/messages';
import { articleIndex, awsClients, workDocuments } from '../../shared/aws/runtime';
import { EventBridgeArticleEvents } from '../../shared/aws/messaging';
import { S3PublishedStore } from '../../shared/aws/s3-objects';
import { handlePublishMessage, type PublishStageDeps } from '../../shared/stages/publish-stage';
import { ENV } from '../../shared/topology';
import { sqsStageHandler } from '../_runtime/sqs-stage';

const { s3, events } = awsClients();
const publishedBucket = requireEnv(ENV.publishedBucket);
const deps: Omit<PublishStageDeps, 'logger'> = {
  index: articleIndex(),
  documents: workDocuments(),
  published: new S3PublishedStore(s3, publishedBucket),
  events: new EventBridgeArticleEvents(events, requireEnv(ENV.eventBus)),
  publishedBucket,
};

export const handler = sqsStageHandler('publish', (record, { logger }) =>
  handlePublishMessage(JSON.parse(record.body) as PublishQueueMessage, { ...deps, logger }),
);
