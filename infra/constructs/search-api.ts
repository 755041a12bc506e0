import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ARCHIVE_API_STAGE, ARCHIVE_ROUTES } from '../../shared/http/archive-routes';
import { acknowledgeCheckov } from '../checkov-acknowledgments';

/**
 * Every route's share of the stage: 20 requests a second sustained, bursts of 50. A person paging
 * through results makes a few a second; this keeps a runaway script (or a leaked credential) from
 * running up the table's read bill, and is far under the account's 10,000/s API Gateway quota.
 */
export const API_THROTTLE = { rateLimit: 20, burstLimit: 50 } as const;

/**
 * One JSON line per request: who (IP, IAM caller or token subject), what (route, status, size), how long,
 * and why it failed when it did (the authorizer's or the integration's error), to be queried with Logs
 * Insights. Never the query string: search words are the users' business.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  subject: '$context.authorizer.claims.sub',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
} as const;

export interface SearchApiProps {
  readonly apiName: string;
  /** The function behind every route (functions/api). */
  readonly handler: IFunction;
  /** Who may call: IAM (SigV4) or a Cognito JWT. */
  readonly authorizer: IHttpRouteAuthorizer;
  readonly description: string;
  /** Browser origins allowed to call cross-origin (CORS); none means no CORS configuration at all. */
  readonly corsOrigins?: readonly string[];
}

/**
 * The archive's routes (shared/http/archive-routes.ts) on an API Gateway HTTP API, all behind one
 * authorizer, on a stage named `api` with throttling and JSON access logs. HTTP rather than REST API:
 * a JWT authorizer built in, a third of the price and lower latency, and nothing here needs REST's
 * extras (usage plans, request validation, caching).
 */
export class SearchApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: SearchApiProps) {
    super(scope, id);
    const origins = props.corsOrigins ?? [];
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: props.description,
      defaultAuthorizer: props.authorizer,
      // The stage below carries the throttling and the logs; $default would have neither.
      createDefaultStage: false,
      corsPreflight:
        origins.length > 0
          ? {
              allowOrigins: [...origins],
              allowMethods: [CorsHttpMethod.GET],
              allowHeaders: ['authorization', 'content-type'],
              maxAge: Duration.hours(1),
            }
          : undefined,
    });
    const integration = new HttpLambdaIntegration('Archive', props.handler);
    for (const route of ARCHIVE_ROUTES) {
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledgeCheckov(
      this.accessLogs,
      'CKV_AWS_158',
      'CloudWatch Logs encrypts every log group at rest with keys it manages. This access log holds who called, the route, the status and the timing (ACCESS_LOG_FIELDS), never the query string, and only principals IAM allows may read it; a customer-managed key would add a key, a key policy for the Logs service and a monthly charge, for no control copydesk uses.',
    );
    this.stage = this.api.addStage('Stage', {
      stageName: ARCHIVE_API_STAGE,
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com/api`, no trailing slash. */
  get url(): string {
    const stack = Stack.of(this);
    return `https://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${ARCHIVE_API_STAGE}`;
  }

  /** The API's host, for a CloudFront origin. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}
