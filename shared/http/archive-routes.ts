import {
  InvalidRequestError,
  NotFoundError,
  REJECTED_PARAMETERS,
  SEARCH_PARAMETERS,
  type ArchiveApi,
  type ErrorResponse,
} from '../stages/archive-api';

/**
 * The archive's HTTP API as one pure function from request to response, shared by the Lambda handler
 * (functions/api) and `copydesk serve` (local/archive-server.ts), so both answer every request alike.
 * It knows nothing of Lambda or node:http; docs/openapi.yaml describes the same routes.
 */

export interface ArchiveHttpRequest {
  method: string;
  /** The path below the API's base, still percent-encoded: `/articles/abc`. */
  path: string;
  /** Query-string parameters, decoded. A repeated key arrives comma-joined, as API Gateway joins it. */
  query: Record<string, string | undefined>;
  /** Echoed in a 500's body so a caller can quote it; the Lambda's request id. */
  requestId?: string;
}

export interface ArchiveHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text. */
  body: string;
}

export interface RouteOptions {
  /** Told about every error that becomes a 500, to log it; the response says only "internal error". */
  onError?: (error: unknown) => void;
}

/**
 * Bounds checked before the use case runs: no parameter in this API needs more than a few hundred
 * characters (a cursor is the longest), so anything far beyond is a mistake or an attack, and is
 * answered without reading the index.
 */
export const MAX_PARAMETER_CHARS = 2048;
/** Path plus every parameter's name and value: over this the answer is 414 URI Too Long. */
export const MAX_REQUEST_CHARS = 8192;
/** Article ids are 20 hex digits; 256 leaves room for any id scheme without admitting junk. */
export const MAX_ID_CHARS = 256;

export type ArchiveRouteName = 'search' | 'article' | 'ninjs' | 'rejected' | 'status';

export interface ArchiveRoute {
  readonly name: ArchiveRouteName;
  readonly method: 'GET';
  /** In OpenAPI / API Gateway syntax: `/articles/{id}`. */
  readonly path: string;
  readonly parameters: readonly string[];
}

/** The five routes; the CDK app creates exactly these on each HTTP API (test/infra/archive-api.test.ts). */
export const ARCHIVE_ROUTES: readonly ArchiveRoute[] = [
  { name: 'search', method: 'GET', path: '/articles', parameters: SEARCH_PARAMETERS },
  { name: 'article', method: 'GET', path: '/articles/{id}', parameters: [] },
  { name: 'ninjs', method: 'GET', path: '/articles/{id}/ninjs', parameters: [] },
  { name: 'rejected', method: 'GET', path: '/rejected', parameters: REJECTED_PARAMETERS },
  { name: 'status', method: 'GET', path: '/status', parameters: [] },
];

/** API responses are per caller and change as articles arrive: never stored by a browser or CDN. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

const json = (status: number, body: unknown, extra: Record<string, string> = {}): ArchiveHttpResponse => ({
  status,
  headers: { ...API_HEADERS, ...extra },
  body: JSON.stringify(body),
});

const problem = (status: number, error: string, parameter?: string, extra?: Record<string, string>) =>
  json(status, (parameter ? { error, parameter } : { error }) satisfies ErrorResponse, extra);

interface Match {
  route: ArchiveRoute;
  id?: string;
}

/** Which route a path names (any method), or undefined; throws InvalidRequestError for a malformed id. */
function match(path: string): Match | undefined {
  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  const route = (name: ArchiveRouteName) => ARCHIVE_ROUTES.find((r) => r.name === name)!;
  if (segments.length === 1 && segments[0] === 'articles') return { route: route('search') };
  if (segments.length === 1 && segments[0] === 'rejected') return { route: route('rejected') };
  if (segments.length === 1 && segments[0] === 'status') return { route: route('status') };
  if (
    segments[0] === 'articles' &&
    (segments.length === 2 || (segments.length === 3 && segments[2] === 'ninjs'))
  ) {
    return { route: route(segments.length === 2 ? 'article' : 'ninjs'), id: articleId(segments[1]!) };
  }
  return undefined;
}

