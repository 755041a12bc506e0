import type { ClassifiedLine } from './classify';
import { FEATURE_NAMES, lineFeatures, scoreContext, SECOND_STAGE_FEATURES } from './line-features';
import modelFile from './line-model.json';
import { compileTrees, treeScore, type TreeModel } from './trees';

/**
 * Two stages, trained by scripts/train-text-lines.ts: the first scores each line from its own features and its
 * neighbours' shape; the second reads those scores around each line as well.
 */
export interface LineModel {
  first: TreeModel;
  second: TreeModel;
}

/** For each line, the model's log-odds that it is article text. */
export type LineScorer = (
  lines: readonly ClassifiedLine[],
  region: readonly [number, number] | undefined,
  sandwiched: readonly boolean[],
) => number[];

/** The scorer of a model: the shipped one, or one scripts/train-text-lines.ts cross-validates. */
export function lineScorer(model: LineModel): LineScorer {
  if (
    model.first.features.join() !== FEATURE_NAMES.join() ||
    model.second.features.join() !== SECOND_STAGE_FEATURES.join()
  )
    throw new Error('text/line-model.json was trained on other features: run npm run train:text-lines');
  const first = compileTrees(model.first);
  const second = compileTrees(model.second);
  return (lines, region, sandwiched) => {
    const rows = lineFeatures(lines, region, sandwiched);
    const context = scoreContext(rows.map((row) => treeScore(first, row)));
    return rows.map((row, i) => treeScore(second, [...row, ...context[i]!]));
  };
}

// Compiled on first use, so a stale model file stops parsing but not the script that retrains it.
let shipped: LineScorer | undefined;

/**
 * For each line, the shipped model's log-odds that it is article text, as the HTML extractor would judge it on
 * the same page: above 0 it reads as part of the article.
 */
export const contentScores: LineScorer = (lines, region, sandwiched) =>
  (shipped ??= lineScorer(modelFile as LineModel))(lines, region, sandwiched);
