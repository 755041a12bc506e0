/**
 * Gradient-boosted decision trees for a yes/no label (logistic loss, Newton leaf values, histogram splits),
 * in the fixed-depth heap layout shared/core/parse/text/line-model.ts reads. Deterministic: the same rows
 * give the same model.
 */
import type { TreeModel } from '../shared/core/parse/text/trees';

export interface BoostOptions {
  depth: number;
  rounds: number;
  learningRate: number;
  /** L2 penalty on leaf values; also keeps a nearly empty leaf near zero. */
  lambda: number;
  /** A split is taken only when both sides hold at least this much hessian (about this many confident rows). */
  minChildWeight: number;
}

const MAX_BINS = 64;

/** Cut points of one feature: every midpoint for few distinct values, else quantiles. */
function cuts(values: Float64Array): number[] {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (const v of sorted) if (distinct.at(-1) !== v) distinct.push(v);
  if (distinct.length <= MAX_BINS) return distinct.slice(0, -1).map((v, i) => (v + distinct[i + 1]!) / 2);
  const out: number[] = [];
  for (let b = 1; b < MAX_BINS; b++) {
    const v = sorted[Math.floor((b * sorted.length) / MAX_BINS)]!;
    if (out.at(-1) !== v && v !== distinct.at(-1)) out.push(v);
  }
  return out;
}

/** Bin of a value: the first cut it does not exceed, so "bin <= b" is "value <= cut b". */
function binOf(v: number, c: readonly number[]): number {
  let lo = 0;
  let hi = c.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= c[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function trainBoostedTrees(
  features: readonly string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  weights: readonly number[],
  o: BoostOptions,
): TreeModel {
  const n = rows.length;
  const nf = features.length;
  const featureCuts = features.map((_, f) => cuts(Float64Array.from(rows, (r) => r[f]!)));
  const bins = features.map((_, f) => Uint8Array.from(rows, (r) => binOf(r[f]!, featureCuts[f]!)));
  let wsum = 0;
  let ysum = 0;
  for (let i = 0; i < n; i++) {
    wsum += weights[i]!;
    ysum += weights[i]! * labels[i]!;
  }
  const prior = Math.min(0.99, Math.max(0.01, ysum / wsum));
  const base = Math.log(prior / (1 - prior));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const node = new Int32Array(n);
  const internal = 2 ** o.depth - 1;
  const trees: TreeModel['trees'][number][] = [];

  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      g[i] = weights[i]! * (p - labels[i]!);
      h[i] = weights[i]! * Math.max(p * (1 - p), 1e-6);
    }
    node.fill(0);
    const feature = new Array<number>(internal).fill(0);
    const threshold = new Array<number>(internal).fill(Number.MAX_VALUE);
    for (let d = 0; d < o.depth; d++) {
      const first = 2 ** d - 1;
      const width = 2 ** d;
      // Histograms of gradient and hessian per node of this level, feature and bin.
      const G = new Float64Array(width * nf * (MAX_BINS + 1));
      const H = new Float64Array(width * nf * (MAX_BINS + 1));
      for (let f = 0; f < nf; f++) {
        const b = bins[f]!;
        for (let i = 0; i < n; i++) {
          const at = ((node[i]! - first) * nf + f) * (MAX_BINS + 1) + b[i]!;
          G[at] = G[at]! + g[i]!;
          H[at] = H[at]! + h[i]!;
        }
      }
      for (let k = 0; k < width; k++) {
        let best = 0;
        for (let f = 0; f < nf; f++) {
          const off = (k * nf + f) * (MAX_BINS + 1);
          let gt = 0;
          let ht = 0;
          for (let b = 0; b <= MAX_BINS; b++) {
            gt += G[off + b]!;
            ht += H[off + b]!;
          }
          let gl = 0;
          let hl = 0;
          const c = featureCuts[f]!;
          for (let b = 0; b < c.length; b++) {
            gl += G[off + b]!;
            hl += H[off + b]!;
            const gr = gt - gl;
            const hr = ht - hl;
            if (hl < o.minChildWeight || hr < o.minChildWeight) continue;
            const gain =
              (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - (gt * gt) / (ht + o.lambda);
            if (gain > best) {
              best = gain;
              feature[first + k] = f;
              // Rounded as the model file stores it, so rows are routed here as they will be at inference.
              threshold[first + k] = Number(c[b]!.toPrecision(6));
            }
          }
        }
      }
      for (let i = 0; i < n; i++) {
        const k = node[i]!;
        node[i] = 2 * k + (rows[i]![feature[k]!]! > threshold[k]! ? 2 : 1);
      }
    }
    const gl = new Float64Array(internal + 1);
    const hl = new Float64Array(internal + 1);
    for (let i = 0; i < n; i++) {
      const k = node[i]! - internal;
      gl[k] = gl[k]! + g[i]!;
      hl[k] = hl[k]! + h[i]!;
    }
    const leaf = Array.from(gl, (G, k) => Number(((-G / (hl[k]! + o.lambda)) * o.learningRate).toFixed(5)));
    for (let i = 0; i < n; i++) score[i] = score[i]! + leaf[node[i]! - internal]!;
    trees.push({ feature, threshold, leaf });
  }
  return { features, depth: o.depth, base: Number(base.toFixed(5)), trees };
}
