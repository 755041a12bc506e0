import { PUBLISHED_PREFIX, RAW_PREFIX, STAGES, WORK_PREFIX } from '../../shared/topology';
import type { CopydeskFunction } from '../../infra/constructs/copydesk-function';
import { arns, logicalIdOf, render, renderedNames as names } from './render';
import { synthCopydesk } from './synth-copydesk';

const { stateless, statelessTemplate: template } = synthCopydesk();

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Everything a function's role may do, as rendered resource ARN -> sorted actions. */
function permissionsOf(fn: CopydeskFunction): Record<string, string[]> {
  const roleId = logicalIdOf(fn.role!);
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
  );
  const managed = template.toJSON().Resources[roleId].Properties.ManagedPolicyArns;
  expect(managed).toBeUndefined();

  const permissions: Record<string, Set<string>> = {};
  for (const policy of policies) {
    for (const statement of policy.Properties.PolicyDocument.Statement as Statement[]) {
      expect(statement.Effect).toBe('Allow');
      const actions = [statement.Action].flat();
      for (const resource of [statement.Resource].flat()) {
        const key = render(resource);
        permissions[key] ??= new Set();
        actions.forEach((action) => permissions[key]!.add(action));
      }
    }
  }
  return Object.fromEntries(
    Object.entries(permissions).map(([resource, actions]) => [resource, [...actions].sort()]),
  );
}

const functions: Record<string, CopydeskFunction> = {
  ...Object.fromEntries(STAGES.map((stage) => [stage, stateless.consumers[stage].function])),
  api: stateless.apiFunction,
};

const S3_READ = ['s3:GetBucket*', 's3:GetObject*', 's3:List*'];
const S3_PUT = [
  's3:Abort*',
  's3:PutObject',
  's3:PutObjectLegalHold',
  's3:PutObjectRetention',
  's3:PutObjectTagging',
  's3:PutObjectVersionTagging',
];
const S3_DELETE = ['s3:DeleteObject*'];
const SQS_CONSUME = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
];
const SQS_SEND = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
const DYNAMODB_READ = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:Query',
  'dynamodb:Scan',
];
const DYNAMODB_WRITE = [
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];
const sorted = (...actions: string[][]) => [...new Set(actions.flat())].sort();

const ownLogGroup = (fn: CopydeskFunction) => {
  const logGroupId = template.toJSON().Resources[logicalIdOf(fn)].Properties.LoggingConfig.LogGroup
    .Ref as string;
  return `\${${logGroupId}.Arn}`;
};
/** Every function may write its own logs and traces. */
const baseline = (fn: CopydeskFunction) => ({
  [ownLogGroup(fn)]: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  '*': ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
});
const objects = (bucket: string, prefix: string) => arns.objects(bucket, `${prefix}*`);

describe('each function may do exactly what its stage needs', () => {
  test('parse: read new uploads, write claim checks, send to tag and index', () => {
    const fn = functions.parse!;
    expect(permissionsOf(fn)).toEqual({
      ...baseline(fn),
      [arns.queue(names.queue('parse'))]: SQS_CONSUME,
      [arns.bucket(names.rawBucket)]: S3_READ,
      [objects(names.rawBucket, RAW_PREFIX)]: S3_READ,
      [objects(names.workBucket, WORK_PREFIX)]: S3_PUT,
      [arns.queue(names.queue('tag'))]: SQS_SEND,
      [arns.queue(names.queue('index'))]: SQS_SEND,
    });
  });

  test('tag: read and write claim checks, send to index', () => {
    const fn = functions.tag!;
    expect(permissionsOf(fn)).toEqual({
      ...baseline(fn),
      [arns.queue(names.queue('tag'))]: SQS_CONSUME,
      [arns.bucket(names.workBucket)]: S3_READ,
      [objects(names.workBucket, WORK_PREFIX)]: sorted(S3_READ, S3_PUT),
      [arns.queue(names.queue('index'))]: SQS_SEND,
    });
  });

  test('index: read claim checks, read and write the table, send to publish', () => {
    const fn = functions.index!;
    const table = arns.table(names.table);
    expect(permissionsOf(fn)).toEqual({
      ...baseline(fn),
      [arns.queue(names.queue('index'))]: SQS_CONSUME,
      [arns.bucket(names.workBucket)]: S3_READ,
      [objects(names.workBucket, WORK_PREFIX)]: S3_READ,
      [table]: sorted(DYNAMODB_READ, DYNAMODB_WRITE),
      [`${table}/index/*`]: sorted(DYNAMODB_READ, DYNAMODB_WRITE),
      [arns.queue(names.queue('publish'))]: SQS_SEND,
    });
  });

  test('publish: read claim checks and the table, write and delete published articles, put events', () => {
    const fn = functions.publish!;
    const table = arns.table(names.table);
    expect(permissionsOf(fn)).toEqual({
      ...baseline(fn),
      [arns.queue(names.queue('publish'))]: SQS_CONSUME,
      [arns.bucket(names.workBucket)]: S3_READ,
      [objects(names.workBucket, WORK_PREFIX)]: S3_READ,
      [objects(names.publishedBucket, PUBLISHED_PREFIX)]: sorted(S3_PUT, S3_DELETE),
      [arns.eventBus(names.eventBus)]: ['events:PutEvents'],
      [table]: DYNAMODB_READ,
      [`${table}/index/*`]: DYNAMODB_READ,
    });
  });

  test('api: read the table and the published articles, and the depth of every queue', () => {
    const fn = functions.api!;
    const table = arns.table(names.table);
    expect(permissionsOf(fn)).toEqual({
      ...baseline(fn),
      [table]: DYNAMODB_READ,
      [`${table}/index/*`]: DYNAMODB_READ,
      [arns.bucket(names.publishedBucket)]: S3_READ,
      [objects(names.publishedBucket, PUBLISHED_PREFIX)]: S3_READ,
      ...Object.fromEntries(
        STAGES.flatMap((stage) => [
          [arns.queue(names.queue(stage)), ['sqs:GetQueueAttributes']],
          [arns.queue(names.deadLetterQueue(stage)), ['sqs:GetQueueAttributes']],
        ]),
      ),
    });
  });
});

describe('guard rails', () => {
  const allActions = (fn: CopydeskFunction) => Object.values(permissionsOf(fn)).flat();

  test('parse cannot touch the table, the bus or the published bucket', () => {
    const permissions = permissionsOf(functions.parse!);
    expect(allActions(functions.parse!).filter((a) => /^(dynamodb|events):/.test(a))).toEqual([]);
    expect(Object.keys(permissions).filter((r) => r.includes(names.publishedBucket))).toEqual([]);
  });

  test('api cannot write anything but its own logs and traces', () => {
    const writes = allActions(functions.api!).filter(
      (action) =>
        !/^(logs|xray):/.test(action) &&
        ![...DYNAMODB_READ, ...S3_READ, 'sqs:GetQueueAttributes'].includes(action),
    );
    expect(writes).toEqual([]);
  });

  test.each(Object.keys(functions))('%s has no wildcard resource except for X-Ray', (name) => {
    expect(permissionsOf(functions[name]!)['*']).toEqual([
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  test.each(Object.keys(functions))('%s never deletes outside the published articles', (name) => {
    const deletions = Object.entries(permissionsOf(functions[name]!)).filter(([, actions]) =>
      actions.some((a) => a.startsWith('s3:Delete')),
    );
    const allowed = name === 'publish' ? [objects(names.publishedBucket, PUBLISHED_PREFIX)] : [];
    expect(deletions.map(([resource]) => resource)).toEqual(allowed);
  });
});
