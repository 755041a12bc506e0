import type { BuildOptions } from 'esbuild';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every copydesk function is bundled. Kept as plain data (type-only imports) so the benchmark can
 * bundle the handlers exactly as `cdk synth` does without loading aws-cdk-lib.
 */
export const functionBundling = {
  minify: true,
  sourceMap: true,
  target: 'node22',
  // The AWS SDK is bundled, not taken from the runtime: the functions then run the SDK version the lock
  // file pins, on Lambda and on an emulator alike (MiniStack provides no SDK to functions), so what runs
  // locally is byte for byte what ships. esbuild keeps only the clients a function imports.
  externalModules: [],
} satisfies BundlingOptions;

/** The same settings spelled for esbuild's API, matching the flags NodejsFunction passes to the CLI. */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  minify: functionBundling.minify,
  sourcemap: functionBundling.sourceMap,
  target: functionBundling.target,
  external: functionBundling.externalModules,
} satisfies BuildOptions;
