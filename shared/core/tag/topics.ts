import type { ParsedArticle, Topic } from '../article';
import { LANGS, OVERRIDES, SUBTOPICS, TOPICS, type Lang, type TopicDef, type Weighted } from './topics-data';

/**
 * IPTC Media Topics for an article: a weighted-lexicon classifier over the 17 top-level topics, plus
 * the second-level subtopic of the first topic where one stands out (see SUBTOPICS).
 *
 * No labelled news ships with the project, so the model is a hand-built lexicon (topics-data.ts)
 * rather than a trained one. Evidence is counted per term with diminishing returns (the tenth
 * "minister" says less than the second), weighted by where it stands (headline over lead over
 * body), normalised for length, and turned into a confidence that needs both enough evidence and
 * enough of it relative to the article's strongest topic, so a passing mention stays out.
 */

/** Where a word stands weighs how much it says about the whole article. */
const ZONE_WEIGHT = { title: 1, subtitle: 0.6, lead: 1.5, body: 1 } as const;
/** Headline evidence is worth this many body mentions, once length is normalised. */
const HEAD_FACTOR = 2.5;
/** Bodies up to this many tokens are scored as they are; longer ones are scaled down by sqrt(length). */
const REFERENCE_TOKENS = 300;
/** Evidence at which a topic's absolute confidence reaches 1 - 1/e. */
const EVIDENCE_SCALE = 10;
/** Below this a topic is not reported. */
const MIN_CONFIDENCE = 0.4;
const MAX_TOPICS = 3;
const LEAD_PARAGRAPHS = 2;
/** Topic is decided long before this; the cap keeps a 300-page PDF as fast as a news story. */
const MAX_TOKENS = 6000;

interface Matcher {
  /** A stemmed word to equal, or, with `prefix`, a start of the unstemmed word. */
  text: string;
  prefix: boolean;
}

interface Entry {
  /** Topic index (into the compiled topic list) and weight, for every topic the term speaks for. */
  weights: Array<[number, number]>;
  /** Identity for counting repeats of the same term. */
  id: number;
  /** The term as listed, for explanations. */
  term: string;
}

interface Phrase extends Entry {
  rest: Matcher[];
}

interface Compiled {
  lang: Lang;
  exact: Map<string, Entry>;
  prefixes: Map<string, Entry>;
  maxPrefix: number;
  /** Multi-word terms by the stem of their first word, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Memo of token -> stem and unigram entry; words repeat heavily across articles. */
  tokenCache: Map<string, { stem: string; entry: Entry | undefined }>;
}

const ALL: TopicDef[] = [...TOPICS, ...SUBTOPICS];
const CODE_INDEX = new Map(ALL.map((t, i) => [t.code, i]));
const TOP_COUNT = TOPICS.length;
const PARENT = SUBTOPICS.map((s) => CODE_INDEX.get(s.parent)!);
const TOKEN_CACHE_LIMIT = 50_000;

const SENTENCE_BREAK = '';
/** Characters NFD would change: accented Latin letters (curly quotes and dashes are left as they are). */
const DECOMPOSABLE = /[\u00c0-\u024f\u1e00-\u1eff]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lower case, accents off (so "política" and "politica" meet). */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  // Most English text has no accented letter, and NFD is the costliest step here.
  if (!DECOMPOSABLE.test(lower)) return lower.replace(/ß/g, 'ss');
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss');
}

/**
 * Words (letters and digits) in order, with SENTENCE_BREAK for . ! ? ; : so that a phrase never
 * spans two sentences. Hand-rolled because a Unicode regex over every paragraph was most of the
 * classifier's time.
 */
export function tokenize(text: string): string[] {
  const s = normalizeText(text);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const word =
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c > 127 && LETTER_OR_DIGIT.test(s[i]!));
    if (word) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 58) {
      // A point inside a number ("3.5") or an abbreviation ("u.s.") is no sentence break.
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 32;
      if (
        next === 32 ||
        next === 10 ||
        next === 13 ||
        next === 9 ||
        next === 34 ||
        next === 41 ||
        i + 1 >= s.length
      )
        out.push(SENTENCE_BREAK);
    }
  }
  return out;
}

