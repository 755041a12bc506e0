import type { Page } from 'playwright-core';
import { createHarness, type Harness } from '../integration/harness';
import {
  describeWithBrowser,
  newPage,
  openSession,
  type PageSession,
  type Watch,
} from '../support/browser/browser';

jest.setTimeout(120_000);

/** A news page as a newsroom drops it, with markup in its headline text to prove it stays text end to end. */
const page = (title: string, published: string, lead: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}">
<meta property="article:section" content="Harbour">
<meta property="article:published_time" content="${published}">
</head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
<p>${lead}</p>
<p>The project, paid for by the regional government, adds four berths and a covered waiting hall for passengers travelling to the islands.</p>
<p>"We have waited a long time for this," Ingrid Solberg told reporters at the harbour office. "The old pier was simply too small for modern ferries."</p>
<script>window.__pwned = 1</script>
</article><footer>© Harbour Times</footer></body></html>`;

// Needs the emulator `npm test` starts (AWS_ENDPOINT_URL); `npm run test:browser` alone skips it.
const describeOnEmulator = process.env.AWS_ENDPOINT_URL ? describeWithBrowser : describe.skip;

describeOnEmulator('the page over the real archive on the emulator', () => {
  let h: Harness;
  let session: PageSession;
  let browserPage: Page;
  let watch: Watch;

  beforeAll(async () => {
    h = await createHarness();
    await h.upload(
      'harbour-times/pier.html',
      page(
        'New pier approved for the islands ferry',
        '2026-03-10T09:00:00Z',
        "Ingrid Solberg, the city's harbour master, said on Monday that the new pier would open to ferries in the spring after two years of work on its foundations.",
      ),
    );
    await h.upload('harbour-times/empty.txt', new Uint8Array(0));
    await h.drain();
    session = await openSession(h.archive);
  });
  afterAll(async () => {
    await session?.close();
    await h?.close();
  });

  test('search, facets, the article with its indexed names, and the rejected file', async () => {
    ({ page: browserPage, watch } = await newPage(session));
    await browserPage.goto(session.url);
    await browserPage.getByLabel('Words', { exact: true }).fill('pier ferry');
    await browserPage.getByLabel('Words', { exact: true }).press('Enter');
    const hit = browserPage.locator('.hit').first();
    await hit.waitFor();
    expect(await browserPage.getByTestId('result-count').innerText()).toMatch(/^1 article match/);
    expect(await hit.locator('.hit-title').innerText()).toBe('New pier approved for the islands ferry');
    expect((await hit.locator('.hit-title mark').allInnerTexts()).map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining(['pier', 'ferry']),
    );
    await expect(
      browserPage.locator('button[data-facet="entities"]', { hasText: 'Ingrid Solberg' }).count(),
    ).resolves.toBe(1);

    await hit.locator('a[data-article-id]').click();
    await browserPage.locator('[data-testid="article-body"] p').first().waitFor();
    expect(await browserPage.locator('h1').innerText()).toBe('New pier approved for the islands ferry');
    expect(await browserPage.getByTestId('article-body').innerText()).toMatch(/covered waiting hall/);
    await browserPage.getByRole('button', { name: /Ingrid Solberg/ }).click();
    expect(await browserPage.locator('[data-testid="article-body"] mark.mention').count()).toBeGreaterThan(0);
    expect(await browserPage.getByRole('region', { name: 'Source file' }).innerText()).toMatch(
      /incoming\/harbour-times\/pier\.html/,
    );
    expect(await browserPage.getByRole('region', { name: 'Processing history' }).innerText()).toMatch(
      /indexed/,
    );
    expect(await browserPage.evaluate('window.__pwned')).toBeUndefined();

    await browserPage.getByRole('link', { name: 'Rejected files' }).click();
    const row = browserPage.locator('.rejected-table tbody tr', { hasText: 'harbour-times/empty.txt' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/EMPTY/);

    await browserPage.getByRole('link', { name: 'Pipeline status' }).click();
    await browserPage.getByRole('region', { name: 'Queues' }).waitFor();
    expect(await browserPage.getByRole('region', { name: 'Articles' }).innerText()).toMatch(/indexed\s+1/i);

    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await browserPage.context().close();
  });
});
