import type { EntityType } from '../article';
import { demonymCountry, isDemonym, lookupPlace, lookupPlaceAmong, type PlaceInfo } from './gazetteer';
import {
  KNOWN_ORGS,
  NEVER_ENTITY,
  ORG_SUFFIXES,
  PERSON_NOUNS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SENTENCE_STARTERS,
  SPEECH_VERBS,
} from './lexicon';
import { recognizeEntities, type NerParagraph, type NerSpan } from './ner';
import { isGivenName } from './ner/features';
import type { Token } from './ner/tokenize';
import type { Mention, Occurrence, Zone } from './resolve';

export interface Segment {
  text: string;
  zone: Zone;
  /** 0 for the title, n for the n-th body paragraph (1-based); captions after the body. */
  position: number;
}

const COMPASS = new Set([
  'north',
  'south',
  'east',
  'west',
  'central',
  'northern',
  'southern',
  'eastern',
  'western',
]);

/** Lower-case words that may sit inside one name: "Bank of England", "Charles de Gaulle", "Bosnia and Herzegovina". */
const INNER_JOINERS = new Set(
  'of the de del della der den van von da dos das du la le al bin ibn y and & for on upon am'.split(' '),
);

/** Towns and states lend their names to teams and firms ("Surrey beat Kent"); countries, seas and islands rarely. */
const teamLike = (place: PlaceInfo): boolean =>
  place.kind === 'city' || (place.kind === 'region' && place.country !== '');

/** Last words that make a name a place: "Broward County", "Rikers Island", "Lake Berryessa" aside. */
const PLACE_SUFFIXES = new Set(
  `county counties island islands river lake mountain mountains bay sea ocean valley street avenue road square beach
   coast peninsula province region district desert canal strait straits gulf heights hills falls harbour harbor`
    .split(/\s+/)
    .filter(Boolean),
);

const suffixType = (last: string): EntityType | undefined =>
  PLACE_SUFFIXES.has(last) ? 'place' : ORG_SUFFIXES.has(last) ? 'organization' : undefined;

const TYPE_OF = { PER: 'person', ORG: 'organization', LOC: 'place' } as const;

