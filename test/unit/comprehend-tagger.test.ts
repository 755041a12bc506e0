/**
 * The Comprehend engine against aws-sdk-client-mock: the emulator has no Comprehend. The mocked service
 * answers like the real one, from a small lexicon: it finds each name or phrase in the documents it is
 * sent and reports it with Comprehend's offsets (code points, end exclusive) and confidence scores.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  BatchDetectEntitiesCommand,
  BatchDetectKeyPhrasesCommand,
  ComprehendClient,
  DetectDominantLanguageCommand,
  InternalServerException,
  TextSizeLimitExceededException,
  type BatchDetectEntitiesCommandInput,
  type Entity as ComprehendEntity,
} from '@aws-sdk/client-comprehend';
import { mockClient } from 'aws-sdk-client-mock';
import type { Entity, ParsedArticle, TaggedArticle } from '../../shared/core/article';
import type { IndexQueueMessage, SourceObject, TagQueueMessage } from '../../shared/core/messages';
import { parseDocument } from '../../shared/core/parse';
import { fingerprintArticle } from '../../shared/core/tag/fingerprint';
import { classifyTopics } from '../../shared/core/tag/topics';
import { COMPREHEND_TAGGER_VERSION, comprehendTagger } from '../../shared/aws/comprehend-tagger';
import { COMPREHEND_LIMITS, splitUtf8, utf8Length } from '../../shared/aws/comprehend/documents';
import { chooseLanguage } from '../../shared/aws/comprehend/languages';
import { TaggerUnavailableError, type Tagger } from '../../shared/stages/ports';
import { handleParsedArticle, type TagStageDeps } from '../../shared/stages/tag-stage';
import { SEED_PATH as SEED } from '../../local/shared-material';
import { parsedArticle } from '../support/parsed-article';

const NOW = new Date('2024-05-01T12:00:00Z');
const comprehend = mockClient(ComprehendClient);
const tag = (article: ParsedArticle) =>
  comprehendTagger(new ComprehendClient({ region: 'us-east-1' }))(article, NOW);

/** An entry is found wherever its text occurs, or only inside `within` when given (a context-bound type). */
type Lexicon = ReadonlyArray<readonly [text: string, type: string, score: number, within?: string]>;

