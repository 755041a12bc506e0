import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { FIXTURE_ARTICLES } from '../support/fake-archive';
import { handler, pathBelowStage } from '../../functions/api';

// The handler builds its archive at module load; jest hoists this above the imports.
jest.mock('../../shared/aws/runtime', () => ({
  archiveFromEnvironment: () =>
    (jest.requireActual('../support/fake-archive') as typeof import('../support/fake-archive')).fakeArchive(),
}));

const context = { awsRequestId: 'c0ffee00-0000-4000-8000-000000000001' } as Context;

/** An HTTP API payload 2.0 event as API Gateway sends it for a named stage. */
function event(rawPath: string, query?: Record<string, string>, stage = 'api'): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /articles',
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: {},
    queryStringParameters: query,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abcdef1234',
      domainName: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abcdef1234',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'jest' },
      requestId: 'req',
      routeKey: 'GET /articles',
      stage,
      time: '29/Nov/2026:08:10:00 +0000',
      timeEpoch: 0,
    },
  };
}

describe('the archive API handler', () => {
  test("answers a search on the api stage with the routing function's response", async () => {
    const response = await handler(event('/api/articles', { entity: 'Wang Yi', limit: '1' }), context);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ 'cache-control': 'no-store' });
    expect(JSON.parse(response.body!).items).toHaveLength(1);
  });

  test('reads the article id below the stage', async () => {
    const id = FIXTURE_ARTICLES[0]!.record.id;
    const response = await handler(event(`/api/articles/${id}`), context);
    expect(JSON.parse(response.body!).article.id).toBe(id);
  });

  test('refuses a bad parameter with 400 and the parameter', async () => {
    const response = await handler(event('/api/articles', { limit: '1000' }), context);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body!)).toMatchObject({ parameter: 'limit' });
  });

  test.each([
    ['/api/articles', 'api', '/articles'],
    ['/api', 'api', '/'],
    ['/articles', '$default', '/articles'],
    ['/articles', 'api', '/articles'],
    ['/apix/articles', 'apix', '/articles'],
  ])('%s on stage %s is the route path %s', (rawPath, stage, expected) => {
    expect(pathBelowStage(event(rawPath, undefined, stage))).toBe(expected);
  });
});