const key = (t: Token): string => t.text.toLowerCase().replace(/[’`]/g, "'").replace(/\.$/, '');
const isCapitalised = (t: Token): boolean => /^\p{Lu}/u.test(t.text);

/** "(L)", "(D-MN)", "(2nd-R)": photo positions and party codes, not names. */
function isBracketCode(tokens: readonly Token[], from: number, to: number): boolean {
  const text = tokens
    .slice(from, to)
    .map((t) => t.text)
    .join('');
  return (
    tokens[from - 1]?.text === '(' &&
    tokens[to]?.text === ')' &&
    text.length <= 6 &&
    !/\p{Ll}{3}/u.test(text) &&
    !lookupPlace(text)
  );
}

/** The country a word points at: "Chinese", "Japan" before "'s", "US". */
function countryOfWord(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const demonym = demonymCountry(t.text);
  if (demonym) return demonym;
  const place = lookupPlace(t.text);
  return place?.kind === 'country' ? place.country : undefined;
}

interface Role {
  country?: string;
  /** The office in lower case without nationality: "foreign minister", "president". */
  office: string;
}

/**
 * "Chinese Foreign Minister Wang Yi", "Japan's Foreign Minister Taro Kono": the office written before a name,
 * read backwards from the name through role words, a possessive and a nationality.
 */
function roleBefore(tokens: readonly Token[], nameStart: number): Role | undefined {
  const words: string[] = [];
  let i = nameStart - 1;
  while (i >= 0 && (ROLE_HEADS.has(key(tokens[i]!)) || ROLE_MODIFIERS.has(key(tokens[i]!)))) {
    words.unshift(key(tokens[i]!));
    i--;
  }
  if (words.length === 0 || !words.some((w) => ROLE_HEADS.has(w))) return undefined;
  if (tokens[i] && /^['’]s$/i.test(tokens[i]!.text)) i--;
  return { country: countryOfWord(tokens, i), office: words.join(' ') };
}

/** "Kano, the Japanese foreign minister,": an office in apposition after the name. */
function roleAfter(tokens: readonly Token[], nameEnd: number): Role | undefined {
  if (tokens[nameEnd]?.text !== ',') return undefined;
  let i = nameEnd + 1;
  if (/^(?:the|a|his|her|their|its)$/i.test(tokens[i]?.text ?? '')) i++;
  let country: string | undefined;
  const words: string[] = [];
  for (; i < Math.min(tokens.length, nameEnd + 8); i++) {
    const t = tokens[i]!;
    if (/^[,;.:)]$/.test(t.text)) break;
    const c = countryOfWord(tokens, i);
    if (c && words.length === 0) {
      country = c;
      continue;
    }
    if (ROLE_HEADS.has(key(t)) || ROLE_MODIFIERS.has(key(t)) || PERSON_NOUNS.has(key(t))) words.push(key(t));
    else return undefined;
  }
  return words.length ? { country, office: words.join(' ') } : undefined;
}

/** A bare name just before or after a verb of saying is a person: "Wang added", "said Abe". */
function nearSpeech(tokens: readonly Token[], from: number, to: number): boolean {
  const after = tokens[to];
  const before = tokens[from - 1];
  return (!!after && SPEECH_VERBS.has(key(after))) || (!!before && SPEECH_VERBS.has(key(before)));
}

/** Verbs a government does through its capital: "Beijing maintains", "Tokyo has pushed", "accusing Tokyo". */
const STANCE_VERBS = new Set(
  `said says say maintains maintained insists insisted claims claimed regards regarded accuses accused accusing
   warned warns urged urges denied denies rejected rejects demanded demands pushed pushing has have had wants wanted
   believes believed sees saw views viewed called calls hopes hoped responded responds protested protests vowed
   vows threatened threatens announced announces agreed agrees refused refuses considers considered`
    .split(/\s+/)
    .filter(Boolean),
);

/** The place is the subject or object of a government's act: "Beijing maintains that ...", "accusing Tokyo". */
function actsAsGovernment(tokens: readonly Token[], from: number, to: number): boolean {
  const next = tokens[to];
  const after =
    next && /^(?:frequently|also|has|have|had|now|still|long|repeatedly)$/i.test(next.text)
      ? tokens[to + 1]
      : next;
  if (after && STANCE_VERBS.has(key(after)) && !isCapitalised(after)) return true;
  const before = tokens[from - 1];
  return !!before && /^(?:accusing|accused|urged|urging|pressed|pressing|warned|warning)$/i.test(before.text);
}

/** A recognized paragraph with its text, which the offsets point into. */
type Paragraph = NerParagraph & { text: string; covered: Set<number> };

function mentionOf(span: NerSpan, para: Paragraph, zone: Zone): Mention[] {
  const { tokens } = para;
  let from = span.tokenStart;
  let to = span.tokenEnd;
  if (isBracketCode(tokens, from, to)) return [];
  // "the East China Sea" where the model saw only "China Sea": a capital word the gazetteer joins to the span.
  const textOf = (a: number, b: number) => para.text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  if (
    from > 0 &&
    isCapitalised(tokens[from - 1]!) &&
    lookupPlace(textOf(from - 1, to)) &&
    !lookupPlace(textOf(from, to))
  )
    from--;
  if (
    to < tokens.length &&
    isCapitalised(tokens[to]!) &&
    lookupPlace(textOf(from, to + 1)) &&
    !lookupPlace(textOf(from, to))
  )
    to++;
  const whole = para.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  // "Diaoyus in China": a lower-case word that cannot sit inside a name parts two names.
  for (let k = from + 1; k < to - 1; k++) {
    if (!/^\p{Ll}/u.test(tokens[k]!.text) || INNER_JOINERS.has(key(tokens[k]!))) continue;
    return [
      ...mentionOf({ ...span, tokenEnd: k }, para, zone),
      ...mentionOf({ ...span, tokenStart: k + 1 }, para, zone),
    ];
  }
  // "China and Japan": two places, unless the whole is one ("Bosnia and Herzegovina").
  const and = tokens.slice(from, to).findIndex((t) => t.text === 'and' || t.text === '&');
  if (and > 0 && !lookupPlace(whole)) {
    const left = para.text.slice(tokens[from]!.start, tokens[from + and - 1]!.end);
    const right = para.text.slice(tokens[from + and + 1]!.start, tokens[to - 1]!.end);
    if (lookupPlace(left) || lookupPlace(right))
      return [
        ...mentionOf({ ...span, tokenEnd: from + and }, para, zone),
        ...mentionOf({ ...span, tokenStart: from + and + 1 }, para, zone),
      ];
  }
  if (!lookupPlace(whole)) {
    // "US Rep. Ilhan Omar": a title inside the span parts a place or body from the person it names.
    for (let h = to - 2; h > from; h--) {
      if (!ROLE_HEADS.has(key(tokens[h]!)) || !isCapitalised(tokens[h + 1]!)) continue;
      const before: NerSpan = { ...span, tokenEnd: h };
      const after: NerSpan = { ...span, type: 'PER', tokenStart: h + 1, tokenEnd: personEnd(para, to) };
      return [...mentionOf(before, para, zone), ...mentionOf(after, para, zone)];
    }
    // "(Speaker of the) House Nancy Pelosi": office words glued to a given name and surname are two names.
    if (span.type !== 'PER' && to - from >= 3 && !suffixType(key(tokens[to - 1]!))) {
      for (let g = from + 1; g <= to - 2; g++) {
        if (!isGivenName(tokens[g]!.text)) continue;
        if (!tokens.slice(from, g).every((t) => ROLE_MODIFIERS.has(key(t)) || ROLE_HEADS.has(key(t)))) break;
        const office: NerSpan = { ...span, tokenEnd: g };
        const person: NerSpan = { ...span, type: 'PER', tokenStart: g };
        return [...mentionOf(office, para, zone), ...mentionOf(person, para, zone)];
      }
    }
    // Titles the model sometimes takes into a name: "President Xi Jinping", "Foreign Minister Wang Yi" (but
    // "National Security Council" keeps its first word: no title follows it).
    let end = from;
    let lastHead = -1;
    while (end < to && (ROLE_HEADS.has(key(tokens[end]!)) || ROLE_MODIFIERS.has(key(tokens[end]!)))) {
      if (ROLE_HEADS.has(key(tokens[end]!))) lastHead = end;
      end++;
    }
    if (lastHead >= 0) from = lastHead + 1;
    // Months, weekdays and the like at either end; a compass word opens many names ("East Timor").
    while (from < to && NEVER_ENTITY.has(key(tokens[from]!)) && !COMPASS.has(key(tokens[from]!))) from++;
    while (from < to && NEVER_ENTITY.has(key(tokens[to - 1]!))) to--;
  }
  // "of Ukraine" split off "Central Bank": a name neither starts nor ends with a lower-case joiner.
  const dangling = (t: Token) => t.text === '&' || (/^\p{Ll}/u.test(t.text) && INNER_JOINERS.has(key(t)));
  while (from < to && dangling(tokens[from]!)) from++;
  while (from < to && dangling(tokens[to - 1]!)) to--;
  if (from === to) return [];
  const surface = para.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  // Two letters make a name, not necessarily side by side: "U.S." and "U.N." are names, "A" and "(L)" are not.
  if (!/\p{L}.*\p{L}/u.test(surface) || (to - from === 1 && isDemonym(surface))) return [];
  const base = { surface, tokens: to - from, start: tokens[from]!.start, end: tokens[to - 1]!.end };

  const before = roleBefore(tokens, from);
  const role = before ?? roleAfter(tokens, to);
  // "Diaoyutai State Guesthouse": a place name that opens a longer name is not that place.
  const next = tokens[to];
  const opensLongerName =
    next !== undefined &&
    next.start === tokens[to - 1]!.end + 1 &&
    isCapitalised(next) &&
    !NEVER_ENTITY.has(key(next));
  const place = opensLongerName ? undefined : lookupPlace(surface);
  let type: EntityType | undefined = span.type === 'MISC' ? undefined : TYPE_OF[span.type];
  let evidence: Mention['evidence'] = 'model';
  if (role && to - from <= 4 && !ORG_SUFFIXES.has(key(tokens[to - 1]!)) && !place) {
    type = 'person';
    evidence = before ? 'role' : 'apposition';
  } else if (role && to - from === 1 && !before && place?.kind === 'city') {
    // "Kano, the Japanese foreign minister,": an office in apposition outweighs a town of the same name.
    type = 'person';
    evidence = 'apposition';
  } else if (KNOWN_ORGS.has(surface.toLowerCase())) {
    type = 'organization';
    evidence = 'org-rule';
  } else if (place && (!teamLike(place) || (type !== 'organization' && type !== 'person'))) {
    type = 'place';
    evidence = 'gazetteer';
  } else if (
    to - from >= 2 &&
    type !== undefined &&
    suffixType(key(tokens[to - 1]!)) &&
    suffixType(key(tokens[to - 1]!)) !== type
  ) {
    // "Broward County", "James Madison University": the last word says what kind of name it is.
    type = suffixType(key(tokens[to - 1]!))!;
    evidence = 'org-rule';
  } else if (type === undefined) {
    return [];
  } else if (to - from === 1 && tokens[from]!.sentenceStart && SENTENCE_STARTERS.has(key(tokens[from]!))) {
    // "Oh", "Please", "However" opening a sentence are grammar, whatever the model thought.
    return [];
  } else if (type === 'person' && nearSpeech(tokens, from, to)) {
    evidence = 'speech';
  }
  const mention: Mention = { ...base, type, evidence };
  if (type === 'person' && role) mention.role = role;
  if (type === 'place' && place) {
    mention.canonical = place.name;
    if (place.country) mention.country = place.country;
    if (zone !== 'caption' && place.kind === 'city' && actsAsGovernment(tokens, from, to))
      mention.actsAsGovernment = true;
  }
  return [mention];
}

/** "China-Japan relations": a hyphenated word whose parts are all countries names each of them. */
function hyphenatedPlaces(t: Token): Mention[] {
  if (!t.text.includes('-')) return [];
  const parts = t.text.split('-');
  const places = parts.map((p) => lookupPlace(p));
  if (parts.length < 2 || places.some((p) => !p || p.kind !== 'country')) return [];
  let at = t.start;
  return parts.map((p, i) => {
    const place = places[i]!;
    const m: Mention = {
      surface: p,
      tokens: 1,
      type: 'place',
      evidence: 'gazetteer',
      canonical: place.name,
      country: place.country,
      start: at,
      end: at + p.length,
    };
    at += p.length + 1;
    return m;
  });
}

/**
 * "the Japanese foreign minister": an office with a nationality and no name. Resolution gives it to the one
 * person who holds that office in the article, if there is exactly one.
 */
function nominalMentions(para: Paragraph): Mention[] {
  const out: Mention[] = [];
  const { tokens } = para;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!/^the$/i.test(tokens[i]!.text)) continue;
    const country = countryOfWord(tokens, i + 1);
    if (!country) continue;
    const words: string[] = [];
    let j = i + 2;
    while (
      j < tokens.length &&
      (ROLE_HEADS.has(key(tokens[j]!)) || ROLE_MODIFIERS.has(key(tokens[j]!))) &&
      !isCapitalised(tokens[j]!)
    ) {
      words.push(key(tokens[j]!));
      j++;
    }
    if (!words.length || !ROLE_HEADS.has(words[words.length - 1]!)) continue;
    // "the Chinese foreign ministers" is plural: not one person.
    if (tokens[j] && /^(?:and|or)$/i.test(tokens[j]!.text)) continue;
    const start = tokens[i]!.start;
    const end = tokens[j - 1]!.end;
    out.push({
      surface: para.text.slice(start, end),
      tokens: j - i,
      type: 'person',
      evidence: 'nominal',
      role: { country, office: words.join(' ') },
      start,
      end,
    });
  }
  return out;
}

/**
 * "Janet Yellen" where the model took only "Janet": capitalised words right after a person's name that no
 * other name claims and that are not a title, place or common capitalised word are the rest of the name.
 */
function personEnd(para: Paragraph, to: number): number {
  const { tokens } = para;
  for (let added = 0; added < 2; added++, to++) {
    const next = tokens[to];
    const last = tokens[to - 1]!;
    if (!next || para.covered.has(to) || next.start !== last.end + 1 || !isCapitalised(next)) return to;
    const k = key(next);
    if (
      next.sentenceStart ||
      NEVER_ENTITY.has(k) ||
      ROLE_HEADS.has(k) ||
      SENTENCE_STARTERS.has(k) ||
      suffixType(k)
    )
      return to;
    if (lookupPlace(next.text) || isDemonym(next.text)) return to;
  }
  return to;
}

/** Capitalised words the model left out that stand in apposition to an office: "Huitfaldt, the Norwegian foreign minister,". */
function appositionNames(para: Paragraph, covered: ReadonlySet<number>): Mention[] {
  const out: Mention[] = [];
  const { tokens } = para;
  for (let k = 0; k < tokens.length; k++) {
    if (covered.has(k) || !isCapitalised(tokens[k]!) || tokens[k + 1]?.text !== ',') continue;
    let from = k;
    while (
      from > 0 &&
      k - from < 2 &&
      !covered.has(from - 1) &&
      isCapitalised(tokens[from - 1]!) &&
      !tokens[from]!.sentenceStart
    )
      from--;
    const role = roleAfter(tokens, k + 1);
    if (!role?.country || NEVER_ENTITY.has(key(tokens[from]!)) || ROLE_HEADS.has(key(tokens[from]!)))
      continue;
    out.push({
      surface: para.text.slice(tokens[from]!.start, tokens[k]!.end),
      tokens: k + 1 - from,
      type: 'person',
      evidence: 'apposition',
      role,
      start: tokens[from]!.start,
      end: tokens[k]!.end,
    });
  }
  return out;
}

const MAX_NAME_TOKENS = 4;

/**
 * A name found once is a name everywhere in the article: capitalised occurrences of a known surface that the
 * model passed over (a headline's first word, a sentence-initial surname) become occurrences too.
 */
function propagate(
  paras: readonly Paragraph[],
  segments: readonly Segment[],
  found: Occurrence[],
): Occurrence[] {
  const known = new Map<string, Mention>();
  for (const { mention } of found) {
    if (mention.evidence === 'nominal' || !/^\p{Lu}/u.test(mention.surface)) continue;
    const k = mention.surface.toLowerCase();
    if (!known.has(k)) known.set(k, mention);
  }
  const taken = new Set(found.map((o) => `${o.position}:${o.mention.start}`));
  const spans = new Map<number, Array<[number, number]>>();
  for (const o of found)
    spans.set(o.position, [...(spans.get(o.position) ?? []), [o.mention.start, o.mention.end]]);
  const out: Occurrence[] = [];
  paras.forEach((para, p) => {
    const segment = segments[p]!;
    const used = spans.get(segment.position) ?? [];
    const { tokens } = para;
    for (let k = 0; k < tokens.length; k++) {
      if (!isCapitalised(tokens[k]!)) continue;
      for (let n = Math.min(MAX_NAME_TOKENS, tokens.length - k); n >= 1; n--) {
        const start = tokens[k]!.start;
        const end = tokens[k + n - 1]!.end;
        const template = known.get(para.text.slice(start, end).toLowerCase());
        if (!template || taken.has(`${segment.position}:${start}`)) continue;
        if (used.some(([a, b]) => start < b && end > a)) break;
        // A word written like the name but in another case is another word ("Bush" the man, "BUSH" a shout is fine).
        const surface = para.text.slice(start, end);
        if (surface !== template.surface && surface !== surface.toUpperCase()) continue;
        out.push({
          mention: {
            ...template,
            surface: template.surface,
            start,
            end,
            evidence: template.evidence === 'model' ? 'model' : template.evidence,
            actsAsGovernment: undefined,
            role: undefined,
          },
          zone: segment.zone,
          position: segment.position,
        });
        k += n - 1;
        break;
      }
    }
  });
  return out;
}

/** "The Chinese foreign minister" (not "The Hague"): an office standing for a person, not one of their names. */
export const isReference = (mention: string): boolean => /^the\s/i.test(mention) && /\s\p{Ll}/u.test(mention);

/** Re-reads ambiguous place names among the countries the article's other places are in. */
function placeInContext(occurrences: readonly Occurrence[]): void {
  const places = occurrences.map((o) => o.mention).filter((m) => m.type === 'place' && m.canonical);
  for (const m of places) {
    const countries = new Set(
      places.filter((o) => o.surface !== m.surface && o.country).map((o) => o.country!),
    );
    const place = lookupPlaceAmong(m.surface, countries);
    if (place && place.country !== m.country) {
      m.canonical = place.name;
      m.country = place.country;
    }
  }
}

/** Every mention of a name in the article's segments, typed, with offsets into its segment. */
export function findOccurrences(segments: readonly Segment[]): Occurrence[] {
  const recognized = recognizeEntities(segments.map((s) => s.text));
  const occurrences: Occurrence[] = [];
  const paras: Paragraph[] = [];
  segments.forEach((segment, i) => {
    const para: Paragraph = { ...recognized[i]!, text: segment.text, covered: new Set() };
    paras.push(para);
    const covered = para.covered;
    for (const span of para.spans) for (let k = span.tokenStart; k < span.tokenEnd; k++) covered.add(k);
    for (const span of para.spans) {
      for (let k = span.tokenStart; k < span.tokenEnd; k++) covered.add(k);
      const split =
        span.tokenEnd - span.tokenStart === 1 ? hyphenatedPlaces(para.tokens[span.tokenStart]!) : [];
      const mentions = split.length ? split : mentionOf(span, para, segment.zone);
      for (const mention of mentions)
        occurrences.push({ mention, zone: segment.zone, position: segment.position });
    }
    para.tokens.forEach((t, k) => {
      if (covered.has(k)) return;
      for (const mention of hyphenatedPlaces(t))
        occurrences.push({ mention, zone: segment.zone, position: segment.position });
    });
    for (const mention of [...appositionNames(para, covered), ...nominalMentions(para)])
      occurrences.push({ mention, zone: segment.zone, position: segment.position });
  });
  occurrences.push(...propagate(paras, segments, occurrences));
  placeInContext(occurrences);
  return occurrences.sort((a, b) => a.position - b.position || a.mention.start - b.mention.start);
}
