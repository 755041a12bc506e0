import { createHash } from 'node:crypto';
import type { ArticleRecord } from './index-model';
import { fold, termsOf } from './text-analysis';

/**
 * The search index: one inverted list per key, kept in the single table beside the records.
 *
 *   pk <key>   sk <article date>#<id>   a posting: `id`, `w` (weight), `f` (what facets and filters read)
 *
 * A list is a partition read newest first, so a date range is a key condition. Keys:
 *   W#<term>                      a word of the headline, sub-headline, lead, key phrases or entity names
 *   E#<name>                      an entity by its canonical name and by each name-like alias
 *   D#<id>                        the articles found to copy article <id>
 *   C#<country>#<shard>, T#<topic>#<shard>, SEC#<section>#<shard>, SRC#<source>#<shard>,
 *   L#<language>#<shard>, ST#<status>#<shard>
 * The last six hold a large share of all articles (every indexed article has a status and a language), so
 * they are spread over SHARDS partitions by article id: no partition takes every write, and a reader
 * merges the shards. Words, entities and copies are spread by their own values.
 *
 * Postings are written after the record (ArticleIndex), from the record alone: postingsOf(record) is
 * the whole truth, so rewriting them is always safe.
 */

export const SHARDS = 8;

/** The kinds of list; each maps to its key prefix. */
export type ListKind =
  'word' | 'entity' | 'copies' | 'country' | 'topic' | 'section' | 'source' | 'language' | 'status';

const PREFIX: Record<ListKind, string> = {
  word: 'W',
  entity: 'E',
  copies: 'D',
  country: 'C',
  topic: 'T',
  section: 'SEC',
  source: 'SRC',
  language: 'L',
  status: 'ST',
};
const SHARDED: ReadonlySet<ListKind> = new Set([
  'country',
  'topic',
  'section',
  'source',
  'language',
  'status',
]);

/** A list as a reader asks for it: the partition keys that together hold it (one, or one per shard). */
export interface ListRef {
  kind: ListKind;
  value: string;
  partitions: string[];
}

/** Values are folded so "World", "world" and "Wörld" share a list; codes and ids keep their case. */
function normalized(kind: ListKind, value: string): string {
  if (kind === 'country') return value.trim().toUpperCase();
  if (kind === 'copies' || kind === 'topic' || kind === 'language') return value.trim();
  if (kind === 'word') return value;
  return fold(value).replace(/\s+/g, ' ').trim();
}

const baseKey = (kind: ListKind, value: string) => `${PREFIX[kind]}#${normalized(kind, value)}`;

export function shardOf(id: string): number {
  return createHash('sha256').update(id).digest()[0]! % SHARDS;
}

export function listRef(kind: ListKind, value: string): ListRef {
  const base = baseKey(kind, value);
  return {
    kind,
    value,
    partitions: SHARDED.has(kind) ? Array.from({ length: SHARDS }, (_, s) => `${base}#${s}`) : [base],
  };
}

/** The partition an article's posting in a list lives in. */
export function postingPartition(kind: ListKind, value: string, id: string): string {
  const base = baseKey(kind, value);
  return SHARDED.has(kind) ? `${base}#${shardOf(id)}` : base;
}

/**
 * What every posting of an article carries, so that filters and facet counts need no second read:
 * entity names by type (the most salient first), countries, topics, section, source, language, status.
 */
export interface PostingFacets {
  st: ArticleRecord['status'];
  src: string;
  sec?: string;
  l?: string;
  /** People and organisations, most salient first. */
  e?: string[];
  /** Places, most salient first. */
  p?: string[];
  c?: string[];
  t?: string[];
  /** The id of the article this one copies. */
  d?: string;
}

export interface Posting {
  /** The partition key: the list this posting is in. */
  pk: string;
  weight: number;
}

