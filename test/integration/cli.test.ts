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

    const get = cli('get', seedKey);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/status\s+indexed/);
    expect(get.stdout).toMatch(/people\s+.*Wang Yi/);
    expect(get.stdout).not.toMatch(/people\s+.*Ilhan Omar/);
    expect(get.stdout).toMatch(/captions\s+.*Ilhan Omar/);

    const status = JSON.parse(cli('status', '--json').stdout);
    expect(status.articles).toEqual({ indexed: 1, rejected: 0, deleted: 0 });
    expect(status.queues.parse).toEqual({ waiting: 0, deadLettered: 0 });
  });

  it('exits 1 for an unknown article, 2 for a usage error, 3 when nothing is provisioned', () => {
    expect(cli('get', 'nosuchid')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no article with id nosuchid'),
    });
    expect(cli('query', '--entity', 'a', '--section', 'b')).toMatchObject({ code: 2 });
    expect(cli('query', '--limit', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('limit') });
    const missing = spawnSync(process.execPath, [CLI, '--prefix', 'neverprovisioned', 'status'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('copydesk up');
  });
});
