import {
  ENV,
  NOTIFICATION_EVENTS,
  RAW_PREFIX,
  STAGES,
  stageSettings,
  table,
  visibilityTimeoutSeconds,
  type StageName,
} from '../../shared/topology';
import { arns, logicalIdOf, render, renderedNames as names } from './render';
import { synthCopydesk } from './synth-copydesk';

/**
 * The deployed templates must agree with shared/topology.ts, which the local emulator is provisioned
 * from too. Every expectation here is computed from topology, so changing a setting there without the
 * infra following it (or the other way round) fails this file.
 */
const { stateful, stateless, statefulTemplate, statelessTemplate } = synthCopydesk();
const statefulResources = statefulTemplate.toJSON().Resources;
const statelessResources = statelessTemplate.toJSON().Resources;

type TemplateResource = { Type: string; Properties: Record<string, unknown> };
const resourcesOfType = (resources: Record<string, TemplateResource>, type: string) =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

const queueNamed = (name: string) => {
  const matches = resourcesOfType(statefulResources, 'AWS::SQS::Queue').filter(
    ([, queue]) => queue.Properties.QueueName === name,
  );
  expect(matches).toHaveLength(1);
  return matches[0]!;
};

const mappingFor = (stage: StageName) => {
  const functionId = logicalIdOf(stateless.consumers[stage].function);
  const matches = resourcesOfType(statelessResources, 'AWS::Lambda::EventSourceMapping').filter(
    ([, mapping]) => JSON.stringify(mapping.Properties).includes(`"Ref":"${functionId}"`),
  );
  expect(matches).toHaveLength(1);
  return matches[0]![1].Properties;
};

describe.each(STAGES)('the %s stage', (stage) => {
  const settings = stageSettings[stage];

  test('queue visibility timeout is visibilityTimeoutSeconds(stage)', () => {
    const [, queue] = queueNamed(names.queue(stage));
    expect(queue).toMatchObject({ Properties: { VisibilityTimeout: visibilityTimeoutSeconds(stage) } });
  });

  test('queue redrives to its own dead-letter queue after maxReceiveCount receives', () => {
    const [, queue] = queueNamed(names.queue(stage));
    const [dlqId] = queueNamed(names.deadLetterQueue(stage));
    expect(queue).toMatchObject({
      Properties: {
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
          maxReceiveCount: settings.maxReceiveCount,
        },
      },
    });
  });

  test('event source mapping reads the stage queue with its batch size, window and concurrency', () => {
    const mapping = mappingFor(stage);
    expect(render(mapping.EventSourceArn)).toBe(arns.queue(names.queue(stage)));
    expect(mapping.BatchSize).toBe(settings.batchSize);
    // A zero window is left out of the template; SQS treats absence as zero.
    expect(mapping.MaximumBatchingWindowInSeconds).toBe(
      settings.maxBatchingWindowSeconds > 0 ? settings.maxBatchingWindowSeconds : undefined,
    );
    expect(mapping.ScalingConfig).toEqual({ MaximumConcurrency: settings.maxConcurrency });
  });

  test('function memory and timeout', () => {
    const fn = statelessResources[logicalIdOf(stateless.consumers[stage].function)];
    expect(fn.Properties.MemorySize).toBe(settings.memoryMb);
    expect(fn.Properties.Timeout).toBe(settings.functionTimeoutSeconds);
  });
});

describe('the table', () => {
  const tableResource = () => statefulResources[logicalIdOf(stateful.table)];

  test('is named from topology', () => {
    expect(tableResource().Properties.TableName).toBe(names.table);
  });

  test('has the topology partition and sort keys', () => {
    expect(tableResource().Properties.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ]);
  });

  test('has no secondary index: every search list is a partition of the table', () => {
    expect(tableResource().Properties.GlobalSecondaryIndexes).toBeUndefined();
  });

  test('defines exactly the key attributes, as strings', () => {
    const keys = [table.partitionKey, table.sortKey];
    expect(tableResource().Properties.AttributeDefinitions).toEqual(
      keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    );
  });
});

describe('raw bucket notifications', () => {
  test('cover exactly the topology events, each filtered to the raw prefix', () => {
    const { QueueConfigurations } = statefulResources[logicalIdOf(stateful.rawBucket)].Properties
      .NotificationConfiguration as { QueueConfigurations: { Event: string; Filter: unknown }[] };
    expect(QueueConfigurations.map((c) => c.Event)).toEqual([...NOTIFICATION_EVENTS]);
    for (const configuration of QueueConfigurations) {
      expect(configuration.Filter).toEqual({ S3Key: { Rules: [{ Name: 'prefix', Value: RAW_PREFIX }] } });
    }
  });
});

describe('names', () => {
  test('the event bus', () => {
    expect(statefulResources[logicalIdOf(stateful.eventBus)].Properties.Name).toBe(names.eventBus);
  });

  test.each(STAGES)('the %s queues', (stage) => {
    expect(queueNamed(names.queue(stage))[0]).toBe(logicalIdOf(stateful.stageQueues[stage]));
    expect(queueNamed(names.deadLetterQueue(stage))[0]).toBe(
      logicalIdOf(stateful.stages[stage].deadLetterQueue),
    );
  });

  test('the buckets', () => {
    const bucketName = (bucket: typeof stateful.rawBucket) =>
      render(statefulResources[logicalIdOf(bucket)].Properties.BucketName);
    expect(bucketName(stateful.rawBucket)).toBe(names.rawBucket);
    expect(bucketName(stateful.workBucket)).toBe(names.workBucket);
    expect(bucketName(stateful.publishedBucket)).toBe(names.publishedBucket);
  });
});

describe('topology is fully honoured', () => {
  // These lists name what the infra knows how to build. A new field in topology.ts fails here until the
  // stacks (and the tests above) learn about it, instead of being silently ignored on AWS.
  test('every stage setting is one the stacks apply', () => {
    for (const stage of STAGES) {
      expect(Object.keys(stageSettings[stage]).sort()).toEqual([
        'batchSize',
        'functionTimeoutSeconds',
        'maxBatchingWindowSeconds',
        'maxConcurrency',
        'maxReceiveCount',
        'memoryMb',
      ]);
    }
  });

  test('every table setting is one the stacks apply', () => {
    expect(Object.keys(table).sort()).toEqual(['partitionKey', 'sortKey']);
  });

  test('every stage has a consumer', () => {
    expect(Object.keys(stateless.consumers).sort()).toEqual([...STAGES].sort());
  });

  test('every topology environment variable reaches some function', () => {
    const given = new Set(
      resourcesOfType(statelessResources, 'AWS::Lambda::Function').flatMap(([, fn]) =>
        Object.keys((fn.Properties.Environment as { Variables: object }).Variables),
      ),
    );
    expect(Object.values(ENV).filter((name) => !given.has(name))).toEqual([]);
  });
});
