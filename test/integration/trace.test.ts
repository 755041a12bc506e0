import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { awsClientConfig } from '../../shared/aws/client-config';
import { cloudWatchFunctionLogs } from '../../shared/aws/function-logs';
import { articleIdFor } from '../../shared/core/article-id';
import { publishedKeyFor } from '../../shared/stages/publish-stage';
import { traceArticle, type ArticleTrace } from '../../shared/stages/trace';
import { RAW_PREFIX, STAGES } from '../../shared/topology';
import { deployToEmulator } from '../../local/deploy';
import { resolveTarget, type Target } from '../../cli/target';
import { waitForRecords } from '../../cli/commands/wait';

jest.setTimeout(240_000);

const CLI = join(__dirname, '..', '..', 'bin', 'copydesk.js');
const SAMPLES = join(__dirname, '..', '..', 'samples');

/**
 * `copydesk trace` on the deployed pipeline: the functions the emulator runs write their Powertools lines
 * to their CloudWatch log groups, and the trace finds one article's lines in all four by its id.
 */
describe('tracing an article through the deployed pipeline', () => {
  let target: Target;
  const key = `${RAW_PREFIX}trace-${randomBytes(3).toString('hex')}/council-budget.txt`;
  const id = articleIdFor(key);
  let sequencer: string;

  beforeAll(async () => {
    if (!process.env.AWS_ENDPOINT_URL) throw new Error('run with `npm test`, which starts the emulator');
    await deployToEmulator();
    target = resolveTarget({});
    const put = await target.s3.send(
      new PutObjectCommand({
        Bucket: target.names.rawBucket,
        Key: key,
        Body: readFileSync(join(SAMPLES, 'council-budget.txt')),
      }),
    );
    const records = await waitForRecords(
      target,
      [{ path: 'council-budget.txt', key, id, etag: put.ETag!.replace(/"/g, '') }],
      { timeoutMs: 120_000, quiet: true },
    );
    sequencer = records.get(key)!.versionToken;
    // Published: the last stage has run (its log line follows the document).
    await until(async () =>
      target.s3
        .send(new HeadObjectCommand({ Bucket: target.names.publishedBucket, Key: publishedKeyFor(id) }))
        .then(
          () => true,
          () => false,
        ),
    );
  });

  const trace = () =>
    traceArticle(key, { records: target.index, logs: cloudWatchFunctionLogs(awsClientConfig()) });

  it('shows parse, tag, index and publish in time order, each line with the article id, key and version token', async () => {
    let result: ArticleTrace | undefined;
    // The emulator writes an invocation's lines when the invocation ends.
    await until(async () => {
      result = await trace();
      return result.stages.some((s) => s.stage === 'publish');
    });
    expect(result!.stages.map((s) => s.stage)).toEqual([...STAGES]);
    expect(result!.stages.map((s) => s.outcome)).toEqual(['parsed', 'tagged', 'upsert applied', 'published']);
    for (const stage of result!.stages) expect(stage.versionTokens).toEqual([sequencer]);
    const firsts = result!.stages.map((s) => s.first);
    expect(firsts).toEqual([...firsts].sort());
    const logLines = result!.lines.filter((l) => l.level !== 'METRIC');
    for (const line of logLines) expect(line).toMatchObject({ objectKey: key, versionToken: sequencer });
    expect(result!.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stage: 'index',
          level: 'METRIC',
          message: expect.stringMatching(/^UploadToQueryable=\d+ ms$/),
        }),
      ]),
    );
  });

  it('copydesk trace prints the same, by id, and fails on an unknown id as copydesk get does', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'trace', ...args], {
        encoding: 'utf8',
        env: { ...process.env, COPYDESK_TARGET: '' },
      });
    const printed = run(id);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain(`article  ${id}  ${key}`);
    for (const stage of STAGES)
      expect(printed.stdout).toMatch(new RegExp(`^${stage}\\s+\\S+\\s+\\S+\\s+${sequencer}\\s`, 'm'));

    const unknown = run('0123456789abcdef0123');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no article 0123456789abcdef0123/);
  });
});

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
}
