import { existsSync, readFileSync } from 'node:fs';

import { SEED_PATH } from '../../local/shared-material';

export { SEED_PATH };

export const hasSharedMaterial = existsSync(SEED_PATH);

/** `describe` when ../shared is present, else a skipped suite that says why. */
export const describeWithShared: jest.Describe = hasSharedMaterial
  ? describe
  : (((name: string, fn: jest.EmptyFunction) =>
      describe.skip(
        `${name} (skipped: ../shared/ with the seed is not beside the checkout)`,
        fn,
      )) as unknown as jest.Describe);

export const readSeed = () => readFileSync(SEED_PATH);
