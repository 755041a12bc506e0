import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { table } from '../../shared/topology';

export interface ArticlesTableProps {
  readonly tableName: string;
}

/** The single table holding articles and their facet entries, shaped by topology's `table`. */
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

    this.addGlobalSecondaryIndex({
      indexName: table.facetIndex.name,
      partitionKey: { name: table.facetIndex.partitionKey, type: AttributeType.STRING },
      sortKey: { name: table.facetIndex.sortKey, type: AttributeType.STRING },
      // Facet listings render article cards straight from the index, without a read per item.
      projectionType: ProjectionType.ALL,
    });
  }
}
