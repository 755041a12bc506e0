import { buildCli } from '../../cli/build';

/** jest globalSetup: tests that run bin/copydesk.js run the code as it is now, not an older build. */
export default async function buildCliForTests(): Promise<void> {
  await buildCli();
}
