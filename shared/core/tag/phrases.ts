import type { KeyPhrase } from '../article';
import { isoStopwords } from './iso-stopwords';

/**
 * Key phrases for any language, without a part-of-speech tagger: a RAKE/YAKE-style unsupervised extractor.
 * Words come from a regex, and from ICU's dictionary segmenter (Intl.Segmenter) in scripts written without
 * spaces. Candidates are runs of one to three content words between stopwords (stopwords-iso, plus the
 * language's month and weekday names), punctuation, numbers and entity names. A candidate scores by how
 * often and where it occurs (title and lead weigh more, captions little, earlier a little more), by how
 * often its words recur elsewhere, and multi-word phrases above single words. Fragments of a longer phrase,
 * names and overlapping phrases are dropped.
 */

export interface PhraseSegment {
  text: string;
  zone: 'title' | 'lead' | 'body' | 'caption';
}

const ZONE_WEIGHT: Record<PhraseSegment['zone'], number> = { title: 2.5, lead: 1.5, body: 1, caption: 0.25 };

/** Multi-word phrases say more than the words alone; a fourth word rarely adds anything the three did not. */
const LENGTH_WEIGHT = [0, 0.6, 1.6, 1.6];

/** Scripts written without spaces between words: ICU's dictionary segmenter finds the words there. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAN = /\p{Script=Han}/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const HANGUL = /\p{Script=Hangul}$/u;
// Hyphens and apostrophes inside a word keep it one word: "resource-rich", "Sino-Japanese", "aujourd'hui".
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
const URL_LIKE = /(?:https?:\/\/|www\.)\S+|\S+@\S+/gu;
const HAS_DIGIT = /\p{N}/u;
const HAS_UPPER = /\p{Lu}/u;
const SENTENCE_END = /[.!?。！？…]/;
// French, Italian, Catalan elision: l'économie, dell'Europa, qu'il.
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|dell|nell|all|dall|sull)['’](?=\p{L})/iu;
const POSSESSIVE = /['’]s$/i;
/** Korean particles written onto the noun they follow; without a morphological analyser, a suffix strip. */
const KOREAN_PARTICLES = [
  '에서는',
  '에게서',
  '으로는',
  '에서',
  '에게',
  '으로',
  '까지',
  '부터',
  '처럼',
  '보다',
  '이나',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
];

/** Words stopwords-iso lists for English that name things in news ("World Cup", "state media"). */
const EN_NOT_STOP = ['world', 'state', 'states', 'information', 'research', 'home', 'house', 'system'];

/** Languages whose plural (mostly) adds -s, so "ministers" and "minister" count as one phrase. */
const PLURAL_S = new Set(['en', 'fr', 'es', 'pt', 'ca', 'gl']);

const stopwordCache = new Map<string, ReadonlySet<string> | null>();

/** The language's stopwords plus its month and weekday names (dates are not topics); null when no list. */
function stopwordsFor(language: string): ReadonlySet<string> | null {
  const cached = stopwordCache.get(language);
  if (cached !== undefined) return cached;
  const list = isoStopwords(language);
  let set: Set<string> | null = null;
  if (list) {
    set = new Set(list);
    if (language === 'en') for (const w of EN_NOT_STOP) set.delete(w);
    for (const name of calendarNames(language)) set.add(name);
  }
  stopwordCache.set(language, set);
  return set;
}

