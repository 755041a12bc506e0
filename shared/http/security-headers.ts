/**
 * The response headers the archive's web page is served with, defined once: CloudFront's
 * ResponseHeadersPolicy (infra/constructs/site-distribution.ts) and `copydesk serve`
 * (local/archive-server.ts) are both built from this, so the page meets the same policy locally as
 * deployed. Plain data, no aws-cdk-lib: the infra maps it to CDK's types.
 */

/** Two years, the value HSTS preload lists ask for; subdomains included. */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;
export const REFERRER_POLICY = 'no-referrer';
export const FRAME_OPTIONS = 'DENY';

export interface PageOrigins {
  /**
   * Origins the page may call besides its own (`connect-src`): on AWS the Cognito user pool's endpoint,
   * `https://cognito-idp.<region>.amazonaws.com`, for sign-in; locally none (no sign-in).
   */
  readonly connect?: readonly string[];
}

/** The Cognito endpoint the page signs in against, for `connect-src`. */
export const cognitoOrigin = (region: string) => `https://cognito-idp.${region}.amazonaws.com`;

/**
 * Nothing by default; the page's own scripts, styles and images (and data: images) only; no inline
 * script or style, no plugins, no framing, no <base> rewriting, forms only to itself.
 */
export function contentSecurityPolicy(origins: PageOrigins = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...(origins.connect ?? [])].join(' '),
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers as an HTTP server sends them (lower-case names). */
export function securityHeaders(origins: PageOrigins = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': REFERRER_POLICY,
    'x-frame-options': FRAME_OPTIONS,
  };
}
