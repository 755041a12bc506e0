/**
 * Builds the CLI into one CommonJS file, dist/copydesk.js, which bin/copydesk.js runs: starting from
 * JavaScript rather than transpiling TypeScript on every command is most of the CLI's start-up time.
 * npm packages stay outside the bundle (read from node_modules); each command's own modules are required
 * lazily (see cli/main.ts), and esbuild keeps them lazy. Run by `npm run build:cli` (and quietly by `npm run copydesk`), by `npm ci` through
 * `prepare`, and before the tests (test/support/build-cli.ts), so nothing runs a stale build.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

export const CLI_BUNDLE = join(__dirname, '..', 'dist', 'copydesk.js');

export async function buildCli(outfile: string = CLI_BUNDLE): Promise<void> {
  await build({
    entryPoints: [join(__dirname, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (require.main === module) {
  const started = Date.now();
  buildCli().then(
    () => process.argv.includes('--quiet') || console.log(`dist/copydesk.js (${Date.now() - started} ms)`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
