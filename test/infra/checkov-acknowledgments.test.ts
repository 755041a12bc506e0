import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import {
  acknowledgeCheckov,
  ACKNOWLEDGEABLE_CHECKOV_RULES,
  type CheckovMetadata,
  type CheckovRule,
} from '../../infra/checkov-acknowledgments';
import { synthCopydesk } from './synth-copydesk';

/**
 * `npm run checkov` fails on any finding without an acknowledgment; this file keeps the acknowledgments
 * honest: each one a reason in words, on a resource of the kind its rule is about, and only rules
 * infra/checkov-acknowledgments.ts lists (so acknowledgments can't quietly spread to new rules).
 */
const synthesized = synthCopydesk();

interface TemplateResource {
  Type: string;
  Metadata?: { checkov?: CheckovMetadata };
}

const acknowledgments = [synthesized.statefulTemplate, synthesized.statelessTemplate].flatMap((template) =>
  Object.entries(template.toJSON().Resources as Record<string, TemplateResource>).flatMap(
    ([logicalId, resource]) =>
      resource.Metadata?.checkov
        ? [{ logicalId, type: resource.Type, checkov: resource.Metadata.checkov }]
        : [],
  ),
);
const skips = acknowledgments.flatMap(({ logicalId, type, checkov }) =>
  checkov.skip.map((skip) => ({ logicalId, type, ...skip })),
);

describe('checkov acknowledgments in the synthesized templates', () => {
  test('there are some to check', () => {
    expect(skips.length).toBeGreaterThan(0);
  });

  test('carry nothing but a list of skips, each rule once per resource', () => {
    for (const { logicalId, checkov } of acknowledgments) {
      expect({ logicalId, keys: Object.keys(checkov) }).toEqual({ logicalId, keys: ['skip'] });
      const ids = checkov.skip.map((skip) => skip.id);
      expect({ logicalId, ids: new Set(ids).size }).toEqual({ logicalId, ids: ids.length });
    }
  });

  test.each(skips.map((skip) => [`${skip.id} on ${skip.logicalId}`, skip] as const))(
    '%s is a listed rule, on a resource it is about, with a reason in a sentence',
    (_, skip) => {
      const rule = ACKNOWLEDGEABLE_CHECKOV_RULES[skip.id as CheckovRule];
      expect(rule).toBeDefined();
      expect(rule.resourceTypes).toContain(skip.type);
      expect(skip.comment.trim()).toMatch(/^[A-Za-z`].*[.)]$/s);
      expect(skip.comment.split(/\s+/).length).toBeGreaterThanOrEqual(12);
    },
  );

  test('every listed rule is acknowledged somewhere (none stays listed after its last use)', () => {
    const used = new Set(skips.map((skip) => skip.id));
    expect(Object.keys(ACKNOWLEDGEABLE_CHECKOV_RULES).filter((rule) => !used.has(rule))).toEqual([]);
  });
});

describe('acknowledgeCheckov', () => {
  const stackWithQueue = () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Scratch');
    return { stack, queue: new Queue(stack, 'Queue') };
  };
  const skipsOf = (stack: Stack) =>
    Object.values(Template.fromStack(stack).findResources('AWS::SQS::Queue')).map(
      (resource) => (resource as TemplateResource).Metadata?.checkov?.skip,
    );

  test('adds to the skips already on the resource, and replaces the reason for the same rule', () => {
    const { stack, queue } = stackWithQueue();
    acknowledgeCheckov(queue, 'CKV_AWS_27', 'first reason.');
    acknowledgeCheckov(queue.node.defaultChild!, 'CKV_AWS_27', 'second reason.');
    expect(skipsOf(stack)).toEqual([[{ id: 'CKV_AWS_27', comment: 'second reason.' }]]);
  });

  test('keeps both when two rules are acknowledged on one resource', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Scratch');
    const fn = new LambdaFunction(stack, 'Function', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => {};'),
    });
    acknowledgeCheckov(fn, 'CKV_AWS_116', 'first rule.');
    acknowledgeCheckov(fn, 'CKV_AWS_117', 'second rule.');
    const [resource] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    expect((resource as TemplateResource).Metadata?.checkov?.skip).toEqual([
      { id: 'CKV_AWS_116', comment: 'first rule.' },
      { id: 'CKV_AWS_117', comment: 'second rule.' },
    ]);
  });

  test('refuses a rule on a kind of resource it is not listed for', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Scratch');
    const topic = new Topic(stack, 'Topic');
    expect(() => acknowledgeCheckov(topic, 'CKV_AWS_27', 'a queue rule on a topic.')).toThrow(
      /CKV_AWS_27 is acknowledged on AWS::SQS::Queue only, not AWS::SNS::Topic/,
    );
  });

  test('refuses a construct with no CloudFormation resource of its own', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Scratch');
    expect(() => acknowledgeCheckov(new Construct(stack, 'Group'), 'CKV_AWS_27', 'nothing to skip.')).toThrow(
      /no CloudFormation resource/,
    );
  });
});
