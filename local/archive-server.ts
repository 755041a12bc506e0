import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ArchiveApi } from '../shared/stages/archive-api';
import { API_HEADERS, ARCHIVE_API_BASE, routeArchiveRequest } from '../shared/http/archive-routes';
import { securityHeaders } from '../shared/http/security-headers';

/**
 * `copydesk serve`: the archive's page and its API on this machine, over plain HTTP on loopback. The
 * API is shared/http/archive-routes.ts, as in the Lambda function; the page is the static build
 * (web/dist) with the same security headers CloudFront sends. There is no sign-in: whoever can reach
 * the port can read the archive, which is why it binds 127.0.0.1 unless told otherwise, and why it
 * answers only requests addressed to a loopback name (a web page elsewhere cannot reach it through DNS
 * rebinding).
 */

export const DEFAULT_SERVE_PORT = 8787;
const LOOPBACK_HOST = '127.0.0.1';

export interface ArchiveServerOptions {
  api: ArchiveApi;
  /** The built page (web/dist); without it only the API and /config.json are served. */
  siteDir?: string;
  /** Default 127.0.0.1. Anything that is not loopback needs `allowNonLoopback`. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /**
   * The user asked for this host explicitly (`--host`): a non-loopback address is then served, with a
   * warning, since nothing on it asks who is calling.
   */
  allowNonLoopback?: boolean;
  /** Warnings and failures (default: stderr). */
  log?: (line: string) => void;
}

export interface ArchiveServer {
  url: string;
  close(): Promise<void>;
}

/** What the page reads first: where its API is, and that there is no sign-in here. */
export const LOCAL_PAGE_CONFIG = { apiBase: ARCHIVE_API_BASE, auth: { kind: 'none' } } as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

export async function startArchiveServer(options: ArchiveServerOptions): Promise<ArchiveServer> {
  const host = options.host ?? LOOPBACK_HOST;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const loopback = isLoopback(host);
  if (!loopback && !options.allowNonLoopback)
    throw new Error(
      `refusing to serve the archive on ${host}: it has no sign-in; only loopback is served by default`,
    );
  if (!loopback)
    log(
      `warning: serving on ${host} with no sign-in: anyone who can reach this address can read the whole archive`,
    );
  const siteDir = options.siteDir ? resolve(options.siteDir) : undefined;
  const pageHeaders = securityHeaders();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`copydesk serve: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });

  const send = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
    head = false,
  ) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, {
      ...pageHeaders,
      ...(typeof body === 'string' ? {} : API_HEADERS),
      ...headers,
      'content-length': String(Buffer.byteLength(text)),
    });
    response.end(head ? undefined : text);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolving its name to 127.0.0.1 sends Host: evil.example.
    const hostHeader = request.headers.host ?? '';
    const hostName = hostHeader.replace(/:\d+$/, '');
    if (loopback && !isLoopback(hostName)) {
      send(response, 421, { error: 'this server answers requests addressed to a loopback name only' });
      return;
    }
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      send(response, 400, { error: 'malformed request target' });
      return;
    }
    const method = request.method ?? 'GET';
    const path = url.pathname;

    if (path === ARCHIVE_API_BASE || path.startsWith(`${ARCHIVE_API_BASE}/`)) {
      const query: Record<string, string> = {};
      // As API Gateway does: a repeated parameter arrives once, its values comma-joined.
      for (const [name, value] of url.searchParams)
        query[name] = Object.hasOwn(query, name) ? `${query[name]},${value}` : value;
      const answer = await routeArchiveRequest(
        options.api,
        { method, path: path.slice(ARCHIVE_API_BASE.length) || '/', query },
        {
          onError: (error) =>
            log(`copydesk serve: ${method} ${path}: ${(error as Error).stack ?? String(error)}`),
        },
      );
      response.writeHead(answer.status, {
        ...pageHeaders,
        ...answer.headers,
        'content-length': String(Buffer.byteLength(answer.body)),
      });
      response.end(answer.body);
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') {
      send(response, 405, { error: 'the page answers GET and HEAD only' }, { allow: 'GET, HEAD' });
      return;
    }
    const head = method === 'HEAD';
    if (path === '/config.json') {
      send(response, 200, LOCAL_PAGE_CONFIG, {}, head);
      return;
    }
    const file = siteDir ? await staticFile(siteDir, path) : undefined;
    if (!file) {
      const why = siteDir ? 'not found' : 'no page here: it is not built (npm run build:web)';
      send(
        response,
        404,
        `${why}\n`,
        { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        head,
      );
      return;
    }
    response.writeHead(200, {
      ...pageHeaders,
      'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(file.size),
      // Local files change with every build: always revalidate.
      'cache-control': 'no-cache',
    });
    if (head) response.end();
    else createReadStream(file.path).pipe(response);
  }

  const port = options.port ?? DEFAULT_SERVE_PORT;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = isIP(host) === 6 ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/**
 * The file a URL path names inside `root`, or undefined: percent-decoded once, `/` is index.html, never
 * outside root (`..`, encoded or not, absolute paths, NUL), never a dotfile or a directory.
 */
export async function staticFile(
  root: string,
  urlPath: string,
): Promise<{ path: string; size: number } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const segments = wanted.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const candidate = resolve(root, ...segments);
  const inside = relative(root, candidate);
  if (!inside || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
  try {
    // A symbolic link inside the build must not lead out of it either.
    const real = await realpath(join(root, inside));
    const realRoot = await realpath(root);
    if (real !== realRoot && !real.startsWith(`${realRoot}${sep}`)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}