/** Field weights: a word in the headline counts most, one in the lead least. */
export const FIELD_WEIGHTS = { title: 4, subtitle: 2, keyPhrase: 1.5, entity: 1.5, lead: 1 } as const;
/** A word's weight is the sum over the fields it is in, capped so no field combination runs away. */
const MAX_WORD_WEIGHT = 8;
/** Entities listed by name (the most salient, not caption-only), and facet names per posting. */
export const MAX_ENTITY_LISTS = 15;
const MAX_ALIASES = 4;
const MAX_FACET_NAMES = 8;
/** The lead a record keeps for search results and highlighting. */
export const LEAD_CHARS = 300;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Name-like aliases: the other capitalised surface forms ("Kano", a typo the tagger resolved to "Taro
 * Kono"), not descriptions ("the foreign minister"); and for a person, the family name ("Kono").
 */
export function aliasesOf(
  name: string,
  mentions: readonly string[],
  type: 'person' | 'organization' | 'place',
): string[] {
  const own = fold(name);
  const aliases = new Map<string, string>();
  const words = name.trim().split(/\s+/);
  // A family name of two letters ("Yi" of "Wang Yi", family name first) would mostly find the wrong people.
  const family = type === 'person' && words.length > 1 && words.at(-1)!.length > 2 ? [words.at(-1)!] : [];
  const candidates = [...family, ...mentions];
  for (const mention of candidates) {
    const folded = fold(mention).trim();
    if (folded === own || aliases.has(folded) || aliases.size >= MAX_ALIASES) continue;
    const parts = mention.trim().split(/\s+/);
    if (parts.length > 4 || !parts.every((w) => /^\p{Lu}/u.test(w))) continue;
    aliases.set(folded, mention.trim());
  }
  return [...aliases.values()];
}

export function postingFacetsOf(record: ArticleRecord): PostingFacets {
  const named = (record.entities ?? []).filter((e) => !e.captionOnly);
  const people = named.filter((e) => e.type !== 'place').map((e) => e.name);
  const places = named.filter((e) => e.type === 'place');
  const countries = [...new Set(places.map((e) => e.country).filter((c): c is string => !!c))];
  const topics = (record.topics ?? []).map((t) => t.code);
  return {
    st: record.status,
    src: record.sourceName,
    ...(record.section ? { sec: record.section } : {}),
    ...(record.language ? { l: record.language } : {}),
    ...(people.length ? { e: people.slice(0, MAX_FACET_NAMES) } : {}),
    ...(places.length ? { p: places.slice(0, MAX_FACET_NAMES).map((e) => e.name) } : {}),
    ...(countries.length ? { c: countries } : {}),
    ...(topics.length ? { t: topics } : {}),
    ...(record.duplicateOf ? { d: record.duplicateOf.id } : {}),
  };
}

/** The words of each searchable field of a record, with the field's weight. */
function wordWeights(record: ArticleRecord): Map<string, number> {
  const language = record.language ?? 'und';
  const weights = new Map<string, number>();
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const term of termsOf(text, language))
      weights.set(term, Math.min(MAX_WORD_WEIGHT, (weights.get(term) ?? 0) + weight));
  };
  add(record.title, FIELD_WEIGHTS.title);
  add(record.subtitle, FIELD_WEIGHTS.subtitle);
  add(record.lead, FIELD_WEIGHTS.lead);
  // Each phrase and name counts once per field, however many of them hold the word.
  add([...new Set(record.keyPhrases ?? [])].join(' . '), FIELD_WEIGHTS.keyPhrase);
  const names = (record.entities ?? []).filter((e) => !e.captionOnly).slice(0, MAX_ENTITY_LISTS);
  add(names.flatMap((e) => [e.name, ...(e.aliases ?? [])]).join(' . '), FIELD_WEIGHTS.entity);
  return weights;
}

/**
 * Every posting a record should have. An indexed article is findable by its words and filters; a
 * rejected file by status and source (GET /rejected); a deleted article, a feed container, only by status.
 */
export function postingsOf(record: ArticleRecord): Posting[] {
  const { id } = record;
  const postings = new Map<string, number>();
  const put = (kind: ListKind, value: string | undefined, weight = 0) => {
    if (!value || !normalized(kind, value)) return;
    const pk = postingPartition(kind, value, id);
    postings.set(pk, Math.max(postings.get(pk) ?? 0, round2(weight)));
  };
  put('status', record.status);
  if (record.status === 'rejected') put('source', record.sourceName);
  if (record.status !== 'indexed') return [...postings].map(([pk, weight]) => ({ pk, weight }));

  put('source', record.sourceName);
  put('section', record.section);
  put('language', record.language);
  for (const [term, weight] of wordWeights(record)) put('word', term, weight);
  const named = (record.entities ?? []).filter((e) => !e.captionOnly).slice(0, MAX_ENTITY_LISTS);
  for (const entity of named) {
    put('entity', entity.name, entity.salience);
    for (const alias of entity.aliases ?? []) put('entity', alias, entity.salience);
    if (entity.type === 'place' && entity.country) put('country', entity.country, entity.salience);
  }
  for (const topic of record.topics ?? []) put('topic', topic.code, topic.confidence);
  if (record.duplicateOf) put('copies', record.duplicateOf.id);
  return [...postings].map(([pk, weight]) => ({ pk, weight }));
}
