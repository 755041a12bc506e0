import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { CopydeskFunction } from './constructs/copydesk-function';
import { acknowledgeWildcard, printedObjectsArn, printedTableArn } from './nag-acknowledgments';

export type ObjectAccess = 'read' | 'put' | 'delete';

/** The action families each CDK bucket grant uses; cdk-nag reports each as a wildcard. */
const GRANT_ACTION_WILDCARDS: Record<ObjectAccess, readonly string[]> = {
  read: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
  put: ['s3:Abort*'],
  delete: ['s3:DeleteObject*'],
};

const ACTION_FAMILY_REASON =
  "Action families from aws-cdk-lib's bucket grants (e.g. s3:GetObject* spans GetObject and GetObjectVersion for versioned reads); every one is confined to this function's bucket and key prefix, listed separately.";

export interface ObjectGrant {
  readonly grantee: CopydeskFunction;
  readonly bucket: IBucket;
  /** The bucket's name as cdk-nag prints it (see nag-acknowledgments.ts). */
  readonly printedBucketName: string;
  /** Only keys under this prefix are granted. */
  readonly keyPrefix: string;
  readonly access: ObjectAccess;
}

/**
 * Grants access to the objects under one key prefix and acknowledges to cdk-nag exactly the wildcards
 * that grant brings, so grants and acknowledgments cannot drift apart.
 */
export function grantObjects({ grantee, bucket, printedBucketName, keyPrefix, access }: ObjectGrant): void {
  const keyPattern = `${keyPrefix}*`;
  if (access === 'read') bucket.grantRead(grantee, keyPattern);
  else if (access === 'put') bucket.grantPut(grantee, keyPattern);
  else bucket.grantDelete(grantee, keyPattern);

  const policyScope = roleOf(grantee);
  acknowledgeWildcard(
    policyScope,
    `Resource::${printedObjectsArn(printedBucketName, keyPattern)}`,
    `Object keys are not known in advance; the grant is confined to the ${keyPrefix} prefix this function works in.`,
  );
  for (const action of GRANT_ACTION_WILDCARDS[access]) {
    acknowledgeWildcard(policyScope, `Action::${action}`, ACTION_FAMILY_REASON);
  }
}

/** Table data access, acknowledging the `index/*` wildcard that lets queries use the facet index. */
export function grantTableData(grantee: CopydeskFunction, table: ITable, access: 'read' | 'readWrite'): void {
  if (access === 'read') table.grantReadData(grantee);
  else table.grantReadWriteData(grantee);
  acknowledgeWildcard(
    roleOf(grantee),
    `Resource::${printedTableArn}/index/*`,
    "DynamoDB addresses indexes as <table ARN>/index/<name>; the wildcard spans only this table's indexes (today just the facet index).",
  );
}

function roleOf(grantee: CopydeskFunction): IConstruct {
  if (!grantee.role) throw new Error(`${grantee.node.path} has no role to attach acknowledgments to`);
  return grantee.role;
}
