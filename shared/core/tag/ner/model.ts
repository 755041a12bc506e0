import { LABELS, type Scorer } from './decode';

/**
 * The entity model's weights: for each feature, the labels it votes for and how strongly. Stored as integers
 * (weight x WEIGHT_SCALE) in sparse [label, weight, label, weight, ...] lists, which keeps the file small and
 * loading fast. Written by scripts/train-ner.ts.
 */
export const WEIGHT_SCALE = 100;

export interface ModelFile {
  meta: Record<string, unknown>;
  labels: readonly string[];
  scale: number;
  features: Record<string, number[]>;
}

export function serializeModel(
  weights: ReadonlyMap<string, Float64Array>,
  meta: Record<string, unknown>,
): string {
  const features: Record<string, number[]> = {};
  for (const f of [...weights.keys()].sort()) {
    const w = weights.get(f)!;
    const sparse: number[] = [];
    w.forEach((x, l) => {
      const q = Math.round(x * WEIGHT_SCALE);
      if (q !== 0) sparse.push(l, q);
    });
    features[f] = sparse;
  }
  const file: ModelFile = { meta, labels: LABELS, scale: WEIGHT_SCALE, features };
  // One feature per line: diffs of a retrained model stay readable.
  return `{"meta":${JSON.stringify(meta)},"labels":${JSON.stringify(file.labels)},"scale":${WEIGHT_SCALE},"features":{\n${Object.entries(
    features,
  )
    .map(([f, w]) => `${JSON.stringify(f)}:${JSON.stringify(w)}`)
    .join(',\n')}\n}}\n`;
}

/** A scorer over a loaded model file; labels must be in the decoder's order. */
export function scorerOf(model: ModelFile): Scorer {
  if (model.labels.join() !== LABELS.join()) throw new Error('entity model labels do not match the decoder');
  const table = new Map<string, Int32Array>();
  for (const [f, sparse] of Object.entries(model.features)) table.set(f, Int32Array.from(sparse));
  return (features, scores) => {
    for (const f of features) {
      const w = table.get(f);
      if (!w) continue;
      for (let k = 0; k < w.length; k += 2) scores[w[k]!]! += w[k + 1]!;
    }
  };
}
