#!/usr/bin/env node
// The CLI runs from TypeScript source through tsx, so `npm ci` is the only build step.
require('tsx/cjs');
require('../cli/main.ts');
