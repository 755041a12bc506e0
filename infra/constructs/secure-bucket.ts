import { RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  type LifecycleRule,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface SecureBucketProps {
  readonly bucketName?: string;
  /**
   * Where this bucket's server access logs go. Leave it out only for the bucket that receives access
   * logs itself; cdk-nag (AwsSolutions-S1) then demands an explicit suppression, which is the point.
   */
  readonly serverAccessLogs?: { readonly bucket: IBucket; readonly prefix: string };
  readonly lifecycleRules?: LifecycleRule[];
  /** Buckets hold copydesk's content, so a stack deletion must not take it with it unless asked to. */
  readonly removalPolicy?: RemovalPolicy;
}

/** The one way copydesk creates a bucket, so no bucket can ship without the baseline controls. */
export class SecureBucket extends Bucket {
  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id, {
      bucketName: props.bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3 rather than KMS: access-log delivery only works into an SSE-S3 bucket, and for the content
      // buckets it spares the functions kms:Decrypt grants and a KMS request per object.
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: props.serverAccessLogs?.bucket,
      serverAccessLogsPrefix: props.serverAccessLogs?.prefix,
      lifecycleRules: props.lifecycleRules,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