function calendarNames(language: string): string[] {
  const out: string[] = [];
  try {
    for (const month of ['long', 'short'] as const) {
      // With a day, Slavic and Baltic languages give the genitive form that running text uses.
      const alone = new Intl.DateTimeFormat(language, { month, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(language, { month, day: 'numeric', timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const d = new Date(Date.UTC(2021, m, 1));
        out.push(alone.format(d));
        for (const p of inDate.formatToParts(d)) if (p.type === 'month') out.push(p.value);
      }
    }
    for (const weekday of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(language, { weekday, timeZone: 'UTC' });
      for (let d = 0; d < 7; d++) out.push(f.format(new Date(Date.UTC(2021, 0, 3 + d))));
    }
  } catch {
    return [];
  }
  return out.map((s) => s.toLowerCase().replace(/\.$/, '')).filter((s) => s && !HAS_DIGIT.test(s));
}

const segmenterCache = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string): Intl.Segmenter {
  let s = segmenterCache.get(language);
  if (!s) {
    let locale = language;
    try {
      Intl.getCanonicalLocales(language);
    } catch {
      locale = 'und';
    }
    s = new Intl.Segmenter(locale === 'und' ? undefined : locale, { granularity: 'word' });
    segmenterCache.set(language, s);
  }
  return s;
}

interface Token {
  /** Lower-cased surface, as entity names are matched. */
  low: string;
  /** What phrases are counted by: `low` with a light plural/particle normalization. */
  key: string;
  start: number;
  end: number;
  /** Punctuation (or a URL) stands between this token and the previous one. */
  boundaryBefore: boolean;
  sentenceStart: boolean;
  /** Starts with a capital letter. */
  capital: boolean;
  /** May not end a phrase. */
  weak?: boolean;
  stop: boolean;
}

function lemma(low: string, language: string): string {
  if (
    low.length > 3 &&
    low.charCodeAt(low.length - 1) === 115 && // s
    PLURAL_S.has(language) &&
    !low.endsWith('ss') &&
    !low.endsWith('us') &&
    !low.endsWith('is') &&
    !low.endsWith('ís')
  ) {
    if (language === 'en' && low.length > 4 && low.endsWith('ies')) return `${low.slice(0, -3)}y`;
    return low.slice(0, -1);
  }
  return low;
}

const DIGITS = 1;
const NON_ASCII = 2;
const UNSPACED_CHARS = 4;

/** What kinds of characters a word holds, in one pass: Unicode-property regexes cost more per word. */
function scan(word: string): number {
  let flags = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) flags |= DIGITS;
    else if (c > 127) flags |= c >= 0x0e00 ? NON_ASCII | UNSPACED_CHARS : NON_ASCII;
  }
  return flags;
}

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : HAS_UPPER.test(word[0]!);
}

function tokenize(text: string, language: string, stops: ReadonlySet<string> | null): Token[] {
  // Checked first: the replace costs more than the rest of the tokenizing, and few paragraphs hold a link.
  const clean =
    text.includes('/') || text.includes('www.') || text.includes('@')
      ? text.replace(URL_LIKE, (m) => '|'.padEnd(m.length))
      : text;
  const out: Token[] = [];
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(clean); m; m = WORD.exec(clean)) {
    const gap = clean.slice(prevEnd, m.index);
    const plainGap = gap === ' ';
    const boundaryBefore = out.length === 0 || (!plainGap && gap.trim() !== '');
    const sentenceStart = out.length === 0 || (!plainGap && SENTENCE_END.test(gap));
    prevEnd = m.index + m[0].length;
    const chars = scan(m[0]);
    if (chars & UNSPACED_CHARS && UNSPACED.test(m[0])) {
      let first = true;
      for (const s of segmenterFor(language).segment(m[0])) {
        const low = s.segment.toLowerCase();
        const start = m.index + s.index;
        // Japanese particles are kana, so a lone kanji after a word is a suffix of it: 児童相談|所, 外務|省.
        const prev = first ? undefined : out[out.length - 1];
        if (language === 'ja' && low.length === 1 && prev && !prev.stop && HAN.test(low)) {
          prev.low += low;
          prev.key = prev.low;
          prev.end = start + 1;
          continue;
        }
        out.push({
          low,
          key: low,
          start,
          end: start + s.segment.length,
          boundaryBefore: first && boundaryBefore,
          sentenceStart: first && sentenceStart,
          capital: false,
          // ICU leaves one-character prefixes, suffixes, counters and postpositions apart (新|能源, 金曲|奖,
          // 31|届, 园区|里): one may open a phrase or stand inside it, but alone or last it names nothing.
          weak: low.length === 1,
          stop:
            s.isWordLike === false ||
            HAS_DIGIT.test(low) ||
            (stops?.has(low) ?? false) ||
            (language === 'ja' && HIRAGANA_ONLY.test(low)),
        });
        first = false;
      }
      continue;
    }
    let start = m.index;
    let word = m[0];
    let possessive = false;
    if (language !== 'en' && ELISION.test(word)) {
      const cut = ELISION.exec(word)![0].length;
      start += cut;
      word = word.slice(cut);
    }
    if (POSSESSIVE.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    let low = word.toLowerCase();
    if (language === 'ko' && HANGUL.test(low)) {
      const particle = KOREAN_PARTICLES.find((p) => low.endsWith(p) && low.length - p.length >= 2);
      if (particle) {
        low = low.slice(0, -particle.length);
        word = word.slice(0, -particle.length);
      }
    }
    const stop =
      (chars & DIGITS) !== 0 ||
      (chars & NON_ASCII && HAS_DIGIT.test(low)) ||
      (stops ? stops.has(low) : low.length <= 2) ||
      low.length < 2;
    out.push({
      low,
      key: stop ? low : lemma(low, language),
      start,
      end: start + word.length,
      boundaryBefore,
      sentenceStart,
      capital: word !== low && isCapital(word),
      stop,
    });
    // A possessive closes the phrase: "the country's economic growth" is about growth.
    if (possessive) prevEnd = start; // the "'s" then counts as punctuation before the next word
  }
  return out;
}

