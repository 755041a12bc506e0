import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { resourceNamesFor } from './deployed-names';

/**
 * cdk-nag 3 matches acknowledgments by exact finding id, e.g. `AwsSolutions-IAM5[Action::s3:List*]`,
 * so every id here is one finding, never a whole rule; and it prints pseudo-parameters as
 * `<AWS::...>`, which is all this file needs to know to spell our ARNs the way it reports them.
 */
export const PRINTED_PARTITION = '<AWS::Partition>';
export const printedResourceNames = resourceNamesFor('<AWS::AccountId>', '<AWS::Region>');
export const printedTableArn = `arn:${PRINTED_PARTITION}:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${printedResourceNames.table}`;
export const printedObjectsArn = (bucketName: string, keyPattern: string) =>
  `arn:${PRINTED_PARTITION}:s3:::${bucketName}/${keyPattern}`;

/** Acknowledges one IAM5 (wildcard permission) finding on `scope` and everything beneath it. */
export function acknowledgeWildcard(scope: IConstruct, finding: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
}
