import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The checkov rules copydesk answers with an acknowledgment rather than a change, and the resource
 * types each may be acknowledged on. Acknowledging any other rule, or one of these on another kind of
 * resource, fails synthesis: a new kind of exception is a decision to make here, in review, not a line
 * slipped in beside a resource. `npm run checkov` (scripts/checkov.ts) fails on every finding not
 * acknowledged, and test/infra/checkov-acknowledgments.test.ts checks the reasons in the templates.
 */
export const ACKNOWLEDGEABLE_CHECKOV_RULES = {
  CKV_AWS_18: { title: 'S3 bucket has access logging', resourceTypes: ['AWS::S3::Bucket'] },
  CKV_AWS_27: { title: 'SQS queue is encrypted with KMS', resourceTypes: ['AWS::SQS::Queue'] },
  CKV_AWS_68: { title: 'CloudFront distribution has WAF', resourceTypes: ['AWS::CloudFront::Distribution'] },
  CKV_AWS_86: {
    title: 'CloudFront distribution has access logging',
    resourceTypes: ['AWS::CloudFront::Distribution'],
  },
  CKV_AWS_111: {
    title: 'IAM policy allows no write without constraints',
    resourceTypes: ['AWS::IAM::Policy'],
  },
  CKV_AWS_115: {
    title: 'Lambda function has reserved concurrency',
    resourceTypes: ['AWS::Lambda::Function'],
  },
  CKV_AWS_116: { title: 'Lambda function has a dead-letter queue', resourceTypes: ['AWS::Lambda::Function'] },
  CKV_AWS_117: { title: 'Lambda function runs in a VPC', resourceTypes: ['AWS::Lambda::Function'] },
  CKV_AWS_119: {
    title: 'DynamoDB table is encrypted with a customer-managed key',
    resourceTypes: ['AWS::DynamoDB::Table'],
  },
  CKV_AWS_158: {
    title: 'CloudWatch log group is encrypted with KMS',
    resourceTypes: ['AWS::Logs::LogGroup'],
  },
  CKV_AWS_173: {
    title: 'Lambda environment variables are encrypted with a KMS key',
    resourceTypes: ['AWS::Lambda::Function'],
  },
  CKV_AWS_174: {
    title: 'CloudFront viewer certificate requires TLS 1.2',
    resourceTypes: ['AWS::CloudFront::Distribution'],
  },
} as const satisfies Record<string, { title: string; resourceTypes: readonly string[] }>;

export type CheckovRule = keyof typeof ACKNOWLEDGEABLE_CHECKOV_RULES;

/** What checkov reads from a resource's `Metadata.checkov` in a CloudFormation template. */
export interface CheckovMetadata {
  skip: { id: string; comment: string }[];
}

/** The CloudFormation resource of `construct`: the construct itself, or its default child. */
function cfnResourceOf(construct: IConstruct): CfnResource {
  if (CfnResource.isCfnResource(construct)) return construct;
  const child = construct.node.defaultChild;
  if (child && CfnResource.isCfnResource(child)) return child;
  throw new Error(`${construct.node.path} has no CloudFormation resource to acknowledge a checkov rule on`);
}

/**
 * Acknowledges one checkov rule on one resource, with the reason it does not apply or is accepted
 * there; checkov reports it as skipped, with the reason, instead of failed. Never a whole rule: each
 * acknowledgment sits on its resource, where the resource is made. Calling it again on the same
 * resource adds to its acknowledgments (the same rule again replaces the reason).
 */
export function acknowledgeCheckov(construct: IConstruct, rule: CheckovRule, reason: string): void {
  const resource = cfnResourceOf(construct);
  const allowedTypes: readonly string[] = ACKNOWLEDGEABLE_CHECKOV_RULES[rule].resourceTypes;
  if (!allowedTypes.includes(resource.cfnResourceType))
    throw new Error(
      `${resource.node.path}: ${rule} is acknowledged on ${allowedTypes.join(', ')} only, not ${resource.cfnResourceType}`,
    );
  const existing = resource.getMetadata('checkov') as CheckovMetadata | undefined;
  const others = (existing?.skip ?? []).filter((skip) => skip.id !== rule);
  resource.addMetadata('checkov', {
    skip: [...others, { id: rule, comment: reason }],
  } satisfies CheckovMetadata);
}
