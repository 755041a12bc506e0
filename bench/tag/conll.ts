import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../../local/shared-material';

/**
 * CoNLL-2003 in its column format, and the document-level metric from the corpus README. Shared by the
 * tagger benchmark and the model trainer; the Reuters text is read from the corpus folder, never copied.
 */
export const CONLL_DIR = join(SHARED_DIR, 'corpus', 'conll2003');

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllToken {
  text: string;
  /** IOB1 as in the file: I-PER, B-PER (only after a same-type span), O. */
  tag: string;
}

export interface ConllDocument {
  sentences: ConllToken[][];
}

export function conllAvailable(file: string): boolean {
  return existsSync(join(CONLL_DIR, file));
}

export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  // eng.train opens with a document before its first -DOCSTART- line.
  let doc: ConllDocument = { sentences: [] };
  docs.push(doc);
  let sentence: ConllToken[] = [];
  const endSentence = () => {
    if (sentence.length) doc.sentences.push(sentence);
    sentence = [];
  };
  for (const line of readFileSync(join(CONLL_DIR, file), 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      doc = { sentences: [] };
      docs.push(doc);
      continue;
    }
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    sentence.push({ text: cols[0]!, tag: cols[cols.length - 1]! });
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0);
}

/** The README's text for a document: one sentence per line, tokens joined by spaces, no space before closing punctuation. */
export function documentText(doc: ConllDocument): string {
  return doc.sentences
    .map((s) =>
      s
        .map((t) => t.text)
        .join(' ')
        .replace(/ ([.,;:!?)\]}%])/g, '$1'),
    )
    .join('\n');
}

export interface NamedSpan {
  type: ConllType;
  text: string;
}

/** Entity spans of a sentence from IOB1 tags. */
export function goldSpans(sentence: readonly ConllToken[]): NamedSpan[] {
  const spans: NamedSpan[] = [];
  let cur: { type: ConllType; words: string[] } | undefined;
  for (const t of sentence) {
    const [bio, type] = t.tag.split('-') as [string, ConllType | undefined];
    if (!type || bio === 'O') {
      if (cur) spans.push({ type: cur.type, text: cur.words.join(' ') });
      cur = undefined;
      continue;
    }
    if (!cur || bio === 'B' || cur.type !== type) {
      if (cur) spans.push({ type: cur.type, text: cur.words.join(' ') });
      cur = { type, words: [] };
    }
    cur.words.push(t.text);
  }
  if (cur) spans.push({ type: cur.type, text: cur.words.join(' ') });
  return spans;
}

export type ScoredType = 'PER' | 'ORG' | 'LOC';
const SCORED = new Set<string>(['PER', 'ORG', 'LOC']);

export const normalizeName = (s: string): string =>
  s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The set of unique (type, name) pairs a document is scored on. */
export function pairSet(spans: readonly NamedSpan[], typed: boolean): Set<string> {
  const out = new Set<string>();
  for (const s of spans) if (SCORED.has(s.type)) out.add(`${typed ? s.type : '*'}|${normalizeName(s.text)}`);
  return out;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Micro precision/recall/F1 over documents. */
export function score(pairs: ReadonlyArray<{ gold: Set<string>; found: Set<string> }>): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, found } of pairs) {
    for (const f of found)
      if (gold.has(f)) tp++;
      else fp++;
    for (const g of gold) if (!found.has(g)) fn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { tp, fp, fn, precision, recall, f1: (2 * tp) / (2 * tp + fp + fn || 1) };
}
