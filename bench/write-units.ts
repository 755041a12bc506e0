/**
 * DynamoDB write units of an article's first indexing, by the same rules as ArticleIndex (which computes
 * this at write time and returns it in ApplyResult.writeUnits, but logs it nowhere): the record in the
 * transaction (2x) with its status counter, then its fingerprint band items and its search postings
 * (plain batch writes). Used by `npm run bench` and `npm run bench:search`.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dateSortKey, fingerprintItemsOf, type ArticleRecord } from '../shared/core/index-model';
import { postingFacetsOf, postingsOf } from '../shared/core/search-model';
import { itemSizeBytes, writeUnitsFor } from '../shared/core/write-units';

export interface ArticleWrites {
  /** Write units of the whole first indexing. */
  units: number;
  /** Items written: the record, its status counter, fingerprints and postings. */
  items: number;
  /** Bytes the article keeps in the table: record, fingerprints and postings (the counter is shared). */
  bytes: number;
  postings: number;
  /** The same units, split by what they write. */
  split: { recordAndCounter: number; fingerprints: number; postings: number };
  /** The bytes, split the same way (the record alone in recordAndCounter). */
  bytesSplit: { record: number; fingerprints: number; postings: number };
}

/** The writes of one stored record item (as read back from the table, pk/sk and the postings map included). */
export function articleWrites(item: Record<string, unknown>): ArticleWrites {
  const record = item as unknown as ArticleRecord;
  const id = record.id;
  const recordUnits = writeUnitsFor(item, true) + 2; // the record, and its status counter (ADD, under 1 KB)
  const recordBytes = itemSizeBytes(item);
  let printUnits = 0;
  let printBytes = 0;
  const prints = fingerprintItemsOf(record);
  for (const print of prints) {
    printUnits += writeUnitsFor(print, false);
    printBytes += itemSizeBytes(print);
  }
  const facets = postingFacetsOf(record);
  const sortKey = dateSortKey(record.articleDate, record.id);
  const postings = postingsOf(record);
  let postingUnits = 0;
  let postingBytes = 0;
  for (const { pk, weight } of postings) {
    const posting = { pk, sk: sortKey, kind: 'Posting', id, w: weight, f: facets };
    postingUnits += writeUnitsFor(posting, false);
    postingBytes += itemSizeBytes(posting);
  }
  return {
    units: recordUnits + printUnits + postingUnits,
    items: 2 + prints.length + postings.length,
    bytes: recordBytes + printBytes + postingBytes,
    postings: postings.length,
    split: { recordAndCounter: recordUnits, fingerprints: printUnits, postings: postingUnits },
    bytesSplit: { record: recordBytes, fingerprints: printBytes, postings: postingBytes },
  };
}

/** Reads an article's record back and counts the write units of its first indexing. */
export async function writeUnitsOf(
  db: DynamoDBDocumentClient,
  tableName: string,
  id: string,
): Promise<
  | (ArticleWrites & { record: ArticleRecord })
  | { units: 0; items: 0; bytes: 0; postings: 0; record: undefined }
> {
  const item = (
    await db.send(new GetCommand({ TableName: tableName, Key: { pk: `ARTICLE#${id}`, sk: 'ARTICLE' } }))
  ).Item;
  if (!item) return { units: 0, items: 0, bytes: 0, postings: 0, record: undefined };
  return { ...articleWrites(item), record: item as unknown as ArticleRecord };
}
