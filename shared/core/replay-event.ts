import { versionToken } from './version';

/**
 * Messages the operator commands (reconcile, reprocess) put on the parse queue. They are shaped exactly
 * like the S3 event notifications the raw bucket sends, so the real parse stage handles them with no
 * special path. What makes them safe is the version token (`sequencer`): the index only accepts a token
 * newer than the record's (shared/core/version.ts), so
 *
 * - an object with no record at all is sent with the smallest token: any real event for it that is still
 *   on its way is newer and wins;
 * - a record that must be rewritten (stale, deleted, re-processed) is sent with its own token + 1: newer
 *   than what the index holds, and not newer than any later real S3 event, whose sequencer is larger.
 */

/** The token width `versionToken` pads to: one normalised token gives it, so it is defined in one place. */
const WIDTH = versionToken('0', '').length;

/** The smallest version token: older than every real event. */
export const MIN_TOKEN = '0'.repeat(WIDTH);

/** A version token as the index stores it: upper-case hex, left-padded to the full width. */
export const normalizeToken = (token: string): string => versionToken(token, '');

/** `token` + 1 in hex, keeping the width (carry included): "…0F" -> "…10". */
export function nextToken(token: string): string {
  if (!/^[0-9a-f]+$/i.test(token)) throw new Error(`not a version token: ${JSON.stringify(token)}`);
  const current = normalizeToken(token);
  const next = (BigInt(`0x${current}`) + 1n).toString(16).toUpperCase().padStart(current.length, '0');
  // Wider would compare as a string below the tokens it should beat.
  if (next.length > current.length) throw new Error(`version token ${token} cannot be incremented`);
  return next;
}

/** The largest of some tokens (they compare as strings once normalised), or undefined for none. */
export function maxToken(tokens: Iterable<string | undefined>): string | undefined {
  let max: string | undefined;
  for (const token of tokens) {
    if (token === undefined) continue;
    const t = normalizeToken(token);
    if (max === undefined || t > max) max = t;
  }
  return max;
}

/** The token that beats every one given (their max + 1), or MIN_TOKEN when none is given. */
export const tokenAfter = (tokens: Iterable<string | undefined>): string => {
  const max = maxToken(tokens);
  return max === undefined ? MIN_TOKEN : nextToken(max);
};

/**
 * A key as S3 writes it into an event record: each path segment URL-encoded, spaces as "+"
 * ("incoming/a b/c+d.txt" -> "incoming/a+b/c%2Bd.txt"). `decodeS3Key` undoes it.
 */
export const encodeS3Key = (key: string): string =>
  key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');

export interface ReplayedChange {
  change: 'created' | 'removed';
  bucket: string;
  /** The object key, not encoded. */
  key: string;
  /** The version token to send as the sequencer (hex). */
  sequencer: string;
  /** For a creation: the object's ETag (quotes are dropped, as S3 events carry none) and size. */
  etag?: string;
  size?: number;
  eventTime: string;
  /** Names who sent it in `s3.configurationId`, where S3 names the notification configuration. */
  sender: string;
}

/** The S3 event notification body for one replayed change, as S3 would send it to the parse queue. */
export function s3EventBody(change: ReplayedChange) {
  const object: { key: string; size?: number; eTag?: string; sequencer: string } = {
    key: encodeS3Key(change.key),
    sequencer: change.sequencer,
  };
  // S3 puts no size or ETag in ObjectRemoved records.
  if (change.change === 'created') {
    if (change.size !== undefined) object.size = change.size;
    if (change.etag) object.eTag = change.etag.replace(/"/g, '');
  }
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventTime: change.eventTime,
        eventName: change.change === 'created' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete',
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: change.sender,
          bucket: { name: change.bucket, arn: `arn:aws:s3:::${change.bucket}` },
          object,
        },
      },
    ],
  };
}

export type S3EventBody = ReturnType<typeof s3EventBody>;
