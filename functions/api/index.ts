import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { archiveFromEnvironment } from '../../shared/aws/runtime';
import { routeArchiveRequest } from '../../shared/http/archive-routes';

const logger = new Logger({ serviceName: 'copydesk', persistentKeys: { stage: 'api' } });
/** Created once per execution environment: SDK clients and wiring are reused across invocations. */
const api = archiveFromEnvironment();

/**
 * API Gateway HTTP API (payload 2.0) in front of the archive's read side: both APIs (SigV4 and Cognito)
 * invoke this function. API Gateway has authorised the caller before it gets here; routing, validation
 * and error mapping are shared/http/archive-routes.ts's, the same code `copydesk serve` runs.
 */
export const handler = async (
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  logger.addContext(context);
  const response = await routeArchiveRequest(
    api,
    {
      method: event.requestContext.http.method,
      path: pathBelowStage(event),
      query: event.queryStringParameters ?? {},
      requestId: context.awsRequestId,
    },
    {
      onError: (error) => logger.error('request failed', { routeKey: event.routeKey, error: error as Error }),
    },
  );
  if (response.status >= 400 && response.status < 500)
    logger.info('request refused', { routeKey: event.routeKey, status: response.status });
  return { statusCode: response.status, headers: response.headers, body: response.body };
};

/**
 * `rawPath` carries the stage's name in front of the route's path on a named stage (`/api/articles` on
 * the `api` stage); the routes are below it.
 */
export function pathBelowStage(event: Pick<APIGatewayProxyEventV2, 'rawPath' | 'requestContext'>): string {
  const { stage } = event.requestContext;
  const prefix = `/${stage}`;
  if (stage && stage !== '$default' && (event.rawPath === prefix || event.rawPath.startsWith(`${prefix}/`)))
    return event.rawPath.slice(prefix.length) || '/';
  return event.rawPath;
}
