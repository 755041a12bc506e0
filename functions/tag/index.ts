import { requireEnv, tagEngine } from '../../shared/config';
import type { TagQueueMessage } from '../../shared/core/messages';
import { awsClients, workDocuments } from '../../shared/aws/runtime';
import { comprehendClient } from '../../shared/aws/comprehend-client';
import { comprehendTagger } from '../../shared/aws/comprehend-tagger';
import { SqsSender } from '../../shared/aws/messaging';
import { handleParsedArticle, type TagStageDeps } from '../../shared/stages/tag-stage';
import { ENV } from '../../shared/topology';
import { sqsStageHandler } from '../_runtime/sqs-stage';

// Read once at cold start: an unknown engine fails the deployment's first invocation, not each message.
const engine = tagEngine();

const deps: TagStageDeps = {
  documents: workDocuments(),
  toIndex: new SqsSender(awsClients().sqs, requireEnv(ENV.indexQueueUrl)),
  tagger: engine === 'comprehend' ? comprehendTagger(comprehendClient()) : undefined,
};

export const handler = sqsStageHandler('tag', (record, { logger }) =>
  handleParsedArticle(JSON.parse(record.body) as TagQueueMessage, { ...deps, logger }),
);
