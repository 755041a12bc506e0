import { LOCAL_ENDPOINT } from '../../shared/aws/client-config';
import { ensureEmulator, stopEmulator } from '../../local/emulator';
import { provision, type LocalDeployment } from '../../local/provision';
import { LocalRunner } from '../../local/runner';
import { CliError } from '../errors';
import type { Print } from './read';

export interface LocalOptions {
  prefix?: string;
}

/** `copydesk up`: an emulator answering on the endpoint, and the topology provisioned on it. */
export async function up(options: LocalOptions, log: Print): Promise<LocalDeployment> {
  if (process.env.COPYDESK_TARGET === 'aws')
    throw new CliError('`copydesk up` is for the local emulator; on AWS use `cdk deploy`', 2);
  const endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT;
  const emulator = await ensureEmulator(endpoint, log);
  if (!emulator.started) log(`using the emulator already answering on ${endpoint}`);
  const deployment = await provision({ prefix: options.prefix ?? process.env.COPYDESK_PREFIX });
  log(
    `provisioned: raw bucket ${deployment.names.rawBucket}, table ${deployment.names.table}, queues ${Object.keys(deployment.queues).join(', ')}`,
  );
  return deployment;
}

export async function down(log: Print): Promise<void> {
  log((await stopEmulator()) ? 'stopped the emulator' : 'no emulator started by copydesk is running');
}

/** `copydesk run`: the local stand-in for Lambda's event source mappings, until Ctrl-C. */
export async function run(options: LocalOptions, log: Print): Promise<void> {
  const deployment = await up(options, log);
  const runner = new LocalRunner(deployment, {
    waitSeconds: 5,
    onBatch: (r) =>
      log(
        `${r.stage}: ${r.received} received, ${r.failed} failed${r.batchError ? ` (whole batch: ${r.batchError})` : ''}`,
      ),
  });
  runner.start();
  log('running the pipeline locally; Ctrl-C to stop');
  await new Promise<void>((resolve) => {
    const stop = () => {
      log('stopping after in-flight batches…');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await runner.close();
}
