import {
  BatchDetectEntitiesCommand,
  BatchDetectKeyPhrasesCommand,
  DetectDominantLanguageCommand,
  type BatchItemError,
  type ComprehendClient,
  type LanguageCode,
} from '@aws-sdk/client-comprehend';
import type { ParsedArticle, TaggedArticle } from '../core/article';
import { fingerprintArticle } from '../core/tag/fingerprint';
import { classifyTopics } from '../core/tag/topics';
import type { Tagger } from '../stages/ports';
import {
  batchesOf,
  packDocuments,
  segmentsOf,
  SEPARATOR,
  splitUtf8,
  type ComprehendDocument,
  type Segment,
} from './comprehend/documents';
import { entitiesFrom, entityTypeOf, type EntityMention } from './comprehend/entities';
import { callComprehend, throwItemErrors } from './comprehend/errors';
import { keyPhrasesFrom, type PhraseMention } from './comprehend/key-phrases';
import { chooseLanguage } from './comprehend/languages';
import { locator, type Located, type Span } from './comprehend/offsets';

/** The Comprehend API version; its models change behind it, so this names the interface, not a model. */
export const COMPREHEND_TAGGER_VERSION = 'comprehend-2017-11-27';
/** Enough text to tell a language (Comprehend asks for 20 characters at least) for a fifth of the price. */
const LANGUAGE_SAMPLE_BYTES = 1_000;
/** Comprehend reports low-confidence guesses too; below this they are mostly wrong. */
const MIN_ENTITY_SCORE = 0.5;

/**
 * Tags an article with Amazon Comprehend: the dominant language from a sample of the text, then people,
 * organizations, places and key phrases from the Batch* APIs, assembled into the same schema the built-in
 * tagger produces. Topics and fingerprints are the built-in ones; they need no service.
 */
export function comprehendTagger(client: ComprehendClient): Tagger {
  return async (article: ParsedArticle, now?: Date): Promise<TaggedArticle> => {
    const segments = segmentsOf(article);
    const { language, analyzeAs } = chooseLanguage(await detectLanguage(client, segments), article.language);
    const ofLanguage = { ...article, language };
    const base = {
      ...ofLanguage,
      topics: classifyTopics(ofLanguage),
      fingerprints: fingerprintArticle(ofLanguage),
      tagger: { engine: 'comprehend' as const, version: COMPREHEND_TAGGER_VERSION },
      taggedAt: (now ?? new Date()).toISOString(),
    };
    // Entities and key phrases share one language list; a language outside it is detected, not analyzed.
    if (!analyzeAs) return { ...base, entities: [], keyPhrases: [] };

    const every = segments.map((_, i) => i);
    // Captions are often of other stories; like the built-in tagger, key phrases come from title and body.
    const notCaptions = every.filter((i) => segments[i]!.zone !== 'caption');
    const [mentions, phrases] = await Promise.all([
      detectEntities(client, segments, packDocuments(segments, every), analyzeAs),
      detectKeyPhrases(client, segments, packDocuments(segments, notCaptions), analyzeAs),
    ]);
    const entities = entitiesFrom(mentions);
    const names = new Set(entities.flatMap((e) => [e.name, ...e.mentions]).map((s) => s.toLowerCase()));
    return { ...base, entities, keyPhrases: keyPhrasesFrom(phrases, language, names) };
  };
}

async function detectLanguage(client: ComprehendClient, segments: readonly Segment[]) {
  const prose = segments
    .filter((s) => s.zone !== 'caption')
    .map((s) => s.text)
    .join(SEPARATOR)
    .trim();
  const sample = splitUtf8(prose, LANGUAGE_SAMPLE_BYTES)[0]?.text;
  if (!sample) return undefined;
  const out = await callComprehend('DetectDominantLanguage', () =>
    client.send(new DetectDominantLanguageCommand({ Text: sample })),
  );
  return out.Languages;
}

interface BatchResult {
  Index?: number | undefined;
}

/** Sends the documents batch by batch and yields each result with the document it belongs to. */
async function inBatches<R extends BatchResult>(
  operation: string,
  documents: readonly ComprehendDocument[],
  send: (texts: string[]) => Promise<{ ResultList?: R[]; ErrorList?: BatchItemError[] }>,
): Promise<Array<{ doc: ComprehendDocument; result: R }>> {
  const answered: Array<{ doc: ComprehendDocument; result: R }> = [];
  for (const batch of batchesOf(documents)) {
    const out = await callComprehend(operation, () => send(batch.map((d) => d.text)));
    throwItemErrors(operation, out.ErrorList);
    for (const result of out.ResultList ?? []) {
      const doc = result.Index === undefined ? undefined : batch[result.Index];
      if (doc) answered.push({ doc, result });
    }
  }
  return answered;
}

/** Each span placed back in its segment; spans that cannot be placed are dropped. */
function placed<S extends Span>(
  doc: ComprehendDocument,
  spans: readonly S[] | undefined,
): Array<{ span: S; at: Located }> {
  const locate = locator(doc);
  return (spans ?? []).flatMap((span) => {
    const at = locate(span);
    return at ? [{ span, at }] : [];
  });
}

async function detectEntities(
  client: ComprehendClient,
  segments: readonly Segment[],
  documents: readonly ComprehendDocument[],
  language: LanguageCode,
): Promise<EntityMention[]> {
  const answered = await inBatches('BatchDetectEntities', documents, (TextList) =>
    client.send(new BatchDetectEntitiesCommand({ TextList, LanguageCode: language })),
  );
  return answered.flatMap(({ doc, result }) =>
    placed(doc, result.Entities).flatMap(({ span, at }) => {
      const type = entityTypeOf(span.Type);
      if (!type || (span.Score ?? 0) < MIN_ENTITY_SCORE) return [];
      const { zone, paragraph } = segments[at.segment]!;
      return [{ text: at.text, type, zone, paragraph, start: at.start, end: at.end }];
    }),
  );
}

async function detectKeyPhrases(
  client: ComprehendClient,
  segments: readonly Segment[],
  documents: readonly ComprehendDocument[],
  language: LanguageCode,
): Promise<PhraseMention[]> {
  const answered = await inBatches('BatchDetectKeyPhrases', documents, (TextList) =>
    client.send(new BatchDetectKeyPhrasesCommand({ TextList, LanguageCode: language })),
  );
  return answered.flatMap(({ doc, result }) =>
    placed(doc, result.KeyPhrases).map(({ span, at }) => ({
      text: at.text,
      score: span.Score ?? 0,
      zone: segments[at.segment]!.zone,
    })),
  );
}
