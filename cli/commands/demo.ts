import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RAW_PREFIX } from '../../shared/topology';
import { LocalRunner } from '../../local/runner';
import { PROJECT_ROOT } from '../../local/emulator';
import { SEED_PATH } from '../../local/shared-material';
import { CliError } from '../errors';
import { resolveTarget } from '../target';
import { up } from './pipeline';
import { getArticle, queryArticles, showStatus, type Print } from './read';
import { uploadFiles } from './upload';

const SAMPLES_DIR = join(PROJECT_ROOT, 'samples');
const SEED_SOURCE = 'presstv';

/**
 * The embedded default job: emulator up, topology provisioned, the sample articles (and the seed, when
 * ../shared is beside the checkout) dropped into the raw bucket, the pipeline run until every queue is
 * empty, then the index queried the way a user would.
 */
export async function demo(print: Print): Promise<void> {
  const log: Print = (line) => print(`· ${line}`);
  const deployment = await up({}, log);
  const target = resolveTarget({});

  const samples = await uploadFiles(target, [SAMPLES_DIR], { source: 'samples', quiet: true });
  const seed = existsSync(SEED_PATH)
    ? (await uploadFiles(target, [SEED_PATH], { source: SEED_SOURCE, quiet: true }))[0]
    : undefined;
  if (!seed)
    log('the seed (../shared/seeds) is not beside this checkout; running on the embedded samples only');
  log(`uploaded ${samples.length + (seed ? 1 : 0)} files to s3://${target.names.rawBucket}/${RAW_PREFIX}`);

  const runner = new LocalRunner(deployment, { waitSeconds: 0 });
  const started = Date.now();
  try {
    await runner.drain(180_000);
  } finally {
    await runner.close();
  }
  log(`pipeline drained in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  print('\n$ copydesk status');
  await showStatus(target, false, print);
  print('\n$ copydesk query --limit 10');
  await queryArticles(target, { limit: '10' }, print);
  print('\n$ copydesk query --status rejected');
  await queryArticles(target, { status: 'rejected' }, print);

  if (seed) {
    print('\n$ copydesk query --entity "Wang Yi"');
    await queryArticles(target, { entity: 'Wang Yi' }, print);
    print('\n$ copydesk query --section China');
    await queryArticles(target, { section: 'China' }, print);
    const found = await target.index.listByFacet('entity', 'Wang Yi');
    const seedId = seed.id;
    if (!found.items.some((i) => i.id === seedId))
      throw new CliError('the seed article was not found by entity query', 1);
    print(`\n$ copydesk get ${seedId}`);
    await getArticle(target, seedId, false, print);
  }
  print(
    `\nThe emulator keeps running on ${target.endpoint}: try \`npx copydesk query --entity "Taro Kono"\`, ` +
      '`npx copydesk status`; `npx copydesk down` stops it.',
  );
}
