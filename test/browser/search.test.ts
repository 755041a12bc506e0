import { describeWithBrowser, fixturePages, tabTo } from '../support/browser/browser';

jest.setTimeout(30_000);

describeWithBrowser('the search screen, in Chromium', () => {
  const ui = fixturePages();

  const search = async (words: string) => {
    await ui.page.getByLabel('Words', { exact: true }).fill(words);
    await ui.page.getByLabel('Words', { exact: true }).press('Enter');
    await ui.page
      .locator('[data-testid="result-count"], [data-state="empty"], [role="alert"]')
      .first()
      .waitFor();
  };
  const titles = () => ui.page.locator('.hit-title a').allInnerTexts();

  test('searches by words, shows the count, highlights the matched words and facet counts', async () => {
    await ui.page.goto(ui.session.url);
    await search('japan');
    await expect(ui.page.getByTestId('result-count').innerText()).resolves.toMatch(/^2 articles match/);
    expect(await titles()).toEqual([
      'Japan protests to China over ships near disputed islands',
      'Japan protests to China over ships near disputed islands',
    ]);
    // The matched word is wrapped in <mark>, from the response's highlight offsets.
    const marks = await ui.page.locator('.hit-title mark').allInnerTexts();
    expect(marks).toEqual(['Japan', 'Japan']);
    // Facets count over the result set.
    const kono = ui.page.locator('button[data-facet="entities"]', { hasText: 'Taro Kono' });
    await expect(kono.locator('.facet-count').innerText()).resolves.toBe('2');
    // The live region announces the count.
    await expect(ui.page.locator('#announcer').innerText()).resolves.toMatch(/2 articles match/);
    expect(ui.page.url()).toContain('q=japan');
  });

  test('a facet adds its filter, the chip removes it, and the form adds one too', async () => {
    await ui.page.goto(ui.session.url);
    await search('council');
    const before = await ui.page.getByTestId('result-count').innerText();
    expect(before).toMatch(/^24 articles match/);

    await ui.page.locator('button[data-facet="entities"]', { hasText: 'Patricia Gomez' }).click();
    await ui.page.getByRole('button', { name: /Remove filter Name: Patricia Gomez/ }).waitFor();
    await expect(ui.page.getByTestId('result-count').innerText()).resolves.toMatch(/^6 articles match/);
    for (const title of await titles()) expect(title).toMatch(/council/);
    expect(ui.page.url()).toContain('entity=Patricia+Gomez');

    // A month facet filters to that month.
    await ui.page.locator('button[data-facet="months"]', { hasText: 'November 2026' }).click();
    await ui.page.getByRole('button', { name: /Remove filter From: 2026-11/ }).waitFor();
    const november = await ui.page.locator('.hit-meta').allInnerTexts();
    expect(november.length).toBeGreaterThan(0);
    for (const meta of november) expect(meta).toMatch(/Nov 2026/);

    // Removing the chips brings the whole result set back.
    await ui.page.getByRole('button', { name: /Remove filter From: 2026-11/ }).click();
    await ui.page.getByRole('button', { name: /Remove filter To: 2026-11/ }).click();
    await ui.page.getByRole('button', { name: /Remove filter Name: Patricia Gomez/ }).click();
    await ui.page.waitForFunction('!document.querySelector(".chips")');
    await expect(ui.page.getByTestId('result-count').innerText()).resolves.toBe(before);

    // The filter form: a section, submitted with Enter.
    await ui.page.getByRole('textbox', { name: 'Section', exact: true }).fill('Politics');
    await ui.page.getByRole('textbox', { name: 'Section', exact: true }).press('Enter');
    await ui.page.getByRole('button', { name: /Remove filter Section: Politics/ }).waitFor();
    await expect(ui.page.getByTestId('result-count').innerText()).resolves.toMatch(/^12 articles match/);
    expect(ui.page.url()).toContain('section=Politics');
  });

  test('pages through the results with Next and Previous, and Back returns to the same page', async () => {
    await ui.page.goto(ui.session.url);
    await search('council');
    const first = await titles();
    expect(first).toHaveLength(10);
    await expect(ui.page.getByTestId('result-count').innerText()).resolves.toMatch(/Showing 1–10/);
    await expect(ui.page.getByRole('button', { name: '← Previous page' }).isDisabled()).resolves.toBe(true);

    await ui.page.getByRole('button', { name: 'Next page →' }).click();
    await ui.page.getByText('Showing 11–20').waitFor();
    const second = await titles();
    expect(second).toHaveLength(10);
    expect(second.some((t) => first.includes(t) && first.indexOf(t) === second.indexOf(t))).toBe(false);

    await ui.page.getByRole('button', { name: 'Next page →' }).click();
    await ui.page.getByText('Showing 21–24').waitFor();
    expect(await titles()).toHaveLength(4);
    await expect(ui.page.getByRole('button', { name: 'Next page →' }).isDisabled()).resolves.toBe(true);

    await ui.page.getByRole('button', { name: '← Previous page' }).click();
    await ui.page.getByText('Showing 11–20').waitFor();
    expect(await titles()).toEqual(second);
    await ui.page.getByRole('button', { name: '← Previous page' }).click();
    await ui.page.getByText('Showing 1–10').waitFor();
    expect(await titles()).toEqual(first);

    // The cursor stack lives in the URL: the browser's Back and Forward walk the pages too.
    await ui.page.goBack();
    await ui.page.getByText('Showing 11–20').waitFor();
    await ui.page.goForward();
    await ui.page.getByText('Showing 1–10').waitFor();
  });

  test('says when nothing matches and offers to remove the filters', async () => {
    await ui.page.goto(`${ui.session.url}/#/search?q=council&source=presstv`);
    const empty = ui.page.locator('[data-state="empty"]');
    await empty.waitFor();
    await expect(empty.innerText()).resolves.toMatch(/No articles match “council” with these filters/);
    await empty.getByRole('button', { name: /Remove Source: presstv/ }).click();
    await ui.page.getByTestId('result-count').waitFor();
    await expect(ui.page.getByTestId('result-count').innerText()).resolves.toMatch(/^24 articles/);
    await expect(ui.page.locator('#announcer').innerText()).resolves.toMatch(/24 articles match/);
  });

  test('a refused search (400) shows the archive’s reason and the parameter at fault', async () => {
    await ui.page.goto(ui.session.url);
    await ui.page.getByLabel('From date').fill('yesterday');
    await ui.page.getByLabel('From date').press('Enter');
    const alert = ui.page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/The archive refused the search/);
    expect(text).toMatch(/since must be a date/);
    expect(text).toMatch(/parameter since/);
    await expect(ui.page.getByLabel('From date').getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing to retry: the request must change.
    await expect(alert.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
  });

  test('a failed search (500) offers to try again, and the retry shows the results', async () => {
    ui.archive.failNext('search');
    await ui.page.goto(`${ui.session.url}/#/search?q=glaciers`);
    const alert = ui.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Could not load the search[\s\S]*HTTP 500/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await ui.page.getByTestId('result-count').waitFor();
    expect(await titles()).toEqual(['Alpine glaciers lost a tenth of their ice in two summers, study finds']);
  });

  test('works by keyboard alone: search, open a result, go back, and "/" finds the box', async () => {
    await ui.page.goto(ui.session.url);
    await ui.page.locator('#q').waitFor();
    await tabTo(ui.page, '#q');
    await ui.page.keyboard.type('bridge');
    await ui.page.keyboard.press('Enter');
    await ui.page.getByTestId('result-count').waitFor();

    await tabTo(ui.page, 'a[data-article-id]');
    const opened = await ui.page.evaluate('document.activeElement.textContent');
    expect(opened).toBe('Harbour bridge reopens after two-year repair');
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.article-body p').first().waitFor();
    // The article's heading has focus, so reading starts there.
    await expect(ui.page.evaluate('document.activeElement.closest("h1") !== null')).resolves.toBe(true);
    expect(await ui.page.locator('h1').innerText()).toBe(opened);

    // Back to the results: the link stands just before the heading.
    await tabTo(ui.page, '.back a', { backwards: true });
    await ui.page.keyboard.press('Enter');
    await ui.page.getByTestId('result-count').waitFor();
    // Focus returns to the result that was opened.
    await ui.page.waitForFunction(
      'document.activeElement && document.activeElement.hasAttribute("data-article-id")',
    );
    await expect(ui.page.evaluate('document.activeElement.textContent')).resolves.toBe(opened);
    await expect(ui.page.locator('#q').inputValue()).resolves.toBe('bridge');

    // "/" jumps to the search box from anywhere but a text field.
    await ui.page.keyboard.press('/');
    await expect(ui.page.evaluate('document.activeElement.id')).resolves.toBe('q');

    // Focus is visible: the focused control has an outline.
    await ui.page.keyboard.press('Tab');
    const outline = await ui.page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
  });
});
