/**
 * checkov on the synthesized CloudFormation, the second opinion beside cdk-nag (which runs inside
 * `cdk synth`): fails on any failed check. Findings are answered on their resources, in code, with
 * acknowledgeCheckov (infra/checkov-acknowledgments.ts); nothing is skipped here.
 *
 *   npm run checkov [-- -o <cdk synth output dir>]     (default: cdk.out; run `npx cdk synth -q` first)
 *
 * checkov is pinned and installed on first use into .venv-checkov/, like the emulator's venv.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pinnedVenvPython } from '../local/pinned-venv';
import { PROJECT_ROOT } from '../local/project-root';

const CHECKOV_VERSION = '3.3.30';

interface CheckovSummary {
  passed: number;
  failed: number;
  skipped: number;
}

const { values } = parseArgs({ options: { output: { type: 'string', short: 'o' } } });
const outDir = resolve(values.output ?? join(PROJECT_ROOT, 'cdk.out'));

let templates: string[];
try {
  templates = readdirSync(outDir)
    .filter((name) => name.endsWith('.template.json'))
    .sort()
    .map((name) => join(outDir, name));
} catch {
  templates = [];
}
if (templates.length === 0) {
  console.error(`checkov: no *.template.json in ${outDir}; run \`npx cdk synth -q\` first`);
  process.exit(2);
}

const python = pinnedVenvPython(
  {
    dir: join(PROJECT_ROOT, '.venv-checkov'),
    requirements: [`checkov==${CHECKOV_VERSION}`],
    purpose: 'checkov',
  },
  (line) => console.error(`checkov: ${line}`),
);

const reportDir = mkdtempSync(join(tmpdir(), 'copydesk-checkov-'));
const reportFile = join(reportDir, 'checkov.json');
try {
  const result = spawnSync(
    join(dirname(python), 'checkov'),
    [
      '--framework',
      'cloudformation',
      ...templates.flatMap((template) => ['--file', template]),
      // Failed checks only, without the offending template lines; the summary follows below.
      '--compact',
      '--quiet',
      // Bundled policies only: CI has no network beyond the package registries, and no Prisma Cloud account.
      '--skip-download',
      '--output',
      'cli',
      '--output',
      'json',
      '--output-file-path',
      `console,${reportFile}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (!existsSync(reportFile)) {
    throw new Error(`checkov exited with ${result.status ?? result.signal} and wrote no report`);
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as
    { summary: CheckovSummary } | { summary: CheckovSummary }[];
  const summaries = (Array.isArray(report) ? report : [report]).map((part) => part.summary);
  const total = (key: keyof CheckovSummary) => summaries.reduce((sum, summary) => sum + summary[key], 0);
  const [passed, failed, skipped] = [total('passed'), total('failed'), total('skipped')];
  console.log(
    `checkov ${CHECKOV_VERSION} on ${templates.length} templates: ${passed} passed, ${failed} failed, ` +
      `${skipped} acknowledged in code (Metadata.checkov.skip)`,
  );
  // Either says so: checkov's own exit status, or a failure in its report.
  process.exitCode = failed > 0 || result.status !== 0 ? 1 : 0;
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
