import { gatherEvidence, normalizeWord, tokenFeatures, type SequenceView } from './features';

/** BIO labels over the CoNLL types. */
export const LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-ORG',
  'I-ORG',
  'B-LOC',
  'I-LOC',
  'B-MISC',
  'I-MISC',
] as const;
export type Label = (typeof LABELS)[number];

/** Adds each label's score for a feature list into `scores` (one slot per label). */
export type Scorer = (features: readonly string[], scores: Float64Array) => void;

/** "I-PER" may only continue a person: no span starts inside. Indexed [previous][next]; row 0 also starts. */
const ALLOWED = LABELS.map((prev) =>
  LABELS.map((next) => !next.startsWith('I-') || (prev !== 'O' && prev.slice(2) === next.slice(2))),
);

/**
 * Greedy left-to-right tagging of a whole document: each word sees the labels just given to the words before it
 * and, through the document memory, the types its own spelling received earlier on. `onToken` lets the trainer
 * update weights with the gold label as it goes, which is what makes the memory feature honest at training time.
 */
export function decodeDocument(
  sequences: readonly SequenceView[],
  score: Scorer,
  onToken?: (seq: number, i: number, features: string[], predicted: Label) => Label,
): Label[][] {
  const evidence = gatherEvidence(sequences);
  const memory = new Map<string, string>();
  const context = { ...evidence, memory };
  const scores = new Float64Array(LABELS.length);
  return sequences.map((seq, s) => {
    const out: Label[] = [];
    let prevIndex = 0;
    for (let i = 0; i < seq.words.length; i++) {
      const prev = out[i - 1] ?? '<s>';
      const prev2 = out[i - 2] ?? '<s>';
      const features = tokenFeatures(seq, i, prev, prev2, context);
      scores.fill(0);
      score(features, scores);
      let best = 0;
      let bestScore = -Infinity;
      const allowed = ALLOWED[prevIndex]!;
      for (let l = 0; l < LABELS.length; l++) {
        if (allowed[l] && scores[l]! > bestScore) {
          bestScore = scores[l]!;
          best = l;
        }
      }
      const label = onToken ? onToken(s, i, features, LABELS[best]!) : LABELS[best]!;
      prevIndex = LABELS.indexOf(label);
      out.push(label);
      if (label !== 'O') memory.set(normalizeWord(seq.words[i]!), label.slice(2));
    }
    return out;
  });
}
