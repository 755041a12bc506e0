import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { functionBundling } from '../bundling';
import { acknowledgeCheckov } from '../checkov-acknowledgments';
import { acknowledgeWildcard } from '../nag-acknowledgments';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Handler directories under functions/; each holds an index.ts exporting `handler`. */
export type FunctionName = 'parse' | 'tag' | 'index' | 'publish' | 'api';

export interface CopydeskFunctionProps {
  readonly functionName: FunctionName;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment?: Record<string, string>;
  /** X-Ray active tracing (the default), or none (see TRACING_CONTEXT). */
  readonly tracing?: boolean;
}

/** A copydesk handler, built from its TypeScript source with the shared bundling settings. */
export class CopydeskFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: CopydeskFunctionProps) {
    // An explicit log group, because Lambda's implicit one never expires and isn't owned by the stack.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, { retention: RetentionDays.ONE_MONTH });
    // Our own role instead of the default one with AWSLambdaBasicExecutionRole, whose logs:* actions
    // apply to every log group in the account; this role can write to its own log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: path.join(PROJECT_ROOT, 'functions', props.functionName, 'index.ts'),
      handler: 'handler',
      // Pinned so bundling resolves the same lock file and tsconfig whatever directory cdk runs from.
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: props.tracing === false ? Tracing.DISABLED : Tracing.ACTIVE,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds),
      role,
      logGroup,
      // Local esbuild only: synth must work offline and on machines without Docker.
      bundling: { ...functionBundling, forceDockerBundling: false },
      environment: {
        POWERTOOLS_SERVICE_NAME: `copydesk-${props.functionName}`,
        // Stack traces point at the TypeScript sources; the bundles carry source maps for this.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });

    acknowledgeWildcard(
      role,
      'Resource::*',
      'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions; "*" is the only valid Resource.',
    );
    acknowledgeCheckov(
      logGroup,
      'CKV_AWS_158',
      "CloudWatch Logs encrypts every log group at rest with keys it manages. This one holds the function's operational lines (object keys, article ids, outcomes, errors), not the articles, and only principals IAM allows may read it; a customer-managed key would add a key, a key policy for the Logs service and a monthly charge, for no control copydesk uses.",
    );
    acknowledgeCheckov(
      this,
      'CKV_AWS_117',
      'copydesk functions reach only AWS service APIs (S3, SQS, DynamoDB, EventBridge, Comprehend, X-Ray, CloudWatch) over their public, TLS, SigV4-signed endpoints, and nothing inside a VPC. A VPC would need a NAT gateway or interface endpoints, both billed by the hour, and IAM already limits what each function may reach.',
    );
    acknowledgeCheckov(
      this,
      'CKV_AWS_173',
      'The environment holds resource names, queue URLs and settings (see infra/stacks/stateless-stack.ts), never a secret; Lambda encrypts it at rest with its AWS-managed key anyway. A customer-managed key would add a key to pay for and keep, with nothing secret to protect.',
    );
    Validations.of(this.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'cdk-nag takes the newest Node.js runtime aws-cdk-lib knows (nodejs24.x) as "latest". copydesk pins Node.js 22, a supported LTS line, matching the esbuild target in infra/bundling.ts; moving to 24 is a deliberate upgrade, not drift.',
    });
  }
}
