import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../local/project-root';
import { DEFAULT_SERVE_PORT, startArchiveServer, type ArchiveServer } from '../../local/archive-server';
import { CliError, explainAwsError } from '../errors';
import type { Target } from '../target';

/** The page's build, as `npm run build:web` writes it. */
export const SITE_DIR = join(PROJECT_ROOT, 'web', 'dist');

export interface ServeFlags {
  port?: string;
  host?: string;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new CliError(`--port must be a port number, got "${value}"`, 2);
  return port;
}

/**
 * `copydesk serve`: the archive's page and HTTP API on this machine (local/archive-server.ts), reading
 * the archive the CLI targets (the emulator by default, `--aws` for a deployment). Runs until
 * interrupted; resolves with the server so a caller (a test) can close it.
 */
export async function serve(
  target: Target,
  flags: ServeFlags,
  print: (line: string) => void,
  log: (line: string) => void,
): Promise<ArchiveServer> {
  const port = parsePort(flags.port);
  // Fail now, with advice, rather than answer every request with a 500.
  try {
    await target.archive.status();
  } catch (error) {
    throw explainAwsError(error, target.endpoint);
  }
  const siteDir = existsSync(join(SITE_DIR, 'index.html')) ? SITE_DIR : undefined;
  if (!siteDir) log('the page is not built (npm run build:web): serving the API only');
  let server: ArchiveServer;
  try {
    server = await startArchiveServer({
      api: target.archive,
      siteDir,
      host: flags.host,
      port,
      allowNonLoopback: flags.host !== undefined,
      log,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} is in use: pick another with --port`, 1);
    if (/no sign-in/.test((error as Error).message)) throw new CliError((error as Error).message, 2);
    throw error;
  }
  print(server.url);
  log(`serving the archive at ${server.url} (API under ${server.url}api/, no sign-in); Ctrl-C stops it`);
  return server;
}

/** Closes the server on Ctrl-C or SIGTERM, so the command exits cleanly. */
export function closeOnSignal(server: ArchiveServer): void {
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
