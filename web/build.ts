/**
 * Builds the archive's web page (web/src) into web/dist: one hashed JS bundle, one hashed stylesheet and
 * index.html, with esbuild (already the functions' bundler) and Preact. Run by `npm run build:web`, and
 * by `npm ci` / `npm install` through the `prepare` script, so a fresh clone can serve the page at once.
 */
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const WEB_SRC = join(__dirname, 'src');
export const WEB_DIST = join(__dirname, 'dist');

export async function buildWeb(outdir: string = WEB_DIST): Promise<{ files: string[] }> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { app: join(WEB_SRC, 'main.tsx') },
    outdir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: join(__dirname, '..'),
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
  const js = outputs.find((f) => f.endsWith('.js'));
  const css = outputs.find((f) => f.endsWith('.css'));
  if (!js || !css) throw new Error(`web build produced no ${js ? 'stylesheet' : 'script'}`);
  const html = (await readFile(join(WEB_SRC, 'index.html'), 'utf8'))
    .replace('%JS%', js)
    .replace('%CSS%', css);
  await writeFile(join(outdir, 'index.html'), html);
  return { files: ['index.html', ...outputs] };
}

if (require.main === module) {
  const started = Date.now();
  buildWeb().then(
    ({ files }) =>
      console.log(
        `web/dist: ${files.filter((f) => !f.endsWith('.map')).join(', ')} (${Date.now() - started} ms)`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
