import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { LOCAL_ENDPOINT } from '../shared/aws/client-config';

/**
 * The local AWS emulator: moto in server mode on LocalStack's port. When something already answers on
 * the endpoint (LocalStack, a moto you started), it is used as is and never stopped by us.
 */
export const MOTO_VERSION = '5.2.5';
export const PROJECT_ROOT = join(__dirname, '..');
const STATE_DIR = join(PROJECT_ROOT, '.copydesk');
const PID_FILE = join(STATE_DIR, 'emulator.pid');
const LOG_FILE = join(STATE_DIR, 'emulator.log');
const VENV = join(PROJECT_ROOT, '.venv-emulator');

export interface EmulatorHandle {
  endpoint: string;
  /** True when this call started the emulator (and so the caller may stop it). */
  started: boolean;
}

export async function isAnswering(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** moto_server from PATH, else a project-local venv with moto pinned, created on first use. */
export function motoServerBinary(log: (line: string) => void = () => undefined): string {
  const fromPath = onPath('moto_server');
  if (fromPath) return fromPath;
  const venvBinary = join(VENV, 'bin', 'moto_server');
  if (existsSync(venvBinary)) return venvBinary;
  const python = onPath('python3') ?? onPath('python');
  if (!python)
    throw new Error('python3 is needed to install the emulator (moto); install it or start LocalStack');
  log(`creating ${VENV} and installing moto[server]==${MOTO_VERSION} (first run only)`);
  const run = (cmd: string, args: string[]) => {
    const result = spawnSync(cmd, args, { stdio: 'inherit' });
    if (result.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
  };
  run(python, ['-m', 'venv', VENV]);
  run(join(VENV, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `moto[server]==${MOTO_VERSION}`,
  ]);
  return venvBinary;
}

export async function ensureEmulator(
  endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT,
  log: (line: string) => void = () => undefined,
): Promise<EmulatorHandle> {
  if (await isAnswering(endpoint)) return { endpoint, started: false };
  const url = new URL(endpoint);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) {
    throw new Error(`nothing answers at ${endpoint}, and only a local emulator can be started here`);
  }
  const binary = motoServerBinary(log);
  mkdirSync(STATE_DIR, { recursive: true });
  const out = openSync(LOG_FILE, 'a');
  const child = spawn(binary, ['-H', url.hostname, '-p', url.port || '4566'], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  writeFileSync(PID_FILE, String(child.pid));
  log(`started moto on ${endpoint} (pid ${child.pid}, log ${LOG_FILE})`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await isAnswering(endpoint)) return { endpoint, started: true };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the emulator did not start; see ${LOG_FILE}`);
}

/** Stops an emulator this project started (by its pid file); leaves anything else alone. */
export async function stopEmulator(): Promise<boolean> {
  if (!existsSync(PID_FILE)) return false;
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  rmSync(PID_FILE, { force: true });
  // The server was started detached, as its own process group: signal the whole group, because a
  // launcher such as a pyenv shim may have left the real server as a child of the recorded pid.
  if (!signalGroup(pid, 'SIGTERM')) return false;
  // moto answers SIGTERM with sys.exit, which waits for request threads still at work; do not wait long.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  signalGroup(pid, 'SIGKILL');
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
      return true;
    } catch {
      // no such group (or process): try the next form
    }
  }
  return false;
}
