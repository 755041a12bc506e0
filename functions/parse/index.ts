import { maxInputBytes, requireEnv } from '../../shared/config';
import { awsClients, workDocuments } from '../../shared/aws/runtime';
import { SqsSender } from '../../shared/aws/messaging';
import { S3ObjectReader } from '../../shared/aws/s3-objects';
import { handleRawBucketMessage, type ParseStageDeps } from '../../shared/stages/parse-stage';
import { ENV } from '../../shared/topology';
import { sqsStageHandler } from '../_runtime/sqs-stage';

// Wiring is read once per container; a missing variable fails the cold start, not each message.
const { s3, sqs } = awsClients();
const deps: Omit<ParseStageDeps, 'logger'> = {
  objects: new S3ObjectReader(s3),
  documents: workDocuments(),
  toTag: new SqsSender(sqs, requireEnv(ENV.tagQueueUrl)),
  toIndex: new SqsSender(sqs, requireEnv(ENV.indexQueueUrl)),
  maxInputBytes: maxInputBytes(),
};

export const handler = sqsStageHandler('parse', (record, { logger }) =>
  handleRawBucketMessage(record.body, { ...deps, logger }),
);
