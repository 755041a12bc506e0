import type { ParsedArticle, TaggedArticle } from '../article';
import { keyPhrases, type PhraseSource } from './keyphrases';
import { extractMentions, midSentenceCapitals } from './mentions';
import { tokenizeSegments } from './tokens';
import { resolveEntities, type Occurrence, type Zone } from './resolve';
import { scoreEntities } from './salience';
import { classifyTopics } from './topics';
import { fingerprintArticle } from './fingerprint';

/** Bumped whenever tagging output changes for the same input: models, word lists or rules. */
export const TAGGER_VERSION = '2026.11.29';

/** "This County Criminalized Students for Bad Grades": most words of four letters or more start upper case. */
function isTitleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
}

/** Paragraphs that count as the lead: they say what the story is about. */
const LEAD_PARAGRAPHS = 2;

/**
 * Names the people, organizations and places in an article and picks its key phrases. Pure and
 * deterministic: the same article always yields the same tags (apart from taggedAt).
 */
export function tagArticle(article: ParsedArticle, now?: Date): TaggedArticle {
  const segments: Array<{ text: string; zone: Zone; position: number }> = [
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
  const tokenized = tokenizeSegments(segments.map((s) => s.text));

  // Titles are often Title Cased, so only body and caption capitals vouch for a word being a name.
  const known = midSentenceCapitals(tokenized.filter((_, i) => segments[i]!.zone !== 'title'));

  const occurrences: Occurrence[] = [];
  const phraseSources: PhraseSource[] = [];
  const english = article.language === 'en' || article.language === 'und';
  const titleCased = isTitleCase(article.title);
  const elsewhere = [...article.body.paragraphs, ...article.captions.map((c) => c.text)].join('\n');
  segments.forEach(({ zone, position }, i) => {
    const sentences = tokenized[i]!;
    for (const mention of extractMentions(sentences, known)) {
      // compromise's tagger knows English; elsewhere its one-word guesses ("Abril", "Las") are mostly noise.
      if (
        !english &&
        (mention.evidence === 'none' || (mention.evidence === 'tagger' && mention.tokens === 1))
      )
        continue;
      // In a Title Cased headline every word is capitalised; only names the text itself uses count there.
      if (zone === 'title' && titleCased && !elsewhere.includes(mention.surface)) continue;
      occurrences.push({ mention, zone, position });
    }
    if (zone !== 'caption') phraseSources.push({ sentences, zone });
  });

  const entities = scoreEntities(resolveEntities(occurrences));
  const entityWords = new Set(entities.flatMap((e) => [e.name, ...e.mentions].map((s) => s.toLowerCase())));

  return {
    ...article,
    entities,
    // The phrase chunker reads compromise's English part-of-speech tags; other languages get none for now.
    keyPhrases: english ? keyPhrases(phraseSources, entityWords) : [],
    topics: classifyTopics(article),
    fingerprints: fingerprintArticle(article),
    tagger: { engine: 'copydesk', version: TAGGER_VERSION },
    taggedAt: (now ?? new Date()).toISOString(),
  };
}
