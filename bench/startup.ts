/**
 * `npm run bench:startup`: how long the CLI takes to start, as a user runs it. Each command is spawned
 * RUNS times after one warm-up run (so the file cache is warm, as it is for a user's second command), and
 * the wall time of each run is taken from the parent. Cases: Node's own floor, the built CLI on an empty
 * folder (issue #10's target: at most 0.25 s), on one small text file (which loads the language model),
 * `--help`, the same through `npx`, and the same code from TypeScript source through tsx (how the CLI ran
 * before it shipped a build; it also loaded every command's modules then, about 0.7 s here). Writes bench/results/startup.json and the startup section of BENCHMARKS.md.
 *
 * Options: `--runs N` (default 20).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCli } from '../cli/build';
import { PROJECT_ROOT } from '../local/project-root';
import { SMALL_STORY } from '../test/support/parsed-article';
import { machineDescription, percentile, writeReport } from './report';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const RUNS = Number(values.runs);
const TARGET_SECONDS = 0.25;

interface Case {
  name: string;
  command: string;
  args: string[];
}

interface Timing {
  name: string;
  command: string;
  medianMs: number;
  p90Ms: number;
  minMs: number;
}

function time(c: Case): Timing {
  const once = (): number => {
    const started = process.hrtime.bigint();
    const result = spawnSync(c.command, c.args, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${c.name} failed: ${String(result.stderr)}`);
    return ms;
  };
  once();
  const samples = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
  const shown = [c.command === process.execPath ? 'node' : c.command, ...c.args].join(' ');
  return {
    name: c.name,
    command: shown,
    medianMs: percentile(samples, 50),
    p90Ms: percentile(samples, 90),
    minMs: samples[0]!,
  };
}

async function main(): Promise<void> {
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-startup-'));
  const empty = join(dir, 'empty');
  const story = join(dir, 'story.txt');
  spawnSync('mkdir', [empty]);
  writeFileSync(story, SMALL_STORY);
  const node = process.execPath;
  const bin = join('bin', 'copydesk.js');
  const cases: Case[] = [
    { name: 'Node.js alone', command: node, args: ['-e', '0'] },
    { name: 'parse, empty folder', command: node, args: [bin, 'parse', '--jsonl', empty] },
    { name: 'parse, one small text file', command: node, args: [bin, 'parse', '--jsonl', story] },
    { name: '--help', command: node, args: [bin, '--help'] },
    { name: 'npx, parse, empty folder', command: 'npx', args: ['copydesk', 'parse', '--jsonl', empty] },
    {
      name: 'the same code from TypeScript source through tsx, no build, parse, empty folder',
      command: node,
      args: ['--require', 'tsx/cjs', join('cli', 'main.ts'), 'parse', '--jsonl', empty],
    },
  ];
  const load = loadavg()[0]!;
  const timings = cases.map(time);
  rmSync(dir, { recursive: true, force: true });
  const startup = timings.find((t) => t.name === 'parse, empty folder')!;
  const date = new Date().toISOString().slice(0, 10);
  const rows = timings.map(
    (t) =>
      `| ${t.name} | \`${t.command.replace(dir, '<tmp>')}\` | ${t.medianMs.toFixed(0)} | ${t.p90Ms.toFixed(0)} | ${t.minMs.toFixed(0)} |`,
  );
  const section = [
    '## CLI start-up (`npm run bench:startup`)',
    '',
    `Command: \`npm run bench:startup\` · ${date} · ${machineDescription()} · ${RUNS} runs per case after one warm-up, wall time measured by the parent · 1-minute load average at the start: ${load.toFixed(2)}`,
    '',
    '| case | command | median ms | p90 ms | min ms |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Target (issue #10): \`node bin/copydesk.js parse --jsonl <empty folder>\` in at most ${TARGET_SECONDS * 1000} ms: median ${startup.medianMs.toFixed(0)} ms, ${startup.medianMs <= TARGET_SECONDS * 1000 ? 'met' : 'not met'}. The CLI runs from its build (\`dist/copydesk.js\`, made by \`npm ci\`), each command requires only its own modules, the parser loads with the first file, and the language model, the tagger (a bundle of its own, dist/tagger.js), the Word and Markdown readers on first use. With one file, most of the time is the parser's packages and the language model loading. \`npx\` adds npm's own start-up on top.`,
  ].join('\n');
  writeReport(
    'startup',
    { date, machine: machineDescription(), runs: RUNS, loadAverage: load, timings },
    section,
  );
  console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
