import type { Page } from 'playwright-core';
import {
  describeWithBrowser,
  newPage,
  openSession,
  tabTo,
  type PageSession,
  type Watch,
} from '../support/browser/browser';
import { fixtureArchive, type FixtureArchive } from '../support/browser/fixture-archive';

jest.setTimeout(30_000);

describeWithBrowser('the search screen, in Chromium', () => {
  let session: PageSession;
  let archive: FixtureArchive;
  let page: Page;
  let watch: Watch;

  beforeAll(async () => {
    archive = fixtureArchive();
    session = await openSession(archive);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    ({ page, watch } = await newPage(session));
  });
  afterEach(async () => {
    // No screen may trip the Content-Security-Policy or raise an uncaught error.
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await page.context().close();
  });

  const search = async (words: string) => {
    await page.getByLabel('Words', { exact: true }).fill(words);
    await page.getByLabel('Words', { exact: true }).press('Enter');
    await page
      .locator('[data-testid="result-count"], [data-state="empty"], [role="alert"]')
      .first()
      .waitFor();
  };
  const titles = () => page.locator('.hit-title a').allInnerTexts();

  test('searches by words, shows the count, highlights the matched words and facet counts', async () => {
    await page.goto(session.url);
    await search('japan');
    await expect(page.getByTestId('result-count').innerText()).resolves.toMatch(/^2 articles match/);
    expect(await titles()).toEqual([
      'Japan protests to China over ships near disputed islands',
      'Japan protests to China over ships near disputed islands',
    ]);
    // The matched word is wrapped in <mark>, from the response's highlight offsets.
    const marks = await page.locator('.hit-title mark').allInnerTexts();
    expect(marks).toEqual(['Japan', 'Japan']);
    // Facets count over the result set.
    const kono = page.locator('button[data-facet="entities"]', { hasText: 'Taro Kono' });
    await expect(kono.locator('.facet-count').innerText()).resolves.toBe('2');
    // The live region announces the count.
    await expect(page.locator('#announcer').innerText()).resolves.toMatch(/2 articles match/);
    expect(page.url()).toContain('q=japan');
  });

  test('a facet adds its filter, the chip removes it, and the form adds one too', async () => {
    await page.goto(session.url);
    await search('council');
    const before = await page.getByTestId('result-count').innerText();
    expect(before).toMatch(/^24 articles match/);

    await page.locator('button[data-facet="entities"]', { hasText: 'Patricia Gomez' }).click();
    await page.getByRole('button', { name: /Remove filter Name: Patricia Gomez/ }).waitFor();
    await expect(page.getByTestId('result-count').innerText()).resolves.toMatch(/^6 articles match/);
    for (const title of await titles()) expect(title).toMatch(/council/);
    expect(page.url()).toContain('entity=Patricia+Gomez');

    // A month facet filters to that month.
    await page.locator('button[data-facet="months"]', { hasText: 'November 2026' }).click();
    await page.getByRole('button', { name: /Remove filter From: 2026-11/ }).waitFor();
    const november = await page.locator('.hit-meta').allInnerTexts();
    expect(november.length).toBeGreaterThan(0);
    for (const meta of november) expect(meta).toMatch(/Nov 2026/);

    // Removing the chips brings the whole result set back.
    await page.getByRole('button', { name: /Remove filter From: 2026-11/ }).click();
    await page.getByRole('button', { name: /Remove filter To: 2026-11/ }).click();
    await page.getByRole('button', { name: /Remove filter Name: Patricia Gomez/ }).click();
    await page.waitForFunction('!document.querySelector(".chips")');
    await expect(page.getByTestId('result-count').innerText()).resolves.toBe(before);

    // The filter form: a section, submitted with Enter.
    await page.getByRole('textbox', { name: 'Section', exact: true }).fill('Politics');
    await page.getByRole('textbox', { name: 'Section', exact: true }).press('Enter');
    await page.getByRole('button', { name: /Remove filter Section: Politics/ }).waitFor();
    await expect(page.getByTestId('result-count').innerText()).resolves.toMatch(/^12 articles match/);
    expect(page.url()).toContain('section=Politics');
  });

  test('pages through the results with Next and Previous, and Back returns to the same page', async () => {
    await page.goto(session.url);
    await search('council');
    const first = await titles();
    expect(first).toHaveLength(10);
    await expect(page.getByTestId('result-count').innerText()).resolves.toMatch(/Showing 1–10/);
    await expect(page.getByRole('button', { name: '← Previous page' }).isDisabled()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Next page →' }).click();
    await page.getByText('Showing 11–20').waitFor();
    const second = await titles();
    expect(second).toHaveLength(10);
    expect(second.some((t) => first.includes(t) && first.indexOf(t) === second.indexOf(t))).toBe(false);

    await page.getByRole('button', { name: 'Next page →' }).click();
    await page.getByText('Showing 21–24').waitFor();
    expect(await titles()).toHaveLength(4);
    await expect(page.getByRole('button', { name: 'Next page →' }).isDisabled()).resolves.toBe(true);

    await page.getByRole('button', { name: '← Previous page' }).click();
    await page.getByText('Showing 11–20').waitFor();
    expect(await titles()).toEqual(second);
    await page.getByRole('button', { name: '← Previous page' }).click();
    await page.getByText('Showing 1–10').waitFor();
    expect(await titles()).toEqual(first);

    // The cursor stack lives in the URL: the browser's Back and Forward walk the pages too.
    await page.goBack();
    await page.getByText('Showing 11–20').waitFor();
    await page.goForward();
    await page.getByText('Showing 1–10').waitFor();
  });

  test('says when nothing matches and offers to remove the filters', async () => {
    await page.goto(`${session.url}/#/search?q=council&source=presstv`);
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor();
    await expect(empty.innerText()).resolves.toMatch(/No articles match “council” with these filters/);
    await empty.getByRole('button', { name: /Remove Source: presstv/ }).click();
    await page.getByTestId('result-count').waitFor();
    await expect(page.getByTestId('result-count').innerText()).resolves.toMatch(/^24 articles/);
    await expect(page.locator('#announcer').innerText()).resolves.toMatch(/24 articles match/);
  });

  test('a refused search (400) shows the archive’s reason and the parameter at fault', async () => {
    await page.goto(session.url);
    await page.getByLabel('From date').fill('yesterday');
    await page.getByLabel('From date').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/The archive refused the search/);
    expect(text).toMatch(/since must be a date/);
    expect(text).toMatch(/parameter since/);
    await expect(page.getByLabel('From date').getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing to retry: the request must change.
    await expect(alert.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
  });

  test('a failed search (500) offers to try again, and the retry shows the results', async () => {
    archive.failNext('search');
    await page.goto(`${session.url}/#/search?q=glaciers`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Could not load the search[\s\S]*HTTP 500/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('result-count').waitFor();
    expect(await titles()).toEqual(['Alpine glaciers lost a tenth of their ice in two summers, study finds']);
  });

  test('works by keyboard alone: search, open a result, go back, and "/" finds the box', async () => {
    await page.goto(session.url);
    await page.locator('#q').waitFor();
    await tabTo(page, '#q');
    await page.keyboard.type('bridge');
    await page.keyboard.press('Enter');
    await page.getByTestId('result-count').waitFor();

    await tabTo(page, 'a[data-article-id]');
    const opened = await page.evaluate('document.activeElement.textContent');
    expect(opened).toBe('Harbour bridge reopens after two-year repair');
    await page.keyboard.press('Enter');
    await page.locator('.article-body p').first().waitFor();
    // The article's heading has focus, so reading starts there.
    await expect(page.evaluate('document.activeElement.closest("h1") !== null')).resolves.toBe(true);
    expect(await page.locator('h1').innerText()).toBe(opened);

    // Back to the results: the link stands just before the heading.
    await tabTo(page, '.back a', { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('result-count').waitFor();
    // Focus returns to the result that was opened.
    await page.waitForFunction(
      'document.activeElement && document.activeElement.hasAttribute("data-article-id")',
    );
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe(opened);
    await expect(page.locator('#q').inputValue()).resolves.toBe('bridge');

    // "/" jumps to the search box from anywhere but a text field.
    await page.keyboard.press('/');
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('q');

    // Focus is visible: the focused control has an outline.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
  });
});
