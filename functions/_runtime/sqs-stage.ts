import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { StageLogger } from '../../shared/stages/ports';

/**
 * The inbound adapter every stage shares: Powertools' batch processor turns a thrown record handler into
 * a batchItemFailures entry, so one bad message is retried (and in the end dead-lettered) alone while the
 * rest of the batch succeeds.
 */
export function sqsStageHandler(
  stage: string,
  handleRecord: (record: SQSRecord, log: StageLogger) => Promise<void>,
) {
  const logger = new Logger({ serviceName: 'copydesk', persistentKeys: { stage } });
  const metrics = new Metrics({ namespace: 'copydesk', serviceName: stage });
  const processor = new BatchProcessor(EventType.SQS);
  const log: StageLogger = {
    info: (message, extra) => logger.info(message, extra ?? {}),
    warn: (message, extra) => logger.warn(message, extra ?? {}),
  };

  const recordHandler = async (record: SQSRecord): Promise<void> => {
    try {
      await handleRecord(record, log);
      metrics.addMetric('RecordsSucceeded', MetricUnit.Count, 1);
    } catch (error) {
      logger.error('record failed; it will be retried, then dead-lettered', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      metrics.addMetric('RecordsFailed', MetricUnit.Count, 1);
      throw error;
    }
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    logger.addContext(context);
    try {
      return await processPartialResponse(event, recordHandler, processor, { context });
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
