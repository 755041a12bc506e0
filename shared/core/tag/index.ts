import type { ParsedArticle, TaggedArticle } from '../article';
import { findOccurrences, isReference, type Segment } from './entities';
import { readsAsEnglish } from './english';
import { fingerprintArticle } from './fingerprint';
import { extractKeyPhrases } from './phrases';
import { resolveEntities, type Zone } from './resolve';
import { scoreEntities } from './salience';
import { classifyTopics } from './topics';

/** Bumped whenever tagging output changes for the same input: model weights, word lists or rules. */
export const TAGGER_VERSION = '2026.12.05';

/** "This County Criminalized Students for Bad Grades": most words of four letters or more start upper case. */
function isTitleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
}

/** Paragraphs that count as the lead: they say what the story is about. */
const LEAD_PARAGRAPHS = 2;

export function segmentsOf(article: ParsedArticle): Segment[] {
  return [
    { text: article.title, zone: 'title', position: 0 },
    ...article.body.paragraphs.map((text, i) => ({
      text,
      zone: (i < LEAD_PARAGRAPHS ? 'lead' : 'body') as Zone,
      position: i + 1,
    })),
    // Captions are tagged too, so their people are known, but they sit after the body and weigh little.
    ...article.captions.map((c, i) => ({
      text: c.text,
      zone: 'caption' as Zone,
      position: article.body.paragraphs.length + 1 + i,
    })),
  ];
}

/**
 * Names the people, organizations and places in an article, its key phrases, topics and fingerprints. Pure
 * and deterministic: the same article always yields the same tags (apart from taggedAt).
 */
export function tagArticle(article: ParsedArticle, now?: Date): TaggedArticle {
  const segments = segmentsOf(article);
  // The entity model was trained on English news; elsewhere its guesses are noise.
  const english = readsAsEnglish(
    segments.map((s) => s.text),
    article.language,
  );
  let occurrences = english ? findOccurrences(segments) : [];
  // In a Title Cased headline every word is capitalised; only names the text itself uses count there. (A
  // headline in capitals is another matter: the model learnt those from Reuters' own.)
  if (isTitleCase(article.title) && /\p{Ll}/u.test(article.title)) {
    const elsewhere = segments
      .slice(1)
      .map((s) => s.text)
      .join('\n')
      .toLowerCase();
    occurrences = occurrences.filter(
      (o) => o.zone !== 'title' || elsewhere.includes(o.mention.surface.toLowerCase()),
    );
  }
  const entities = scoreEntities(resolveEntities(occurrences));
  // Names are not key phrases; "the Japanese foreign minister" is a reference, and "foreign minister" may be one.
  const names = new Set(
    entities.flatMap((e) =>
      [e.name, ...e.mentions].filter((m) => !isReference(m)).map((m) => m.toLowerCase()),
    ),
  );

  return {
    ...article,
    entities,
    keyPhrases: extractKeyPhrases(
      segments.filter((s) => s.zone !== 'caption'),
      article.language,
      names,
    ),
    topics: classifyTopics(article),
    fingerprints: fingerprintArticle(article),
    tagger: { engine: 'copydesk', version: TAGGER_VERSION },
    taggedAt: (now ?? new Date()).toISOString(),
  };
}
