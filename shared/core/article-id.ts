import { createHash } from 'node:crypto';

/**
 * A stable id for an article: the same object key always maps to the same id, so re-uploads update one
 * record and a delete finds it. 80 bits of SHA-256 keep collisions negligible at billions of keys.
 */
export function articleIdFor(sourceKey: string): string {
  return createHash('sha256').update(sourceKey, 'utf8').digest('hex').slice(0, 20);
}
