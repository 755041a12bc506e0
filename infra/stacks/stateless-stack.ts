import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpIamAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { DEFAULT_TAG_ENGINE } from '../../shared/config';
import type { TaggerEngine } from '../../shared/core/article';
import {
  DEFAULT_INLINE_MESSAGE_BYTES,
  DEFAULT_MAX_INPUT_BYTES,
  ENV,
  PUBLISHED_PREFIX,
  RAW_PREFIX,
  STAGES,
  WORK_PREFIX,
  type StageName,
} from '../../shared/topology';
import { acknowledgeCheckov } from '../checkov-acknowledgments';
import { grantComprehendTagging } from '../comprehend-access';
import { CopydeskFunction } from '../constructs/copydesk-function';
import { PipelineAlarms } from '../constructs/pipeline-alarms';
import { PipelineDashboard } from '../constructs/pipeline-dashboard';
import { deadLetterAlarmName } from '../constructs/queue-with-dead-letter';
import { SearchApi } from '../constructs/search-api';
import { SiteDistribution } from '../constructs/site-distribution';
import { StageConsumer } from '../constructs/stage-consumer';
import { printedResourceNames as printed } from '../nag-acknowledgments';
import { grantObjects, grantTableData } from '../scoped-grants';
import type { StatefulResourceHandles } from './stateful-resource-handles';

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulResourceHandles;
  /** The tag function's engine; the built-in one unless the deployment chose Comprehend. */
  readonly tagEngine?: TaggerEngine;
  /** Caps every stage's concurrency (see MAX_CONCURRENCY_CONTEXT); unset, the topology's own apply. */
  readonly maxConcurrency?: number;
  /** X-Ray active tracing on every function (the default), or none (TRACING_CONTEXT). */
  readonly tracing?: boolean;
  /**
   * The page's user pool and app client, from the stateful stack. Unlike the resources above they have
   * no name to address them by (Cognito generates the ids), so they are CDK references, which this
   * app's `defaultCrossStackReferences: weak` renders as Fn::GetStackOutput on the stateful stack's
   * outputs: no exports to pin the stateful stack.
   */
  readonly webUsers: { readonly userPool: IUserPool; readonly client: IUserPoolClient };
  /**
   * The stateful stack's alarm topic. CloudFormation generates its ARN, so, like the user pool, it is a
   * weak reference (Fn::GetStackOutput), which pins nothing in the stateful stack. A fixed topic name
   * would have let it be addressed by name instead, at the price of replacing the deployed topic and
   * dropping its subscriptions.
   */
  readonly alarmTopic: ITopic;
  /** The built page to deploy (web/dist); undefined leaves the site bucket alone (the emulator). */
  readonly siteDir?: string;
  /** Extra browser origins allowed to call the Cognito API cross-origin (WEB_ORIGIN_CONTEXT). */
  readonly webOrigins?: readonly string[];
}

/**
 * The archive API's function is not a pipeline stage, so topology has no settings for it. A search reads
 * up to its bound of index items and scores them in memory; 1 GB buys the CPU for that, and 15 s is
 * half API Gateway's 30 s integration limit.
 */
const API_FUNCTION = { memoryMb: 1024, timeoutSeconds: 15 };

/** The functions and their wiring: safe to destroy and redeploy at will, since it holds no data. */
export class StatelessStack extends Stack {
  readonly consumers: Readonly<Record<StageName, StageConsumer>>;
  readonly apiFunction: CopydeskFunction;
  /** The archive API for AWS callers, signing with SigV4 (IAM). */
  readonly sigv4Api: SearchApi;
  /** The same routes for the page's users, with Cognito tokens. */
  readonly cognitoApi: SearchApi;
  readonly site: SiteDistribution;
  readonly alarms: PipelineAlarms;
  readonly dashboard: PipelineDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { rawBucket, workBucket, publishedBucket, table, stageQueues, eventBus } = props.stateful;
    const inlineMessageBytes = { [ENV.inlineMessageBytes]: String(DEFAULT_INLINE_MESSAGE_BYTES) };
    const raw = { bucket: rawBucket, printedBucketName: printed.rawBucket, keyPrefix: RAW_PREFIX };
    const work = { bucket: workBucket, printedBucketName: printed.workBucket, keyPrefix: WORK_PREFIX };
    const published = {
      bucket: publishedBucket,
      printedBucketName: printed.publishedBucket,
      keyPrefix: PUBLISHED_PREFIX,
    };

