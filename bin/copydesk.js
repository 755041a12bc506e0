#!/usr/bin/env node
// The CLI runs from its build, dist/copydesk.js (cli/build.ts), which `npm ci` makes through `prepare`.
// The SDK warns on every start under Node 20 that future SDK releases will need Node 22; copydesk's
// supported versions are stated in package.json "engines", and the functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'copydesk.js');
if (!existsSync(bundle)) {
  console.error('copydesk: the CLI is not built yet: run `npm run build` (npm ci does it)');
  process.exit(1);
}
require(bundle);
