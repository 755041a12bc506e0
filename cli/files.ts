import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './errors';

/** Files named on the command line, with directories expanded recursively, in a stable order. */
export async function expandPaths(paths: string[]): Promise<{ path: string; root: string }[]> {
  const files: { path: string; root: string }[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new CliError(`no such file or directory: ${given}`, 2);
    if (info.isDirectory()) {
      for (const file of await walk(given)) files.push({ path: file, root: given });
    } else {
      files.push({ path: given, root: '' });
    }
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
