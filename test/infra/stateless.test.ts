import { Match } from 'aws-cdk-lib/assertions';
import {
  DEFAULT_INLINE_MESSAGE_BYTES,
  DEFAULT_MAX_INPUT_BYTES,
  ENV,
  STAGES,
  stageSettings,
} from '../../shared/topology';
import type { CopydeskFunction } from '../../infra/constructs/copydesk-function';
import { DEPLOY_SITE_CONTEXT } from '../../infra/context';
import { logicalIdOf, render, renderedNames } from './render';
import { synthCopydesk } from './synth-copydesk';

const { stateful, stateless, statelessTemplate: template, statefulTemplate } = synthCopydesk();
// Template JSON is untyped; its shape is what these tests assert.
const resources = template.toJSON().Resources;

const functions: Record<string, CopydeskFunction> = {
  ...Object.fromEntries(STAGES.map((stage) => [stage, stateless.consumers[stage].function])),
  api: stateless.apiFunction,
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
  test("six functions: one per stage, the archive API, and the page deployment's handler", () => {
    template.resourceCountIs('AWS::Lambda::Function', STAGES.length + 2);
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
    // ... the page deployment's handler included.
    template.resourceCountIs('AWS::IAM::Role', Object.keys(functions).length + 1);
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
    // One per function, the page deployment's handler's, and each API stage's access log.
    template.resourceCountIs('AWS::Logs::LogGroup', Object.keys(functions).length + 3);
    const logGroups = Object.values(functions).map((fn) => propertiesOf(fn).LoggingConfig.LogGroup.Ref);
    expect(new Set(logGroups).size).toBe(logGroups.length);
  });

  test.each(STAGES)('the %s function is sized from topology', (stage) => {
    expect(propertiesOf(functions[stage]!)).toMatchObject({
      MemorySize: stageSettings[stage].memoryMb,
      Timeout: stageSettings[stage].functionTimeoutSeconds,
    });
  });

  test("api has an explicit size and a timeout inside API Gateway's 30 s", () => {
    expect(propertiesOf(stateless.apiFunction)).toMatchObject({
      MemorySize: expect.any(Number),
      Timeout: expect.any(Number),
    });
    expect(propertiesOf(stateless.apiFunction).Timeout).toBeLessThan(30);
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
    api: {
      ...common('api'),
      [ENV.table]: renderedNames.table,
      [ENV.publishedBucket]: renderedNames.publishedBucket,
      [ENV.stageQueueUrls]: JSON.stringify(
        Object.fromEntries(
          STAGES.map((stage) => [
            stage,
            {
              queue: queueUrl(renderedNames.queue(stage)),
              deadLetter: queueUrl(renderedNames.deadLetterQueue(stage)),
            },
          ]),
        ),
      ),
    },
  };

  test.each(Object.keys(expected))('%s', (name) => {
    expect(environmentOf(functions[name]!)).toEqual(expected[name]);
  });
});

describe('event source mappings', () => {
  test('one per stage, none for the API', () => {
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
  test('is by topology name, but for the user pool and the alarm topic: no exports or imports', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/Fn::ImportValue/);
    // Cognito generates the pool's and the client's ids, and CloudFormation the topic's ARN, so only
    // they are read from the stateful stack's outputs (a weak reference: nothing there is pinned by an
    // export).
    const readOutputs = new Set(
      [
        ...json.matchAll(
          /"Fn::GetStackOutput":\{"StackName":"CopydeskStateful","Region":\{[^}]*\},"OutputName":"([^"]+)"/g,
        ),
      ].map((m) => m[1]),
    );
    expect([...readOutputs].sort()).toEqual(Object.keys(statefulTemplate.toJSON().Outputs).sort());
    expect(Object.keys(statefulTemplate.toJSON().Outputs)).toHaveLength(3);
    expect(JSON.stringify(statefulTemplate.toJSON().Outputs)).toMatch(/WebUsersUserPool/);
    expect(JSON.stringify(statefulTemplate.toJSON().Outputs)).toMatch(/AlarmsTopic/);
  });

  test('deploys after the stateful stack', () => {
    expect(stateless.dependencies).toContain(stateful);
  });

  test("no custom resources but the page's deployment, and none at all without it", () => {
    const customTypes = (json: Record<string, unknown>) =>
      Object.values(json.Resources as Record<string, { Type: string }>)
        .map((r) => r.Type)
        .filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource');
    expect(customTypes(template.toJSON())).toEqual(['Custom::CDKBucketDeployment']);
    const local = synthCopydesk({ context: { [DEPLOY_SITE_CONTEXT]: 'false' } });
    expect(customTypes(local.statelessTemplate.toJSON())).toEqual([]);
    local.statelessTemplate.resourceCountIs('AWS::Lambda::Function', STAGES.length + 1);
  });
});
