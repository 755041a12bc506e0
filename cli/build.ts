/**
 * Builds the CLI into one CommonJS file, dist/copydesk.js, which bin/copydesk.js runs: starting from
 * JavaScript rather than transpiling TypeScript on every command is most of the CLI's start-up time.
 * npm packages stay outside the bundle (read from node_modules); each command's own modules are required
 * lazily (see cli/main.ts), and esbuild keeps them lazy. The tagger is a second file, dist/tagger.js: its
 * model and gazetteer are two thirds of the code, and reading and compiling them is most of what is left of
 * start-up for every other command. Run by `npm run build:cli` (and quietly by `npm run copydesk`), by `npm ci` through
 * `prepare`, and before the tests (test/support/build-cli.ts), so nothing runs a stale build.
 */
import { build, type Plugin } from 'esbuild';
import { dirname, join, resolve } from 'node:path';

export const CLI_BUNDLE = join(__dirname, '..', 'dist', 'copydesk.js');
/** The tagger, with its megabytes of model and gazetteer, in a file of its own: only `tag` reads it. */
const TAGGER_BUNDLE = 'tagger.js';
const TAGGER_ENTRY = join(__dirname, '..', 'shared', 'core', 'tag', 'index.ts');

/** In the CLI's bundle, the tagger module is required from its own bundle beside it instead of inlined. */
const taggerApart: Plugin = {
  name: 'tagger-apart',
  setup(b) {
    b.onResolve({ filter: /\/core\/tag$/ }, (args) =>
      resolve(args.resolveDir, args.path, 'index.ts') === TAGGER_ENTRY
        ? { path: `./${TAGGER_BUNDLE}`, external: true }
        : undefined,
    );
  },
};

export async function buildCli(outfile: string = CLI_BUNDLE): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  } as const;
  await Promise.all([
    build({ ...common, entryPoints: [join(__dirname, 'main.ts')], outfile, plugins: [taggerApart] }),
    build({ ...common, entryPoints: [TAGGER_ENTRY], outfile: join(dirname(outfile), TAGGER_BUNDLE) }),
  ]);
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
