import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ARCHIVE_API_BASE } from '../../shared/http/archive-routes';
import {
  cognitoOrigin,
  contentSecurityPolicy,
  FRAME_OPTIONS,
  HSTS_MAX_AGE_SECONDS,
  REFERRER_POLICY,
} from '../../shared/http/security-headers';
import { acknowledgeCheckov } from '../checkov-acknowledgments';
import { acknowledgeWildcard, printedObjectsArn, printedResourceNames } from '../nag-acknowledgments';

/** What the page reads from /config.json: where its API is and how to sign in (web/src/api.ts). */
export interface PageConfig {
  apiBase: string;
  auth: { kind: 'cognito'; region: string; userPoolId: string; clientId: string };
}

export interface SiteDistributionProps {
  /** The site bucket, addressed by name (it lives in the stateful stack). */
  readonly siteBucket: IBucket;
  /** The Cognito API's host: CloudFront forwards /api/* to it. */
  readonly apiDomainName: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /**
   * The built page to upload (web/dist), or undefined to leave the bucket's contents alone (the local
   * emulator, which cannot run BucketDeployment).
   */
  readonly siteDir?: string;
}

/** Why the distribution goes without these, told to both cdk-nag and checkov. */
const NO_WAF =
  'No WAF web ACL (a fixed monthly cost per ACL and rule): the page is static, and every API route requires IAM or Cognito authorisation and is throttled per stage (infra/constructs/search-api.ts). Attach one when the page is opened beyond staff.';
const NO_STANDARD_LOGGING =
  "No CloudFront standard logging: it needs an ACL-enabled bucket, which copydesk's buckets deliberately are not. Every API request through /api/* is logged in the API stage's access log; static file requests carry no data.";
const DEFAULT_CERTIFICATE =
  "The distribution uses CloudFront's default *.cloudfront.net certificate, for which CloudFront fixes the minimum TLS version; a custom domain with its own certificate and TLSv1.2_2021 is a deployment choice outside this app.";
/** BucketDeployment's own statement, which aws-cdk-lib writes for every distribution it invalidates. */
const INVALIDATION_ON_ANY_DISTRIBUTION =
  'BucketDeployment\'s cloudfront:CreateInvalidation / GetInvalidation statement on "*"; aws-cdk-lib writes it for every distribution, and invalidating this app\'s own cache after a deploy is all the handler does with it.';

const HEADER_NAMES: Record<string, HeadersReferrerPolicy> = {
  'no-referrer': HeadersReferrerPolicy.NO_REFERRER,
};
const FRAME_OPTION_NAMES: Record<string, HeadersFrameOption> = { DENY: HeadersFrameOption.DENY };

/**
 * The archive's web page: CloudFront in front of the private site bucket (origin access control, so the
 * bucket stays closed to everyone else) with /api/* going to the Cognito-authorised HTTP API. The page
 * thus calls its API on its own origin, so it needs no CORS and its CSP's connect-src stays 'self' (plus
 * Cognito's endpoint for sign-in). Every response carries the headers of shared/http/security-headers.ts,
 * the same set `copydesk serve` sends.
 */
export class SiteDistribution extends Construct {
  readonly distribution: Distribution;
  readonly config: PageConfig;

