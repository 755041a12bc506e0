import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { statusKey, type RecordStatus } from '../core/index-model';
import type { RecordView } from '../core/reconcile';
import type { RecordWalker } from '../stages/operation-ports';
import { table } from '../topology';

/** The attributes reconcile and reprocess read; the rest of a record (entities, facets…) stays behind. */
const ATTRIBUTES = [
  'id',
  'status',
  'versionToken',
  'source',
  'feedId',
  'feed',
  'updatedAt',
  'parser',
  'tagger',
] as const;

/**
 * Walks the records of one status on the facet index (STATUS#<status>), a page at a time, reading only
 * the attributes above. The index is eventually consistent: a record written a moment ago may be
 * missing or old, which the use cases allow for (they re-read what they act on, and every message they
 * send is guarded by version tokens).
 */
export class DynamoRecordWalker implements RecordWalker {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *walk(status: RecordStatus): AsyncIterable<RecordView[]> {
    // status and source are DynamoDB reserved words: every attribute goes through a name placeholder.
    const names = Object.fromEntries(ATTRIBUTES.map((a, i) => [`#a${i}`, a]));
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: table.facetIndex.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { ...names, '#pk': table.facetIndex.partitionKey },
          ExpressionAttributeValues: { ':pk': statusKey(status) },
          ProjectionExpression: Object.keys(names).join(', '),
          ExclusiveStartKey: startKey,
        }),
      );
      yield (page.Items ?? []) as RecordView[];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}
