import { Match, type Template } from 'aws-cdk-lib/assertions';
import { COMPREHEND_TAGGING_ACTIONS } from '../../infra/comprehend-access';
import { ENV, stageSettings } from '../../shared/topology';
import { logicalIdOf } from './render';
import { synthCopydesk, type SynthesizedCopydesk } from './synth-copydesk';

/**
 * `-c tagEngine=comprehend` switches the tag function to Amazon Comprehend. Each synthesis below runs the
 * cdk-nag plugin, which throws on any unacknowledged finding, so reaching the assertions means both
 * settings pass it.
 */
const builtIn = synthCopydesk();
const comprehend = synthCopydesk({ context: { tagEngine: 'comprehend' } });

const tagRoleId = (s: SynthesizedCopydesk) => logicalIdOf(s.stateless.consumers.tag.function.role!);
const statementsOf = (template: Template, roleId: string) =>
  Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>)
    .flatMap((statement) => [statement.Action].flat());
const comprehendActionsIn = (template: Template) =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>)
    .flatMap((statement) => [statement.Action].flat())
    .filter((action) => action.startsWith('comprehend:'));

describe('the default (built-in) tag engine', () => {
  test('grants no Comprehend action to any function', () => {
    expect(comprehendActionsIn(builtIn.statelessTemplate)).toEqual([]);
  });

  test('tells the tag function it is the built-in engine', () => {
    builtIn.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'copydesk-tag', [ENV.tagEngine]: 'copydesk' }),
      },
    });
  });
});

describe('-c tagEngine=comprehend', () => {
  const template = comprehend.statelessTemplate;

  test('tells the tag function its engine', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'copydesk-tag',
          [ENV.tagEngine]: 'comprehend',
        }),
      },
      Timeout: stageSettings.tag.functionTimeoutSeconds,
    });
  });

  test('grants the tag role exactly the three detect actions, on "*" (they have no resource type)', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: tagRoleId(comprehend) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: Match.arrayWith([...COMPREHEND_TAGGING_ACTIONS]),
            Resource: '*',
          }),
        ]),
      },
    });
    const granted = statementsOf(template, tagRoleId(comprehend)).filter((a) => a.startsWith('comprehend:'));
    expect(granted.sort()).toEqual([...COMPREHEND_TAGGING_ACTIONS].sort());
  });

  test('grants Comprehend to no other function', () => {
    expect(comprehendActionsIn(template).sort()).toEqual([...COMPREHEND_TAGGING_ACTIONS].sort());
  });
});

test('an unknown engine fails synthesis, naming the context key', () => {
  expect(() => synthCopydesk({ context: { tagEngine: 'spacy' } })).toThrow(
    /context tagEngine must be one of/,
  );
});
