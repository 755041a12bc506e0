import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, parseTagEngine } from '../shared/config';
import { StatefulStack } from './stacks/stateful-stack';
import { MAX_CONCURRENCY_CONTEXT, TAG_ENGINE_CONTEXT } from './context';
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

/** The whole deployment on a given app, shared by infra/app.ts and the infra tests so both check the same thing. */
export function addCopydeskStacks(app: App): CopydeskStacks {
  const tagEngine = parseTagEngine(
    app.node.tryGetContext(TAG_ENGINE_CONTEXT),
    `context ${TAG_ENGINE_CONTEXT}`,
  );
  const stateful = new StatefulStack(app, 'CopydeskStateful', {
    description: 'copydesk: buckets, table, queues, event bus and alarms (data that outlives deployments)',
  });
  const stateless = new StatelessStack(app, 'CopydeskStateless', {
    description: 'copydesk: pipeline and query functions and their wiring',
    stateful: stateful.handles,
    tagEngine,
    maxConcurrency: parseConcurrencyCap(app.node.tryGetContext(MAX_CONCURRENCY_CONTEXT)),
  });
  // The stacks share names, not CloudFormation references, so the deploy order must be stated.
  stateless.addStackDependency(stateful, 'its functions read and write the stateful resources');
  // cdk-nag 3 is a policy-validation plugin rather than an Aspect: it runs on the finished tree at
  // synth time, and any unacknowledged finding fails synthesis.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stateful, stateless };
}
