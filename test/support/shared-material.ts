import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The material beside the checkout (../shared): seeds, corpus, standards. Never copied into the repo. */
export const SHARED_DIR = join(__dirname, '..', '..', '..', 'shared');
export const SEED_PATH = join(SHARED_DIR, 'seeds', '000_4eb0d4afc9cd035e.txt');
export const NINJS_SCHEMA_PATH = join(SHARED_DIR, 'standards', 'ninjs', 'ninjs-schema_3.1.json');

export const hasSharedMaterial = existsSync(SEED_PATH) && existsSync(NINJS_SCHEMA_PATH);

/** `describe` when ../shared is present, else a skipped suite that says why. */
export const describeWithShared: jest.Describe = hasSharedMaterial
  ? describe
  : (((name: string, fn: jest.EmptyFunction) =>
      describe.skip(
        `${name} (skipped: ../shared/ with the seed and ninjs schema is not beside the checkout)`,
        fn,
      )) as unknown as jest.Describe);

export const readSeed = () => readFileSync(SEED_PATH);
