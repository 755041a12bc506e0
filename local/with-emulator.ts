import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_ENDPOINT, LOCAL_REGION } from '../shared/aws/client-config';
import { ensureEmulator, portOf, STATE_DIR, stopEmulator } from './emulator';

/** Where `--request-log` has the emulator record the requests it serves (one per port). */
const requestLogFor = (endpoint: string): string => join(STATE_DIR, `requests-${portOf(endpoint)}.jsonl`);

/**
 * `node scripts/with-emulator.js <command...>`: runs a command with an emulator answering on
 * AWS_ENDPOINT_URL (default 127.0.0.1:4566), starting MiniStack if needed and stopping it afterwards
 * if it was started here. This is how `npm test` and `npm run bench` get their AWS.
 *
 * `--request-log` (first): the emulator it starts appends a line per request it serves to a fresh
 * file, whose path the command gets as COPYDESK_REQUEST_LOG (local/ministack_server.py; bench/cost.ts).
 */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const recordRequests = argv[0] === '--request-log';
  const [command, ...args] = recordRequests ? argv.slice(1) : argv;
  if (!command) {
    console.error('usage: with-emulator [--request-log] <command> [args...]');
    return 2;
  }
  const endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT;
  const requestLog = recordRequests ? requestLogFor(endpoint) : undefined;
  if (requestLog) {
    mkdirSync(STATE_DIR, { recursive: true });
    rmSync(requestLog, { force: true });
  }
  // Nothing kept on disk: a run starts from an empty emulator and never touches a user's archive.
  const emulator = await ensureEmulator(endpoint, {
    persist: false,
    log: (line) => console.error(`[emulator] ${line}`),
    env: requestLog ? { COPYDESK_REQUEST_LOG: requestLog } : {},
  });
  const env = {
    ...process.env,
    ...(requestLog && emulator.started ? { COPYDESK_REQUEST_LOG: requestLog } : {}),
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: process.env.AWS_REGION ?? LOCAL_REGION,
    // See bin/copydesk.js: the engines field, not the SDK's start-up warning, states what Node we support.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED:
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true',
  };
  const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const code = await new Promise<number>((resolve) => {
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
  });
  if (emulator.started) await stopEmulator(endpoint);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
