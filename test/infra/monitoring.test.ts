import { oldestMessageAlarmSeconds } from '../../infra/constructs/pipeline-alarms';
import { DASHBOARD_NAME } from '../../infra/constructs/pipeline-dashboard';
import {
  METRICS,
  METRIC_NAMESPACE,
  REASON_DIMENSION,
  STAGE_DIMENSION,
  STAGE_ERROR_RATE_ALARM,
  UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS,
} from '../../shared/metrics';
import { STAGES, visibilityTimeoutSeconds, type StageName } from '../../shared/topology';
import { logicalIdOf, render, renderedNames } from './render';
import { synthCopydesk } from './synth-copydesk';

const { stateful, stateless, statefulTemplate, statelessTemplate: template } = synthCopydesk();

/** How the stateless stack names the alarm topic: the stateful stack's output of the topic's Ref. */
const alarmTopicAction = (() => {
  const topicId = logicalIdOf(stateful.alarmTopic);
  const outputs = statefulTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
  const [outputName] = Object.entries(outputs)
    .filter(([, output]) => JSON.stringify(output.Value) === JSON.stringify({ Ref: topicId }))
    .map(([name]) => name);
  expect(outputName).toBeDefined();
  return {
    'Fn::GetStackOutput': {
      StackName: 'CopydeskStateful',
      Region: { Ref: 'AWS::Region' },
      OutputName: outputName,
    },
  };
})();

type Widget = { type: string; properties: { title?: string; metrics?: unknown[][]; alarms?: string[] } };

const widgets: Widget[] = (() => {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  expect(dashboards[0]!.Properties.DashboardName).toBe(DASHBOARD_NAME);
  return JSON.parse(render(dashboards[0]!.Properties.DashboardBody)).widgets;
})();

