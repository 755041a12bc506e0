import { LOCAL_ENDPOINT } from '../../shared/aws/client-config';
import { deployToEmulator } from '../../local/deploy';
import { ensureEmulator, stopEmulator } from '../../local/emulator';
import { CliError } from '../errors';
import type { Print } from './read';

/**
 * `copydesk up`: an emulator answering on the endpoint (MiniStack, started and kept on disk when nothing
 * answers), and copydesk deployed onto it with `cdk deploy`. From then on the emulator's event source
 * mappings run the bundled functions: the local pipeline is the deployed one.
 */
export async function up(log: Print): Promise<void> {
  if (process.env.COPYDESK_TARGET === 'aws')
    throw new CliError('`copydesk up` is for the local emulator; on AWS use `npx cdk deploy --all`', 2);
  const endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT;
  const emulator = await ensureEmulator(endpoint, { log });
  if (!emulator.started) log(`using the emulator already answering on ${endpoint}`);
  await deployToEmulator({ log });
}

/** `copydesk down`: a clean stop, so the emulator writes its state to disk; `up` brings it all back. */
export async function down(log: Print): Promise<void> {
  log(
    (await stopEmulator())
      ? 'stopped the emulator; its state is on disk'
      : 'no emulator started by copydesk is running',
  );
}
