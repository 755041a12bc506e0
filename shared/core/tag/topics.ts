import type { ParsedArticle, Topic } from '../article';

/** IPTC Media Topics (top level) for an article. Owned by the topics work; see its tests. */
export function classifyTopics(_article: ParsedArticle): Topic[] {
  return [];
}
