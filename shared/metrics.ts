/**
 * The pipeline's own CloudWatch metrics: written by the functions as embedded metric format (EMF) log
 * lines, read by the dashboard and the alarms in infra/. One contract, so a renamed metric breaks the
 * build instead of silently emptying a graph.
 *
 * Dimensions stay low-cardinality (a metric per distinct dimension set costs money every month); the
 * article id, object key and version token ride along as EMF properties, searchable in the log line
 * but not dimensions.
 */
export const METRIC_NAMESPACE = 'copydesk';

/** Powertools Metrics' default dimension: the stage name (parse, tag, index, publish). */
export const STAGE_DIMENSION = 'service';
/** The rejection code (BINARY, NO_CONTENT, ...) of RejectedFiles. */
export const REASON_DIMENSION = 'reason';

export const METRICS = {
  /** A stage handled one record (Count, per stage). */
  recordsSucceeded: 'RecordsSucceeded',
  /**
   * 1 for a record that threw (it will be retried, then dead-lettered), 0 for one that succeeded (Count,
   * per stage). Its Sum counts failures, and its Average is the stage's error rate, which an alarm can
   * watch without metric math.
   */
  recordsFailed: 'RecordsFailed',
  /** Upload (the S3 event time) to the index write that makes the article queryable (Milliseconds, index). */
  uploadToQueryable: 'UploadToQueryable',
  /** A file the index recorded as rejected, by reason code (Count, index). */
  rejectedFiles: 'RejectedFiles',
} as const;

/**
 * Upload→queryable p95 the on-call alarm holds the pipeline to. The product target measured by
 * `npm run bench` is 5 s at 10 articles/s; the alarm allows headroom for cold starts and bursts so that
 * it fires on a backlog, not on one slow minute.
 */
export const UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS = 60;

/**
 * The share of a stage's records failing, in two 5-minute windows in a row, that pages on-call. One poison
 * message is the dead-letter alarm's news; a tenth of everything failing is an outage of a dependency or a
 * bad deploy.
 */
export const STAGE_ERROR_RATE_ALARM = 0.1;
