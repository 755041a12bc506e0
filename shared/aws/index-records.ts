import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecordStatus } from '../core/index-model';
import { listRef } from '../core/search-model';
import type { RecordView } from '../core/reconcile';
import type { RecordWalker } from '../stages/operation-ports';

/** The attributes reconcile and reprocess read; the rest of a record (entities, history…) stays behind. */
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
  'version',
  'rejection',
] as const;
const PAGE = 100;

/**
 * Walks the records of one status: a page of the status list's postings (every shard in turn), then the
 * records they name, reading only the attributes above. Postings are written just after their record, so
 * a record written a moment ago may be missing or old, which the use cases allow for (they re-read what
 * they act on, and every message they send is guarded by version tokens).
 */
export class DynamoRecordWalker implements RecordWalker {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *walk(status: RecordStatus): AsyncIterable<RecordView[]> {
    for (const partition of listRef('status', status).partitions) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': partition },
            ProjectionExpression: 'id',
            Limit: PAGE,
            ExclusiveStartKey: startKey,
          }),
        );
        // A record rewritten after its item was lost may have left a posting under its old date.
        const ids = [...new Set((page.Items ?? []).map((item) => String(item.id)))];
        if (ids.length) yield (await this.records(ids)).filter((r) => r.status === status);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
  }

  private async records(ids: string[]): Promise<RecordView[]> {
    // status and source are DynamoDB reserved words: every attribute goes through a name placeholder.
    const names = Object.fromEntries(ATTRIBUTES.map((a, i) => [`#a${i}`, a]));
    const records: RecordView[] = [];
    let keys: Array<Record<string, unknown>> = ids.map((id) => ({ pk: `ARTICLE#${id}`, sk: 'ARTICLE' }));
    for (let attempt = 1; keys.length; attempt++) {
      const out = await this.db.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: keys,
              ProjectionExpression: Object.keys(names).join(', '),
              ExpressionAttributeNames: names,
            },
          },
        }),
      );
      records.push(...((out.Responses?.[this.tableName] ?? []) as RecordView[]));
      keys = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      if (keys.length && attempt >= 5) throw new Error(`${keys.length} records could not be read`);
      if (keys.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
    return records;
  }
}
