import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { articleIdFor } from '../../shared/core/article-id';
import { describeWithShared, SEED_PATH } from '../support/shared-material';
import { createHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const CLI = join(__dirname, '..', '..', 'bin', 'copydesk.js');

describeWithShared('the copydesk CLI against the emulator', () => {
  let h: Harness;
  let prefix: string;
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, '--prefix', prefix, ...args], {
      encoding: 'utf8',
      env: { ...process.env, COPYDESK_TARGET: '' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    h = await createHarness();
    prefix = h.deployment.names.table.replace(/-articles$/, '');
  });

  afterAll(() => h?.close());

  it('uploads, and after the pipeline runs, gets, queries and reports status', async () => {
    const upload = cli('upload', '--source', 'presstv', SEED_PATH);
    expect(upload.stderr).toBe('');
    expect(upload.code).toBe(0);
    const seedKey = 'incoming/presstv/000_4eb0d4afc9cd035e.txt';
    expect(upload.stdout.trim()).toBe(`${articleIdFor(seedKey)}  ${seedKey}`);
    await h.drain();

    const query = cli('query', '--entity', 'Wang Yi', '--json');
    expect(query.code).toBe(0);
    const page = JSON.parse(query.stdout);
    expect(page.items).toEqual([expect.objectContaining({ id: articleIdFor(seedKey), section: 'China' })]);

    const human = cli('query', '--section', 'China');
    expect(human.stdout).toContain('China, Japan hope for improved ties');
    // Words and filters together, with the same use case (and shapes) as GET /articles.
    const words = JSON.parse(cli('query', 'improved', 'ties', '--entity', 'Kono', '--json').stdout);
    const [hit] = words.items;
    expect(hit.id).toBe(articleIdFor(seedKey));
    const marked = hit.highlights.title.map(([start, end]: [number, number]) => hit.title.slice(start, end));
    expect(marked).toEqual(['improved', 'ties']);
    expect(words.facets.entities).toEqual(expect.arrayContaining([{ value: 'Taro Kono', count: 1 }]));

    const get = cli('get', seedKey);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/status\s+indexed/);
    expect(get.stdout).toMatch(/people\s+.*Wang Yi/);
    expect(get.stdout).not.toMatch(/people\s+.*Ilhan Omar/);
    expect(get.stdout).toMatch(/captions\s+.*Ilhan Omar/);

    const status = JSON.parse(cli('status', '--json').stdout);
    expect(status.articles).toEqual({ indexed: 1, rejected: 0, deleted: 0 });
    expect(status.newest).toMatchObject({ id: articleIdFor(seedKey) });
    const view = JSON.parse(cli('get', seedKey, '--json').stdout);
    expect(view.history).toEqual([expect.objectContaining({ event: 'indexed', version: 1 })]);
    expect(view.ninjs).toBe(`/articles/${articleIdFor(seedKey)}/ninjs`);
    expect(status.queues.parse).toEqual({ waiting: 0, deadLettered: 0 });
  });

  it('exits 1 for an unknown article, 2 for a usage error, 3 when nothing is provisioned', () => {
    const unknown = '0123456789abcdef0123';
    expect(cli('get', unknown)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`no article with id ${unknown}`),
    });
    expect(cli('get', 'nosuchid')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('20 hex digits'),
    });
    expect(cli('query', '--since', 'yesterday')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--since'),
    });
    expect(cli('query', '--limit', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('limit') });
    const missing = spawnSync(process.execPath, [CLI, '--prefix', 'neverprovisioned', 'status'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('copydesk up');
  });
});
