import type { Page, Route } from 'playwright-core';
import { cognitoOrigin, contentSecurityPolicy } from '../../shared/http/security-headers';
import {
  describeWithBrowser,
  newPage,
  openSession,
  type PageSession,
  type Watch,
} from '../support/browser/browser';
import { fixtureArchive } from '../support/browser/fixture-archive';

jest.setTimeout(30_000);

const REGION = 'eu-west-1';
const COGNITO = cognitoOrigin(REGION);
const CONFIG = {
  apiBase: '/api',
  auth: { kind: 'cognito', region: REGION, userPoolId: `${REGION}_Example1`, clientId: 'exampleclientid' },
};
const ID_TOKEN = 'header.payload.signature';

/**
 * The page as deployed on AWS: /config.json names a Cognito user pool, and the CSP lets the page call it
 * (as CloudFront's policy does). Cognito itself is played by the test, answering InitiateAuth and
 * RespondToAuthChallenge as the user pool's JSON API does; the API refuses calls without the token.
 */
describeWithBrowser('signing in against Cognito, in Chromium', () => {
  let session: PageSession;
  let page: Page;
  let watch: Watch;
  let cognitoCalls: Array<{ target: string; body: Record<string, unknown> }>;
  let apiAuthorization: Array<string | undefined>;

  beforeAll(async () => {
    session = await openSession(fixtureArchive());
  });
  afterAll(async () => {
    await session?.close();
  });

  const asDeployed = async (
    answers: Record<string, (body: Record<string, unknown>) => [number, unknown]>,
  ) => {
    ({ page, watch } = await newPage(session));
    cognitoCalls = [];
    apiAuthorization = [];
    await page.route(`${session.url}/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/config.json') return route.fulfill({ json: CONFIG });
      if (url.pathname.startsWith('/api/')) {
        const authorization = route.request().headers().authorization;
        apiAuthorization.push(authorization);
        if (authorization !== `Bearer ${ID_TOKEN}`)
          return route.fulfill({ status: 401, json: { message: 'Unauthorized' } });
        return route.continue();
      }
      const response = await route.fetch();
      const headers = {
        ...response.headers(),
        'content-security-policy': contentSecurityPolicy({ connect: [COGNITO] }),
      };
      return route.fulfill({ response, headers });
    });
    await page.route(`${COGNITO}/`, async (route: Route) => {
      const target = (route.request().headers()['x-amz-target'] ?? '').split('.').pop()!;
      const body = route.request().postDataJSON() as Record<string, unknown>;
      cognitoCalls.push({ target, body });
      const answer = answers[target];
      if (!answer) return route.fulfill({ status: 400, json: { __type: 'InvalidParameterException' } });
      const [status, json] = answer(body);
      return route.fulfill({ status, json, headers: { 'access-control-allow-origin': '*' } });
    });
  };

  afterEach(async () => {
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await page.context().close();
  });

  const signIn = async (password: string) => {
    await page.getByLabel('User name or email').fill('editor@example.org');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
  };
  const authenticated = { AuthenticationResult: { IdToken: ID_TOKEN, ExpiresIn: 3600, AccessToken: 'a' } };

  test('asks for a sign-in, says when the password is wrong, then calls the API with the ID token', async () => {
    await asDeployed({
      InitiateAuth: (body) =>
        (body.AuthParameters as Record<string, string>).PASSWORD === 'right'
          ? [200, authenticated]
          : [400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }],
    });
    await page.goto(`${session.url}/#/search?q=japan`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(apiAuthorization).toEqual([]);

    await signIn('wrong');
    await expect(page.getByRole('alert').innerText()).resolves.toBe('The user name or password is wrong.');
    await signIn('right');
    await page.getByTestId('result-count').waitFor();
    expect(cognitoCalls.map((c) => c.target)).toEqual(['InitiateAuth', 'InitiateAuth']);
    expect(cognitoCalls[1]!.body).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'exampleclientid',
      AuthParameters: { USERNAME: 'editor@example.org', PASSWORD: 'right' },
    });
    expect(apiAuthorization.every((a) => a === `Bearer ${ID_TOKEN}`)).toBe(true);
    // Kept for the tab only.
    await expect(page.evaluate('localStorage.length')).resolves.toBe(0);
    await expect(page.evaluate('sessionStorage.length')).resolves.toBe(1);

    // A reload in the same tab stays signed in; signing out asks again.
    await page.reload();
    await page.getByTestId('result-count').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.evaluate('sessionStorage.length')).resolves.toBe(0);
  });

  test('a first sign-in sets a new password (NEW_PASSWORD_REQUIRED)', async () => {
    await asDeployed({
      InitiateAuth: () => [200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'challenge-session' }],
      RespondToAuthChallenge: () => [200, authenticated],
    });
    await page.goto(`${session.url}/#/status`);
    await signIn('temporary');
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('a-long-new-passphrase');
    await page.getByLabel('New password').press('Enter');
    await page.getByRole('region', { name: 'Queues' }).waitFor();
    expect(cognitoCalls[1]).toEqual({
      target: 'RespondToAuthChallenge',
      body: {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: 'exampleclientid',
        Session: 'challenge-session',
        ChallengeResponses: { USERNAME: 'editor@example.org', NEW_PASSWORD: 'a-long-new-passphrase' },
      },
    });
  });

  test('an API answer of 401 (an expired token) brings the sign-in back', async () => {
    await asDeployed({ InitiateAuth: () => [200, authenticated] });
    await page.addInitScript(
      `sessionStorage.setItem('copydesk.session', JSON.stringify({ idToken: 'expired.token.x', expiresAt: Date.now() + 3600000 }))`,
    );
    await page.goto(`${session.url}/#/rejected`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(apiAuthorization).toEqual(['Bearer expired.token.x']);
    await signIn('right');
    await page.locator('.rejected-table').waitFor();
  });
});
