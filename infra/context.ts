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

/**
 * `-c deploySite=false` leaves the web page's files out of the deployment (no BucketDeployment). On AWS
 * the page is deployed (the default); the local emulator cannot run BucketDeployment's handler (it
 * needs the AWS CLI at /opt/awscli/aws), so `copydesk up` passes false, and `copydesk serve` serves the
 * page locally instead.
 */
export const DEPLOY_SITE_CONTEXT = 'deploySite';

/**
 * `-c tracing=false` deploys the functions without X-Ray active tracing. On by default. Lambda samples
 * the first invocation each second and 5% of the rest, and cannot be told otherwise: at a trickle every
 * invocation is a trace ($5 per million), up to one per stage per article, which is why a large, steady
 * deployment may prefer the logs (`copydesk trace`) alone. See BENCHMARKS.md, "Cost".
 */
export const TRACING_CONTEXT = 'tracing';

/** `-c siteDir=path` deploys another build of the page than web/dist (relative to the project). */
export const SITE_DIR_CONTEXT = 'siteDir';

/**
 * `-c webOrigin=http://localhost:5173[,…]`: origins besides the page's own that may call the Cognito API
 * from a browser (CORS), for developing the page against a deployed stack. None by default: the page
 * calls its API as /api on its own CloudFront origin, which needs no CORS.
 */
export const WEB_ORIGIN_CONTEXT = 'webOrigin';