/** Marks every run of tokens that spells an excluded name as a stop, longest name first. */
function maskNames(tokens: Token[], names: ReadonlyMap<string, string[][]>): void {
  for (let i = 0; i < tokens.length; i++) {
    const seqs = names.get(tokens[i]!.low);
    if (!seqs) continue;
    for (const seq of seqs) {
      if (seq.every((w, k) => tokens[i + k]?.low === w && (k === 0 || !tokens[i + k]!.boundaryBefore))) {
        for (let k = 0; k < seq.length; k++) tokens[i + k]!.stop = true;
        i += seq.length - 1;
        break;
      }
    }
  }
}

interface Candidate {
  key: string;
  words: number;
  /** Occurrences outside captions. */
  count: number;
  weight: number;
  firstPosition: number;
  /** Flattened (segment, start, end, telling) per occurrence; spelled out only for the phrases kept. */
  occurrences: number[];
}

interface Scored {
  key: string;
  keys: string[];
  score: number;
  candidate: Candidate;
}

/** A fixed code-unit order: no locale data, so every runtime sorts the same way. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Same words, or words differing only by a short ending (Regierung/Regierungen, ministre/ministres). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/** Whether `inner` occurs as a contiguous run of words in `outer`, allowing sameWord endings. */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++)
    if (inner.every((w, k) => sameWord(outer[i + k]!, w))) return true;
  return false;
}

/**
 * One phrase inside the other; in unspaced scripts, any word in common, since there ICU's words are short
 * and "河北各市巡演" and "各市巡演结束" are one topic.
 */
const overlaps = (a: Scored, b: Scored): boolean =>
  containsRun(a.keys, b.keys) ||
  containsRun(b.keys, a.keys) ||
  (UNSPACED.test(a.key) &&
    UNSPACED.test(b.key) &&
    a.keys.some((k) => UNSPACED.test(k) && b.keys.includes(k)));

/** Languages that capitalise common nouns, where a capital does not mark a name. */
const NOUN_CAPITALS = new Set(['de', 'lb']);

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The article's key phrases, best first, scores relative to the best (1). Phrases that are, or are part of,
 * an excluded name are left out, and entity names break phrases apart. Deterministic: the same segments
 * give the same phrases and scores.
 */
