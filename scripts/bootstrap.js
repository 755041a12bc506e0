#!/usr/bin/env node
// `npm run demo` on a fresh clone: install the npm dependencies if they are missing, then hand over to
// the CLI (which creates the emulator's Python venv itself on first use).
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!existsSync(join(root, 'node_modules', 'tsx'))) {
  console.error('· installing npm dependencies (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const cli = spawnSync(process.execPath, [join(root, 'bin', 'copydesk.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(cli.status ?? 1);