    const parse = new StageConsumer(this, 'Parse', {
      stage: 'parse',
      maxConcurrency: props.maxConcurrency,
      tracing: props.tracing,
      queue: stageQueues.parse,
      environment: {
        [ENV.rawBucket]: rawBucket.bucketName,
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.tagQueueUrl]: stageQueues.tag.queueUrl,
        // Deletions and rejections skip tagging and go straight to the index stage.
        [ENV.indexQueueUrl]: stageQueues.index.queueUrl,
        [ENV.maxInputBytes]: String(DEFAULT_MAX_INPUT_BYTES),
        ...inlineMessageBytes,
      },
    });
    grantObjects({ grantee: parse.function, ...raw, access: 'read' });
    grantObjects({ grantee: parse.function, ...work, access: 'put' });
    stageQueues.tag.grantSendMessages(parse.function);
    stageQueues.index.grantSendMessages(parse.function);

    const tagEngine = props.tagEngine ?? DEFAULT_TAG_ENGINE;
    const tag = new StageConsumer(this, 'Tag', {
      stage: 'tag',
      maxConcurrency: props.maxConcurrency,
      tracing: props.tracing,
      queue: stageQueues.tag,
      environment: {
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.indexQueueUrl]: stageQueues.index.queueUrl,
        ...inlineMessageBytes,
        [ENV.tagEngine]: tagEngine,
      },
    });
    // The timeout stays the stage's 60 s: an article takes one language call and two Batch* rounds per
    // 25 documents of 5 KB (about a second for a typical article), and the client's own timeouts and
    // retries fit inside it; see docs/comprehend.md. The queue's visibility timeout is derived from it.
    if (tagEngine === 'comprehend') grantComprehendTagging(tag.function);
    grantObjects({ grantee: tag.function, ...work, access: 'read' });
    grantObjects({ grantee: tag.function, ...work, access: 'put' });
    stageQueues.index.grantSendMessages(tag.function);

    const index = new StageConsumer(this, 'Index', {
      stage: 'index',
      maxConcurrency: props.maxConcurrency,
      tracing: props.tracing,
      queue: stageQueues.index,
      environment: {
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.table]: table.tableName,
        [ENV.publishQueueUrl]: stageQueues.publish.queueUrl,
        ...inlineMessageBytes,
      },
    });
    grantObjects({ grantee: index.function, ...work, access: 'read' });
    grantTableData(index.function, table, 'readWrite');
    stageQueues.publish.grantSendMessages(index.function);

    const publish = new StageConsumer(this, 'Publish', {
      stage: 'publish',
      maxConcurrency: props.maxConcurrency,
      tracing: props.tracing,
      queue: stageQueues.publish,
      environment: {
        [ENV.workBucket]: workBucket.bucketName,
        [ENV.publishedBucket]: publishedBucket.bucketName,
        [ENV.eventBus]: eventBus.eventBusName,
        [ENV.table]: table.tableName,
      },
    });
    // Publish acts only on what the index still says (the publish queue does not keep order).
    grantTableData(publish.function, table, 'read');
    grantObjects({ grantee: publish.function, ...work, access: 'read' });
    grantObjects({ grantee: publish.function, ...published, access: 'put' });
    // Withdrawn articles are removed from the published bucket, not just flagged.
    grantObjects({ grantee: publish.function, ...published, access: 'delete' });
    eventBus.grantPutEventsTo(publish.function);

    // The archive's read side: read-only on the table, the published documents and the queue depths.
    const { deadLetterQueues } = props.stateful;
    const queueUrls = Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        { queue: stageQueues[stage].queueUrl, deadLetter: deadLetterQueues[stage].queueUrl },
      ]),
    );
    this.apiFunction = new CopydeskFunction(this, 'Api', {
      functionName: 'api',
      ...API_FUNCTION,
      tracing: props.tracing,
      environment: {
        [ENV.table]: table.tableName,
        [ENV.publishedBucket]: publishedBucket.bucketName,
        [ENV.stageQueueUrls]: this.toJsonString(queueUrls),
      },
    });
    acknowledgeCheckov(
      this.apiFunction,
      'CKV_AWS_116',
      'Invoked synchronously by API Gateway (both HTTP APIs below): a failure goes back to the caller as a 5xx and into the stage access log. A Lambda dead-letter queue only receives failed asynchronous invocations, which this function never gets.',
    );
    acknowledgeCheckov(
      this.apiFunction,
      'CKV_AWS_115',
      "Its load is bounded by both APIs' stage throttling (API_THROTTLE per route, infra/constructs/search-api.ts), which turns excess requests away with 429 before they reach it. Reserved concurrency would take executions out of the account's unreserved pool, and cannot be set at all in an account at the default 10-execution quota.",
    );
    grantTableData(this.apiFunction, table, 'read');
    grantObjects({ grantee: this.apiFunction, ...published, access: 'read' });
    for (const stage of STAGES) {
      stageQueues[stage].grant(this.apiFunction, 'sqs:GetQueueAttributes');
      deadLetterQueues[stage].grant(this.apiFunction, 'sqs:GetQueueAttributes');
    }

    // One set of routes, one function, two front doors: SigV4 for AWS callers (scripts, other services,
    // `curl --aws-sigv4`), Cognito tokens for the page's users. An HTTP API route has exactly one
    // authorizer, so "IAM or JWT" on the same route is not expressible; two APIs built by the same
    // construct keep the routes identical (test/infra/archive-api.test.ts checks both against the
    // OpenAPI document) while each keeps its own throttling and access log.
    this.sigv4Api = new SearchApi(this, 'SigV4Api', {
      apiName: 'copydesk-archive-sigv4',
      handler: this.apiFunction,
      authorizer: new HttpIamAuthorizer(),
      description: 'copydesk archive API, IAM (SigV4) authorisation',
    });
    this.cognitoApi = new SearchApi(this, 'CognitoApi', {
      apiName: 'copydesk-archive-cognito',
      handler: this.apiFunction,
      authorizer: new HttpUserPoolAuthorizer('WebUsers', props.webUsers.userPool, {
        userPoolClients: [props.webUsers.client],
      }),
      description: "copydesk archive API, Cognito (the web page's users) authorisation",
      corsOrigins: props.webOrigins,
    });

    this.site = new SiteDistribution(this, 'Site', {
      siteBucket: props.stateful.siteBucket,
      apiDomainName: this.cognitoApi.domainName,
      userPoolId: props.webUsers.userPool.userPoolId,
      userPoolClientId: props.webUsers.client.userPoolClientId,
      siteDir: props.siteDir,
    });

    new CfnOutput(this, 'SigV4ApiUrl', {
      description: 'Archive API for SigV4-signed requests (execute-api:Invoke)',
      value: this.sigv4Api.url,
    });
    new CfnOutput(this, 'CognitoApiUrl', {
      description: "Archive API for the page's users (Cognito id token)",
      value: this.cognitoApi.url,
    });
    new CfnOutput(this, 'SigV4ApiId', { value: this.sigv4Api.api.apiId });
    new CfnOutput(this, 'CognitoApiId', { value: this.cognitoApi.api.apiId });
    new CfnOutput(this, 'UserPoolId', { value: props.webUsers.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: props.webUsers.client.userPoolClientId });
    new CfnOutput(this, 'DistributionDomainName', {
      description: 'The archive page: https://<this>/',
      value: this.site.distribution.distributionDomainName,
    });

    this.consumers = { parse, tag, index, publish };

    // Monitoring lives here, beside the functions whose metrics it reads: it holds no data, so it
    // redeploys with the code, and it reads the queues and the table by name like the functions do.
    this.alarms = new PipelineAlarms(this, 'Alarms', {
      stageQueues,
      table,
      alarmTopic: props.alarmTopic,
    });
    const { oldestMessage, errorRate } = this.alarms;
    this.dashboard = new PipelineDashboard(this, 'Dashboard', {
      functions: {
        parse: parse.function,
        tag: tag.function,
        index: index.function,
        publish: publish.function,
      },
      stageQueues,
      deadLetterQueues,
      table,
      alarms: [
        // The dead-letter alarms live with their queues in the stateful stack; they are read by name.
        ...STAGES.map((stage) =>
          Alarm.fromAlarmName(this, `DeadLetterAlarm-${stage}`, deadLetterAlarmName(stage)),
        ),
        ...STAGES.map((stage) => oldestMessage[stage]),
        ...STAGES.map((stage) => errorRate[stage]),
        this.alarms.uploadToQueryableP95,
        this.alarms.tableReadThrottles,
        this.alarms.tableWriteThrottles,
      ],
    });
  }
}
