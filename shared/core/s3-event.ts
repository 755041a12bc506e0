import type { S3Event } from 'aws-lambda';
import type { SourceObject } from './messages';
import { versionToken } from './version';

export type ObjectChange = { change: 'created' | 'removed'; source: SourceObject };

/** What one SQS message from an S3 notification holds. */
export type S3NotificationContent =
  | { kind: 'changes'; changes: ObjectChange[] }
  /** S3 sends one when a notification configuration is saved; it is not about any object. */
  | { kind: 'test-event' }
  | { kind: 'unrecognised'; reason: string };

/**
 * S3 URL-encodes keys in event records the way HTML forms do: spaces as "+", the rest percent-encoded
 * ("a b/c+d.txt" arrives as "a+b%2Fc%2Bd.txt" from some producers, "a+b/c%2Bd.txt" from others).
 */
export const decodeS3Key = (encoded: string): string => decodeURIComponent(encoded.replace(/\+/g, ' '));

export function readS3Notification(body: string): S3NotificationContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'unrecognised', reason: 'message body is not JSON' };
  }
  if (!parsed || typeof parsed !== 'object')
    return { kind: 'unrecognised', reason: 'message body is not an object' };
  if ((parsed as { Event?: unknown }).Event === 's3:TestEvent') return { kind: 'test-event' };
  const records = (parsed as Partial<S3Event>).Records;
  if (!Array.isArray(records)) return { kind: 'unrecognised', reason: 'no Records array' };

  const changes: ObjectChange[] = [];
  for (const record of records) {
    const eventName = String(record?.eventName ?? '');
    const change = eventName.startsWith('ObjectCreated')
      ? 'created'
      : eventName.startsWith('ObjectRemoved')
        ? 'removed'
        : undefined;
    if (!change || !record.s3?.bucket?.name || typeof record.s3.object?.key !== 'string') continue;
    const object = record.s3.object;
    changes.push({
      change,
      source: {
        bucket: record.s3.bucket.name,
        key: decodeS3Key(object.key),
        versionId: object.versionId || undefined,
        etag: object.eTag || undefined,
        size: typeof object.size === 'number' ? object.size : undefined,
        sequencer: versionToken(object.sequencer, record.eventTime),
        eventTime: record.eventTime,
      },
    });
  }
  return { kind: 'changes', changes };
}
