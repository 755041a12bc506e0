#!/usr/bin/env node
// The CLI runs from TypeScript source through tsx, so `npm ci` is the only build step.
// The SDK warns on every start under Node 20 that future SDK releases will need Node 22; copydesk's
// supported versions are stated in package.json "engines", and the functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
require('../cli/main.ts');