const widgetTitled = (title: string): Widget => {
  const found = widgets.filter((widget) => widget.properties.title === title);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** A metric line of a graph as the dashboard JSON writes it: namespace, name, dimension pairs, options. */
const metricLine = (
  namespace: string,
  name: string,
  dimensions: Record<string, string>,
  options: object = {},
) =>
  expect.arrayContaining([
    namespace,
    name,
    ...Object.entries(dimensions).flat(),
    expect.objectContaining(options),
  ]);

const functionName = (stage: StageName) => `\${${logicalIdOf(stateless.consumers[stage].function)}}`;

describe('the pipeline dashboard', () => {
  describe.each(STAGES)('the %s row', (stage) => {
    const queue = { QueueName: renderedNames.queue(stage) };

    test('shows records received, succeeded and failed', () => {
      expect(widgetTitled(`${stage}: records`).properties.metrics).toEqual([
        metricLine('AWS/SQS', 'NumberOfMessagesReceived', queue, { stat: 'Sum' }),
        metricLine(METRIC_NAMESPACE, METRICS.recordsSucceeded, { [STAGE_DIMENSION]: stage }, { stat: 'Sum' }),
        metricLine(METRIC_NAMESPACE, METRICS.recordsFailed, { [STAGE_DIMENSION]: stage }, { stat: 'Sum' }),
      ]);
    });

    test("shows the function's batch duration p50 and p95", () => {
      const fn = { FunctionName: functionName(stage) };
      expect(widgetTitled(`${stage}: batch duration (ms)`).properties.metrics).toEqual([
        metricLine('AWS/Lambda', 'Duration', fn, { stat: 'p50' }),
        metricLine('AWS/Lambda', 'Duration', fn, { stat: 'p95' }),
      ]);
    });

    test("shows the function's throttles", () => {
      expect(widgetTitled(`${stage}: throttles`).properties.metrics).toEqual([
        metricLine('AWS/Lambda', 'Throttles', { FunctionName: functionName(stage) }, { stat: 'Sum' }),
      ]);
    });

    test('shows queue depth, dead letters and the age of the oldest message', () => {
      expect(widgetTitled(`${stage}: queue`).properties.metrics).toEqual([
        metricLine('AWS/SQS', 'ApproximateNumberOfMessagesVisible', queue, { stat: 'Maximum' }),
        metricLine(
          'AWS/SQS',
          'ApproximateNumberOfMessagesVisible',
          { QueueName: renderedNames.deadLetterQueue(stage) },
          { stat: 'Maximum' },
        ),
        metricLine('AWS/SQS', 'ApproximateAgeOfOldestMessage', queue, { stat: 'Maximum', yAxis: 'right' }),
      ]);
    });
  });

  test('shows upload→queryable p50 and p95 against the alarm threshold', () => {
    const widget = widgetTitled('upload → queryable (ms)');
    const index = { [STAGE_DIMENSION]: 'index' };
    expect(widget.properties.metrics).toEqual([
      metricLine(METRIC_NAMESPACE, METRICS.uploadToQueryable, index, { stat: 'p50' }),
      metricLine(METRIC_NAMESPACE, METRICS.uploadToQueryable, index, { stat: 'p95' }),
    ]);
    expect(widget.properties).toMatchObject({
      annotations: { horizontal: [{ value: UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS * 1000 }] },
    });
  });

  test('shows rejected files by every reason code, found by SEARCH', () => {
    const [[line]] = widgetTitled('rejected files by reason').properties.metrics as [
      [{ expression: string }],
    ];
    expect(line.expression).toBe(
      `SEARCH('{${METRIC_NAMESPACE},${STAGE_DIMENSION},${REASON_DIMENSION}} MetricName="${METRICS.rejectedFiles}"', 'Sum', 300)`,
    );
  });

  test("shows the table's consumed capacity and throttles", () => {
    const table = { TableName: renderedNames.table };
    expect(widgetTitled(`${renderedNames.table}: consumed capacity units`).properties.metrics).toEqual([
      metricLine('AWS/DynamoDB', 'ConsumedReadCapacityUnits', table, { stat: 'Sum' }),
      metricLine('AWS/DynamoDB', 'ConsumedWriteCapacityUnits', table, { stat: 'Sum' }),
    ]);
    const throttles = widgetTitled(`${renderedNames.table}: throttles`).properties.metrics!;
    expect(throttles).toEqual([
      metricLine('AWS/DynamoDB', 'ReadThrottleEvents', table, { stat: 'Sum' }),
      metricLine('AWS/DynamoDB', 'WriteThrottleEvents', table, { stat: 'Sum' }),
      [expect.objectContaining({ expression: expect.stringMatching(/^SEARCH\(.*ThrottledRequests/) })],
    ]);
  });

  test('opens on the state of every copydesk alarm, the dead-letter ones included', () => {
    const [alarmWidget] = widgets.filter((widget) => widget.type === 'alarm');
    const listed = alarmWidget!.properties.alarms!.map((arn) => arn.replace(/^\$\{(.+)\.Arn\}$/, '$1'));
    const alarmsHere = template.findResources('AWS::CloudWatch::Alarm');
    const expected = [
      ...STAGES.map(
        (stage) =>
          `arn:\${AWS::Partition}:cloudwatch:\${AWS::Region}:\${AWS::AccountId}:alarm:copydesk-${stage}-dead-letters`,
      ),
      ...Object.keys(alarmsHere),
    ];
    expect(listed.sort()).toEqual(expected.sort());
  });
});

describe('alarms', () => {
  const alarmsHere = () => Object.values(template.findResources('AWS::CloudWatch::Alarm'));

  test('eleven in the stateless stack: two per stage, latency, and table reads and writes', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2 * STAGES.length + 3);
  });

  test.each(STAGES)(
    'a tenth of the %s records failing for 10 minutes raises copydesk-%s-error-rate',
    (stage) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `copydesk-${stage}-error-rate`,
        Namespace: METRIC_NAMESPACE,
        MetricName: METRICS.recordsFailed,
        Dimensions: [{ Name: STAGE_DIMENSION, Value: stage }],
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 2,
        Threshold: STAGE_ERROR_RATE_ALARM,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [alarmTopicAction],
      });
    },
  );

  test.each(STAGES)(
    'a message waiting 3 visibility timeouts in the %s queue raises copydesk-%s-oldest-message',
    (stage) => {
      expect(oldestMessageAlarmSeconds(stage)).toBe(3 * visibilityTimeoutSeconds(stage));
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `copydesk-${stage}-oldest-message`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: renderedNames.queue(stage) }],
        Statistic: 'Maximum',
        Threshold: oldestMessageAlarmSeconds(stage),
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [alarmTopicAction],
      });
    },
  );

  test('upload→queryable p95 over its target raises copydesk-upload-to-queryable-p95', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'copydesk-upload-to-queryable-p95',
      Namespace: METRIC_NAMESPACE,
      MetricName: METRICS.uploadToQueryable,
      Dimensions: [{ Name: STAGE_DIMENSION, Value: 'index' }],
      ExtendedStatistic: 'p95',
      Threshold: UPLOAD_TO_QUERYABLE_P95_TARGET_SECONDS * 1000,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [alarmTopicAction],
    });
  });

  test.each(['Read', 'Write'])('any %s throttled on the table raises an alarm', (kind) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `copydesk-table-${kind.toLowerCase()}-throttles`,
      Namespace: 'AWS/DynamoDB',
      MetricName: `${kind}ThrottleEvents`,
      Dimensions: [{ Name: 'TableName', Value: renderedNames.table }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [alarmTopicAction],
    });
  });

  test.each(STAGES)(
    'the %s dead-letter alarm keeps its place in the stateful stack, named for the runbook',
    (stage) => {
      statefulTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `copydesk-${stage}-dead-letters`,
        AlarmActions: [{ Ref: logicalIdOf(stateful.alarmTopic) }],
      });
    },
  );

  test('every alarm is named copydesk-… and says what to do, in one sentence', () => {
    const all = [...alarmsHere(), ...Object.values(statefulTemplate.findResources('AWS::CloudWatch::Alarm'))];
    for (const { Properties: alarm } of all) {
      expect(alarm.AlarmName).toMatch(/^copydesk-[a-z0-9-]+$/);
      expect(alarm.AlarmDescription).toMatch(/^[^.]*: .*\.$/s);
      expect(alarm.AlarmDescription).toMatch(/check|find|look/);
    }
  });
});
