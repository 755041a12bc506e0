import { requireEnv } from '../../shared/config';
import type { TagQueueMessage } from '../../shared/core/messages';
import { awsClients, workDocuments } from '../../shared/aws/runtime';
import { SqsSender } from '../../shared/aws/messaging';
import { handleParsedArticle, type TagStageDeps } from '../../shared/stages/tag-stage';
import { ENV } from '../../shared/topology';
import { sqsStageHandler } from '../_runtime/sqs-stage';

const deps: TagStageDeps = {
  documents: workDocuments(),
  toIndex: new SqsSender(awsClients().sqs, requireEnv(ENV.indexQueueUrl)),
};

export const handler = sqsStageHandler('tag', (record) =>
  handleParsedArticle(JSON.parse(record.body) as TagQueueMessage, deps),
);