const codePoints = (s: string) => [...s].length;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every non-overlapping, word-bounded occurrence of the lexicon's entries, longest contexts first. */
function spot(text: string, lexicon: Lexicon): ComprehendEntity[] {
  const taken: Array<[number, number]> = [];
  const found: Array<ComprehendEntity & { at: number }> = [];
  const byContext = [...lexicon].sort((a, b) => (b[3] ?? b[0]).length - (a[3] ?? a[0]).length);
  for (const [entry, type, score, within = entry] of byContext) {
    for (let from = text.indexOf(within); from >= 0; from = text.indexOf(within, from + 1)) {
      if (isWordChar(text[from - 1]) || isWordChar(text[from + within.length])) continue;
      const at = from + within.indexOf(entry);
      const end = at + entry.length;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      const begin = codePoints(text.slice(0, at));
      found.push({
        at,
        Text: entry,
        Type: type as ComprehendEntity['Type'],
        Score: score,
        BeginOffset: begin,
        EndOffset: begin + codePoints(entry),
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...entity }) => entity);
}

function answerWith(entities: Lexicon, phrases: Lexicon = [], language = 'en') {
  comprehend
    .on(DetectDominantLanguageCommand)
    .resolves({ Languages: [{ LanguageCode: language, Score: 0.99 }] });
  comprehend.on(BatchDetectEntitiesCommand).callsFake((input: BatchDetectEntitiesCommandInput) => ({
    ResultList: input.TextList!.map((text, Index) => ({ Index, Entities: spot(text, entities) })),
    ErrorList: [],
  }));
  comprehend.on(BatchDetectKeyPhrasesCommand).callsFake((input: BatchDetectEntitiesCommandInput) => ({
    ResultList: input.TextList!.map((text, Index) => ({
      Index,
      KeyPhrases: spot(text, phrases).map(({ Type: _type, ...phrase }) => phrase),
    })),
    ErrorList: [],
  }));
}

const sentTexts = (command: typeof BatchDetectEntitiesCommand | typeof BatchDetectKeyPhrasesCommand) =>
  comprehend.commandCalls(command).map((call) => call.args[0].input.TextList!);

const article = (title: string, paragraphs: string[], captions: string[] = []): ParsedArticle =>
  parsedArticle(
    title,
    paragraphs,
    captions.map((c) => ({ text: c })),
    NOW,
  );

/** The text an occurrence points at, read back from the article. */
function spanText(a: ParsedArticle, o: NonNullable<Entity['occurrences']>[number]): string {
  const segments = [a.title, ...a.body.paragraphs, ...a.captions.map((c) => c.text)];
  return segments[o.paragraph]!.slice(o.start, o.end);
}

const find = (t: TaggedArticle, type: Entity['type'], name: string) =>
  t.entities.find((e) => e.type === type && e.name === name);

/** What the SDK throws once its own retries give up on a throttled call (not a modeled exception). */
const throttling = () =>
  Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client', $metadata: {} });

beforeEach(() => comprehend.reset());

const SEED_ENTITIES: Lexicon = [
  ['Taro Kono', 'PERSON', 0.99],
  ['Wang Yi', 'PERSON', 0.99],
  ['Wang', 'PERSON', 0.97],
  ['Shinzo Abe', 'PERSON', 0.99],
  ['Xi Jinping', 'PERSON', 0.99],
  ['Ilhan Omar', 'PERSON', 0.98],
  ['Nancy Pelosi', 'PERSON', 0.99],
  ['China', 'LOCATION', 0.99],
  ['Japan', 'LOCATION', 0.99],
  ['Beijing', 'LOCATION', 0.98],
  // Comprehend calls a capital speaking for its government an organization.
  ['Beijing', 'ORGANIZATION', 0.71, 'Beijing maintains'],
  ['Tokyo', 'LOCATION', 0.97],
  ['North Korea', 'LOCATION', 0.99],
  ['Pyongyang', 'LOCATION', 0.96],
  ['East China Sea', 'LOCATION', 0.95],
  ['Democrats', 'ORGANIZATION', 0.93],
  ['Diaoyutai State Guesthouse', 'LOCATION', 0.9],
  ['Diaoyus', 'LOCATION', 0.41],
  ['January 28, 2018', 'DATE', 0.99],
  ['Chinese', 'OTHER', 0.95],
  ['World War II', 'EVENT', 0.92],
];
const SEED_PHRASES: Lexicon = [
  ['improved ties', '', 0.99],
  ['The foreign ministers', '', 0.99],
  ['historical and territorial disputes', '', 0.98],
  ['the Chinese capital', '', 0.97],
  ['a territorial dispute', '', 0.96],
  ['bilateral ties', '', 0.98],
  ['the resource-rich islands', '', 0.95],
  ['China', '', 0.99],
  ['Beijing', '', 0.99],
  ['North Korea', '', 0.99],
  ['January 28, 2018', '', 0.99],
];

const seedPresent = existsSync(SEED);
const describeSeed = seedPresent ? describe : describe.skip;

describeSeed('tagging the seed article with Comprehend', () => {
  let parsed: ParsedArticle;
  let t: TaggedArticle;
  beforeAll(async () => {
    const outcome = await parseDocument({
      bytes: readFileSync(SEED),
      id: 'seed',
      source: { path: 'seed.txt' },
      now: NOW,
    });
    if (!outcome.ok || !outcome.article) throw new Error('expected one article');
    parsed = outcome.article;
  });
  beforeEach(async () => {
    answerWith(SEED_ENTITIES, SEED_PHRASES);
    t = await tag(parsed);
  });

  it('produces the tag schema, marked as Comprehend', () => {
    expect(Object.keys(t).sort()).toEqual(
      [
        ...Object.keys(parsed),
        'entities',
        'keyPhrases',
        'topics',
        'fingerprints',
        'tagger',
        'taggedAt',
      ].sort(),
    );
    expect(t.tagger).toEqual({ engine: 'comprehend', version: COMPREHEND_TAGGER_VERSION });
    expect(t.taggedAt).toBe(NOW.toISOString());
    expect(t.language).toBe('en');
    expect(t.topics).toEqual(classifyTopics(parsed));
    expect(t.fingerprints).toEqual(fingerprintArticle(parsed));
  });

  it('keeps people, organizations and places, and drops the types the schema has no place for', () => {
    const named = (type: Entity['type']) => t.entities.filter((e) => e.type === type).map((e) => e.name);
    expect(named('person')).toEqual(
      expect.arrayContaining(['Wang Yi', 'Taro Kono', 'Shinzo Abe', 'Xi Jinping', 'Nancy Pelosi']),
    );
    expect(named('place')).toEqual(
      expect.arrayContaining(['China', 'Japan', 'Beijing', 'North Korea', 'Tokyo']),
    );
    expect(named('organization')).toEqual(['Democrats']);
    const all = t.entities.map((e) => e.name);
    expect(all).not.toContain('January 28, 2018');
    expect(all).not.toContain('Chinese');
    expect(all).not.toContain('World War II');
    // Below the confidence floor.
    expect(all).not.toContain('Diaoyus');
  });

  it('reads a capital typed as an organization as the place standing for its government', () => {
    const beijing = find(t, 'place', 'Beijing')!;
    expect(beijing.country).toBe('CN');
    expect(beijing.metonymFor).toEqual({
      name: expect.stringContaining('China'),
      type: 'organization',
      count: 1,
    });
    expect(find(t, 'organization', 'Beijing')).toBeUndefined();
    expect(find(t, 'place', 'Japan')!.country).toBe('JP');
  });

  it('joins a short form to the full name named before it', () => {
    expect(find(t, 'person', 'Wang')).toBeUndefined();
    const wang = find(t, 'person', 'Wang Yi')!;
    expect(wang.mentions).toEqual(['Wang Yi', 'Wang']);
    expect(wang.count).toBe(wang.occurrences!.length);
  });

  it('places every occurrence on the exact text, in reading order, with its zone', () => {
    for (const e of t.entities) {
      expect(e.count).toBe(e.occurrences!.length);
      for (const o of e.occurrences!) expect(e.mentions).toContain(spanText(parsed, o));
      const order = e.occurrences!.map((o) => o.paragraph * 1e6 + o.start);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    const china = find(t, 'place', 'China')!;
    expect(china.occurrences![0]).toEqual({ zone: 'title', paragraph: 0, start: 0, end: 5 });
    expect(china.occurrences!.some((o) => o.zone === 'lead')).toBe(true);
    expect(china.occurrences!.some((o) => o.zone === 'body')).toBe(true);
  });

  it('scores salience like the built-in tagger: caption-only names below every body name', () => {
    const pelosi = find(t, 'person', 'Nancy Pelosi')!;
    expect(pelosi.captionOnly).toBe(true);
    expect(pelosi.occurrences!.every((o) => o.zone === 'caption')).toBe(true);
    const body = t.entities.filter((e) => !e.captionOnly);
    expect(Math.min(...body.map((e) => e.salience))).toBeGreaterThan(pelosi.salience);
    expect(t.entities[0]!.salience).toBe(1);
    expect(find(t, 'place', 'China')!.salience).toBe(1);
    expect(find(t, 'person', 'Wang Yi')!.captionOnly).toBeUndefined();
  });

  it('gives key phrases with scores, without entity names, determiners or repeats', () => {
    const texts = t.keyPhrases.map((k) => k.text);
    expect(texts).toEqual(expect.arrayContaining(['improved ties', 'foreign ministers', 'bilateral ties']));
    expect(texts).toContain('Chinese capital');
    for (const name of ['China', 'Beijing', 'North Korea']) expect(texts).not.toContain(name);
    expect(new Set(texts.map((x) => x.toLowerCase())).size).toBe(texts.length);
    expect(t.keyPhrases[0]).toEqual({ text: 'improved ties', score: 1 });
    for (const k of t.keyPhrases) expect(k.score).toBeGreaterThan(0);
  });

  it('spends one language call on a sample, and one call per API for an article this size', () => {
    const [language] = comprehend.commandCalls(DetectDominantLanguageCommand);
    expect(comprehend.commandCalls(DetectDominantLanguageCommand)).toHaveLength(1);
    expect(utf8Length(language!.args[0].input.Text!)).toBeLessThanOrEqual(1_000);
    expect(sentTexts(BatchDetectEntitiesCommand)).toHaveLength(1);
    expect(sentTexts(BatchDetectKeyPhrasesCommand)).toHaveLength(1);
    expect(comprehend.commandCalls(BatchDetectEntitiesCommand)[0]!.args[0].input.LanguageCode).toBe('en');
    // Key phrases skip the captions, which are often of other stories.
    const keyPhraseText = sentTexts(BatchDetectKeyPhrasesCommand).flat().join('\n');
    expect(keyPhraseText).not.toContain('Nancy Pelosi');
  });
});

describe('batching within Comprehend limits', () => {
  const bigParagraph = (i: number, bytes: number) => {
    const sentence = `Reporter Ann Lee filed story ${i} from Lisbon. `;
    return sentence.repeat(Math.floor(bytes / sentence.length)).trim();
  };
  const lexicon: Lexicon = [
    ['Ann Lee', 'PERSON', 0.99],
    ['Lisbon', 'LOCATION', 0.99],
  ];

  const expectWithinLimits = (batches: string[][]) => {
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(COMPREHEND_LIMITS.documentsPerBatch);
      expect(batch.reduce((n, d) => n + utf8Length(d), 0)).toBeLessThanOrEqual(100 * 1024);
      for (const doc of batch) expect(utf8Length(doc)).toBeLessThan(5_000);
    }
  };

  it('sends more than 25 documents as several batches of at most 25, and finds each paragraph', async () => {
    answerWith(lexicon);
    const paragraphs = Array.from({ length: 30 }, (_, i) => bigParagraph(i, 3_000));
    const t = await tag(article('Filed from Lisbon', paragraphs));
    const batches = sentTexts(BatchDetectEntitiesCommand);
    expect(batches.map((b) => b.length)).toEqual([25, 5]);
    expectWithinLimits(batches);
    const lee = find(t, 'person', 'Ann Lee')!;
    expect(new Set(lee.occurrences!.map((o) => o.paragraph))).toEqual(
      new Set(paragraphs.map((_, i) => i + 1)),
    );
  });

  it('keeps each request under 100 KB even when 25 documents would exceed it', async () => {
    answerWith(lexicon);
    const paragraphs = Array.from({ length: 30 }, (_, i) => bigParagraph(i, 4_900));
    await tag(article('Filed from Lisbon', paragraphs));
    const batches = sentTexts(BatchDetectEntitiesCommand);
    expectWithinLimits(batches);
    expect(batches.flat()).toHaveLength(30);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('packs short segments into one document, so 60 short paragraphs are billed as one text', async () => {
    answerWith(lexicon);
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Ann Lee, item ${i}, Lisbon.`);
    const t = await tag(article('Short items', paragraphs, ['Ann Lee in Lisbon']));
    const [batch] = sentTexts(BatchDetectEntitiesCommand);
    expect(batch).toHaveLength(1);
    const lee = find(t, 'person', 'Ann Lee')!;
    expect(lee.count).toBe(61);
    for (const o of lee.occurrences!)
      expect(spanText(article('Short items', paragraphs, ['Ann Lee in Lisbon']), o)).toBe('Ann Lee');
    expect(lee.occurrences!.at(-1)).toEqual({ zone: 'caption', paragraph: 61, start: 0, end: 7 });
  });

  it('splits a segment over 5,000 bytes at UTF-8 boundaries and maps offsets past astral characters', async () => {
    answerWith([
      ['Zoë Łukasz', 'PERSON', 0.99],
      ['東京', 'LOCATION', 0.99],
    ]);
    // Two-, three- and four-byte characters (the emoji is a surrogate pair in JavaScript), then an
    // unbroken run with nowhere to cut but between code points.
    const long = `${'Zoë Łukasz visited 東京 😀 again. '.repeat(300)}${'😀'.repeat(3_000)}`;
    const a = article('Travel', [long]);
    const t = await tag(a);
    const docs = sentTexts(BatchDetectEntitiesCommand).flat();
    expect(docs.length).toBeGreaterThan(3);
    expectWithinLimits(sentTexts(BatchDetectEntitiesCommand));
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const doc of docs) expect(doc).not.toMatch(loneSurrogate);
    expect(docs.join('')).toBe(`Travel\n\n${long}`);
    const zoe = find(t, 'person', 'Zoë Łukasz')!;
    expect(zoe.count).toBe(300);
    for (const o of zoe.occurrences!) expect(spanText(a, o)).toBe('Zoë Łukasz');
    for (const o of find(t, 'place', '東京')!.occurrences!) expect(spanText(a, o)).toBe('東京');
  });

  it('splitUtf8 never exceeds the limit, never splits a code point, and prefers a sentence end', () => {
    const text = 'First sentence here. Second one follows — naïve café 😀 text.';
    for (const max of [4, 7, 10, 16, 33]) {
      const pieces = splitUtf8(text, max);
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      for (const p of pieces) {
        expect(utf8Length(p.text)).toBeLessThanOrEqual(max);
        expect(Buffer.from(p.text, 'utf8').toString('utf8')).toBe(p.text);
        expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
      }
    }
    expect(splitUtf8(text, 40)[0]!.text).toBe('First sentence here. ');
  });
});

describe('languages', () => {
  it('a language Comprehend cannot analyze gets no entities or key phrases, and no analysis calls', async () => {
    answerWith([['Amsterdam', 'LOCATION', 0.99]], [], 'nl');
    const t = await tag({
      ...article('Nieuws uit Amsterdam', ['De gemeente Amsterdam heeft besloten.']),
      language: 'nl',
    });
    expect(t.language).toBe('nl');
    expect(t.entities).toEqual([]);
    expect(t.keyPhrases).toEqual([]);
    expect(comprehend.commandCalls(BatchDetectEntitiesCommand)).toHaveLength(0);
    expect(comprehend.commandCalls(BatchDetectKeyPhrasesCommand)).toHaveLength(0);
  });

  it('takes the detected language when confident, else the parser’s, and analyzes zh-TW as itself', () => {
    expect(chooseLanguage([{ LanguageCode: 'es', Score: 0.97 }], 'und')).toEqual({
      language: 'es',
      analyzeAs: 'es',
    });
    expect(chooseLanguage([{ LanguageCode: 'es', Score: 0.3 }], 'en')).toEqual({
      language: 'en',
      analyzeAs: 'en',
    });
    expect(chooseLanguage([{ LanguageCode: 'zh-TW', Score: 0.9 }], 'zh')).toEqual({
      language: 'zh',
      analyzeAs: 'zh-TW',
    });
    expect(chooseLanguage([{ LanguageCode: 'ceb', Score: 0.9 }], 'und')).toEqual({ language: 'und' });
    expect(chooseLanguage(undefined, 'fr')).toEqual({ language: 'fr', analyzeAs: 'fr' });
  });

  it('an article with no text makes no call at all', async () => {
    const t = await tag(article('', []));
    expect(comprehend.calls()).toHaveLength(0);
    expect(t.entities).toEqual([]);
  });
});

describe('failures', () => {
  const simple = article('Ann Lee in Lisbon', ['Ann Lee arrived in Lisbon on Monday.']);

  it('throttling is a TaggerUnavailableError, to be retried', async () => {
    answerWith([]);
    comprehend.on(BatchDetectEntitiesCommand).rejects(throttling());
    await expect(tag(simple)).rejects.toThrow(TaggerUnavailableError);
    await expect(tag(simple)).rejects.toThrow(
      /BatchDetectEntities failed: ThrottlingException: Rate exceeded/,
    );
  });

  it('so are internal errors, whole or for one document of a batch', async () => {
    answerWith([]);
    comprehend
      .on(DetectDominantLanguageCommand)
      .rejects(new InternalServerException({ message: 'boom', $metadata: {} }));
    await expect(tag(simple)).rejects.toThrow(TaggerUnavailableError);

    comprehend.reset();
    answerWith([]);
    comprehend.on(BatchDetectKeyPhrasesCommand).resolves({
      ResultList: [],
      ErrorList: [{ Index: 0, ErrorCode: 'INTERNAL_SERVER_ERROR', ErrorMessage: 'try again' }],
    });
    await expect(tag(simple)).rejects.toThrow(TaggerUnavailableError);
  });

  it('an error about the input itself is not retried', async () => {
    answerWith([]);
    comprehend
      .on(BatchDetectEntitiesCommand)
      .rejects(new TextSizeLimitExceededException({ message: 'too big', $metadata: {} }));
    const error = await tag(simple).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TaggerUnavailableError);
  });
});

describe('the tag stage with a tagger port', () => {
  const source: SourceObject = {
    bucket: 'raw',
    key: 'incoming/a.txt',
    sequencer: '01',
    eventTime: '2026-11-29T10:00:00Z',
  };
  const message: TagQueueMessage = {
    kind: 'upsert',
    articleId: 'a1',
    source,
    doc: { inline: article('Ann Lee in Lisbon', ['Ann Lee arrived.']) },
  };

  function stage(tagger: Tagger) {
    const sent: IndexQueueMessage[] = [];
    const saved: unknown[] = [];
    const deps: TagStageDeps = {
      documents: {
        save: async <T>(doc: T) => {
          saved.push(doc);
          return { inline: doc };
        },
        load: async <T>(ref: { inline: T } | { s3: unknown }) => (ref as { inline: T }).inline,
      } as TagStageDeps['documents'],
      toIndex: { send: async (m: IndexQueueMessage) => void sent.push(m) },
      tagger,
      now: () => NOW,
    };
    return { deps, sent, saved };
  }

  it('tags with the port and passes the result on', async () => {
    answerWith([['Ann Lee', 'PERSON', 0.99]]);
    const { deps, sent, saved } = stage(comprehendTagger(new ComprehendClient({ region: 'us-east-1' })));
    await handleParsedArticle(message, deps);
    expect(sent).toEqual([expect.objectContaining({ kind: 'upsert', articleId: 'a1' })]);
    const tagged = saved[0] as TaggedArticle;
    expect(tagged.tagger.engine).toBe('comprehend');
    expect(tagged.entities.map((e) => e.name)).toEqual(['Ann Lee']);
  });

  it('lets a throttled service fail the message, so SQS retries it and then dead-letters it', async () => {
    answerWith([]);
    comprehend.on(BatchDetectEntitiesCommand).rejects(throttling());
    const { deps, sent } = stage(comprehendTagger(new ComprehendClient({ region: 'us-east-1' })));
    await expect(handleParsedArticle(message, deps)).rejects.toThrow(TaggerUnavailableError);
    expect(sent).toEqual([]);
  });

  it('records Comprehend refusing the input itself as TAG_FAILED: resending it cannot help', async () => {
    answerWith([]);
    comprehend
      .on(BatchDetectEntitiesCommand)
      .rejects(new TextSizeLimitExceededException({ message: 'too big', $metadata: {} }));
    const { deps, sent } = stage(comprehendTagger(new ComprehendClient({ region: 'us-east-1' })));
    await handleParsedArticle(message, deps);
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'reject',
        rejection: expect.objectContaining({
          code: 'TAG_FAILED',
          message: expect.stringContaining('TextSizeLimitExceededException'),
        }),
      }),
    ]);
  });

  it('records any other tagger failure as TAG_FAILED', async () => {
    const { deps, sent } = stage(async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    await handleParsedArticle(message, deps);
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'reject',
        rejection: { code: 'TAG_FAILED', message: 'TypeError: cannot read properties of undefined' },
      }),
    ]);
  });
});
