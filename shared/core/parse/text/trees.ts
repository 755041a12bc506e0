/**
 * Boosted decision trees of one fixed depth, stored level by level (heap order): internal node k sends a row
 * right when its feature is above the threshold, to 2k+2, else to 2k+1; the leaves follow the internal nodes.
 */
export interface TreeModel {
  features: readonly string[];
  depth: number;
  base: number;
  trees: ReadonlyArray<{ feature: readonly number[]; threshold: readonly number[]; leaf: readonly number[] }>;
}

/** The trees flattened into typed arrays: scoring runs on every line of every dump. */
export interface CompiledTrees {
  depth: number;
  base: number;
  nodes: number;
  feature: Int32Array;
  threshold: Float64Array;
  leaf: Float64Array;
}

export function compileTrees(m: TreeModel): CompiledTrees {
  return {
    depth: m.depth,
    base: m.base,
    nodes: 2 ** m.depth - 1,
    feature: Int32Array.from(m.trees.flatMap((t) => t.feature)),
    threshold: Float64Array.from(m.trees.flatMap((t) => t.threshold)),
    leaf: Float64Array.from(m.trees.flatMap((t) => t.leaf)),
  };
}

/** Log-odds of the row's label. */
export function treeScore(m: CompiledTrees, row: readonly number[]): number {
  let score = m.base;
  const trees = m.leaf.length / (m.nodes + 1);
  for (let t = 0; t < trees; t++) {
    const offset = t * m.nodes;
    let k = 0;
    for (let d = 0; d < m.depth; d++)
      k = 2 * k + (row[m.feature[offset + k]!]! > m.threshold[offset + k]! ? 2 : 1);
    score += m.leaf[t * (m.nodes + 1) + k - m.nodes]!;
  }
  return score;
}
