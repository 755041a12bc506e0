import { Match } from 'aws-cdk-lib/assertions';
import {
  DEFAULT_INLINE_MESSAGE_BYTES,
  DEFAULT_MAX_INPUT_BYTES,
  ENV,
  STAGES,
  stageSettings,
} from '../../shared/topology';
import type { CopydeskFunction } from '../../infra/constructs/copydesk-function';
import { logicalIdOf, render, renderedNames } from './render';
import { synthCopydesk } from './synth-copydesk';

const { stateful, stateless, statelessTemplate: template } = synthCopydesk();
// Template JSON is untyped; its shape is what these tests assert.
const resources = template.toJSON().Resources;

const functions: Record<string, CopydeskFunction> = {
  ...Object.fromEntries(STAGES.map((stage) => [stage, stateless.consumers[stage].function])),
  query: stateless.queryFunction,
};
const propertiesOf = (fn: CopydeskFunction) => resources[logicalIdOf(fn)].Properties;
const environmentOf = (fn: CopydeskFunction): Record<string, string> =>
  Object.fromEntries(
    Object.entries(propertiesOf(fn).Environment.Variables as Record<string, unknown>).map(([k, v]) => [
      k,
      render(v),
    ]),
  );

const queueUrl = (name: string) =>
  `https://sqs.\${AWS::Region}.\${AWS::URLSuffix}/\${AWS::AccountId}/${name}`;

describe('functions', () => {
  test('five functions: one per stage plus query', () => {
    template.resourceCountIs('AWS::Lambda::Function', STAGES.length + 1);
  });

  test.each(Object.keys(functions))('%s runs Node.js 22 on arm64 with active tracing', (name) => {
    expect(propertiesOf(functions[name]!)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
    });
  });

  test.each(Object.keys(functions))('%s logs to its own log group, kept for a month', (name) => {
    const logGroupRef = propertiesOf(functions[name]!).LoggingConfig.LogGroup as { Ref: string };
    expect(resources[logGroupRef.Ref]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
  });

  test('each function has its own role, assumable only by Lambda, with no managed policies', () => {
    template.resourceCountIs('AWS::IAM::Role', Object.keys(functions).length);
    template.allResourcesProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
        ],
      },
      ManagedPolicyArns: Match.absent(),
    });
    const roles = Object.values(functions).map((fn) => JSON.stringify(propertiesOf(fn).Role));
    expect(new Set(roles).size).toBe(roles.length);
  });

  test('log groups are not shared', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', Object.keys(functions).length);
    const logGroups = Object.values(functions).map((fn) => propertiesOf(fn).LoggingConfig.LogGroup.Ref);
    expect(new Set(logGroups).size).toBe(logGroups.length);
  });

  test.each(STAGES)('the %s function is sized from topology', (stage) => {
    expect(propertiesOf(functions[stage]!)).toMatchObject({
      MemorySize: stageSettings[stage].memoryMb,
      Timeout: stageSettings[stage].functionTimeoutSeconds,
    });
  });

  test('query has an explicit size and a short timeout', () => {
    expect(propertiesOf(stateless.queryFunction)).toMatchObject({
      MemorySize: expect.any(Number),
      Timeout: expect.any(Number),
    });
    expect(propertiesOf(stateless.queryFunction).Timeout).toBeLessThanOrEqual(30);
  });

  test.each(Object.keys(functions))('%s names its service and maps stack traces to sources', (name) => {
    expect(environmentOf(functions[name]!)).toMatchObject({
      POWERTOOLS_SERVICE_NAME: `copydesk-${name}`,
      NODE_OPTIONS: '--enable-source-maps',
    });
  });
});

describe('function wiring (environment)', () => {
  const common = (name: string) => ({
    POWERTOOLS_SERVICE_NAME: `copydesk-${name}`,
    NODE_OPTIONS: '--enable-source-maps',
  });
  const inline = { [ENV.inlineMessageBytes]: String(DEFAULT_INLINE_MESSAGE_BYTES) };

  // Exact maps: a function is told about exactly the resources it is allowed to touch.
  const expected: Record<string, Record<string, string>> = {
    parse: {
      ...common('parse'),
      [ENV.rawBucket]: renderedNames.rawBucket,
      [ENV.workBucket]: renderedNames.workBucket,
      [ENV.tagQueueUrl]: queueUrl(renderedNames.queue('tag')),
      [ENV.indexQueueUrl]: queueUrl(renderedNames.queue('index')),
      [ENV.maxInputBytes]: String(DEFAULT_MAX_INPUT_BYTES),
      ...inline,
    },
    tag: {
      ...common('tag'),
      [ENV.workBucket]: renderedNames.workBucket,
      [ENV.indexQueueUrl]: queueUrl(renderedNames.queue('index')),
      ...inline,
      [ENV.tagEngine]: 'copydesk',
    },
    index: {
      ...common('index'),
      [ENV.workBucket]: renderedNames.workBucket,
      [ENV.table]: renderedNames.table,
      [ENV.publishQueueUrl]: queueUrl(renderedNames.queue('publish')),
      ...inline,
    },
    publish: {
      ...common('publish'),
      [ENV.workBucket]: renderedNames.workBucket,
      [ENV.publishedBucket]: renderedNames.publishedBucket,
      [ENV.eventBus]: renderedNames.eventBus,
      [ENV.table]: renderedNames.table,
    },
    query: { ...common('query'), [ENV.table]: renderedNames.table },
  };

  test.each(Object.keys(expected))('%s', (name) => {
    expect(environmentOf(functions[name]!)).toEqual(expected[name]);
  });
});

describe('event source mappings', () => {
  test('one per stage, none for query', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', STAGES.length);
  });

  test('every mapping reports partial batch failures', () => {
    template.allResourcesProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  test.each(STAGES)('the %s mapping feeds its function with the stage settings', (stage) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(functions[stage]!) },
      BatchSize: stageSettings[stage].batchSize,
      ScalingConfig: { MaximumConcurrency: stageSettings[stage].maxConcurrency },
      EventSourceArn: Match.anyValue(),
    });
  });
});

describe('coupling to the stateful stack', () => {
  test('is by topology name only: no exports, imports or stack outputs', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/Fn::ImportValue|Fn::GetStackOutput/);
    expect(template.toJSON().Outputs).toBeUndefined();
  });

  test('deploys after the stateful stack', () => {
    expect(stateless.dependencies).toContain(stateful);
  });

  test('no custom resources', () => {
    const types = new Set(Object.values(resources as Record<string, { Type: string }>).map((r) => r.Type));
    expect(
      [...types].filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource'),
    ).toEqual([]);
  });
});
