import type { EntityType } from '../article';
import { isDemonym, knownPlace } from './gazetteer';
import {
  ABBREVIATIONS,
  KNOWN_ORGS,
  NAME_JOINERS,
  NEVER_ENTITY,
  OFFICE_WORDS,
  ORG_PREFIXES_OF,
  ORG_SUFFIXES,
  PERSON_NOUNS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SENTENCE_STARTERS,
  SPEECH_VERBS,
} from './lexicon';
import { isCapitalised, type Tok } from './tokens';

/**
 * How a mention got its type, strongest first. Resolution keeps the strongest evidence per surface form, so
 * "Kano, the Japanese foreign minister" (apposition) beats compromise's guess that Kano is a Nigerian city.
 */
export const EVIDENCE = ['role', 'apposition', 'gazetteer', 'org-rule', 'speech', 'tagger', 'none'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export interface Mention {
  surface: string;
  tokens: number;
  type?: EntityType;
  evidence: Evidence;
  /** Canonical name for gazetteer places ("US" -> "United States"). */
  canonical?: string;
}

const POST_BREAK = /[^\s-]/;

/** "Harris County Sheriff's Office": the possessive is part of the name when a capitalised org word follows. */
function possessiveInsideOrg(rest: readonly Tok[]): boolean {
  for (const t of rest.slice(0, 4)) {
    if (!isCapitalised(t)) return false;
    if (ORG_SUFFIXES.has(t.key)) return true;
    if (t.post.trim()) return false;
  }
  return false;
}

/** Punctuation between two tokens ends a name, except the full stop of an abbreviation ("Rep. Omar"). */
function breaksAfter(t: Tok, next: Tok | undefined, rest: readonly Tok[]): boolean {
  if (t.possessive && !possessiveInsideOrg(rest)) return true;
  const post = t.post.trim();
  if (post && POST_BREAK.test(post) && !(post === '.' && ABBREVIATIONS.has(t.key))) return true;
  return next !== undefined && next.pre.trim() !== '';
}

const surfaceOf = (toks: readonly Tok[]): string =>
  toks
    .map((t, i) => {
      if (i === toks.length - 1) return t.text;
      if (t.possessive) return `${t.raw} `;
      const post = t.post;
      if (/^-$/.test(post.trim()) && !/\s/.test(post)) return `${t.text}-`;
      return post.trim() === '.' ? `${t.text}. ` : `${t.text} `;
    })
    .join('')
    .trim();

/** Runs of capitalised words in a sentence, with joiners inside ("Bank of England"); punctuation ends a run. */
function capitalisedRuns(sentence: readonly Tok[]): Array<{ toks: Tok[]; start: number }> {
  const runs: Array<{ toks: Tok[]; start: number }> = [];
  let cur: Tok[] = [];
  let start = 0;
  const close = () => {
    while (cur.length && NAME_JOINERS.has(cur[cur.length - 1]!.key)) cur.pop();
    if (cur.length) runs.push({ toks: cur, start });
    cur = [];
  };
  for (let i = 0; i < sentence.length; i++) {
    const t = sentence[i]!;
    const next = sentence[i + 1];
    const cap = isCapitalised(t);
    const joiner =
      !cap &&
      cur.length > 0 &&
      NAME_JOINERS.has(t.key) &&
      next !== undefined &&
      (isCapitalised(next) || NAME_JOINERS.has(next.key));
    if (!cap && !joiner) {
      close();
      continue;
    }
    if (cur.length === 0) start = i;
    cur.push(t);
    if (breaksAfter(t, next, sentence.slice(i + 1))) close();
  }
  close();
  return runs;
}

const isOrgName = (toks: readonly Tok[]): boolean => {
  const key = toks.map((t) => t.key).join(' ');
  if (KNOWN_ORGS.has(key)) return true;
  const last = toks[toks.length - 1]!;
  if (toks.length >= 2 && ORG_SUFFIXES.has(last.key)) return true;
  const ofAt = toks.findIndex((t) => t.key === 'of');
  if (
    ofAt > 0 &&
    ofAt < toks.length - 1 &&
    ORG_PREFIXES_OF.has(
      toks
        .slice(0, ofAt)
        .map((t) => t.key)
        .join(' '),
    )
  )
    return true;
  return false;
};

const tagVote = (toks: readonly Tok[]): EntityType | undefined => {
  const has = (...tags: string[]) => toks.some((t) => tags.some((g) => t.tags.has(g)));
  if (has('Organization')) return 'organization';
  if (has('Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName')) return 'person';
  if (has('Place', 'Country', 'City', 'Region')) return 'place';
  return undefined;
};

interface Context {
  sentence: readonly Tok[];
  start: number;
  end: number;
}

/** "his counterpart, Taro Kono," / "Kano, the Japanese foreign minister," / "counterpart Wang Yi". */
function inApposition(c: Context): boolean {
  const before = c.sentence[c.start - 1];
  if (before && PERSON_NOUNS.has(before.key) && !isCapitalised(before)) return true;
  const last = c.sentence[c.end - 1]!;
  if (last.post.trim() !== ',') return false;
  // Up to six words of descriptor after the comma, ending in a person noun: ", the Japanese foreign minister,".
  for (let i = c.end; i < Math.min(c.sentence.length, c.end + 6); i++) {
    const t = c.sentence[i]!;
    if (PERSON_NOUNS.has(t.key)) return true;
    if (/[,;.:]/.test(t.post.trim()) || SPEECH_VERBS.has(t.key)) return false;
  }
  return false;
}

function nearSpeechVerb(c: Context): boolean {
  const after = c.sentence[c.end];
  const before = c.sentence[c.start - 1];
  const lastPost = c.sentence[c.end - 1]!.post.trim();
  return (
    (!lastPost && !!after && SPEECH_VERBS.has(after.key)) ||
    (!!before && SPEECH_VERBS.has(before.key) && !before.post.trim())
  );
}

/** Splits a run on known places it contains ("China-Japan", "US" in "US Capitol" stays whole). */
function hyphenatedPlaces(t: Tok): string[] | undefined {
  if (!t.text.includes('-')) return undefined;
  const parts = t.text.split('-');
  return parts.length > 1 && parts.every((p) => knownPlace(p)) ? parts : undefined;
}

const isDescriptor = (t: Tok): boolean =>
  isDemonym(t.text) || NEVER_ENTITY.has(t.key) || NAME_JOINERS.has(t.key);

/** Party-and-state tags and position markers in brackets: "(D-MN)", "(L)", "(2nd-R)". */
const isBracketCode = (toks: readonly Tok[]): boolean =>
  toks.length === 1 &&
  toks[0]!.pre.includes('(') &&
  toks[0]!.post.includes(')') &&
  /^[\p{Lu}\d-]{1,6}$/u.test(toks[0]!.text.replace(/[a-z]/g, ''));

function typeSpan(toks: Tok[], c: Context, out: Mention[]): void {
  if (isBracketCode(toks)) return;
  const whole = knownPlace(surfaceOf(toks));
  if (whole) {
    out.push({
      surface: surfaceOf(toks),
      tokens: toks.length,
      type: 'place',
      evidence: 'gazetteer',
      canonical: whole,
    });
    return;
  }
  // Trim words that only describe: "Chinese", months, a compass point on its own.
  while (toks.length && isDescriptor(toks[0]!)) {
    toks = toks.slice(1);
    c = { ...c, start: c.start + 1 };
  }
  while (toks.length && isDescriptor(toks[toks.length - 1]!)) {
    toks = toks.slice(0, -1);
    c = { ...c, end: c.end - 1 };
  }
  if (toks.length === 0) return;
  if (toks.length === 1) {
    const parts = hyphenatedPlaces(toks[0]!);
    if (parts) {
      for (const p of parts)
        out.push({ surface: p, tokens: 1, type: 'place', evidence: 'gazetteer', canonical: knownPlace(p) });
      return;
    }
  }
  const surface = surfaceOf(toks);
  if (!/\p{L}{2}/u.test(surface)) return;
  const place = knownPlace(surface);
  const appos = inApposition(c);
  if (appos && !isOrgName(toks) && toks.length <= 4) {
    out.push({ surface, tokens: toks.length, type: 'person', evidence: 'apposition' });
    return;
  }
  if (place) {
    out.push({ surface, tokens: toks.length, type: 'place', evidence: 'gazetteer', canonical: place });
    return;
  }
  if (isOrgName(toks)) {
    out.push({ surface, tokens: toks.length, type: 'organization', evidence: 'org-rule' });
    return;
  }
  if (toks.length <= 3 && nearSpeechVerb(c)) {
    out.push({ surface, tokens: toks.length, type: 'person', evidence: 'speech' });
    return;
  }
  // A lone "Office", "Minister" or "Party" is a capitalised common noun, not a name.
  if (
    toks.length === 1 &&
    (ORG_SUFFIXES.has(toks[0]!.key) || ROLE_HEADS.has(toks[0]!.key) || PERSON_NOUNS.has(toks[0]!.key))
  )
    return;
  const vote = tagVote(toks);
  out.push({ surface, tokens: toks.length, type: vote, evidence: vote ? 'tagger' : 'none' });
}

/** "Foreign Minister Wang Yi" -> role + name. Returns the index after the role block, or -1 when there is no role. */
function roleSplit(toks: readonly Tok[]): { roleStart: number; nameStart: number } | undefined {
  for (let h = toks.length - 2; h >= 0; h--) {
    if (!ROLE_HEADS.has(toks[h]!.key)) continue;
    let n = h + 1;
    if (toks[n]?.key === 'of') {
      n++;
      while (n < toks.length && OFFICE_WORDS.has(toks[n]!.key)) n++;
    }
    const name = toks.slice(n);
    if (name.length === 0 || name.length > 4) continue;
    // "General Motors" is a company, not General Motors the officer.
    if (ORG_SUFFIXES.has(name[name.length - 1]!.key)) continue;
    let roleStart = h;
    while (
      roleStart > 0 &&
      (ROLE_MODIFIERS.has(toks[roleStart - 1]!.key) ||
        ROLE_HEADS.has(toks[roleStart - 1]!.key) ||
        isDemonym(toks[roleStart - 1]!.text))
    )
      roleStart--;
    return { roleStart, nameStart: n };
  }
  return undefined;
}

/** A run with "of" in it is one name only if it is a known place or organization pattern. */
function splitOnOf(toks: Tok[]): Tok[][] {
  const ofAt = toks.findIndex((t) => t.key === 'of');
  if (ofAt <= 0 || knownPlace(surfaceOf(toks)) || isOrgName(toks)) return [toks];
  const left = toks.slice(0, ofAt);
  const right = toks.slice(ofAt + 1);
  while (right.length && NAME_JOINERS.has(right[0]!.key)) right.shift();
  return [left, ...splitOnOf(right)].filter((s) => s.length > 0);
}

function runMentions(
  sentence: readonly Tok[],
  run: { toks: Tok[]; start: number },
  known: ReadonlySet<string>,
  out: Mention[],
): void {
  let toks = run.toks;
  let start = run.start;
  // A capital at the start of a sentence is grammar: drop it unless the tagger or the gazetteer says it is a name.
  const f = toks[0];
  if (f && (f.sentenceStart || /[“"‘']/.test(f.pre))) {
    const proper = f.tags.has('ProperNoun') && !SENTENCE_STARTERS.has(f.key);
    const nameCue =
      !SENTENCE_STARTERS.has(f.key) &&
      (known.has(f.text) ||
        (toks.length === 1 &&
          (inApposition({ sentence, start, end: start + 1 }) ||
            nearSpeechVerb({ sentence, start, end: start + 1 }))));
    if (!proper && !nameCue && !knownPlace(f.text) && !hyphenatedPlaces(f) && !knownPlace(surfaceOf(toks))) {
      toks = toks.slice(1);
      start++;
    }
  }
  if (toks.length === 0) return;

  const role = roleSplit(toks);
  if (role) {
    const before = toks.slice(0, role.roleStart);
    if (before.length) runMentions(sentence, { toks: before, start }, known, out);
    const name = toks.slice(role.nameStart);
    const surface = surfaceOf(name);
    const place = knownPlace(surface);
    if (place)
      out.push({ surface, tokens: name.length, type: 'place', evidence: 'gazetteer', canonical: place });
    else if (!name.every((t) => NEVER_ENTITY.has(t.key) || isDemonym(t.text)))
      out.push({ surface, tokens: name.length, type: 'person', evidence: 'role' });
    return;
  }
  let offset = start;
  for (const part of splitOnOf(toks)) {
    const idx = sentence.indexOf(part[0]!, offset);
    const s = idx >= 0 ? idx : offset;
    typeSpan(part, { sentence, start: s, end: s + part.length }, out);
    offset = s + part.length;
  }
}

/**
 * Capitalised words seen mid-sentence anywhere in the article: there the capital is not grammar, so the same
 * word opening a sentence ("Ardern said ...") is a name too.
 */
export function midSentenceCapitals(segments: readonly (readonly Tok[][])[]): Set<string> {
  const out = new Set<string>();
  for (const sentences of segments) {
    for (const sentence of sentences) {
      for (const t of sentence)
        if (!t.sentenceStart && !/[“"‘']/.test(t.pre) && isCapitalised(t)) out.add(t.text);
    }
  }
  return out;
}

/** Every name-like mention in one tokenized paragraph, typed where the rules or the tagger can tell. */
export function extractMentions(
  sentences: readonly Tok[][],
  known: ReadonlySet<string> = new Set(),
): Mention[] {
  const mentions: Mention[] = [];
  for (const sentence of sentences) {
    for (const run of capitalisedRuns(sentence)) runMentions(sentence, run, known, mentions);
  }
  return mentions;
}
