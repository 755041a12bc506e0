import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { RecordKeys } from '../../shared/core/record-keys';
import { METRICS, REASON_DIMENSION } from '../../shared/metrics';
import type { StageMetrics } from '../../shared/stages/ports';

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

/**
 * The index stage's per-article metrics as one EMF line each (Powertools' single metric): the record's
 * keys go in as metadata, which EMF keeps as properties of the line, searchable in the log but not
 * dimensions, so the metric's cardinality stays service (and reason).
 */
export function powertoolsStageMetrics(metrics: Metrics): StageMetrics {
  const emit = (keys: RecordKeys, name: string, unit: Unit, value: number, reason?: string) => {
    const single = metrics.singleMetric();
    if (reason !== undefined) single.addDimension(REASON_DIMENSION, reason);
    for (const [key, keyValue] of Object.entries(keys)) single.addMetadata(key, keyValue);
    // A single metric is flushed by addMetric, so it comes last.
    single.addMetric(name, unit, value);
  };
  return {
    uploadToQueryable: (keys, milliseconds) =>
      emit(keys, METRICS.uploadToQueryable, MetricUnit.Milliseconds, Math.max(0, milliseconds)),
    rejectedFile: (keys, reason) => emit(keys, METRICS.rejectedFiles, MetricUnit.Count, 1, reason),
  };
}
