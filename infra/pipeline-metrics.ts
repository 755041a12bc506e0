import { Duration } from 'aws-cdk-lib';
import { Metric, Stats, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';
import { METRICS, METRIC_NAMESPACE, STAGE_DIMENSION } from '../shared/metrics';
import type { StageName } from '../shared/topology';

/** One of the functions' own (EMF) metrics, addressed as shared/metrics.ts names it. */
function copydeskMetric(metricName: string, stage: StageName, options: MetricOptions = {}): Metric {
  return new Metric({
    namespace: METRIC_NAMESPACE,
    metricName,
    dimensionsMap: { [STAGE_DIMENSION]: stage },
    statistic: Stats.SUM,
    period: Duration.minutes(5),
    ...options,
  });
}

export const recordsSucceeded = (stage: StageName, options?: MetricOptions) =>
  copydeskMetric(METRICS.recordsSucceeded, stage, { label: 'succeeded', ...options });

export const recordsFailed = (stage: StageName, options?: MetricOptions) =>
  copydeskMetric(METRICS.recordsFailed, stage, { label: 'failed', ...options });

/** The share of the stage's records that failed (RecordsFailed is 1 or 0 per record). No label, as below. */
export const errorRate = (stage: StageName, options?: MetricOptions) =>
  copydeskMetric(METRICS.recordsFailed, stage, { statistic: Stats.AVERAGE, ...options });

/**
 * Only the index stage makes an article queryable, so only it reports the latency. No label by default:
 * CDK renders an alarm on a labelled metric in the Metrics (metric math) form, not as a plain metric.
 */
export const uploadToQueryable = (statistic: string, options?: MetricOptions) =>
  copydeskMetric(METRICS.uploadToQueryable, 'index', { statistic, ...options });