  constructor(scope: Construct, id: string, props: SiteDistributionProps) {
    super(scope, id);
    const { region } = Stack.of(this);

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'copydesk archive page: strict CSP, HSTS, nosniff, no referrer, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({ connect: [cognitoOrigin(region)] }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HEADER_NAMES[REFERRER_POLICY]!, override: true },
        frameOptions: { frameOption: FRAME_OPTION_NAMES[FRAME_OPTIONS]!, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'copydesk archive page and its API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        // The bucket's policy (stateful stack) admits CloudFront distributions of this account only.
        origin: S3BucketOrigin.withOriginAccessControl(props.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: {
        [`${ARCHIVE_API_BASE}/*`]: {
          // The API's stage is named like the path, so /api/articles reaches route GET /articles as is.
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          // Answers are per user and live: never cached. Every viewer header but Host goes to the API
          // (Authorization included); Host must be the API's own for API Gateway to route it.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });

    this.config = {
      apiBase: ARCHIVE_API_BASE,
      auth: { kind: 'cognito', region, userPoolId: props.userPoolId, clientId: props.userPoolClientId },
    };
    if (props.siteDir) this.deploySite(props.siteBucket, props.siteDir);

    Validations.of(this.distribution).acknowledge(
      {
        id: 'annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        reason:
          "The site bucket's policy is written in the stateful stack, where the bucket is (infra/stacks/stateful-stack.ts): it admits this account's CloudFront distributions, signing with origin access control.",
      },
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: newsroom staff read the archive from wherever they report; access is limited by sign-in (Cognito) on every API call instead.',
      },
      { id: 'AwsSolutions-CFR2', reason: NO_WAF },
      { id: 'AwsSolutions-CFR3', reason: NO_STANDARD_LOGGING },
      { id: 'AwsSolutions-CFR4', reason: DEFAULT_CERTIFICATE },
    );
    acknowledgeCheckov(this.distribution, 'CKV_AWS_68', NO_WAF);
    acknowledgeCheckov(this.distribution, 'CKV_AWS_86', NO_STANDARD_LOGGING);
    acknowledgeCheckov(this.distribution, 'CKV_AWS_174', DEFAULT_CERTIFICATE);
  }

  /** Uploads the built page and its config.json, and invalidates the distribution's cache. */
  private deploySite(siteBucket: IBucket, siteDir: string) {
    // Our own role and log group rather than the handler's defaults (AWSLambdaBasicExecutionRole on
    // every log group, and a log group that never expires), as for copydesk's own functions.
    const logGroup = new LogGroup(this, 'DeploymentLogGroup', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(siteDir), Source.jsonData('config.json', this.config)],
      destinationBucket: siteBucket,
      // Old hashed bundles go: the bucket holds exactly the current build.
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
      memoryLimit: 256,
    });
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
      acknowledgeWildcard(
        role,
        `Action::${action}`,
        "Action families from aws-cdk-lib's BucketDeployment grants: it reads the asset and replaces the site bucket's contents; confined to those two buckets.",
      );
    }
    acknowledgeWildcard(
      role,
      `Resource::${printedObjectsArn(printedResourceNames.siteBucket, '*')}`,
      'The deployment replaces the whole site (every hashed bundle of the new build, and removes the old ones), so it writes any key of the site bucket.',
    );
    acknowledgeWildcard(
      role,
      `Resource::${printedObjectsArn(`cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>`, '*')}`,
      "The CDK bootstrap asset bucket, where `cdk deploy` uploads the page's zip under a content-hash key not known when the policy is written.",
    );
    acknowledgeWildcard(role, 'Resource::*', INVALIDATION_ON_ANY_DISTRIBUTION);
    const policy = role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error(`${role.node.path}: BucketDeployment's grants made no policy`);
    acknowledgeCheckov(
      policy,
      'CKV_AWS_111',
      `${INVALIDATION_ON_ANY_DISTRIBUTION} Its S3 writes are confined to the site bucket.`,
    );
    acknowledgeCheckov(
      logGroup,
      'CKV_AWS_158',
      "CloudWatch Logs encrypts every log group at rest with keys it manages. This one holds the deployment handler's lines (which files it copied, which paths it invalidated), nothing secret; a customer-managed key would add a key, a key policy for the Logs service and a monthly charge, for no control copydesk uses.",
    );
    // The handler is a singleton function at stack level that aws-cdk-lib defines (Python, with the AWS
    // CLI layer); its runtime is aws-cdk-lib's choice and moves with aws-cdk-lib upgrades.
    const handler = Stack.of(this).node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!handler) throw new Error(`${deployment.node.path}: BucketDeployment's handler not found`);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "BucketDeployment's handler is aws-cdk-lib's own singleton function; its runtime is pinned by aws-cdk-lib and moves with aws-cdk-lib upgrades, not by this app.",
    });
    acknowledgeCheckov(
      handler,
      'CKV_AWS_116',
      "aws-cdk-lib's BucketDeployment handler, run by CloudFormation as a custom resource during `cdk deploy`: a failure fails (and rolls back) that deployment, where it is seen, and a dead-lettered CloudFormation request could not be replayed once the deployment is over.",
    );
    acknowledgeCheckov(
      handler,
      'CKV_AWS_115',
      "Invoked by CloudFormation only, once per deployment of the page: there is no load to bound, and reserved concurrency would take executions out of the account's unreserved pool for it.",
    );
    acknowledgeCheckov(
      handler,
      'CKV_AWS_117',
      'It reaches only S3 (the CDK asset bucket and the site bucket) and CloudFront (the invalidation) through their public AWS APIs; nothing it needs is in a VPC, which would need a NAT gateway or endpoints billed by the hour.',
    );
    acknowledgeCheckov(
      handler,
      'CKV_AWS_173',
      "Its environment is aws-cdk-lib's own (AWS_CA_BUNDLE, a certificate path for the AWS CLI layer), never a secret; Lambda encrypts it at rest with its AWS-managed key anyway.",
    );
  }
}
