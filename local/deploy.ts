import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { awsClientConfig, EMULATOR_ACCOUNT, LOCAL_REGION } from '../shared/aws/client-config';
import { DEPLOY_SITE_CONTEXT, MAX_CONCURRENCY_CONTEXT } from '../infra/context';
import { PROJECT_ROOT } from './project-root';

/**
 * Concurrent invocations per stage on the emulator. Lambda gives each concurrent invocation a machine of
 * its own; MiniStack runs each as a node process on this one. At the shipped settings (20/20/10/10) a
 * burst of 156 real pages left 47 workers holding 6.2 GB on a 2-core machine, each having loaded its
 * 1-3 MB bundle from cold. Two per stage (the least an SQS mapping accepts) still keeps every core busy.
 */
export const DEFAULT_LOCAL_CONCURRENCY = 2;
const localConcurrency = () => process.env.COPYDESK_LOCAL_CONCURRENCY ?? String(DEFAULT_LOCAL_CONCURRENCY);

const BOOTSTRAP_STACK = 'CDKToolkit';

export interface DeployOptions {
  /** Receives the CDK CLI's own output, line by line (default: this process's stderr). */
  output?: NodeJS.WritableStream;
  log?: (line: string) => void;
}

/**
 * The cloud assembly a deploy onto this emulator writes, one directory per emulator: the CDK CLI locks its
 * output directory, so deploys onto two emulators at once (a test's own beside the shared one, or two
 * checkouts' tests) would otherwise fail with "Another CLI is currently synthing to cdk.out".
 */
export const assemblyDirFor = (endpoint: string): string =>
  join(PROJECT_ROOT, '.copydesk', `cdk.out-${new URL(endpoint).port || '4566'}`);

/**
 * `cdk bootstrap` (once) and `cdk deploy --all` onto the emulator at AWS_ENDPOINT_URL: the same app, the
 * same bundles and the same templates as a deployment to AWS, with only the endpoint, the account and
 * the stages' concurrency cap differing. The CDK CLI honours AWS_ENDPOINT_URL for every service it calls.
 */
export async function deployToEmulator(options: DeployOptions = {}): Promise<void> {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new Error('deployToEmulator needs AWS_ENDPOINT_URL');
  const region = process.env.AWS_REGION ?? LOCAL_REGION;
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'test',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    CDK_DEFAULT_ACCOUNT: EMULATOR_ACCOUNT,
    CDK_DEFAULT_REGION: region,
    // The CLI would otherwise ask to send anonymous usage data to AWS; there is no network for it here.
    CDK_DISABLE_CLI_TELEMETRY: 'true',
  };
  const log = options.log ?? (() => undefined);
  const output = options.output ?? process.stderr;
  const assembly = ['--output', assemblyDirFor(endpoint)];
  if (!(await isBootstrapped())) {
    log(`cdk bootstrap aws://${EMULATOR_ACCOUNT}/${region} (first deploy onto this emulator)`);
    await cdk(['bootstrap', `aws://${EMULATOR_ACCOUNT}/${region}`, ...assembly], env, output);
  }
  const cap = `${MAX_CONCURRENCY_CONTEXT}=${localConcurrency()}`;
  // The page's files are not deployed: MiniStack cannot run BucketDeployment's handler (it needs the
  // AWS CLI at /opt/awscli/aws). `copydesk serve` serves the page locally instead.
  const noSite = `${DEPLOY_SITE_CONTEXT}=false`;
  log(`cdk deploy --all -c ${cap} -c ${noSite}`);
  await cdk(
    [
      'deploy',
      '--all',
      '-c',
      cap,
      '-c',
      noSite,
      ...assembly,
      '--require-approval',
      'never',
      '--progress',
      'events',
    ],
    env,
    output,
  );
}

async function isBootstrapped(): Promise<boolean> {
  const cloudFormation = new CloudFormationClient(awsClientConfig());
  try {
    const found = await cloudFormation.send(new DescribeStacksCommand({ StackName: BOOTSTRAP_STACK }));
    return (found.Stacks ?? []).some((s) => s.StackStatus?.endsWith('_COMPLETE'));
  } catch {
    return false;
  } finally {
    cloudFormation.destroy();
  }
}

/** Runs the CDK CLI; a failure carries the CLI's last lines, whoever was reading its output. */
function cdk(args: string[], env: NodeJS.ProcessEnv, output: NodeJS.WritableStream): Promise<void> {
  const binary = join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk');
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', keep);
      stream.pipe(output, { end: false });
    }
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`cdk ${args[0]} failed with exit code ${code}:\n${tail.trim()}`)),
    );
  });
}
