import type { KeyPhrase } from '../article';
import type { Tok } from './tokens';
import { isCapitalised } from './tokens';
import { SENTENCE_STARTERS } from './lexicon';

/** Nouns too general to say what an article is about. */
const GENERIC_NOUNS = new Set(
  `thing things way ways time times year years part parts lot lots kind sort number numbers one ones today yesterday
   week weeks month months day days matter hand whole fact facts case cases percent cent back end side sides point
   points something anything nothing everything someone anyone everyone people person place places area areas
   issue issues term terms use level levels group groups member members other others number lot`
    .split(/\s+/)
    .filter(Boolean),
);

/** Quantifiers and vague adjectives that open noun phrases without adding meaning. */
const WEAK_MODIFIERS = new Set(
  'other many some several such same more most much few little own various certain whole entire both all any each every last next first second third former latter main major key new'.split(
    ' ',
  ),
);

const NON_PHRASE_TAGS = [
  'Pronoun',
  'Determiner',
  'Value',
  'Date',
  'Verb',
  'Adverb',
  'Preposition',
  'Conjunction',
  'QuestionWord',
  'Copula',
  'Modal',
  'Auxiliary',
  'Expression',
  'Negative',
];

/** Possessive determiners and particles that compromise sometimes tags as nouns or adjectives. */
const FUNCTION_WORDS = new Set(
  'its our their his her my your this that these those over back up down out off away then there here very so such'.split(
    ' ',
  ),
);

const isPhraseWord = (t: Tok): boolean =>
  !isCapitalised(t) &&
  !FUNCTION_WORDS.has(t.key) &&
  !SENTENCE_STARTERS.has(t.key) &&
  /^\p{L}[\p{L}'’-]*$/u.test(t.text) &&
  (t.tags.has('Noun') || t.tags.has('Adjective')) &&
  !NON_PHRASE_TAGS.some((g) => t.tags.has(g) && !(g === 'Verb' && t.tags.has('Noun')));

/** Maximal noun phrases (adjectives + nouns ending in a noun) within a sentence, punctuation breaking them. */
function phrasesIn(sentence: readonly Tok[]): string[] {
  const out: string[] = [];
  let cur: Tok[] = [];
  const close = () => {
    while (
      cur.length &&
      (!cur[cur.length - 1]!.tags.has('Noun') || cur[cur.length - 1]!.tags.has('Adjective'))
    )
      cur.pop();
    while (cur.length && WEAK_MODIFIERS.has(cur[0]!.key)) cur.shift();
    if (cur.length) {
      const kept = cur.slice(-4);
      const words = kept.map((t) => t.key);
      // compromise splits "resource-rich" into two terms; keep the hyphen it left in the first one's trail.
      const phrase = kept
        .map((t, i) =>
          i < kept.length - 1 && t.post === '-' ? `${t.key}-` : i < kept.length - 1 ? `${t.key} ` : t.key,
        )
        .join('');
      if (!(words.length === 1 && (GENERIC_NOUNS.has(phrase) || phrase.length < 4))) out.push(phrase);
    }
    cur = [];
  };
  for (const t of sentence) {
    if (!isPhraseWord(t) || t.pre.trim()) {
      close();
      if (!isPhraseWord(t)) continue;
    }
    cur.push(t);
    if (t.post.trim() && !/^-$/.test(t.post.trim())) close();
  }
  close();
  return out;
}

const singular = (phrase: string): string =>
  phrase.replace(/(\w{3,}?)(?:ies)$/, '$1y').replace(/(\w{3,}[^su])s$/, '$1');

export interface PhraseSource {
  sentences: Tok[][];
  zone: 'title' | 'lead' | 'body';
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Key phrases by a small TF-style score: how often the phrase occurs, how often its words recur across the
 * article, longer phrases a little higher, and a boost for the title and lead. Ties break alphabetically so the
 * output is stable.
 */
export function keyPhrases(
  sources: readonly PhraseSource[],
  exclude: ReadonlySet<string>,
  limit = 10,
): KeyPhrase[] {
  // Keyed by a crude singular so "foreign minister" and "foreign ministers" count as one phrase.
  const occ = new Map<string, { n: number; title: boolean; lead: boolean; forms: Map<string, number> }>();
  const wordFreq = new Map<string, number>();
  for (const src of sources) {
    for (const sentence of src.sentences) {
      for (const p of phrasesIn(sentence)) {
        const key = singular(p);
        const o = occ.get(key) ?? { n: 0, title: false, lead: false, forms: new Map<string, number>() };
        o.n++;
        o.forms.set(p, (o.forms.get(p) ?? 0) + 1);
        o.title ||= src.zone === 'title';
        o.lead ||= src.zone === 'lead';
        occ.set(key, o);
        for (const w of key.split(' ')) wordFreq.set(w, (wordFreq.get(w) ?? 0) + 1);
      }
    }
  }
  const scored = [...occ]
    .map(([key, o]) => {
      // The form the article uses most; the shorter one on a tie.
      const p = [...o.forms].sort(
        (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]),
      )[0]![0];
      const ws = key.split(' ');
      const recurrence = ws.reduce((s, w) => s + ((wordFreq.get(w) ?? 1) - 1) * 0.3, 0) / ws.length;
      const score = o.n * (1 + 0.5 * (ws.length - 1)) + recurrence + (o.title ? 1.5 : 0) + (o.lead ? 0.5 : 0);
      return { text: p, score };
    })
    .filter((c) => !exclude.has(c.text))
    .sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));

  const picked: Array<{ text: string; score: number }> = [];
  for (const c of scored) {
    if (picked.length >= limit) break;
    // "ties" adds nothing once "improved ties" is in; the reverse is a different phrase.
    if (picked.some((p) => ` ${p.text} `.includes(` ${c.text} `))) continue;
    picked.push(c);
  }
  const max = picked[0]?.score ?? 1;
  return picked.map((p) => ({ text: p.text, score: round3(p.score / max) }));
}
