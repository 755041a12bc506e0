// compromise/two is the tokenizer + tagger without the phrase plugins of the full build: the same term tags
// (Person, Place, Organization, ...) that people()/places() read, at about two thirds of the cost.
import nlp from 'compromise/two';
import { KNOWN_ORGS } from './lexicon';

/** A compromise term reduced to what the rules read. */
export interface Tok {
  /** The word without a possessive ending. */
  text: string;
  /** The word as written, possessive included: "Sheriff's" inside "Sheriff's Office". */
  raw: string;
  /** Lower case, trailing full stop and possessive removed: the key for the word lists. */
  key: string;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  possessive: boolean;
  /** First word of its sentence (after any opening quote), so capitalised for grammar, not as a name. */
  sentenceStart: boolean;
}

const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/i;

export const stripPossessive = (s: string): string => s.replace(POSSESSIVE, '');

interface Term {
  text: string;
  pre: string;
  post: string;
  tags?: Set<string>;
}

function toTok(t: Term, sentenceStart: boolean): Tok {
  // Only the spelling counts: compromise tags every word of "North Korea’s" Possessive.
  const possessive = POSSESSIVE.test(t.text);
  const bare = possessive ? stripPossessive(t.text) : t.text;
  return {
    text: bare,
    raw: t.text,
    key: bare.toLowerCase().replace(/\.$/, ''),
    pre: t.pre,
    post: t.post.replace(/\s+/g, ' '),
    tags: t.tags ?? new Set<string>(),
    possessive,
    sentenceStart,
  };
}

const CLAUSE_END = /(?:[.!?:;—–]["'”’)]*|--)\s*$/;

/**
 * compromise's tokenizer and tagger over several segments (title, paragraphs, captions) at once: one call on
 * the joined text costs much less than one per paragraph. compromise ends a sentence at a blank line, and the
 * blank line stays in the last term's trailing whitespace, which is how the sentences are dealt back.
 */
export function tokenizeSegments(texts: readonly string[]): Tok[][][] {
  const clean = texts.map((t) => t.replace(/\s+/g, ' ').trim());
  const out: Tok[][][] = clean.map(() => []);
  const owners = clean.flatMap((t, i) => (t ? [i] : []));
  if (owners.length === 0) return out;
  let seg = 0;
  for (const terms of nlp(clean.filter(Boolean).join('\n\n')).docs) {
    let cur: Tok[] = [];
    let prevPost = '';
    for (const t of terms) {
      // compromise keeps "said. They" together inside quotes and after dashes; a capital there is still grammar.
      cur.push(toTok(t, cur.length === 0 || CLAUSE_END.test(prevPost)));
      prevPost = t.post;
      if (t.post.includes('\n\n')) {
        out[owners[Math.min(seg, owners.length - 1)]!]!.push(cur);
        cur = [];
        seg++;
      }
    }
    if (cur.length) out[owners[Math.min(seg, owners.length - 1)]!]!.push(cur);
  }
  return out;
}

export const tokenize = (text: string): Tok[][] => tokenizeSegments([text])[0]!;

/** "COUNTY", "BREAKING": headline capitals, not a name; acronyms are shorter ("NATO", "IAEA"). */
const isShouted = (text: string): boolean =>
  text.length >= 6 &&
  /^[\p{Lu}\d-]+$/u.test(text) &&
  /\p{Lu}{6}/u.test(text) &&
  !KNOWN_ORGS.has(text.toLowerCase());

/** Starts with a capital, or is an Arabic/Dutch/Irish-style particle glued to one ("al-Assad", "O'Neill"). */
export const isCapitalised = (t: Tok): boolean =>
  (/^\p{Lu}/u.test(t.text) && !isShouted(t.text)) ||
  /^(?:al|el|as|ash|ad|an|ar|ibn|bin|d|l|o|mc|mac|van|von|de|di|da)[-'’]\p{Lu}/u.test(t.text);