/**
 * Folds plurals so a listed word matches its plural. Deliberately light: prefix terms (`elect*`)
 * cover derivations, and a full stemmer's conflations ("general" ~ "generous") cost more than they
 * find. Applied alike to text and lexicon, so only consistency matters.
 */
export function stem(word: string, lang: Lang): string {
  if (word.length <= 3) return word;
  if (lang === 'en') {
    if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
    if (word.endsWith('sses')) return word.slice(0, -2);
    if (/(?:x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
    if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }
  if (lang === 'de') return word;
  // Romance plurals: -s, -es (Spanish, Portuguese, French); Italian changes the vowel, so its
  // lexicon uses prefixes instead.
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function parseTerms(weighted: Weighted | undefined): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [w, list] of Object.entries(weighted ?? {})) {
    for (const term of list!.split(',')) {
      const t = term.trim();
      if (t) out.push([t, Number(w)]);
    }
  }
  return out;
}

function matcherOf(word: string, lang: Lang): Matcher {
  return word.endsWith('*')
    ? { text: word.slice(0, -1), prefix: true }
    : { text: stem(word, lang), prefix: false };
}

function compile(lang: Lang): Compiled {
  const exact = new Map<string, Entry>();
  const prefixes = new Map<string, Entry>();
  const phrases = new Map<string, Phrase[]>();
  const phraseByKey = new Map<string, Phrase>();
  let nextId = 0;
  let maxPrefix = 0;

  // A term listed under several topics speaks for each; listed twice under one, its higher weight wins.
  const add = (term: string, topic: number, weight: number) => {
    // Split like tokenize(), keeping the trailing '*' that marks a prefix.
    const parts = normalizeText(term)
      .split(/[^\p{L}\p{N}*]+/u)
      .filter(Boolean);
    if (parts.length === 0) return;
    const matchers = parts.map((w) => matcherOf(w, lang));
    const put = (entry: Entry) => {
      const at = entry.weights.findIndex(([t]) => t === topic);
      if (at < 0) entry.weights.push([topic, weight]);
      else if (entry.weights[at]![1] < weight) entry.weights[at] = [topic, weight];
    };
    if (matchers.length === 1) {
      const m = matchers[0]!;
      const map = m.prefix ? prefixes : exact;
      let entry = map.get(m.text);
      if (!entry) map.set(m.text, (entry = { weights: [], id: nextId++, term }));
      if (m.prefix) maxPrefix = Math.max(maxPrefix, m.text.length);
      put(entry);
      return;
    }
    const key = matchers.map((m) => (m.prefix ? m.text + '*' : m.text)).join(' ');
    let phrase = phraseByKey.get(key);
    if (!phrase) {
      phrase = { weights: [], id: nextId++, term, rest: matchers.slice(1) };
      phraseByKey.set(key, phrase);
      const first = matchers[0]!.text;
      const list = phrases.get(first) ?? [];
      list.push(phrase);
      phrases.set(first, list);
    }
    put(phrase);
  };

  ALL.forEach((def, topic) => {
    for (const [term, weight] of parseTerms(def.terms[lang])) add(term, topic, weight);
  });
  // Overrides replace whatever the topic lists gave the same phrase: they exist to correct it.
  for (const [term, weights] of Object.entries(OVERRIDES[lang])) {
    const words = term.split(/\s+/).map((w) => stem(normalizeText(w), lang));
    const key = words.join(' ');
    const entry: Phrase = {
      weights: Object.entries(weights).map(([code, w]) => [CODE_INDEX.get(code)!, w]),
      id: nextId++,
      term,
      rest: words.slice(1).map((text) => ({ text, prefix: false })),
    };
    if (words.length === 1) {
      exact.set(key, entry);
      continue;
    }
    const list = (phrases.get(words[0]!) ?? []).filter((p) => p !== phraseByKey.get(key));
    list.push(entry);
    phrases.set(words[0]!, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return { lang, exact, prefixes, maxPrefix, phrases, tokenCache: new Map() };
}

const compiled = new Map<Lang, Compiled>();
function lexicon(lang: Lang): Compiled {
  let c = compiled.get(lang);
  if (!c) compiled.set(lang, (c = compile(lang)));
  return c;
}

function resolveToken(lex: Compiled, token: string): { stem: string; entry: Entry | undefined } {
  let hit = lex.tokenCache.get(token);
  if (hit) return hit;
  const s = stem(token, lex.lang);
  let entry = lex.exact.get(s);
  if (!entry) {
    // The longest listed prefix wins, so `rainforest*` (environment) beats `rain*` (weather).
    for (let n = Math.min(token.length, lex.maxPrefix); n >= 3 && !entry; n--) {
      entry = lex.prefixes.get(token.slice(0, n));
    }
  }
  hit = { stem: s, entry };
  if (lex.tokenCache.size >= TOKEN_CACHE_LIMIT) lex.tokenCache.clear();
  lex.tokenCache.set(token, hit);
  return hit;
}

function matches(m: Matcher, token: string, stemmed: string): boolean {
  return m.prefix ? token.startsWith(m.text) : stemmed === m.text;
}

interface Tally {
  /** Per term id: zone-weighted count in lead and body. */
  body: Map<number, number>;
  /** Per term id: the best zone weight it had in title or subtitle. */
  head: Map<number, number>;
  entries: Map<number, Entry>;
  bodyTokens: number;
}

function scan(
  lex: Compiled,
  text: string,
  zone: keyof typeof ZONE_WEIGHT,
  tally: Tally,
  budget: number,
): number {
  const tokens = tokenize(text).slice(0, Math.max(0, budget));
  const resolved = tokens.map((t) => resolveToken(lex, t));
  const z = ZONE_WEIGHT[zone];
  const head = zone === 'title' || zone === 'subtitle';
  for (let i = 0; i < tokens.length; i++) {
    const { stem: s, entry: unigram } = resolved[i]!;
    if (tokens[i] === SENTENCE_BREAK) continue;
    let entry: Entry | undefined;
    let length = 1;
    for (const phrase of lex.phrases.get(s) ?? []) {
      const n = phrase.rest.length;
      if (i + n >= tokens.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++)
        ok = matches(phrase.rest[j]!, tokens[i + 1 + j]!, resolved[i + 1 + j]!.stem);
      if (ok) {
        entry = phrase;
        length = n + 1;
        break;
      }
    }
    entry ??= unigram;
    i += length - 1;
    if (!entry || entry.weights.length === 0) continue;
    tally.entries.set(entry.id, entry);
    if (head) tally.head.set(entry.id, Math.max(tally.head.get(entry.id) ?? 0, z));
    else tally.body.set(entry.id, (tally.body.get(entry.id) ?? 0) + z);
  }
  if (!head) tally.bodyTokens += tokens.length;
  return tokens.length;
}

function supportedLanguage(language: string): Lang | undefined {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'und' || base === '') return 'en';
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : undefined;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface Scores {
  evidence: Float64Array;
  distinct: Float64Array;
  tally: Tally;
  lengthFactor: number;
}

function scoreArticle(article: ParsedArticle, lang: Lang): Scores {
  const lex = lexicon(lang);
  const tally: Tally = { body: new Map(), head: new Map(), entries: new Map(), bodyTokens: 0 };

  let budget = MAX_TOKENS;
  scan(lex, article.title, 'title', tally, 100);
  if (article.subtitle) scan(lex, article.subtitle, 'subtitle', tally, 200);
  article.body.paragraphs.forEach((p, i) => {
    if (budget > 0) budget -= scan(lex, p, i < LEAD_PARAGRAPHS ? 'lead' : 'body', tally, budget);
  });

  const n = ALL.length;
  const bodyScore = new Float64Array(n);
  const headScore = new Float64Array(n);
  const distinct = new Float64Array(n);
  for (const [id, entry] of tally.entries) {
    const g = damped(tally.body.get(id) ?? 0);
    const h = tally.head.get(id) ?? 0;
    for (const [t, w] of entry.weights) {
      if (w <= 0) continue;
      bodyScore[t]! += w * g;
      headScore[t]! += w * h;
      distinct[t]! += Math.min(1, w / 2);
    }
  }
  const lengthFactor = Math.sqrt(Math.max(tally.bodyTokens, REFERENCE_TOKENS) / REFERENCE_TOKENS);
  const evidence = new Float64Array(n);
  for (let t = 0; t < n; t++) evidence[t] = bodyScore[t]! / lengthFactor + HEAD_FACTOR * headScore[t]!;
  return { evidence, distinct, tally, lengthFactor };
}

/** Diminishing returns: the first mention says most, repeats add log-wise. */
const damped = (count: number) => (count > 0 ? 1 + Math.log(Math.max(count, 1)) : 0);

/**
 * Which listed terms gave each topic its evidence, strongest first: for tuning the word lists and
 * for answering "why is this tagged sport?".
 */
export function explainTopics(
  article: ParsedArticle,
): Array<{ code: string; label: string; evidence: number; terms: Array<[string, number]> }> {
  const lang = supportedLanguage(article.language);
  if (!lang) return [];
  const { evidence, tally, lengthFactor } = scoreArticle(article, lang);
  return ALL.map((def, t) => {
    const terms: Array<[string, number]> = [];
    for (const [id, entry] of tally.entries) {
      const w = entry.weights.find(([x]) => x === t)?.[1] ?? 0;
      const part =
        w * (damped(tally.body.get(id) ?? 0) / lengthFactor + HEAD_FACTOR * (tally.head.get(id) ?? 0));
      if (part > 0) terms.push([entry.term, round(part)]);
    }
    terms.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    return { code: def.code, label: def.label, evidence: round(evidence[t]!), terms };
  })
    .filter((e) => e.evidence > 0)
    .sort((x, y) => y.evidence - x.evidence);
}

/**
 * IPTC Media Topics for an article, most confident first; empty when none is confident or the
 * language has no lexicon. The first topic may be followed (after any that are more confident) by
 * one of its second-level subtopics, e.g. politics -> international relations.
 */
export function classifyTopics(article: ParsedArticle): Topic[] {
  const lang = supportedLanguage(article.language);
  if (!lang) return [];
  const { evidence, distinct } = scoreArticle(article, lang);
  const n = ALL.length;

  // Absolute confidence grows with evidence, discounted when it rests on one or two words.
  const absolute = (t: number) =>
    (1 - Math.exp(-evidence[t]! / EVIDENCE_SCALE)) * (1 - Math.exp(-(distinct[t]! + 0.5) / 1.5));

  let best = 0;
  for (let t = 0; t < TOP_COUNT; t++) best = Math.max(best, evidence[t]!);
  if (best <= 0) return [];

  const chosen: Array<{ t: number; confidence: number }> = [];
  for (let t = 0; t < TOP_COUNT; t++) {
    // A topic far behind the leader is a side mention, however many words it has.
    const confidence = absolute(t) * Math.pow(evidence[t]! / best, 0.8);
    if (confidence >= MIN_CONFIDENCE) chosen.push({ t, confidence });
  }
  chosen.sort((a, b) => b.confidence - a.confidence || a.t - b.t);
  chosen.length = Math.min(chosen.length, MAX_TOPICS);

  const topics: Array<Topic & { order: number }> = chosen.map(({ t, confidence }, order) => ({
    code: ALL[t]!.code,
    label: ALL[t]!.label,
    confidence: round(confidence),
    order,
  }));

  const first = chosen[0];
  if (first) {
    let sub: { t: number; confidence: number } | undefined;
    for (let s = TOP_COUNT; s < n; s++) {
      if (PARENT[s - TOP_COUNT] !== first.t || evidence[s]! <= 0) continue;
      const share = Math.min(1, evidence[s]! / evidence[first.t]!);
      const confidence = Math.min(first.confidence, absolute(s) * Math.sqrt(share));
      if (confidence >= MIN_CONFIDENCE && (!sub || confidence > sub.confidence)) sub = { t: s, confidence };
    }
    // The subtopic sits right after its parent when no other topic is more confident than it.
    if (sub) {
      topics.push({
        code: ALL[sub.t]!.code,
        label: ALL[sub.t]!.label,
        confidence: round(sub.confidence),
        order: 0.5,
      });
    }
  }
  return topics
    .sort((a, b) => b.confidence - a.confidence || a.order - b.order)
    .map(({ code, label, confidence }) => ({ code, label, confidence }));
}
