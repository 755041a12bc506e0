import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addCopydeskStacks, type CopydeskStacks } from '../../infra/copydesk-app';
import { SITE_DIR_CONTEXT } from '../../infra/context';

export const SITE_FIXTURE = path.join(__dirname, '..', 'support', 'site-fixture');

export interface SynthesizedCopydesk extends CopydeskStacks {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

/** The feature flags `cdk synth` runs with, so the tests check the templates that actually deploy. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface SynthOptions {
  /**
   * CDK's built-in CloudFormation lint. `cdk synth` always runs it; under jest it costs ~15 s per
   * synthesis, so only nag.test.ts, which checks everything synth enforces, turns it on.
   */
  readonly builtinCloudFormationValidation?: boolean;
  /** Context as given with `cdk synth -c key=value`, e.g. `{ tagEngine: 'comprehend' }`. */
  readonly context?: Record<string, unknown>;
}

/**
 * Builds and synthesizes both stacks once. Bundling is skipped ('aws:cdk:bundling-stacks': []) because
 * it's esbuild's job, not the templates'; synthesis still runs the cdk-nag plugin, so it throws on any
 * unacknowledged finding.
 */
export function synthCopydesk({
  builtinCloudFormationValidation = false,
  context = {},
}: SynthOptions = {}): SynthesizedCopydesk {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      // The page's build is web/dist's business, not the templates': a fixture stands in for it.
      [SITE_DIR_CONTEXT]: SITE_FIXTURE,
      ...context,
      'aws:cdk:bundling-stacks': [],
    },
    builtinCloudFormationValidation,
  });
  const stacks = addCopydeskStacks(app);
  return {
    app,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
  };
}
