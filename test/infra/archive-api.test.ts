import { Match } from 'aws-cdk-lib/assertions';
import { DEPLOY_SITE_CONTEXT, SITE_DIR_CONTEXT, WEB_ORIGIN_CONTEXT } from '../../infra/context';
import { ACCESS_LOG_FIELDS, API_THROTTLE } from '../../infra/constructs/search-api';
import { ARCHIVE_API_STAGE } from '../../shared/http/archive-routes';
import {
  cognitoOrigin,
  contentSecurityPolicy,
  HSTS_MAX_AGE_SECONDS,
} from '../../shared/http/security-headers';
import { documentedRouteKeys } from '../support/openapi';
import { logicalIdOf, render, renderedNames } from './render';
import { synthCopydesk } from './synth-copydesk';

/**
 * The archive's HTTP APIs, its users and its page as deployed: both APIs carry exactly the routes
 * docs/openapi.yaml documents, each behind its authorizer, throttled and logged; the page is served
 * privately through CloudFront with the shared security headers.
 */
const { stateless, statelessTemplate: template, statefulTemplate } = synthCopydesk();
// Template JSON is untyped; its shape is what these tests assert.
const resources = template.toJSON().Resources;
const ofType = (type: string) =>
  Object.keys(resources)
    .filter((id) => resources[id].Type === type)
    .map((id) => [id, resources[id]] as const);

const apis = { sigv4: stateless.sigv4Api, cognito: stateless.cognitoApi };
const routesOf = (apiId: string) =>
  ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.ApiId.Ref === apiId);

describe.each(Object.keys(apis) as Array<keyof typeof apis>)('the %s API', (name) => {
  const api = apis[name];
  const apiId = logicalIdOf(api.api);

  test('has exactly the routes docs/openapi.yaml documents', () => {
    const keys = routesOf(apiId).map(([, r]) => r.Properties.RouteKey as string);
    expect(keys.sort()).toEqual(documentedRouteKeys());
  });

  test('authorises every route, with its own authorizer', () => {
    for (const [, route] of routesOf(apiId)) {
      if (name === 'sigv4') expect(route.Properties).toMatchObject({ AuthorizationType: 'AWS_IAM' });
      else
        expect(route.Properties).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: expect.any(String) },
        });
    }
  });

  test('sends every route to the archive API function, payload 2.0', () => {
    const integrations = ofType('AWS::ApiGatewayV2::Integration').filter(
      ([, i]) => i.Properties.ApiId.Ref === apiId,
    );
    expect(integrations).toHaveLength(1);
    expect(integrations[0]![1].Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalIdOf(stateless.apiFunction), 'Arn'] },
    });
  });

  test(`has one stage, "${ARCHIVE_API_STAGE}", throttled and access-logged`, () => {
    const stages = ofType('AWS::ApiGatewayV2::Stage').filter(([, s]) => s.Properties.ApiId.Ref === apiId);
    expect(stages).toHaveLength(1);
    expect(stages[0]![1].Properties).toMatchObject({
      StageName: ARCHIVE_API_STAGE,
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
      },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logicalIdOf(api.accessLogs), 'Arn'] },
        Format: JSON.stringify(ACCESS_LOG_FIELDS),
      },
    });
    expect(resources[logicalIdOf(api.accessLogs)]!.Properties).toMatchObject({ RetentionInDays: 30 });
  });

  test('has no CORS configuration unless origins are given', () => {
    expect(resources[apiId]!.Properties.CorsConfiguration).toBeUndefined();
  });
});

test("the Cognito API accepts tokens of the web client of the stateful stack's user pool", () => {
  const [authorizer, ...more] = ofType('AWS::ApiGatewayV2::Authorizer');
  expect(more).toEqual([]);
  const { JwtConfiguration, AuthorizerType, IdentitySource } = authorizer![1].Properties;
  expect({ AuthorizerType, IdentitySource }).toEqual({
    AuthorizerType: 'JWT',
    IdentitySource: ['$request.header.Authorization'],
  });
  const output = (name: string) => ({
    'Fn::GetStackOutput': { StackName: 'CopydeskStateful', Region: { Ref: 'AWS::Region' }, OutputName: name },
  });
  const outputs = statefulTemplate.toJSON().Outputs as Record<string, { Value: { Ref: string } }>;
  const outputFor = (type: string) =>
    Object.keys(outputs).find(
      (key) => statefulTemplate.toJSON().Resources[outputs[key]!.Value.Ref].Type === type,
    )!;
  expect(JwtConfiguration).toEqual({
    Audience: [output(outputFor('AWS::Cognito::UserPoolClient'))],
    Issuer: {
      'Fn::Join': [
        '',
        [
          'https://cognito-idp.',
          { Ref: 'AWS::Region' },
          '.amazonaws.com/',
          output(outputFor('AWS::Cognito::UserPool')),
        ],
      ],
    },
  });
});

