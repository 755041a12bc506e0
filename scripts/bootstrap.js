#!/usr/bin/env node
// `npm run demo` on a fresh clone: install the npm dependencies if they are missing (their `prepare`
// builds the CLI and the page), or else rebuild both so the demo runs the code as it is now; then hand
// over to the CLI, which creates the emulator's Python venv itself on first use.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmRun(args) {
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(root, 'node_modules', 'tsx'))) {
  console.error('· installing npm dependencies (npm ci)…');
  npmRun(['ci', '--no-audit', '--no-fund']);
} else {
  npmRun(['run', 'build', '--silent']);
}
const cli = spawnSync(process.execPath, [join(root, 'bin', 'copydesk.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(cli.status ?? 1);
