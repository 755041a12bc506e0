import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMALL_STORY } from '../support/parsed-article';

/**
 * The CLI's start-up stays small because each command loads only its own modules (cli/main.ts) and the
 * heaviest packages load on first use. This runs the built CLI (test/support/build-cli.ts) and lists the
 * npm packages it required; its speed is measured by `npm run bench:startup`, not here.
 */
const BIN = join(__dirname, '..', '..', 'bin', 'copydesk.js');

/** The npm packages a CLI run required, and its exit status. */
function run(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { status: number | null; loaded: string[] } {
  const script = `
    const Module = require('node:module');
    const seen = new Set();
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (!/^(\\.|\\/|node:)/.test(request)) seen.add(request);
      return load.call(this, request, ...rest);
    };
    process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n'));
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...${JSON.stringify(args)}];
    require(${JSON.stringify(BIN)});
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
  const line = result.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  if (!line) throw new Error(`the CLI printed no module list: ${result.stderr}`);
  return { status: result.status, loaded: JSON.parse(line.slice('LOADED '.length)) as string[] };
}

const HEAVY = /^(@aws-sdk\/|aws-cdk-lib|tinyld|mammoth|jszip|markdown-it|yaml$|stopwords-iso)/;
const heavy = (loaded: string[]) => loaded.filter((p) => HEAVY.test(p));

describe('CLI start-up', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-startup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parse on an empty folder loads no AWS SDK, language model, tagger, Word or Markdown reader', () => {
    const { status, loaded } = run(['parse', '--jsonl', dir]);
    expect(status).toBe(0);
    expect(heavy(loaded)).toEqual([]);
  });

  it('loads the language detector with the first text, and the tagger only for tag', () => {
    const file = join(dir, 'story.txt');
    writeFileSync(file, SMALL_STORY);
    try {
      const parse = run(['parse', '--jsonl', file]);
      expect(parse.status).toBe(0);
      expect(heavy(parse.loaded)).toEqual(['tinyld']);
      const tag = run(['tag', '--jsonl', file]);
      expect(tag.status).toBe(0);
      expect(heavy(tag.loaded)).toEqual(expect.arrayContaining(['tinyld', 'stopwords-iso']));
    } finally {
      rmSync(file);
    }
  });

  it('status loads the AWS SDK and not the parser', () => {
    // Nothing answers on port 9: the command fails once it has loaded what it needs, which is what counts.
    const { status, loaded } = run(['--prefix', 'startup-test', 'status'], {
      ...process.env,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    });
    expect(status).not.toBe(0);
    expect(loaded.some((p) => p.startsWith('@aws-sdk/'))).toBe(true);
    expect(loaded).not.toContain('htmlparser2');
  });
});
