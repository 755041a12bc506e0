import type { AuthConfig } from './api';

/**
 * Signing in to a Cognito user pool with USER_PASSWORD_AUTH: two plain calls to the user pool's JSON API
 * (InitiateAuth, and RespondToAuthChallenge for a first sign-in that must set a new password), so the page
 * needs no SDK. The ID token lives in sessionStorage: it goes with the tab, never into localStorage.
 */

const STORAGE_KEY = 'copydesk.session';

interface Session {
  idToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type SignInResult =
  { kind: 'signed-in' } | { kind: 'new-password-required'; session: string; username: string };

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

type CognitoConfig = Extract<AuthConfig, { kind: 'cognito' }>;

interface AuthenticationResult {
  IdToken?: string;
  ExpiresIn?: number;
}

interface CognitoAnswer {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
  __type?: string;
  message?: string;
}

let memory: Session | undefined;

function readStored(): Session | undefined {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Session) : undefined;
  } catch {
    return undefined;
  }
}

/** The current ID token, while it is valid (with a minute to spare). */
export function currentToken(): string | undefined {
  const session = memory ?? readStored();
  if (!session || session.expiresAt - 60_000 < Date.now()) return undefined;
  memory = session;
  return session.idToken;
}

export function signOut(): void {
  memory = undefined;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be disabled: the in-memory session is gone all the same.
  }
}

function keep(result: AuthenticationResult): void {
  if (!result.IdToken) throw new SignInError('Cognito answered without an ID token.');
  memory = { idToken: result.IdToken, expiresAt: Date.now() + (result.ExpiresIn ?? 3600) * 1000 };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(memory));
  } catch {
    // Kept in memory only: a reload asks again.
  }
}

async function call(config: CognitoConfig, action: string, body: unknown): Promise<CognitoAnswer> {
  let response: Response;
  try {
    response = await fetch(`https://cognito-idp.${config.region}.amazonaws.com/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new SignInError('The sign-in service could not be reached.');
  }
  const answer = (await response.json().catch(() => ({}))) as CognitoAnswer;
  if (!response.ok) {
    const kind = (answer.__type ?? '').split('#').pop();
    if (kind === 'NotAuthorizedException' || kind === 'UserNotFoundException')
      throw new SignInError('The user name or password is wrong.');
    if (kind === 'InvalidPasswordException')
      throw new SignInError(answer.message ?? 'The new password does not meet the rules.');
    throw new SignInError(answer.message ?? `Sign-in failed (HTTP ${response.status}).`);
  }
  return answer;
}

export async function signIn(
  config: CognitoConfig,
  username: string,
  password: string,
): Promise<SignInResult> {
  const answer = await call(config, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: config.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  if (answer.AuthenticationResult) {
    keep(answer.AuthenticationResult);
    return { kind: 'signed-in' };
  }
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session)
    return { kind: 'new-password-required', session: answer.Session, username };
  throw new SignInError(
    `Sign-in needs a step this page does not support (${answer.ChallengeName ?? 'unknown'}); ask an administrator.`,
  );
}

/** A user created by an administrator signs in with a temporary password once, then sets their own. */
export async function setNewPassword(
  config: CognitoConfig,
  pending: { session: string; username: string },
  newPassword: string,
): Promise<void> {
  const answer = await call(config, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: config.clientId,
    Session: pending.session,
    ChallengeResponses: { USERNAME: pending.username, NEW_PASSWORD: newPassword },
  });
  if (!answer.AuthenticationResult) throw new SignInError('Cognito did not accept the new password.');
  keep(answer.AuthenticationResult);
}
