import { requireEnv } from '../../shared/config';
import type { IndexQueueMessage } from '../../shared/core/messages';
import { articleIndex, awsClients, workDocuments } from '../../shared/aws/runtime';
import { SqsSender } from '../../shared/aws/messaging';
import { handleIndexMessage, type IndexStageDeps } from '../../shared/stages/index-stage';
import { ENV } from '../../shared/topology';
import { sqsStageHandler } from '../_runtime/sqs-stage';

const deps: Omit<IndexStageDeps, 'logger' | 'metrics'> = {
  index: articleIndex(),
  documents: workDocuments(),
  toPublish: new SqsSender(awsClients().sqs, requireEnv(ENV.publishQueueUrl)),
};

export const handler = sqsStageHandler('index', async (record, { logger, metrics }) => {
  await handleIndexMessage(JSON.parse(record.body) as IndexQueueMessage, { ...deps, logger, metrics });
});
