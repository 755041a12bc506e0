import type {
  ArticleView,
  ErrorResponse,
  RejectedResponse,
  SearchResponse,
  StatusResponse,
} from '../../shared/stages/archive-api';

/** What /config.json says: where the API is and how to sign in to it. */
export type AuthConfig =
  { kind: 'none' } | { kind: 'cognito'; region: string; userPoolId: string; clientId: string };

export interface PageConfig {
  apiBase: string;
  auth: AuthConfig;
}

/** The archive refused the request (4xx): its message says what to change. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ApiRefusal';
  }
}

/** The archive could not be reached or failed (network error, 5xx): trying again may help. */
export class ApiUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiUnavailable';
  }
}

/** The API wants a (new) sign-in. */
export class SignInRequired extends Error {
  constructor() {
    super('Your session has ended. Sign in again.');
    this.name = 'SignInRequired';
  }
}

export async function loadConfig(): Promise<PageConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new ApiUnavailable(`Could not load the page's settings (HTTP ${response.status}).`);
  const body = (await response.json()) as Partial<PageConfig>;
  const auth = body.auth?.kind === 'cognito' ? body.auth : { kind: 'none' as const };
  return { apiBase: (body.apiBase ?? '/api').replace(/\/+$/, ''), auth };
}

const isErrorResponse = (body: unknown): body is ErrorResponse =>
  typeof body === 'object' && body !== null && typeof (body as ErrorResponse).error === 'string';

export type Params = Record<string, string | undefined>;

export function queryString(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The archive's HTTP API, as the page calls it. */
export class ArchiveClient {
  constructor(
    private readonly apiBase: string,
    private readonly token: () => string | undefined,
  ) {}

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${path}`, { headers, signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiUnavailable('The archive could not be reached.');
    }
    if (response.status === 401) throw new SignInRequired();
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.status >= 400 && response.status < 500) {
      if (isErrorResponse(body)) throw new ApiRefusal(response.status, body.error, body.parameter);
      throw new ApiRefusal(response.status, `The archive refused the request (HTTP ${response.status}).`);
    }
    if (!response.ok || body === undefined)
      throw new ApiUnavailable(`The archive failed to answer (HTTP ${response.status}).`, response.status);
    return body as T;
  }

  search(params: Params, signal?: AbortSignal) {
    return this.get<SearchResponse>(`/articles${queryString(params)}`, signal);
  }
  article(id: string, signal?: AbortSignal) {
    return this.get<ArticleView>(`/articles/${encodeURIComponent(id)}`, signal);
  }
  ninjs(id: string, signal?: AbortSignal) {
    return this.get<unknown>(`/articles/${encodeURIComponent(id)}/ninjs`, signal);
  }
  rejected(params: Params, signal?: AbortSignal) {
    return this.get<RejectedResponse>(`/rejected${queryString(params)}`, signal);
  }
  status(signal?: AbortSignal) {
    return this.get<StatusResponse>('/status', signal);
  }
}
