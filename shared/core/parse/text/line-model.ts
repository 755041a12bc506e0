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

const MODEL = modelFile as LineModel;
if (
  MODEL.first.features.join() !== FEATURE_NAMES.join() ||
  MODEL.second.features.join() !== SECOND_STAGE_FEATURES.join()
)
  throw new Error('text/line-model.json was trained on other features: run npm run train:text-lines');
const FIRST = compileTrees(MODEL.first);
const SECOND = compileTrees(MODEL.second);

/**
 * For each line, the model's log-odds that it is article text, as the HTML extractor would judge it on the
 * same page: above 0 it reads as part of the article.
 */
export function contentScores(
  lines: readonly ClassifiedLine[],
  region: readonly [number, number] | undefined,
  sandwiched: readonly boolean[],
): number[] {
  const rows = lineFeatures(lines, region, sandwiched);
  const context = scoreContext(rows.map((row) => treeScore(FIRST, row)));
  return rows.map((row, i) => treeScore(SECOND, [...row, ...context[i]!]));
}
