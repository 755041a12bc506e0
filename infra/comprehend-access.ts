import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CopydeskFunction } from './constructs/copydesk-function';
import { acknowledgeWildcard } from './nag-acknowledgments';

/** Exactly the calls shared/aws/comprehend-tagger.ts makes. */
export const COMPREHEND_TAGGING_ACTIONS = [
  'comprehend:BatchDetectEntities',
  'comprehend:BatchDetectKeyPhrases',
  'comprehend:DetectDominantLanguage',
] as const;

/**
 * Lets a function tag with Amazon Comprehend's built-in models. These actions define no resource type
 * (only custom-model endpoints have ARNs), so "*" is the only Resource IAM accepts for them: see
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncomprehend.html
 */
export function grantComprehendTagging(grantee: CopydeskFunction): void {
  grantee.addToRolePolicy(
    new PolicyStatement({ actions: [...COMPREHEND_TAGGING_ACTIONS], resources: ['*'] }),
  );
  acknowledgeWildcard(
    grantee.role!,
    'Resource::*',
    'Comprehend DetectDominantLanguage, BatchDetectEntities and BatchDetectKeyPhrases on the built-in models support no resource-level permissions; "*" is the only valid Resource. (X-Ray tracing shares this statement for the same reason.)',
  );
}
