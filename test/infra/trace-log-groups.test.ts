import { STAGES, STATELESS_STACK_NAME, stageLogGroupLogicalIdPrefix } from '../../shared/topology';
import { logicalIdOf } from './render';
import { synthCopydesk } from './synth-copydesk';

/**
 * `copydesk trace` finds each stage function's log group (named by CloudFormation) among the stateless
 * stack's resources by its logical id (shared/aws/function-logs.ts): the stack must keep both names.
 */
const { stateless, statelessTemplate: template } = synthCopydesk();
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; Properties?: { LoggingConfig?: { LogGroup?: unknown } } }
>;

test('the functions are in the stack copydesk trace reads', () => {
  expect(stateless.stackName).toBe(STATELESS_STACK_NAME);
});

test.each(STAGES)("the %s function's log group is the one log group its logical id names", (stage) => {
  const named = Object.entries(resources).filter(
    ([id, r]) => r.Type === 'AWS::Logs::LogGroup' && id.startsWith(stageLogGroupLogicalIdPrefix(stage)),
  );
  expect(named).toHaveLength(1);
  const fn = resources[logicalIdOf(stateless.consumers[stage].function)]!;
  expect(fn.Properties?.LoggingConfig?.LogGroup).toEqual({ Ref: named[0]![0] });
});
