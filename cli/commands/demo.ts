import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RAW_PREFIX } from '../../shared/topology';
import { PROJECT_ROOT } from '../../local/project-root';
import { SEED_PATH } from '../../local/shared-material';
import { CliError } from '../errors';
import { resolveTarget, type Target } from '../target';
import { DEFAULT_SERVE_PORT } from '../../local/archive-server';
import { closeOnSignal, serve } from './serve';
import { up } from './pipeline';
import { getArticle, queryArticles, showStatus, type Print } from './read';
import { uploadFiles } from './upload';
import { waitForEmptyQueues, waitForRecords } from './wait';

const SAMPLES_DIR = join(PROJECT_ROOT, 'samples');
const SEED_SOURCE = 'presstv';
/** A person the embedded samples name, for the closing hint when the seed is not beside the checkout. */
const SAMPLE_ENTITY = 'Patricia Gomez';

/**
 * The embedded default job: the emulator up and copydesk deployed onto it with `cdk deploy`, the sample
 * articles (and the seed, when ../shared is beside the checkout) dropped into the raw bucket, the
 * deployed functions left to run the pipeline, then the index queried the way a user would.
 */
export async function demo(print: Print): Promise<Target> {
  const log: Print = (line) => print(`· ${line}`);
  await up(log);
  const target = resolveTarget({});

  const samples = await uploadFiles(target, [SAMPLES_DIR], { source: 'samples', quiet: true });
  const seed = existsSync(SEED_PATH)
    ? (await uploadFiles(target, [SEED_PATH], { source: SEED_SOURCE, quiet: true }))[0]
    : undefined;
  if (!seed)
    log('the seed (../shared/seeds) is not beside this checkout; running on the embedded samples only');
  const uploads = seed ? [...samples, seed] : samples;
  log(`uploaded ${uploads.length} files to s3://${target.names.rawBucket}/${RAW_PREFIX}`);

  const started = Date.now();
  await waitForRecords(target, uploads, { timeoutMs: 180_000 });
  log(`every upload indexed or rejected ${((Date.now() - started) / 1000).toFixed(1)} s after the last put`);
  // Publishing follows indexing; let it finish so the status below shows a quiet pipeline.
  await waitForEmptyQueues(target, 60_000);

  print('\n$ copydesk status');
  await showStatus(target, false, print);
  print('\n$ copydesk query --limit 10');
  await queryArticles(target, { limit: '10' }, print);
  print('\n$ copydesk query --status rejected');
  await queryArticles(target, { status: 'rejected' }, print);

  const entity = seed ? 'Wang Yi' : SAMPLE_ENTITY;
  print(`\n$ copydesk query --entity "${entity}"`);
  await queryArticles(target, { entity }, print);
  const found = await target.archive.search({ entity });
  if (found.items.length === 0)
    throw new CliError(`the demo's articles were not found by entity query (${entity})`, 1);
  const words = seed ? 'improved ties' : 'school budget';
  const month = found.items[0]!.articleDate.slice(0, 7);
  print(`\n$ copydesk query ${words} --entity "${entity}" --since ${month} --until ${month}`);
  await queryArticles(target, { q: words, entity, since: month, until: month }, print);
  if (seed) {
    print(`\n$ copydesk get ${seed.id}`);
    await getArticle(target, seed.id, false, print);
  }
  const hint = seed ? 'Taro Kono' : SAMPLE_ENTITY;
  print(
    `\nThe emulator keeps running on ${target.endpoint}, with the pipeline deployed on it: try ` +
      `\`npx copydesk query --entity "${hint}"\`, \`npx copydesk upload <file|dir> --wait\`, ` +
      '`npx copydesk status`; `npx copydesk down` stops it and keeps the archive on disk.',
  );
  return target;
}

/**
 * After the demo, the page: served in the foreground when someone is at the terminal (Ctrl-C ends it,
 * the emulator keeps running), otherwise only named, so a script running the demo still ends.
 */
export async function serveAfterDemo(target: Target, interactive: boolean, print: Print, log: Print) {
  if (!interactive) {
    print(
      `\nSearch the archive in a browser: \`npx copydesk serve\`, then open http://127.0.0.1:${DEFAULT_SERVE_PORT}/`,
    );
    return;
  }
  print("\nThe archive's web page (search, filters, articles, rejected files, status):");
  closeOnSignal(await serve(target, {}, (url) => print(`  ${url}`), log));
}
