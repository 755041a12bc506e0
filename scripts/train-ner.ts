/**
 * Trains the entity model on CoNLL-2003 eng.train and writes its weights to shared/core/tag/ner/model.json.
 * Only derived numbers ship (feature -> per-label weights); the Reuters text stays in the corpus folder.
 *
 *   npx tsx scripts/train-ner.ts [--epochs 8] [--min-count 2] [--seed 1]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { conllAvailable, readConll } from '../bench/tag/conll';
import { SHIPPED_TRAINING, trainEntityModel } from '../bench/tag/train';
import { serializeModel } from '../shared/core/tag/ner/model';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: String(SHIPPED_TRAINING.epochs) },
    'min-count': { type: 'string', default: String(SHIPPED_TRAINING.minCount) },
    seed: { type: 'string', default: String(SHIPPED_TRAINING.seed) },
  },
});
const epochs = Number(values.epochs);
const minCount = Number(values['min-count']);

if (!conllAvailable('eng.train')) {
  console.error('conll2003/eng.train not found beside the project (../shared/corpus); nothing to train on.');
  process.exit(1);
}

const weights = trainEntityModel(readConll('eng.train'), {
  epochs,
  minCount,
  seed: Number(values.seed),
  onEpoch: (epoch, errors, tokens) =>
    console.error(
      `epoch ${epoch}: ${errors} errors in ${tokens} tokens (${((100 * errors) / tokens).toFixed(2)}%)`,
    ),
});
const out = join(__dirname, '..', 'shared', 'core', 'tag', 'ner', 'model.json');
writeFileSync(out, serializeModel(weights, { epochs, minCount, trainedOn: 'CoNLL-2003 eng.train' }));
console.error(`wrote ${weights.size} features to shared/core/tag/ner/model.json`);
