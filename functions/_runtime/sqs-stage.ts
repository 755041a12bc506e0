import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { recordKeysOfBody } from '../../shared/core/record-keys';
import { METRIC_NAMESPACE, METRICS } from '../../shared/metrics';
import type { StageLogger, StageMetrics } from '../../shared/stages/ports';
import type { StageName } from '../../shared/topology';
import { CompactLogFormatter } from './compact-log-formatter';
import { powertoolsStageMetrics } from './powertools-stage-metrics';

/** What a stage's use case gets for one record: a log whose lines carry the record's keys, and metrics. */
export interface RecordObservers {
  logger: StageLogger;
  metrics: StageMetrics;
}

/**
 * The inbound adapter every stage shares: Powertools' batch processor turns a thrown record handler into
 * a batchItemFailures entry, so one bad message is retried (and in the end dead-lettered) alone while the
 * rest of the batch succeeds.
 */
export function sqsStageHandler(
  stage: StageName,
  handleRecord: (record: SQSRecord, observers: RecordObservers) => Promise<void>,
) {
  const logger = new Logger({
    serviceName: 'copydesk',
    persistentKeys: { stage },
    logFormatter: new CompactLogFormatter(),
  });
  const metrics = new Metrics({ namespace: METRIC_NAMESPACE, serviceName: stage });
  const stageMetrics = powertoolsStageMetrics(metrics);
  const processor = new BatchProcessor(EventType.SQS);

  const recordHandler = async (record: SQSRecord): Promise<void> => {
    // The batch processor runs a batch's records concurrently: each gets a logger of its own, so one
    // record's keys never appear on another's lines.
    const recordLogger = logger.createChild({ persistentKeys: { ...recordKeysOfBody(record.body) } });
    const log: StageLogger = {
      info: (message, extra) => recordLogger.info(message, extra ?? {}),
      warn: (message, extra) => recordLogger.warn(message, extra ?? {}),
    };
    try {
      await handleRecord(record, { logger: log, metrics: stageMetrics });
      metrics.addMetric(METRICS.recordsSucceeded, MetricUnit.Count, 1);
      // A zero too, so that RecordsFailed's average over records is the error rate (shared/metrics.ts).
      metrics.addMetric(METRICS.recordsFailed, MetricUnit.Count, 0);
    } catch (error) {
      recordLogger.error('record failed; it will be retried, then dead-lettered', {
        outcome: 'failed',
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      metrics.addMetric(METRICS.recordsFailed, MetricUnit.Count, 1);
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
