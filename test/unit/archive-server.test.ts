import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopback, startArchiveServer, type ArchiveServer } from '../../local/archive-server';
import { contentSecurityPolicy, securityHeaders } from '../../shared/http/security-headers';
import { fakeArchive, FIXTURE_ARTICLES } from '../support/fake-archive';
import { responseValidator } from '../support/openapi';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out exactly as written (fetch would resolve `..` itself). */
function raw(
  server: ArchiveServer,
  path: string,
  init: { method?: string; host?: string } = {},
): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method ?? 'GET',
        path,
        headers: { host: init.host ?? url.host },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('copydesk serve', () => {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-serve-'));
  const site = join(root, 'dist');
  let server: ArchiveServer;
  const validate = responseValidator();

  beforeAll(async () => {
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>archive</title>');
    writeFileSync(join(site, 'app-ABC.js'), 'console.log(1)');
    writeFileSync(join(site, 'app-ABC.css'), 'body{}');
    writeFileSync(join(site, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(site, '.env'), 'SECRET=1');
    writeFileSync(join(root, 'secret.txt'), 'outside the site');
    symlinkSync(join(root, 'secret.txt'), join(site, 'link.txt'));
    server = await startArchiveServer({ api: fakeArchive(), siteDir: site, port: 0, log: () => undefined });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('binds loopback by default and says where', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the page with the security headers CloudFront sends, less the Cognito origin', async () => {
    const page = await raw(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>archive</title>');
    expect(page.headers).toMatchObject({ ...securityHeaders(), 'content-type': 'text/html; charset=utf-8' });
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self';/);
  });

  test.each([
    ['/app-ABC.js', 'text/javascript; charset=utf-8'],
    ['/app-ABC.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/index.html', 'text/html; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const answer = await raw(server, path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  test('generates /config.json: the API on /api, no sign-in', async () => {
    const answer = await raw(server, '/config.json');
    expect(JSON.parse(answer.body)).toEqual({ apiBase: '/api', auth: { kind: 'none' } });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/.env',
    '/assets/%2eenv',
    '/link.txt',
    '/assets',
    '//etc/passwd',
    `/${encodeURIComponent(join(root, 'secret.txt'))}`,
  ])('never serves anything outside the build, or hidden: %s', async (path) => {
    const answer = await raw(server, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toMatch(/outside the site|SECRET|root:/);
  });

  test('answers the API through the same routing function as the Lambda', async () => {
    const answer = await raw(server, '/api/articles?entity=Taro%20Kono&limit=1');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(validate('GET /articles', '200', JSON.parse(answer.body))).toEqual({
      valid: true,
      errors: 'No errors',
    });
    const article = await raw(server, `/api/articles/${FIXTURE_ARTICLES[0]!.record.id}`);
    expect(JSON.parse(article.body).article.title).toBe(FIXTURE_ARTICLES[0]!.record.title);
  });

  test('refuses what the API refuses, naming the parameter', async () => {
    expect(JSON.parse((await raw(server, '/api/articles?colour=red')).body)).toMatchObject({
      parameter: 'colour',
    });
    const repeated = await raw(server, '/api/articles?limit=1&limit=2');
    expect(repeated.status).toBe(400);
    expect(JSON.parse(repeated.body)).toMatchObject({ parameter: 'limit' });
    expect((await raw(server, '/api/nowhere')).status).toBe(404);
    expect((await raw(server, '/api/articles', { method: 'POST' })).status).toBe(405);
  });

  test('the page itself answers GET and HEAD only', async () => {
    const head = await raw(server, '/', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect((await raw(server, '/', { method: 'DELETE' })).status).toBe(405);
  });

  test('refuses requests addressed to another name (DNS rebinding)', async () => {
    const answer = await raw(server, '/api/status', { host: 'evil.example:8787' });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toMatch(/queues/);
    expect((await raw(server, '/api/status', { host: `localhost:${new URL(server.url).port}` })).status).toBe(
      200,
    );
  });

  test('refuses a non-loopback address unless it was asked for explicitly', async () => {
    await expect(startArchiveServer({ api: fakeArchive(), host: '0.0.0.0', port: 0 })).rejects.toThrow(
      /no sign-in/,
    );
    const warnings: string[] = [];
    const open = await startArchiveServer({
      api: fakeArchive(),
      host: '0.0.0.0',
      port: 0,
      allowNonLoopback: true,
      log: (line) => warnings.push(line),
    });
    await open.close();
    expect(warnings.join('\n')).toMatch(/warning: serving on 0\.0\.0\.0 with no sign-in/);
  });

  test.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['::', false],
    ['example.com', false],
    ['localhost.evil.example', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  test('without a built page, serves the API and says the page is not built', async () => {
    const bare = await startArchiveServer({ api: fakeArchive(), port: 0 });
    try {
      const page = await raw(bare, '/');
      expect(page.status).toBe(404);
      expect(page.body).toMatch(/npm run build:web/);
      expect((await raw(bare, '/api/status')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
