// Three projects so the fast ones can run alone (npm run test:unit) while `npm test` runs all,
// with the emulator started by scripts/with-emulator.js.

// linkedom's CommonJS build requires these ESM-only packages. Node >= 20.19 loads them natively, but
// jest's module system does not, so they are compiled to CommonJS like our own TypeScript.
const esmOnly = [
  'boolbase',
  'css-select',
  'css-what',
  'cssomnom',
  'dom-serializer',
  'domelementtype',
  'domhandler',
  'domutils',
  'entities',
  'nth-check',
  // unpdf's pdf.js build is ESM (dist/pdfjs.mjs), imported by shared/core/parse/pdf.ts.
  'unpdf',
];

const swc = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(ts|m?js)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // `unpdf/pdfjs` is exported for `import` only, which jest's resolver (require conditions) cannot see.
  moduleNameMapper: { '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs' },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Once per run, before any project: tests that run bin/copydesk.js never test a stale build (cli/build.ts).
  globalSetup: '<rootDir>/test/support/build-cli.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    // The web page in Debian's Chromium through playwright-core (test/support/browser/); only
    // real-archive.test.ts needs the emulator.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
