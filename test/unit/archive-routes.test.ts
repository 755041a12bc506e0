import {
  ARCHIVE_ROUTES,
  MAX_PARAMETER_CHARS,
  MAX_REQUEST_CHARS,
  routeArchiveRequest,
  type ArchiveHttpRequest,
} from '../../shared/http/archive-routes';
import { fakeArchive, FIXTURE_ARTICLES } from '../support/fake-archive';
import { documentedQueryParameters, documentedRouteKeys, responseValidator } from '../support/openapi';

const get = (path: string, query: Record<string, string | undefined> = {}): ArchiveHttpRequest => ({
  method: 'GET',
  path,
  query,
});
const bodyOf = (response: { body: string }) => JSON.parse(response.body);
const validate = responseValidator();

const KONO_ARTICLE = FIXTURE_ARTICLES[0]!.record.id;
const REJECTED_FILE = FIXTURE_ARTICLES.find((a) => a.record.status === 'rejected')!.record.id;

/** A concrete path for a documented one: `/articles/{id}` -> `/articles/<a real id>`. */
const concrete = (path: string) => path.replace('{id}', KONO_ARTICLE);

describe('the routes answer exactly what docs/openapi.yaml documents', () => {
  test('the route table and the document list the same operations', () => {
    expect(ARCHIVE_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documentedRouteKeys());
  });

  test.each(ARCHIVE_ROUTES.map((r) => `${r.method} ${r.path}`))(
    '%s takes exactly the documented query parameters',
    (routeKey) => {
      const route = ARCHIVE_ROUTES.find((r) => `${r.method} ${r.path}` === routeKey)!;
      expect([...route.parameters].sort()).toEqual(documentedQueryParameters(routeKey).sort());
    },
  );

  test.each(documentedRouteKeys())('%s answers 200 with a body its schema accepts', async (routeKey) => {
    const [, path] = routeKey.split(' ') as [string, string];
    const response = await routeArchiveRequest(fakeArchive(), get(concrete(path)));
    expect(response.status).toBe(200);
    expect(validate(routeKey, '200', bodyOf(response))).toEqual({ valid: true, errors: 'No errors' });
  });

  test.each([
    '/',
    '/article',
    '/articles/x/y',
    '/articles/x/ninjs/more',
    '/status/x',
    '/api/articles',
    '/rejected/abc',
    '/ARTICLES',
  ])('an undocumented path (%s) is 404, without calling the archive', async (path) => {
    const api = fakeArchive();
    const response = await routeArchiveRequest(api, get(path));
    expect(response.status).toBe(404);
    expect(bodyOf(response)).toEqual({ error: expect.stringContaining('no such route') });
    expect(api.calls).toEqual([]);
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])(
    'another method (%s) on a documented path is 405 with Allow: GET',
    async (method) => {
      for (const routeKey of documentedRouteKeys()) {
        const path = concrete(routeKey.split(' ')[1]!);
        const api = fakeArchive();
        const response = await routeArchiveRequest(api, { method, path, query: {} });
        expect(response).toMatchObject({ status: 405, headers: { allow: 'GET' } });
        expect(api.calls).toEqual([]);
      }
    },
  );
});

