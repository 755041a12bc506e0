import { isDemonym, knownPlace } from '../gazetteer';
import { FAMILY_NAMES, GIVEN_NAMES } from './names-data';

/**
 * The features the entity model reads for one token. Training (scripts/train-ner.ts) and tagging call this one
 * function, so a feature can never mean one thing at training time and another in production.
 */

/** What the whole document says about a word, gathered before tagging it. */
export interface DocumentEvidence {
  /** Words written in lower case somewhere in the document: "Take" opening a headline is then likely a verb. */
  lowerSeen: ReadonlySet<string>;
  /** Words capitalised in mid-sentence somewhere: the capital is then not grammar. */
  capitalisedMid: ReadonlySet<string>;
  /** Entity type already given to the word earlier in the document ("Kono" after "Taro Kono"). */
  memory: ReadonlyMap<string, string>;
}

export interface SequenceView {
  words: readonly string[];
  sentenceStart: readonly boolean[];
  /** The sentence is written in capitals (headlines), so letter case says nothing there. */
  shouted: readonly boolean[];
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

/** "Kono" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d": letter classes with runs collapsed. */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    const c =
      code >= 65 && code <= 90
        ? 'X'
        : code >= 97 && code <= 122
          ? 'x'
          : code >= 48 && code <= 57
            ? 'd'
            : code < 128
              ? ch
              : UPPER.test(ch)
                ? 'X'
                : LOWER.test(ch)
                  ? 'x'
                  : DIGIT.test(ch)
                    ? 'd'
                    : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Lower case, one apostrophe, digits as 0: the spelling-insensitive key of a word. */
export const normalizeWord = (w: string): string =>
  w.toLowerCase().replace(/[’`]/g, "'").replace(/\p{N}/gu, '0');

const LABEL_SLOTS = ['<s>', 'O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
const slot = (label: string): number => Math.max(0, LABEL_SLOTS.indexOf(label));
const PREV = LABEL_SLOTS.map((l) => `t-1=${l}`);
const PREV2 = LABEL_SLOTS.map((a) => LABEL_SLOTS.map((b) => `t-2t-1=${a}|${b}`));

/**
 * Everything about one spelling that does not depend on its neighbours, with its feature strings built once.
 * Reusing the same string objects matters: V8 hashes a string once, so the model lookups of a repeated word
 * cost almost nothing.
 */
interface WordInfo {
  norm: string;
  shape: string;
  capitalised: boolean;
  lower: boolean;
  own: string[];
  asPrev: string;
  asNext: string;
  asPrev2: string;
  asNext2: string;
  shapeAsPrev: string;
  shapeAsNext: string;
  /** `ss` for [normal, normal at sentence start, shouted, shouted at sentence start]. */
  shapeContext: string[];
  /** `t-1w` and `t-1s` per previous-label slot, built on demand. */
  afterLabel: Array<[string, string] | undefined>;
  gazetteer: string[];
}

const BOUNDARY = (tag: string): WordInfo => ({
  norm: tag,
  shape: tag,
  capitalised: false,
  lower: false,
  own: [],
  asPrev: `w-1=${tag}`,
  asNext: `w+1=${tag}`,
  asPrev2: `w-2=${tag}`,
  asNext2: `w+2=${tag}`,
  shapeAsPrev: `s-1=${tag}`,
  shapeAsNext: `s+1=${tag}`,
  shapeContext: [],
  afterLabel: [],
  gazetteer: [],
});
const START = BOUNDARY('<s>');
const END = BOUNDARY('</s>');

let names: { given: Set<string>; family: Set<string> } | undefined;
const nameLists = () =>
  (names ??= { given: new Set(GIVEN_NAMES.split(' ')), family: new Set(FAMILY_NAMES.split(' ')) });

/** "Nancy", "Aarav": a capitalised word the name lists know as a given name. */
export const isGivenName = (word: string): boolean =>
  UPPER.test(word[0] ?? '') && nameLists().given.has(normalizeWord(word));

const MAX_CACHED_WORDS = 200_000;
const cache = new Map<string, WordInfo>();

function infoOf(word: string): WordInfo {
  let info = cache.get(word);
  if (info) return info;
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  const lw = normalizeWord(word);
  const shape = shapeOf(word);
  const gazetteer: string[] = [];
  if (knownPlace(word)) gazetteer.push('gaz=place');
  if (isDemonym(word)) gazetteer.push('gaz=demonym');
  if (UPPER.test(word[0] ?? '')) {
    if (nameLists().given.has(lw)) gazetteer.push('name=given');
    if (nameLists().family.has(lw)) gazetteer.push('name=family');
  }
  info = {
    norm: lw,
    shape,
    capitalised: UPPER.test(word[0] ?? ''),
    lower: LOWER.test(word[0] ?? ''),
    own: [
      'b',
      `w=${lw}`,
      `s=${shape}`,
      `p1=${lw.slice(0, 1)}`,
      `p2=${lw.slice(0, 2)}`,
      `p3=${lw.slice(0, 3)}`,
      `x2=${lw.slice(-2)}`,
      `x3=${lw.slice(-3)}`,
      `x4=${lw.slice(-4)}`,
    ],
    asPrev: `w-1=${lw}`,
    asNext: `w+1=${lw}`,
    asPrev2: `w-2=${lw}`,
    asNext2: `w+2=${lw}`,
    shapeAsPrev: `s-1=${shape}`,
    shapeAsNext: `s+1=${shape}`,
    shapeContext: ['n|m', 'n|S', 'U|m', 'U|S'].map((c) => `ss=${shape}|${c}`),
    afterLabel: [],
    gazetteer,
  };
  cache.set(word, info);
  return info;
}

export function tokenFeatures(
  seq: SequenceView,
  i: number,
  prevLabel: string,
  prevLabel2: string,
  doc: DocumentEvidence,
): string[] {
  const w = seq.words[i]!;
  const me = infoOf(w);
  const at = (k: number): WordInfo => {
    const j = i + k;
    return j < 0 ? START : j >= seq.words.length ? END : infoOf(seq.words[j]!);
  };
  const p1 = at(-1);
  const n1 = at(1);
  const shouted = seq.shouted[i] ? 'U' : 'n';
  const start = seq.sentenceStart[i] ? 'S' : 'm';
  const prevSlot = slot(prevLabel);
  let after = me.afterLabel[prevSlot];
  if (!after) {
    after = [`t-1w=${prevLabel}|${me.norm}`, `t-1s=${prevLabel}|${me.shape}`];
    me.afterLabel[prevSlot] = after;
  }
  const f = [
    ...me.own,
    me.shapeContext[(seq.shouted[i] ? 2 : 0) + (seq.sentenceStart[i] ? 1 : 0)]!,
    p1.asPrev,
    n1.asNext,
    at(-2).asPrev2,
    at(2).asNext2,
    `w-1w=${p1.norm}|${me.norm}`,
    `ww+1=${me.norm}|${n1.norm}`,
    p1.shapeAsPrev,
    n1.shapeAsNext,
    `s-1s+1=${p1.shape}|${me.shape}|${n1.shape}`,
    PREV[prevSlot]!,
    PREV2[slot(prevLabel2)]![prevSlot]!,
    after[0],
    after[1],
    ...me.gazetteer,
  ];
  if (seq.shouted[i]) f.push(`U=${start}`);
  if (me.capitalised && p1.gazetteer.includes('name=given')) f.push('after=given');
  const memory = doc.memory.get(me.norm);
  if (memory) f.push(`mem=${memory}`, `mem=${memory}|${me.shape}`);
  if (me.capitalised) {
    if (doc.lowerSeen.has(me.norm)) f.push(`low=${start}|${shouted}`);
    if (doc.capitalisedMid.has(me.norm)) f.push(`capmid=${start}|${shouted}`);
  }
  // Two-word places ("New York", "Hong Kong") are capitalised throughout, so only capitals are looked up.
  if (
    !me.gazetteer.includes('gaz=place') &&
    me.capitalised &&
    ((n1.capitalised && knownPlace(`${w} ${seq.words[i + 1]!}`)) ||
      (p1.capitalised && knownPlace(`${seq.words[i - 1]!} ${w}`)))
  )
    f.push('gaz=place2');
  return f;
}

/** Document-wide evidence from the raw words, before any tagging. */
export function gatherEvidence(sequences: readonly SequenceView[]): {
  lowerSeen: Set<string>;
  capitalisedMid: Set<string>;
} {
  const lowerSeen = new Set<string>();
  const capitalisedMid = new Set<string>();
  for (const seq of sequences) {
    seq.words.forEach((w, i) => {
      if (seq.shouted[i]) return;
      const info = infoOf(w);
      if (info.lower) lowerSeen.add(info.norm);
      else if (info.capitalised && !seq.sentenceStart[i]) capitalisedMid.add(info.norm);
    });
  }
  return { lowerSeen, capitalisedMid };
}

/** A sentence with no lower-case letters but several capitals is a shouted headline. */
export function isShouted(words: readonly string[]): boolean {
  let upper = 0;
  for (const w of words) {
    if (/\p{Ll}/u.test(w)) return false;
    if (/\p{Lu}/u.test(w)) upper++;
  }
  return upper >= 2;
}
