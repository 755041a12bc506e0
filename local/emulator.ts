import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_ENDPOINT } from '../shared/aws/client-config';
import { pinnedVenvPython } from './pinned-venv';
import { PROJECT_ROOT } from './project-root';

/**
 * The local AWS emulator: MiniStack, pinned, in a project-local venv, on LocalStack's port. When something
 * already answers on the endpoint (a MiniStack or LocalStack you started), it is used as is and never
 * stopped by us. Why MiniStack and not moto: ../shared/research/local-emulators-2026-12.md, in short moto's
 * memory grows with the square of the data and it dies at about 600 transactional index writes.
 */
export const MINISTACK_VERSION = '1.5.33';
/**
 * CDK's Python custom-resource handlers import boto3 inside the emulator's process; a boto3 newer than
 * this botocore pulls in a botocore that breaks MiniStack 1.5.33. MiniStack verifies the signatures of
 * the tokens an API Gateway JWT (Cognito) authorizer checks with `cryptography`; without it every
 * token is refused with 401.
 */
export const EMULATOR_REQUIREMENTS = [
  `ministack==${MINISTACK_VERSION}`,
  'botocore==1.43.106',
  'boto3<1.44',
  'cryptography==50.0.2',
];
/** Seconds between state snapshots (see local/ministack_server.py): what a kill -9 can cost at most. */
export const DEFAULT_SNAPSHOT_SECONDS = 30;

export const STATE_DIR = join(PROJECT_ROOT, '.copydesk');
/** One emulator per port: tests and benchmarks may run theirs beside a user's. */
export const portOf = (endpoint: string) => new URL(endpoint).port || '4566';
const pidFile = (endpoint: string) => join(STATE_DIR, `emulator-${portOf(endpoint)}.pid`);
const logFile = (endpoint: string) => join(STATE_DIR, `emulator-${portOf(endpoint)}.log`);
const VENV = join(PROJECT_ROOT, '.venv-emulator');
/** Where a persistent emulator keeps the archive: DynamoDB/SQS/stack state, and every S3 object. */
export const emulatorDataDir = (endpoint: string) =>
  portOf(endpoint) === '4566' ? join(STATE_DIR, 'emulator') : join(STATE_DIR, `emulator-${portOf(endpoint)}`);

export interface EmulatorHandle {
  endpoint: string;
  /** True when this call started the emulator (and so the caller may stop it). */
  started: boolean;
}

export interface EmulatorOptions {
  /**
   * Keep state across restarts (the default, for `copydesk up` and the demo). Tests and benchmarks start
   * an emulator of their own with nothing on disk, so they never see or harm a user's archive.
   */
  persist?: boolean;
  /** Where a persistent emulator keeps its data (default: per port, under .copydesk/). */
  dataDir?: string;
  /**
   * More environment for MiniStack's process, over what ensureEmulator sets: e.g. `{ AUTH: 'true' }`, under
   * which it checks SigV4 signatures and IAM policies (and `cdk deploy` fails, so deploy before). Used
   * only when this call starts the emulator; one already answering is taken as it is.
   */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export async function isAnswering(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

/** The venv's python, with the pinned requirements installed (again, when the pins changed). */
export function emulatorPython(log: (line: string) => void = () => undefined): string {
  return pinnedVenvPython(
    { dir: VENV, requirements: EMULATOR_REQUIREMENTS, purpose: 'the emulator, MiniStack' },
    log,
  );
}

export async function ensureEmulator(
  endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT,
  options: EmulatorOptions = {},
): Promise<EmulatorHandle> {
  const log = options.log ?? (() => undefined);
  if (await isAnswering(endpoint)) return { endpoint, started: false };
  const url = new URL(endpoint);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) {
    throw new Error(`nothing answers at ${endpoint}, and only a local emulator can be started here`);
  }
  const python = emulatorPython(log);
  const persist = options.persist ?? true;
  const dataDir = persist
    ? (options.dataDir ?? emulatorDataDir(endpoint))
    : join(STATE_DIR, `emulator-scratch-${portOf(endpoint)}`);
  if (!persist) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const workDir = join(tmpdir(), `copydesk-emulator-${portOf(endpoint)}`);
  mkdirSync(workDir, { recursive: true });
  const LOG_FILE = logFile(endpoint);
  const out = openSync(LOG_FILE, 'a');
  const child = spawn(python, [join(PROJECT_ROOT, 'local', 'ministack_server.py')], {
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      GATEWAY_PORT: url.port || '4566',
      BIND_HOST: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
      LOG_LEVEL: process.env.COPYDESK_EMULATOR_LOG_LEVEL ?? 'WARNING',
      // Lambda's own account id: `cdk deploy` and the names it gives buckets expect one.
      MINISTACK_ACCOUNT_ID: '000000000000',
      PERSIST_STATE: persist ? '1' : '0',
      STATE_DIR: join(dataDir, 'state'),
      S3_PERSIST: persist ? '1' : '0',
      S3_DATA_DIR: join(dataDir, 's3'),
      COPYDESK_SNAPSHOT_SECONDS: process.env.COPYDESK_SNAPSHOT_SECONDS ?? String(DEFAULT_SNAPSHOT_SECONDS),
      // The function workers' code is unpacked under TMPDIR. Outside the project, so that a function
      // can never resolve a module from the project's node_modules: locally, as on Lambda, it has only
      // what its bundle holds.
      TMPDIR: workDir,
      ...options.env,
    },
  });
  child.unref();
  writeFileSync(pidFile(endpoint), String(child.pid));
  log(
    `started MiniStack ${MINISTACK_VERSION} on ${endpoint} (pid ${child.pid}, log ${LOG_FILE}` +
      `${persist ? `, data ${dataDir}` : ', nothing kept'})`,
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await isAnswering(endpoint)) return { endpoint, started: true };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the emulator did not start; see ${LOG_FILE}`);
}

/**
 * Stops an emulator this project started (by its pid file); leaves anything else alone. MiniStack saves
 * its state on SIGTERM, which takes seconds for a large archive, so this waits for it to exit.
 */
/** The pid of the emulator this project started on `endpoint`, if it is running. */
export function emulatorPid(endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT): number | undefined {
  const file = pidFile(endpoint);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return signal(pid, 0) ? pid : undefined;
}

export async function stopEmulator(
  endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT,
): Promise<boolean> {
  const PID_FILE = pidFile(endpoint);
  if (!existsSync(PID_FILE)) return false;
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  rmSync(PID_FILE, { force: true });
  if (!signal(pid, 'SIGTERM')) return false;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!signal(pid, 0)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  // Still saving after two minutes: something is wrong; the state on disk is the last snapshot.
  signal(pid, 'SIGKILL');
  return true;
}

/**
 * Signals the emulator's whole process group (it was started detached, as its own group), so the node
 * workers MiniStack runs functions in stop with it.
 */
function signal(pid: number, name: NodeJS.Signals | 0): boolean {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, name);
      return true;
    } catch {
      // no such group (or process): try the next form
    }
  }
  return false;
}
