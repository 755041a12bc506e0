import { Stack, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { resourceNames } from '../../shared/topology';

/**
 * Flattens a template value into one readable string: `{"Ref": "AWS::Region"}` becomes
 * `${AWS::Region}`, `{"Fn::GetAtt": ["Id", "Arn"]}` becomes `${Id.Arn}`, and Fn::Join is joined.
 */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if ('Ref' in node) return `\${${String(node.Ref)}}`;
    if ('Fn::GetAtt' in node) return `\${${(node['Fn::GetAtt'] as string[]).join('.')}}`;
    if ('Fn::Join' in node) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(separator);
    }
  }
  throw new Error(`Cannot render ${JSON.stringify(value)}`);
}

/** Deployed physical names as `render` prints them. */
export const renderedNames = resourceNames(undefined, '${AWS::AccountId}-${AWS::Region}');
const PARTITION = '${AWS::Partition}';
const REGION = '${AWS::Region}';
const ACCOUNT = '${AWS::AccountId}';

export const arns = {
  bucket: (name: string) => `arn:${PARTITION}:s3:::${name}`,
  objects: (name: string, keyPattern: string) => `arn:${PARTITION}:s3:::${name}/${keyPattern}`,
  queue: (name: string) => `arn:${PARTITION}:sqs:${REGION}:${ACCOUNT}:${name}`,
  table: (name: string) => `arn:${PARTITION}:dynamodb:${REGION}:${ACCOUNT}:table/${name}`,
  eventBus: (name: string) => `arn:${PARTITION}:events:${REGION}:${ACCOUNT}:event-bus/${name}`,
};

/** The logical id of a construct's CloudFormation resource (the construct itself, or its default child). */
export function logicalIdOf(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}
