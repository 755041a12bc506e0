import { describeWithBrowser, fixturePages } from '../support/browser/browser';

jest.setTimeout(30_000);

describeWithBrowser('rejected files, pipeline status and the page shell, in Chromium', () => {
  const ui = fixturePages();

  test('lists rejected files with their reasons, each linking to its record', async () => {
    await ui.page.goto(ui.session.url);
    await ui.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Rejected files' })
      .click();
    const rows = ui.page.locator('.rejected-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/incoming\/uploads\/poison\.bin\s+BINARY the file holds bytes/),
      expect.stringMatching(/incoming\/uploads\/scanned-letter\.pdf\s+NO_CONTENT the PDF has no text layer/),
    ]);
    await expect(
      ui.page.getByRole('link', { name: 'Rejected files' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await ui.page.getByRole('link', { name: 'incoming/uploads/poison.bin' }).click();
    await ui.page.locator('.notice-status').waitFor();
  });

  test('shows queues waiting and dead-lettered, article counts and the newest article', async () => {
    await ui.page.goto(`${ui.session.url}/#/status`);
    const queues = ui.page.getByRole('region', { name: 'Queues' });
    await queues.waitFor();
    expect(await queues.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^parse\s+3\s+0/),
      expect.stringMatching(/^tag\s+1\s+2 needs attention/),
      expect.stringMatching(/^index\s+0\s+0/),
      expect.stringMatching(/^publish\s+0\s+0/),
    ]);
    const counts = await ui.page.getByRole('region', { name: 'Articles' }).innerText();
    expect(counts).toMatch(/indexed\s+29/i);
    expect(counts).toMatch(/rejected\s+2/i);
    expect(counts).toMatch(/Newest: Japan protests to China/);

    ui.archive.failNext('status');
    await ui.page.getByRole('button', { name: 'Refresh' }).click();
    await ui.page.getByRole('button', { name: 'Try again' }).click();
    await queues.waitFor();
  });

  test('every screen has landmarks, labelled controls and no CSP violation', async () => {
    for (const hash of [
      '#/',
      '#/search?q=council',
      '#/rejected',
      '#/status',
      '#/articles/4eb0d4afc9cd035e0a11',
    ]) {
      await ui.page.goto(`${ui.session.url}/${hash}`);
      await ui.page.locator('.loading').waitFor({ state: 'detached' });
      await ui.page.locator('main h1').waitFor();
      expect(await ui.page.locator('header.site-header, main, footer, nav[aria-label="Main"]').count()).toBe(
        4,
      );
      // Every form control has an accessible name.
      const unlabelled = await ui.page
        .evaluate(`[...document.querySelectorAll('input, select, button, a[href]')]
        .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map((el) => el.outerHTML.slice(0, 120))`);
      expect({ hash, unlabelled }).toEqual({ hash, unlabelled: [] });
    }
    expect(ui.watch.cspViolations).toEqual([]);
  });

  test('the page is served under the strict CSP, and the CSP would catch an inline script', async () => {
    const response = await ui.page.goto(ui.session.url);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    // The watcher works: an inline style set from a string is reported (and blocked).
    await ui.page.locator('#q').waitFor();
    await ui.page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>')`);
    for (let i = 0; i < 100 && ui.watch.cspViolations.length === 0; i++) await ui.page.waitForTimeout(20);
    expect(ui.watch.cspViolations).toEqual(expect.arrayContaining([expect.stringMatching(/style-src/)]));
    ui.watch.cspViolations.length = 0;
  });
});