export function extractKeyPhrases(
  segments: readonly PhraseSegment[],
  language: string,
  exclude: ReadonlySet<string>,
  limit = 10,
): KeyPhrase[] {
  if (limit <= 0 || segments.length === 0) return [];
  const lang = /^([a-z]{2,3})(?:[-_]|$)/i.exec(language ?? '')?.[1]?.toLowerCase() ?? 'und';
  const stops = stopwordsFor(lang);

  // Every contiguous run of words of an excluded name, so "Kono" of "Taro Kono" is excluded too.
  const names = new Map<string, string[][]>();
  const nameRuns = new Set<string>();
  for (const name of [...exclude].sort(byText)) {
    const tokens = tokenize(name.toLowerCase(), lang, null);
    if (!tokens.length) continue;
    const seq = tokens.map((t) => t.low);
    const list = names.get(seq[0]!) ?? [];
    list.push(seq);
    names.set(seq[0]!, list);
    for (let i = 0; i < tokens.length; i++)
      for (let j = i + 1; j <= tokens.length; j++)
        nameRuns.add(
          tokens
            .slice(i, j)
            .map((t) => t.key)
            .join(' '),
        );
  }
  for (const list of names.values())
    list.sort((a, b) => b.length - a.length || byText(a.join(' '), b.join(' ')));

  const tokenized = segments.map((s) => {
    const tokens = tokenize(typeof s.text === 'string' ? s.text : '', lang, stops);
    maskNames(tokens, names);
    return tokens;
  });
  // Without a stopword list, the short words that recur in most paragraphs are the function words (the
  // long ones that do are the topic).
  if (!stops && tokenized.length >= 5) {
    const spread = new Map<string, number>();
    for (const tokens of tokenized)
      for (const low of new Set(tokens.map((t) => t.low))) spread.set(low, (spread.get(low) ?? 0) + 1);
    for (const tokens of tokenized)
      for (const t of tokens)
        if (t.low.length <= 4 && (spread.get(t.low) ?? 0) >= 0.3 * tokenized.length) t.stop = true;
  }

  const termWeight = new Map<string, number>();
  // Where case marks names, a word capitalised wherever case tells (mid-sentence, outside titles) is a name
  // or a demonym: the entity tagger's, not a topic. Counted as mid-sentence lower-case minus capitalised uses.
  const caseMarksNames = !NOUN_CAPITALS.has(lang);
  const lowerUses = new Map<string, number>();
  const capitalUses = new Map<string, number>();
  let totalTokens = 0;
  for (const [i, tokens] of tokenized.entries()) {
    totalTokens += tokens.length;
    const zone = segments[i]!.zone;
    if (zone === 'caption') continue;
    const w = ZONE_WEIGHT[zone] ?? 1;
    for (const t of tokens) {
      if (t.stop) continue;
      termWeight.set(t.key, (termWeight.get(t.key) ?? 0) + w);
      if (caseMarksNames && zone !== 'title' && !t.sentenceStart)
        lowerUses.set(t.key, (lowerUses.get(t.key) ?? 0) + (t.capital ? -1 : 1000));
      // Sentence starts vote for a capital only weakly: a word seen mid-sentence outvotes them.
      if (!caseMarksNames)
        capitalUses.set(
          t.key,
          (capitalUses.get(t.key) ?? 0) +
            (t.capital ? 1 : -1) * (t.sentenceStart || zone === 'title' ? 0.01 : 1),
        );
    }
  }
  const isName = (key: string): boolean => (lowerUses.get(key) ?? 0) < 0;
  // German capitalises nouns, so a noun phrase reads lower* Upper+: "süßeste Tochter", "New Yorker Börse";
  // a phrase ending lower-case ("Rente sparen") ends in a verb or an adverb.
  const nounShaped = (keys: readonly string[]): boolean => {
    let seenUpper = false;
    for (const k of keys) {
      const upper = (capitalUses.get(k) ?? 0) > 0;
      if (!upper && seenUpper) return false;
      seenUpper ||= upper;
    }
    return seenUpper;
  };

  const candidates = new Map<string, Candidate>();
  let position = 0;
  for (const [i, tokens] of tokenized.entries()) {
    const zone = segments[i]!.zone;
    const caption = zone === 'caption';
    const w = ZONE_WEIGHT[zone] ?? 1;
    for (let start = 0; start < tokens.length; start++) {
      const first = tokens[start]!;
      if (first.stop) continue;
      // Title case and sentence-initial capitals say nothing about how the phrase is written.
      const telling = zone !== 'title' && !caption && !first.sentenceStart ? 1 : 0;
      let key = '';
      for (let n = 1; n <= MAX_WORDS && start + n <= tokens.length; n++) {
        const last = tokens[start + n - 1]!;
        if (last.stop || (n > 1 && last.boundaryBefore)) break;
        key = n === 1 ? last.key : `${key} ${last.key}`;
        if (last.weak) continue;
        let c = candidates.get(key);
        if (!c) {
          if (caption) continue; // a phrase only a photo caption has is not what the article is about
          c = { key, words: n, count: 0, weight: 0, firstPosition: position + start, occurrences: [] };
          candidates.set(key, c);
        }
        c.weight += w;
        if (!caption) c.count++;
        c.occurrences.push(i, first.start, last.end, telling);
      }
    }
    position += tokens.length;
  }

  // A phrase that only ever comes as part of one longer phrase ("Chinese foreign" of "Chinese foreign
  // minister", "ballistic" of "ballistic missile") is a fragment: the longer phrase speaks for it.
  const fragments = new Set<string>();
  for (const c of candidates.values()) {
    if (c.words < 2) continue;
    const cut = c.key.indexOf(' ');
    const prefix = c.key.slice(0, c.key.lastIndexOf(' '));
    const suffix = c.key.slice(cut + 1);
    if (candidates.get(prefix)?.count === c.count) fragments.add(prefix);
    if (candidates.get(suffix)?.count === c.count) fragments.add(suffix);
  }

  const scored: Scored[] = [];
  for (const c of candidates.values()) {
    if (c.count === 0 || nameRuns.has(c.key) || fragments.has(c.key)) continue;
    const keys = c.words === 1 ? [c.key] : c.key.split(' ');
    if (c.key.length - c.words + 1 < (UNSPACED.test(c.key) ? 2 : 3)) continue;
    if (c.words === 1 && isName(c.key)) continue;
    if (!caseMarksNames && !nounShaped(keys)) continue;
    // An English phrase ending in a past tense ("relations looked") is a clause, not a topic.
    if (lang === 'en' && c.words > 1 && /[^e]ed$/.test(c.key) && keys[keys.length - 1]!.length > 5) continue;
    // Words that recur outside the phrase ("ties", "bilateral") make a phrase of them more topical.
    let elsewhere = 0;
    if (c.words > 1)
      for (const k of keys) if (!isName(k)) elsewhere += Math.max(0, (termWeight.get(k) ?? 0) - c.weight);
    const earliness = 1.2 - (0.4 * c.firstPosition) / Math.max(1, totalTokens);
    const score = (c.weight + (0.5 * elsewhere) / c.words) * LENGTH_WEIGHT[c.words]! * earliness;
    scored.push({ key: c.key, keys, score: Math.round(score * 1e9) / 1e9, candidate: c });
  }
  const order = (a: Scored, b: Scored): number => b.score - a.score || byText(a.key, b.key);
  scored.sort(order);

  const picked: Scored[] = [];
  for (const c of scored) {
    if (picked.length >= limit) break;
    const clash = picked.filter((p) => overlaps(p, c));
    if (clash.length === 0) picked.push(c);
    else if (clash.length === 1) {
      // "ties" first and "improved ties" close behind: the phrase says more, so it takes the word's place.
      const p = clash[0]!;
      if (c.keys.length > p.keys.length && c.score >= (p.keys.length === 1 ? 0.5 : 0.8) * p.score)
        picked[picked.indexOf(p)] = c;
    }
  }
  picked.sort(order);
  const max = picked[0]?.score ?? 1;
  return picked.map((p) => ({ text: displayForm(p.candidate, segments), score: round3(p.score / max) }));
}

const MAX_WORDS = 3;

/** The spelling the article uses most where case tells (mid-sentence), the one with fewer capitals on a tie. */
function displayForm(c: Candidate, segments: readonly PhraseSegment[]): string {
  const forms = new Map<string, number>();
  const o = c.occurrences;
  for (let i = 0; i < o.length; i += 4) {
    const form = segments[o[i]!]!.text.slice(o[i + 1]!, o[i + 2]!).replace(/\s+/g, ' ');
    forms.set(form, (forms.get(form) ?? 0) + 1 + 2 * o[i + 3]!);
  }
  return [...forms].sort(([a, x], [b, y]) => y - x || capitals(a) - capitals(b) || byText(a, b))[0]![0];
}

const capitals = (s: string): number => s.replace(/[^\p{Lu}]/gu, '').length;
