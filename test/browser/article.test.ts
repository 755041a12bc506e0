import { describeWithBrowser, fixturePages } from '../support/browser/browser';
import { HOSTILE_ID, HOSTILE_TITLE } from '../support/browser/fixture-archive';
import { FIXTURE_ARTICLES } from '../support/fake-archive';

jest.setTimeout(30_000);

const KONO = FIXTURE_ARTICLES[0]!.record.id;
const COPY = FIXTURE_ARTICLES.find((a) => a.record.duplicateOf)!.record.id;
const REJECTED = FIXTURE_ARTICLES.find((a) => a.record.status === 'rejected')!.record;

/** Any element carrying an event-handler attribute, a style attribute, or a javascript: URL. */
const UNSAFE_MARKUP = `[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes]
  .filter((a) => /^on/i.test(a.name) || a.name === 'style' || /^\\s*javascript:/i.test(a.value))
  .map((a) => el.localName + '[' + a.name + '=' + a.value + ']'))`;

describeWithBrowser('the article view, in Chromium', () => {
  const ui = fixturePages();

  test('opens from a search result: title, metadata, body, names, topics, copies, source and history', async () => {
    await ui.page.goto(`${ui.session.url}/#/search?q=senkaku`);
    await ui.page.locator('a[data-article-id]').first().click();
    await ui.page.locator('[data-testid="article-body"] p').first().waitFor();
    expect(ui.page.url()).toContain(`#/articles/${KONO}`);
    expect(await ui.page.locator('h1').innerText()).toBe(
      'Japan protests to China over ships near disputed islands',
    );
    expect(await ui.page.locator('.article-meta').innerText()).toMatch(
      /29 Nov 2026.*Staff writer.*presstv.*Asia-Pacific/,
    );
    const body = await ui.page.getByTestId('article-body').innerText();
    expect(body).toMatch(/Beijing maintains that the islands/);
    await expect(ui.page.getByRole('button', { name: /Taro Kono/ }).innerText()).resolves.toMatch(/person/);
    await expect(
      ui.page.locator('.entity-item', { hasText: 'Senkaku Islands' }).innerText(),
    ).resolves.toMatch(/place, JP[\s\S]*2 mentions[\s\S]*also named: “Diaoyus”/);
    await expect(ui.page.getByRole('region', { name: 'Topics' }).innerText()).resolves.toMatch(
      /politics and government/,
    );
    // It was copied: the copy is listed, with a link to search every copy.
    const copies = ui.page.getByRole('region', { name: 'Copies' });
    await expect(copies.getByRole('link').first().getAttribute('href')).resolves.toBe(`#/articles/${COPY}`);
    await expect(copies.getByRole('link', { name: 'Search all copies' }).getAttribute('href')).resolves.toBe(
      `#/search?duplicateOf=${KONO}`,
    );
    const source = await ui.page.getByRole('region', { name: 'Source file' }).innerText();
    expect(source).toMatch(/copydesk-raw-000000000000-us-east-1/);
    expect(source).toMatch(/incoming\/presstv\//);
    expect(source).toMatch(/d41d8cd98f00b204e9800998ecf8427e/);
    expect(source).toMatch(/2\.0 KiB/);
    await expect(ui.page.getByRole('region', { name: 'Processing history' }).innerText()).resolves.toMatch(
      /indexed\s+1/,
    );
  });

  test('selecting a name highlights each of its mention forms in the text; hover previews it', async () => {
    await ui.page.goto(`${ui.session.url}/#/articles/${KONO}`);
    await ui.page.locator('[data-testid="article-body"] p').first().waitFor();
    const mentions = ui.page.locator('[data-testid="article-body"] mark.mention');
    const marks = () => mentions.allInnerTexts();
    // The page renders after the pointer moves; wait for it to settle before reading the marks.
    const noMarks = () => mentions.first().waitFor({ state: 'detached' });
    expect(await marks()).toEqual([]);
    const kono = ui.page.getByRole('button', { name: /Taro Kono/ });
    await kono.hover();
    await mentions.nth(2).waitFor();
    expect(await marks()).toEqual(['Taro Kono', 'Kono', 'Kono']);
    await ui.page.mouse.move(0, 0);
    await noMarks();
    expect(await marks()).toEqual([]);

    const islands = ui.page.getByRole('button', { name: /Senkaku Islands/ });
    await islands.click();
    await expect(islands.getAttribute('aria-pressed')).resolves.toBe('true');
    await ui.page.mouse.move(0, 0);
    // Keyboard focus moved on, the selection stays.
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.press('Shift+Tab');
    expect((await marks()).sort()).toEqual(['Diaoyus', 'Senkaku Islands', 'Senkaku Islands']);
    await expect(ui.page.locator('#announcer').innerText()).resolves.toMatch(
      /Senkaku Islands: 3 mentions highlighted/,
    );
    await islands.press('Enter');
    await ui.page.keyboard.press('Tab'); // leave the button so its focus preview ends
    await noMarks();
    expect(await marks()).toEqual([]);
  });

  test('markup and script in every field render inert, as literal text', async () => {
    // Reached from a search, so the hit's title and lead are on trial too.
    await ui.page.goto(`${ui.session.url}/#/search?q=pwned`);
    const hit = ui.page.locator('.hit').first();
    await hit.waitFor();
    expect(await hit.locator('.hit-title').innerText()).toBe(HOSTILE_TITLE);
    expect(await hit.locator('.hit-lead').innerText()).toContain('<img src=x onerror="window.__pwned=10">');
    await hit.locator('a[data-article-id]').click();
    await ui.page.locator('[data-testid="article-body"] p').first().waitFor();

    expect(ui.page.url()).toContain(HOSTILE_ID);
    expect(await ui.page.locator('h1').innerText()).toBe(HOSTILE_TITLE);
    expect(await ui.page.locator('h1 b, h1 script').count()).toBe(0);
    expect(await ui.page.locator('.article-subtitle').innerText()).toBe('<marquee>moving</marquee>');
    expect(await ui.page.locator('.article-meta').innerText()).toContain(
      'By <img src=x onerror="window.__pwned=9">',
    );
    expect(await ui.page.getByRole('button', { name: /Mallory/ }).innerText()).toContain('Mallory <script>');

    const body = ui.page.getByTestId('article-body');
    // Only the whitelisted structure survives; text stays, markup goes.
    expect(await body.innerText()).toContain('Members argued for hours about the budget.');
    expect(await body.innerText()).toContain('Written <script>alert(1)</script> literally.');
    expect(await body.locator('script, img, iframe, style, svg, marquee').count()).toBe(0);
    expect(await body.locator('em').innerText()).toBe('argued');
    // The javascript: link lost its href; the https and mailto links keep theirs, marked nofollow.
    const links = await body
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
    expect(links).toEqual([
      ['budget', null, null],
      ['Minutes', 'https://example.org/minutes', 'noopener noreferrer nofollow'],
      ['the clerk', 'mailto:clerk@example.org', 'noopener noreferrer nofollow'],
    ]);
    await body.getByText('budget').click();
    await body.getByText('Minutes').hover();

    expect(await ui.page.evaluate(UNSAFE_MARKUP)).toEqual([]);
    expect(await ui.page.evaluate('window.__pwned')).toBeUndefined();
    expect(ui.watch.dialogs).toEqual([]);
    // Parsing the hostile HTML (inertly, to rebuild it) makes Chromium refuse, and report, the event-handler
    // and style attributes as it reads them: that is the CSP as a second wall. Nothing else may be reported,
    // above all no script element or javascript: URL.
    expect(ui.watch.cspViolations.length).toBeGreaterThan(0);
    for (const report of ui.watch.cspViolations)
      expect(report).toMatch(
        /^(script-src-attr|style-src-attr) blocked|^(Executing inline event handler|Applying inline style) violates/,
      );
    ui.watch.cspViolations.length = 0;
    // The source key holds markup too: it shows as text.
    await expect(ui.page.getByRole('region', { name: 'Source file' }).innerText()).resolves.toContain(
      'incoming/uploads/<img src=x onerror=alert(1)>.html',
    );
  });

  test('a rejected file shows its reason, and an unknown id the archive’s 404', async () => {
    await ui.page.goto(`${ui.session.url}/#/articles/${REJECTED.id}`);
    const notice = ui.page.locator('.notice-status');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/This file was rejected[\s\S]*BINARY: the file holds bytes/);
    expect(await ui.page.locator('h1').innerText()).toBe(REJECTED.source.key);

    await ui.page.goto(`${ui.session.url}/#/articles/ffffffffffffffffffff`);
    const alert = ui.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/refused this article[\s\S]*no article has the id/);
  });

  test('a failed article load offers to try again', async () => {
    ui.archive.failNext('article');
    await ui.page.goto(`${ui.session.url}/#/articles/${KONO}`);
    await ui.page.getByRole('button', { name: 'Try again' }).click();
    await ui.page.locator('[data-testid="article-body"] p').first().waitFor();
    expect(await ui.page.locator('h1').innerText()).toMatch(/^Japan protests/);
  });
});
