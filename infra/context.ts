/**
 * Context keys the CDK app reads (`cdk deploy -c key=value`). Kept apart from the app so that the CLI
 * can name them without loading aws-cdk-lib.
 */

/** `-c tagEngine=comprehend` tags with Amazon Comprehend; the default is the built-in tagger. */
export const TAG_ENGINE_CONTEXT = 'tagEngine';

/**
 * `-c maxConcurrency=N` caps every stage's concurrent invocations at N (2 or more, the least SQS event
 * source mappings accept). Unset on AWS, where each stage scales to its topology setting; `copydesk up`
 * sets it for the emulator, which runs every concurrent invocation as a node process on one machine.
 */
export const MAX_CONCURRENCY_CONTEXT = 'maxConcurrency';