function articleId(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw new InvalidRequestError('the article id is not valid percent-encoding', 'id');
  }
  if (!id.trim()) throw new InvalidRequestError('the article id is empty', 'id');
  if (id.length > MAX_ID_CHARS)
    throw new InvalidRequestError(`an article id is at most ${MAX_ID_CHARS} characters`, 'id');
  return id;
}

/** Checks the query against the route's parameters and bounds; empty values count as not given. */
function parametersFor(
  route: ArchiveRoute,
  query: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const given = Object.entries(query).filter(([, value]) => value !== undefined);
  const unknown = given.map(([name]) => name).filter((name) => !route.parameters.includes(name));
  if (unknown.length > 0) {
    const known =
      route.parameters.length > 0 ? `; it takes ${route.parameters.join(', ')}` : '; it takes none';
    const names = unknown.map((name) => JSON.stringify(name.slice(0, 64))).join(', ');
    throw new InvalidRequestError(
      `unknown query parameter${unknown.length > 1 ? 's' : ''} ${names} for GET ${route.path}${known}`,
      unknown[0]!.slice(0, 64),
    );
  }
  const params: Record<string, string | undefined> = {};
  for (const [name, value] of given) {
    if (value!.length > MAX_PARAMETER_CHARS)
      throw new InvalidRequestError(`${name} is at most ${MAX_PARAMETER_CHARS} characters`, name);
    if (value !== '') params[name] = value;
  }
  return params;
}

const requestChars = (request: ArchiveHttpRequest) =>
  Object.entries(request.query).reduce(
    (total, [name, value]) => total + name.length + (value?.length ?? 0) + 2,
    request.path.length,
  );

/**
 * Answers one request: 200 with the use case's JSON; 400 (with the parameter at fault) for a request the
 * archive will not answer; 404 for an unknown route or article; 405 for another method on a known route;
 * 414 for an overlong request; 500 with no detail for anything else.
 */
export async function routeArchiveRequest(
  api: ArchiveApi,
  request: ArchiveHttpRequest,
  options: RouteOptions = {},
): Promise<ArchiveHttpResponse> {
  try {
    if (requestChars(request) > MAX_REQUEST_CHARS)
      return problem(414, `the path and query string are at most ${MAX_REQUEST_CHARS} characters together`);
    const found = match(request.path);
    if (!found) return problem(404, `no such route: ${request.path.slice(0, 200)}`);
    const { route, id } = found;
    if (request.method.toUpperCase() !== route.method)
      return problem(405, `${route.path} answers ${route.method} only`, undefined, { allow: route.method });
    const params = parametersFor(route, request.query);
    switch (route.name) {
      case 'search':
        return json(200, await api.search(params));
      case 'article':
        return json(200, await api.article(id!));
      case 'ninjs':
        return json(200, await api.ninjs(id!));
      case 'rejected':
        return json(200, await api.rejected(params));
      case 'status':
        return json(200, await api.status());
    }
  } catch (error) {
    if (error instanceof InvalidRequestError) return problem(400, error.message, error.parameter);
    if (error instanceof NotFoundError) return problem(404, error.message);
    options.onError?.(error);
    return json(500, {
      error: 'internal error',
      ...(request.requestId ? { requestId: request.requestId } : {}),
    });
  }
}

/**
 * Where the API is below its host: the HTTP APIs' stage (`https://<id>.execute-api.<region>.amazonaws.com/api`),
 * the page's CloudFront behaviour (`/api/*`) and `copydesk serve` (`http://127.0.0.1:8787/api`) alike.
 */
export const ARCHIVE_API_STAGE = 'api';
export const ARCHIVE_API_BASE = `/${ARCHIVE_API_STAGE}`;
