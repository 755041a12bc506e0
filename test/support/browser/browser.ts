import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ArchiveApi } from '../../../shared/stages/archive-api';
import { buildWeb } from '../../../web/build';
import { startArchiveServer } from '../../../local/archive-server';
import { fixtureArchive, type FixtureArchive } from './fixture-archive';

/**
 * Debian's chromium driven by playwright-core (which downloads no browser of its own). `.ci/run`
 * installs it; CHROMIUM_PATH points elsewhere.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Without a browser the browser tests fail in CI, and are skipped with a message on a developer's machine. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (chromiumPath() || process.env.CI) return describe(name, body);
  console.warn('browser tests skipped: no chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  describe.skip(name, body);
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no chromium found: apt-get install chromium, or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    headless: true,
    // The machine has no network beyond package registries: keep Chromium from trying to phone home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The page built into a temporary folder and served with an archive; one browser for the whole file. */
export interface PageSession {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function openSession(api: ArchiveApi, options: { siteDir?: string } = {}): Promise<PageSession> {
  let siteDir = options.siteDir;
  let tempDir: string | undefined;
  if (!siteDir) {
    tempDir = await mkdtemp(join(tmpdir(), 'copydesk-web-'));
    siteDir = join(tempDir, 'dist');
    await buildWeb(siteDir);
  }
  // `copydesk serve`'s own server: the page, /config.json and /api/* under the page's security headers.
  const [server, browser] = await Promise.all([
    startArchiveServer({ api, siteDir, port: 0, log: () => undefined }),
    launchBrowser(),
  ]);
  return {
    browser,
    url: server.url.replace(/\/$/, ''),
    async close() {
      await browser.close();
      await server.close();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** What a page did that it never should: CSP violations, dialogs, uncaught errors. */
export interface Watch {
  cspViolations: string[];
  dialogs: string[];
  pageErrors: string[];
}

export async function newPage(
  session: PageSession,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; watch: Watch }> {
  const context = await session.browser.newContext({ viewport, reducedMotion: 'reduce' });
  // Generous for a loaded 2-core CI machine; a passing run never waits this long.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const watch: Watch = { cspViolations: [], dialogs: [], pageErrors: [] };
  await page.exposeFunction('__reportCsp', (text: string) => watch.cspViolations.push(text));
  // Injected by the browser itself, so the page's CSP does not apply to this listener.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    window.__reportCsp(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));`);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.cspViolations.push(message.text());
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  return { page, watch };
}

/** Presses Tab until the focused element matches `selector` (as a person would), at most `max` times. */
export async function tabTo(
  page: Page,
  selector: string,
  { max = 60, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate(
      `(() => { const el = document.activeElement; return !!el && el.matches(${JSON.stringify(selector)}); })()`,
    );
    if (hit) return i;
  }
  const focused = await page.evaluate(
    'document.activeElement && document.activeElement.outerHTML.slice(0, 200)',
  );
  throw new Error(`Tab never reached ${selector} in ${max} presses; focus is on ${String(focused)}`);
}

/**
 * A file's browser session over a fresh fixture archive, and a fresh page for each test, after which no
 * screen may have tripped the Content-Security-Policy or raised an uncaught error. Read the fields inside
 * tests and hooks: they are set by the hooks this registers.
 */
export function fixturePages(): { session: PageSession; archive: FixtureArchive; page: Page; watch: Watch } {
  const current = {} as { session: PageSession; archive: FixtureArchive; page: Page; watch: Watch };
  beforeAll(async () => {
    current.archive = fixtureArchive();
    current.session = await openSession(current.archive);
  });
  afterAll(async () => {
    await current.session?.close();
  });
  beforeEach(async () => {
    Object.assign(current, await newPage(current.session));
  });
  afterEach(async () => {
    expect(current.watch.cspViolations).toEqual([]);
    expect(current.watch.pageErrors).toEqual([]);
    await current.page.context().close();
  });
  return current;
}
