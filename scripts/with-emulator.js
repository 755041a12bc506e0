#!/usr/bin/env node
// Plain-JS entry so npm scripts need no build step; tsx compiles the TypeScript on the fly.
require('tsx/cjs');
require('../local/with-emulator.ts');