test('-c webOrigin opens the Cognito API, and only it, to those origins', () => {
  const { statelessTemplate } = synthCopydesk({ context: { [WEB_ORIGIN_CONTEXT]: 'http://localhost:5173' } });
  const cors = Object.values(statelessTemplate.findResources('AWS::ApiGatewayV2::Api')).map(
    (api) => api.Properties.CorsConfiguration,
  );
  expect(cors).toEqual(
    expect.arrayContaining([
      undefined,
      {
        AllowOrigins: ['http://localhost:5173'],
        AllowMethods: ['GET'],
        AllowHeaders: ['authorization', 'content-type'],
        MaxAge: 3600,
      },
    ]),
  );
  expect(() => synthCopydesk({ context: { [WEB_ORIGIN_CONTEXT]: '*' } })).toThrow(/webOrigin takes origins/);
});

describe("the page's users", () => {
  test('are created by an administrator, with a strong password and optional TOTP', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
    });
    statefulTemplate.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  test('sign in through a public client: password or SRP, no secret, no OAuth', () => {
    statefulTemplate.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlows: Match.absent(),
    });
  });
});

describe("the page's hosting", () => {
  const [distributionId, distribution] = ofType('AWS::CloudFront::Distribution')[0]!;
  const config = resources[distributionId].Properties.DistributionConfig;
  expect(distribution.Type).toBe('AWS::CloudFront::Distribution');
  const headersPolicy = ofType('AWS::CloudFront::ResponseHeadersPolicy');

  test('serves index.html from the private site bucket through origin access control', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const origin = config.Origins.find(
      (o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId,
    );
    expect(render(origin.DomainName)).toBe(
      `${renderedNames.siteBucket}.s3.\${AWS::Region}.\${AWS::URLSuffix}`,
    );
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
  });

  test('sends /api/* to the Cognito API uncached, with every viewer header but Host', () => {
    expect(config.CacheBehaviors).toHaveLength(1);
    const [api] = config.CacheBehaviors;
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(render(origin.DomainName)).toBe(
      `\${${logicalIdOf(stateless.cognitoApi.api)}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`,
    );
    expect(origin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  test('answers with the security headers of shared/http/security-headers.ts on every behaviour', () => {
    expect(headersPolicy).toHaveLength(1);
    const [policyId, policy] = headersPolicy[0]!;
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(render(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(
      contentSecurityPolicy({ connect: [cognitoOrigin('${AWS::Region}')] }),
    );
    expect(headers).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
  });

  test('the CSP is the one the brief states, character for character', () => {
    expect(contentSecurityPolicy({ connect: [cognitoOrigin('eu-west-1')] })).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'self'",
    );
  });

  test('the site bucket admits CloudFront distributions of this account only', () => {
    statefulTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^SiteBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'CloudFrontOfThisAccountReads',
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Resource: Match.anyValue(),
            Condition: {
              StringEquals: { 'AWS:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: {
                'AWS:SourceArn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':cloudfront::',
                      { Ref: 'AWS::AccountId' },
                      ':distribution/*',
                    ],
                  ],
                },
              },
            },
          },
        ]),
      },
    });
  });

  test('deploys the built page and its config.json, replacing what was there, and invalidates', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: {
        'Fn::Join': ['', ['copydesk-site-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]],
      },
      Prune: true,
      DistributionId: { Ref: distributionId },
      DistributionPaths: ['/*'],
      // Source.jsonData('config.json', …): the user pool and client ids are filled in at deploy time.
      SourceMarkers: [
        {},
        Match.objectLike({
          '<<marker:0xbaba:0>>': { Ref: 'AWS::Region' },
        }),
      ],
    });
    expect(stateless.site.config).toMatchObject({
      apiBase: '/api',
      auth: {
        kind: 'cognito',
        region: expect.any(String),
        userPoolId: expect.any(String),
        clientId: expect.any(String),
      },
    });
  });

  test('-c deploySite=false keeps the distribution and leaves the bucket alone (the emulator)', () => {
    const local = synthCopydesk({ context: { [DEPLOY_SITE_CONTEXT]: 'false' } }).statelessTemplate;
    local.resourceCountIs('Custom::CDKBucketDeployment', 0);
    local.resourceCountIs('AWS::CloudFront::Distribution', 1);
  });

  test('a page that was never built fails synthesis, saying what to do', () => {
    expect(() => synthCopydesk({ context: { [SITE_DIR_CONTEXT]: '/nonexistent/web/dist' } })).toThrow(
      /archive page is not built.*npm run build:web.*deploySite=false/s,
    );
  });

  test('the outputs name both APIs, the user pool, its client and the distribution', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual([
      'CognitoApiId',
      'CognitoApiUrl',
      'DistributionDomainName',
      'SigV4ApiId',
      'SigV4ApiUrl',
      'UserPoolClientId',
      'UserPoolId',
    ]);
    expect(render(template.toJSON().Outputs.SigV4ApiUrl.Value)).toBe(
      `https://\${${logicalIdOf(stateless.sigv4Api.api)}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/api`,
    );
  });
});