describe('responses', () => {
  test('are JSON and never cached', async () => {
    for (const path of ['/articles', '/nowhere', `/articles/${KONO_ARTICLE}`]) {
      const { headers } = await routeArchiveRequest(fakeArchive(), get(path));
      expect(headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    }
  });

  test('search passes every parameter through, and pages with the cursor it returns', async () => {
    const api = fakeArchive();
    const first = bodyOf(
      await routeArchiveRequest(api, get('/articles', { entity: 'Taro Kono', limit: '1' })),
    );
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = bodyOf(
      await routeArchiveRequest(
        api,
        get('/articles', { entity: 'Taro Kono', limit: '1', cursor: first.cursor }),
      ),
    );
    expect(second.items.map((i: { id: string }) => i.id)).not.toContain(first.items[0].id);
    expect(second.cursor).toBeUndefined();
    expect(api.calls[0]).toEqual({ method: 'search', args: [{ entity: 'Taro Kono', limit: '1' }] });
  });

  test('search with words returns highlights the schema accepts', async () => {
    const response = await routeArchiveRequest(fakeArchive(), get('/articles', { q: 'japan islands' }));
    const body = bodyOf(response);
    expect(body.items[0].highlights.title).toEqual(expect.arrayContaining([[0, 5]]));
    expect(validate('GET /articles', '200', body)).toEqual({ valid: true, errors: 'No errors' });
  });

  test('an article view names its copies and where its ninjs is', async () => {
    const body = bodyOf(await routeArchiveRequest(fakeArchive(), get(`/articles/${KONO_ARTICLE}`)));
    expect(body.duplicates.copies).toHaveLength(1);
    expect(body.ninjs).toBe(`/articles/${KONO_ARTICLE}/ninjs`);
  });

  test('rejected lists rejected files with their reasons', async () => {
    const body = bodyOf(await routeArchiveRequest(fakeArchive(), get('/rejected', { limit: '5' })));
    expect(body.items.map((i: { rejection: { code: string } }) => i.rejection.code).sort()).toEqual([
      'BINARY',
      'NO_CONTENT',
    ]);
    expect(validate('GET /rejected', '200', body)).toEqual({ valid: true, errors: 'No errors' });
  });

  test('empty values count as not given', async () => {
    const api = fakeArchive();
    await routeArchiveRequest(api, get('/articles', { entity: '', limit: '5' }));
    expect(api.calls[0]!.args).toEqual([{ limit: '5' }]);
  });

  test('an id is percent-decoded before the archive sees it', async () => {
    const api = fakeArchive();
    const response = await routeArchiveRequest(api, get('/articles/a%20b'));
    expect(response.status).toBe(404);
    expect(api.calls[0]).toEqual({ method: 'article', args: ['a b'] });
  });
});

describe('refusals', () => {
  const refuse = async (request: ArchiveHttpRequest, status: number, parameter?: string) => {
    const api = fakeArchive();
    const response = await routeArchiveRequest(api, request);
    expect(response.status).toBe(status);
    const body = bodyOf(response);
    // Every refusal is an ErrorResponse, as documented for the status.
    const documented = status === 404 ? 'GET /articles/{id}' : 'GET /articles';
    expect(validate(documented, String(status), body)).toEqual({ valid: true, errors: 'No errors' });
    if (parameter) expect(body.parameter).toBe(parameter);
    expect(body.error).toEqual(expect.any(String));
    return { body, api };
  };

  test('an unknown query parameter is 400, named, before the archive is called', async () => {
    const { body, api } = await refuse(get('/articles', { entity: 'Wang Yi', colour: 'red' }), 400, 'colour');
    expect(body.error).toMatch(/unknown query parameter "colour" for GET \/articles; it takes q, entity/);
    expect(api.calls).toEqual([]);
  });

  test('several unknown parameters are all named', async () => {
    const { body } = await refuse(get('/rejected', { q: 'x', entity: 'y' }), 400, 'q');
    expect(body.error).toMatch(/parameters "q", "entity"/);
  });

  test('a route without parameters refuses any', async () => {
    const { body } = await refuse(get('/status', { verbose: '1' }), 400, 'verbose');
    expect(body.error).toMatch(/it takes none/);
  });

  test.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ status: 'lost' }, 'status'],
    [{ since: 'yesterday' }, 'since'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ country: 'Japan' }, 'country'],
  ])('an invalid value the archive refuses (%j) is 400 naming %s', async (query, parameter) => {
    await refuse(get('/articles', query), 400, parameter);
  });

  test(`a value over ${MAX_PARAMETER_CHARS} characters is 400 before the archive is called`, async () => {
    const { api } = await refuse(get('/articles', { q: 'x'.repeat(MAX_PARAMETER_CHARS + 1) }), 400, 'q');
    expect(api.calls).toEqual([]);
    const ok = await routeArchiveRequest(
      fakeArchive(),
      get('/articles', { q: 'x'.repeat(MAX_PARAMETER_CHARS) }),
    );
    expect(ok.status).toBe(200);
  });

  test(`a request over ${MAX_REQUEST_CHARS} characters is 414 before anything else`, async () => {
    const query = Object.fromEntries(
      ['q', 'entity', 'place', 'topic', 'section'].map((name) => [name, 'y'.repeat(2000)]),
    );
    const { api } = await refuse(get('/articles', query), 414);
    expect(api.calls).toEqual([]);
    await refuse(get(`/articles/${'z'.repeat(MAX_REQUEST_CHARS)}`), 414);
  });

  test('an overlong or malformed id is 400', async () => {
    await refuse(get(`/articles/${'a'.repeat(257)}`), 400, 'id');
    await refuse(get('/articles/%E0%A4%A'), 400, 'id');
    await refuse(get('/articles/%20'), 400, 'id');
  });

  test('an unknown id is 404', async () => {
    const { body } = await refuse(get('/articles/0000000000000000dead'), 404);
    expect(body.error).toMatch(/no article/);
  });

  test('ninjs of a rejected file is 404', async () => {
    await refuse(get(`/articles/${REJECTED_FILE}/ninjs`), 404);
  });

  test('an unexpected failure is a 500 that says nothing about it, and is reported', async () => {
    const failure = new Error('ProvisionedThroughputExceededException at arn:aws:dynamodb:...');
    const reported: unknown[] = [];
    const response = await routeArchiveRequest(
      fakeArchive({ failWith: failure }),
      { ...get('/articles'), requestId: 'req-123' },
      { onError: (error) => reported.push(error) },
    );
    expect(response.status).toBe(500);
    expect(bodyOf(response)).toEqual({ error: 'internal error', requestId: 'req-123' });
    expect(response.body).not.toMatch(/Provisioned|arn:|at /);
    expect(reported).toEqual([failure]);
    expect(validate('GET /articles', '500', bodyOf(response))).toEqual({ valid: true, errors: 'No errors' });
  });
});
