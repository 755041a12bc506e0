import { LABELS, decodeDocument, type Label } from '../../shared/core/tag/ner/decode';
import type { SequenceView } from '../../shared/core/tag/ner/features';
import { modelInput } from '../../shared/core/tag/ner/index';
import { WEIGHT_SCALE } from '../../shared/core/tag/ner/model';
import type { ConllDocument } from './conll';

/**
 * Training of the entity model: an averaged perceptron (Collins 2002) over the greedy decoder the tagger itself
 * uses, so training sees the same document memory and previous-label features that production does. Shared by
 * scripts/train-ner.ts (the shipped model) and the tag bench (models retrained per cross-validation fold).
 */
export interface TrainingOptions {
  epochs: number;
  /** Features seen fewer times than this in the first epoch are dropped from the model. */
  minCount: number;
  seed: number;
  /** Told each epoch's error count, for progress output. */
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

/** How the shipped model is trained; the bench's cross-validation retrains the same way. */
export const SHIPPED_TRAINING = { epochs: 8, minCount: 2, seed: 1 } as const;

interface TrainingDoc {
  sequences: SequenceView[];
  gold: Label[][];
}

/** documentText's rule: no space before closing punctuation. */
const CLOSING = /^[.,;:!?)\]}%]/;

/**
 * A CoNLL document as production reads it: its text (documentText's lines) cut by the tagger's own tokenizer
 * and sentence splitter, each token labelled from the CoNLL token it starts in. Training on CoNLL's own cuts
 * instead taught the model contexts production never shows it ("8." in a results list is "8" "." there, and
 * the name after it opens a sentence).
 */
function prepare(doc: ConllDocument): TrainingDoc {
  const lines: string[] = [];
  // Per line, each CoNLL token's start offset, entity type and span number (IOB1: "B-" or a type change opens one).
  const tokensByLine: Array<Array<{ start: number; type: string; span: number }>> = [];
  let span = 0;
  for (const sentence of doc.sentences) {
    let line = '';
    const marks: Array<{ start: number; type: string; span: number }> = [];
    let prevTag = 'O';
    for (const [i, t] of sentence.entries()) {
      if (i > 0 && !CLOSING.test(t.text)) line += ' ';
      const [bio, type = ''] = t.tag.split('-');
      if (t.tag !== 'O' && (prevTag === 'O' || bio === 'B' || prevTag.split('-')[1] !== type)) span++;
      marks.push({ start: line.length, type: t.tag === 'O' ? 'O' : type, span });
      line += t.text;
      prevTag = t.tag;
    }
    lines.push(line);
    tokensByLine.push(marks);
  }
  const { tokenized, sequences, owners } = modelInput(lines);
  const gold = sequences.map((seq, s): Label[] => {
    const { paragraph, from } = owners[s]!;
    const marks = tokensByLine[paragraph]!;
    let m = 0;
    let prevSpan = -1;
    return seq.words.map((_, k) => {
      const start = tokenized[paragraph]![from + k]!.start;
      while (m + 1 < marks.length && marks[m + 1]!.start <= start) m++;
      const mark = marks[m]!;
      if (mark.type === 'O') {
        prevSpan = -1;
        return 'O';
      }
      const label = `${mark.span === prevSpan ? 'I' : 'B'}-${mark.type}` as Label;
      prevSpan = mark.span;
      return label;
    });
  });
  return { sequences, gold };
}

/** Averaged, pruned weights per feature, in the decoder's label order. */
export function trainEntityModel(
  conllDocs: readonly ConllDocument[],
  opts: TrainingOptions,
): Map<string, Float64Array> {
  // Lazy averaging: totals[f][l] accumulates weight * time, brought up to date on touch.
  const L = LABELS.length;
  const weights = new Map<string, Float64Array>();
  const totals = new Map<string, Float64Array>();
  const stamps = new Map<string, Float64Array>();
  const counts = new Map<string, number>();
  let clock = 0;

  const row = (map: Map<string, Float64Array>, f: string): Float64Array => {
    let r = map.get(f);
    if (!r) {
      r = new Float64Array(L);
      map.set(f, r);
    }
    return r;
  };
  const update = (features: readonly string[], label: number, delta: number): void => {
    for (const f of features) {
      const w = row(weights, f);
      const t = row(totals, f);
      const s = row(stamps, f);
      t[label]! += (clock - s[label]!) * w[label]!;
      s[label] = clock;
      w[label]! += delta;
    }
  };
  const score = (features: readonly string[], scores: Float64Array): void => {
    for (const f of features) {
      const w = weights.get(f);
      if (w) for (let l = 0; l < L; l++) scores[l]! += w[l]!;
    }
  };

  const docs = conllDocs.map(prepare);
  // A fixed shuffle per epoch, so a run is reproducible.
  let rng = opts.seed;
  const random = (): number => {
    rng = (rng * 1103515245 + 12345) % 2147483648;
    return rng / 2147483648;
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const order = docs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const d of order) {
      const doc = docs[d]!;
      decodeDocument(doc.sequences, score, (s, i, features, predicted) => {
        const gold = doc.gold[s]![i]!;
        clock++;
        tokens++;
        if (epoch === 1) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
        if (predicted !== gold) {
          errors++;
          update(features, LABELS.indexOf(gold), 1);
          update(features, LABELS.indexOf(predicted), -1);
        }
        // The decoder goes on from its own guess, as it will in production, so it learns to recover from errors.
        return predicted;
      });
    }
    opts.onEpoch?.(epoch, errors, tokens);
  }

  // Averages, pruned: rare features and weights too small to change a decision are dropped.
  const averaged = new Map<string, Float64Array>();
  for (const [f, w] of weights) {
    if ((counts.get(f) ?? 0) < opts.minCount) continue;
    const t = totals.get(f)!;
    const s = stamps.get(f)!;
    const avg = new Float64Array(L);
    let keep = false;
    for (let l = 0; l < L; l++) {
      avg[l] = (t[l]! + (clock - s[l]!) * w[l]!) / clock;
      if (Math.abs(avg[l]!) * WEIGHT_SCALE >= 1) keep = true;
    }
    if (keep) averaged.set(f, avg);
  }
  return averaged;
}
