import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface PinnedVenv {
  /** The venv's folder, project-local and gitignored (e.g. .venv-emulator). */
  readonly dir: string;
  /** pip requirement specifiers, pinned: a change to them reinstalls, anything else reuses the venv. */
  readonly requirements: readonly string[];
  /** What the venv is for, for the error when no Python is found, e.g. 'the emulator, MiniStack'. */
  readonly purpose: string;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The venv's python, with the pinned requirements installed (again, when the pins changed). A stamp
 * file in the venv holds the requirements it was made with, so every run after the first costs a file
 * read, not a pip resolve.
 */
export function pinnedVenvPython(venv: PinnedVenv, log: (line: string) => void = () => undefined): string {
  const python = join(venv.dir, 'bin', 'python');
  const stamp = join(venv.dir, 'copydesk-requirements.txt');
  const wanted = venv.requirements.join('\n');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return python;
  const system = onPath('python3') ?? onPath('python');
  if (!system) throw new Error(`python3 (with venv) is needed to install ${venv.purpose}`);
  log(`installing ${venv.requirements.join(' ')} into ${venv.dir} (first run only)`);
  const run = (cmd: string, args: string[]) => {
    const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
  };
  if (!existsSync(python)) run(system, ['-m', 'venv', venv.dir]);
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...venv.requirements]);
  writeFileSync(stamp, wanted);
  return python;
}
