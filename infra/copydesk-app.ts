import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, parseTagEngine } from '../shared/config';
import { STATELESS_STACK_NAME } from '../shared/topology';
import { StatefulStack } from './stacks/stateful-stack';
import {
  DEPLOY_SITE_CONTEXT,
  MAX_CONCURRENCY_CONTEXT,
  SITE_DIR_CONTEXT,
  TAG_ENGINE_CONTEXT,
  TRACING_CONTEXT,
  WEB_ORIGIN_CONTEXT,
} from './context';
import { StatelessStack } from './stacks/stateless-stack';

export interface CopydeskStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

function parseConcurrencyCap(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const cap = Number(value);
  if (!Number.isInteger(cap) || cap < 2 || cap > 1000)
    throw new ConfigError(
      `context ${MAX_CONCURRENCY_CONTEXT} must be an integer from 2 to 1000, got ${JSON.stringify(value)}`,
    );
  return cap;
}

const PROJECT_ROOT = join(__dirname, '..');
export const DEFAULT_SITE_DIR = join(PROJECT_ROOT, 'web', 'dist');

/**
 * The built page to deploy, or undefined when `-c deploySite=false`. A missing build fails synthesis
 * with what to do, rather than deploying a distribution that serves nothing.
 */
function siteDirFrom(app: App): string | undefined {
  const deploy = app.node.tryGetContext(DEPLOY_SITE_CONTEXT);
  if (deploy === false || deploy === 'false') return undefined;
  if (deploy !== undefined && deploy !== true && deploy !== 'true')
    throw new ConfigError(
      `context ${DEPLOY_SITE_CONTEXT} must be true or false, got ${JSON.stringify(deploy)}`,
    );
  const given = app.node.tryGetContext(SITE_DIR_CONTEXT) as string | undefined;
  const dir = given ? (isAbsolute(given) ? given : resolve(PROJECT_ROOT, given)) : DEFAULT_SITE_DIR;
  if (!existsSync(join(dir, 'index.html')))
    throw new ConfigError(
      `the archive page is not built: ${dir}/index.html is missing. Run \`npm run build:web\` first, ` +
        `or synthesize without the page: -c ${DEPLOY_SITE_CONTEXT}=false`,
    );
  return dir;
}

/** `-c tracing=true|false`: whether the functions trace with X-Ray (on unless said otherwise). */
function tracingFrom(app: App): boolean {
  const value = app.node.tryGetContext(TRACING_CONTEXT);
  if (value === undefined || value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(`context ${TRACING_CONTEXT} must be true or false, got ${JSON.stringify(value)}`);
}

/** `-c webOrigin=a,b`: origins, each an http(s) origin with no path. */
function webOriginsFrom(app: App): string[] {
  const value = app.node.tryGetContext(WEB_ORIGIN_CONTEXT) as string | undefined;
  if (value === undefined || value === '') return [];
  return String(value)
    .split(',')
    .map((origin) => origin.trim())
    .map((origin) => {
      if (!/^https?:\/\/[^/\s]+$/.test(origin))
        throw new ConfigError(
          `context ${WEB_ORIGIN_CONTEXT} takes origins such as http://localhost:5173, got ${JSON.stringify(origin)}`,
        );
      return origin;
    });
}

/** The whole deployment on a given app, shared by infra/app.ts and the infra tests so both check the same thing. */
export function addCopydeskStacks(app: App): CopydeskStacks {
  const tagEngine = parseTagEngine(
    app.node.tryGetContext(TAG_ENGINE_CONTEXT),
    `context ${TAG_ENGINE_CONTEXT}`,
  );
  const stateful = new StatefulStack(app, 'CopydeskStateful', {
    description: 'copydesk: buckets, table, queues, event bus and alarms (data that outlives deployments)',
  });
  const stateless = new StatelessStack(app, STATELESS_STACK_NAME, {
    description: 'copydesk: pipeline functions, the archive API and the page, and their wiring',
    stateful: stateful.handles,
    webUsers: stateful.webUsers,
    alarmTopic: stateful.alarmTopic,
    siteDir: siteDirFrom(app),
    webOrigins: webOriginsFrom(app),
    tagEngine,
    tracing: tracingFrom(app),
    maxConcurrency: parseConcurrencyCap(app.node.tryGetContext(MAX_CONCURRENCY_CONTEXT)),
  });
  // The stacks share names, not CloudFormation references, so the deploy order must be stated.
  stateless.addStackDependency(stateful, 'its functions read and write the stateful resources');
  // cdk-nag 3 is a policy-validation plugin rather than an Aspect: it runs on the finished tree at
  // synth time, and any unacknowledged finding fails synthesis.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stateful, stateless };
}
