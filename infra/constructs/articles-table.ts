import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { table } from '../../shared/topology';
import { acknowledgeCheckov } from '../checkov-acknowledgments';

export interface ArticlesTableProps {
  readonly tableName: string;
}

/**
 * The single table holding articles, their search lists and fingerprints, shaped by topology's `table`.
 * No secondary index: every list is a partition of its own (shared/core/search-model.ts).
 */
export class ArticlesTable extends Table {
  constructor(scope: Construct, id: string, props: ArticlesTableProps) {
    super(scope, id, {
      tableName: props.tableName,
      // Single-table design: every key attribute is an overloaded string (entity type + id).
      partitionKey: { name: table.partitionKey, type: AttributeType.STRING },
      sortKey: { name: table.sortKey, type: AttributeType.STRING },
      // Ingestion is bursty and mostly idle; on-demand costs nothing while idle and needs no tuning.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeCheckov(
      this,
      'CKV_AWS_119',
      'Encrypted with KMS under the AWS-managed key aws/dynamodb (TableEncryption.AWS_MANAGED), whose every use CloudTrail records. A customer-managed key would add a monthly key charge and a kms:Decrypt grant for every function that reads the table, for controls copydesk does not use (revoking the key, sharing it across accounts); IAM already confines each function to its own actions on this table (infra/scoped-grants.ts).',
    );
  }
}
