/**
 * `npm run screenshots`: the page's main screens over the fixture archive (realistic records), in
 * Chromium at 1280x800, written to docs/screenshots/. Not part of the tests, which never write into docs/.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { newPage, openSession } from './browser';
import { fixtureArchive } from './fixture-archive';
import { FIXTURE_ARTICLES } from '../fake-archive';

const OUT = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const session = await openSession(fixtureArchive());
  try {
    const { page, watch } = await newPage(session);
    const shot = async (name: string) => {
      await page.locator('.loading').waitFor({ state: 'detached' });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    };

    await page.goto(`${session.url}/#/search?q=council+budget`);
    await page.getByTestId('result-count').waitFor();
    await shot('search');

    await page.goto(`${session.url}/#/articles/${FIXTURE_ARTICLES[0]!.record.id}`);
    await page.locator('[data-testid="article-body"] p').first().waitFor();
    await page.getByRole('button', { name: /Taro Kono/ }).click();
    await page.locator('main h1').focus();
    await shot('article');

    await page.goto(`${session.url}/#/rejected`);
    await page.locator('.rejected-table').waitFor();
    await shot('rejected');

    await page.goto(`${session.url}/#/status`);
    await page.getByRole('region', { name: 'Queues' }).waitFor();
    await shot('status');

    if (watch.cspViolations.length || watch.pageErrors.length)
      throw new Error(`the page misbehaved: ${[...watch.cspViolations, ...watch.pageErrors].join('; ')}`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
