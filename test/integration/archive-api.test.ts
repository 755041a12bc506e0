import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand } from '@aws-sdk/client-s3';
// The SDK's own signer (a dependency of every @aws-sdk client), so requests are signed as the SDK signs.
import { SignatureV4 } from '@smithy/signature-v4';
import { awsClientConfig } from '../../shared/aws/client-config';
import { articleIdFor } from '../../shared/core/article-id';
import { RAW_PREFIX } from '../../shared/topology';
import { deployToEmulator } from '../../local/deploy';
import { resolveTarget, type Target } from '../../cli/target';
import { waitForRecords } from '../../cli/commands/wait';
import type { Uploaded } from '../../cli/commands/upload';
import { documentedRouteKeys, responseValidator } from '../support/openapi';
import { Sha256 } from '../support/sha256';

jest.setTimeout(240_000);

const SAMPLES = join(__dirname, '..', '..', 'samples');

/**
 * The archive's two HTTP APIs as `cdk deploy` put them on the emulator, called over HTTP through
 * MiniStack's execute-api path form (`/_aws/execute-api/<api id>/api/<route>`), with the real API
 * function behind them reading what the deployed pipeline indexed.
 *
 * What this shows, and what it cannot (MiniStack 1.5.33, default settings):
 * - SigV4 API: an unsigned request is refused (403) and a signed one answers. MiniStack does not check
 *   the signature unless started with AUTH=true, under which `cdk deploy` itself fails, so a wrong
 *   secret, an expired signature or credentials without execute-api:Invoke are NOT refused here; on AWS
 *   API Gateway refuses them itself (403), and the policy side is the deployed IAM, not copydesk code.
 *   api-credentials.test.ts restarts an emulator of its own with AUTH=true and shows those refusals.
 * - Cognito API: the authorizer really verifies the token (RS256 against the pool's JWKS, issuer,
 *   audience, expiry; needs `cryptography` in the emulator's venv): a real user's id token answers, a
 *   missing, tampered, forged or other pool's token gets 401.
 * - The CloudFront distribution is deployed but not exercised (the page's files are not deployed on the
 *   emulator, and /api/* forwarding to API Gateway is CloudFront's own).
 */
describe("the archive's HTTP APIs on the emulator", () => {
  const endpoint = process.env.AWS_ENDPOINT_URL ?? '';
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const source = `api-${randomBytes(3).toString('hex')}`;
  const validate = responseValidator();
  /** The JSON of a response, as the fields these tests read. */
  const json = async (response: Response) =>
    (await response.json()) as { items: Array<{ id: string }>; headlines: Array<{ value: string }> };
  let target: Target;
  let outputs: Record<string, string>;
  let indexed: Uploaded;
  let rejected: Uploaded;

  const url = (apiId: string, path: string) => `${endpoint}/_aws/execute-api/${apiId}/api${path}`;

  const signer = new SignatureV4({
    service: 'execute-api',
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    sha256: Sha256,
  });

  /** GET with a SigV4 signature for execute-api, as `curl --aws-sigv4` or the SDK would send it. */
  const signedGet = async (apiId: string, path: string) => {
    const target = new URL(url(apiId, path));
    const signed = await signer.sign({
      method: 'GET',
      protocol: target.protocol,
      hostname: target.hostname,
      port: Number(target.port),
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: { host: target.host },
    });
    return fetch(target, { headers: signed.headers as Record<string, string> });
  };

  const cognito = async (action: string, body: object, signed = false) => {
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    };
    const payload = JSON.stringify(body);
    let sent = headers;
    if (signed) {
      const host = new URL(endpoint).host;
      const request = await new SignatureV4({
        service: 'cognito-idp',
        region,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        sha256: Sha256,
      }).sign({
        method: 'POST',
        protocol: 'http:',
        hostname: new URL(endpoint).hostname,
        port: Number(new URL(endpoint).port),
        path: '/',
        headers: { ...headers, host },
        body: payload,
      });
      sent = request.headers as Record<string, string>;
    }
    const response = await fetch(`${endpoint}/`, { method: 'POST', headers: sent, body: payload });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${action}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };

  /** A user of `poolId` (created as an administrator would), signed in: their id token. */
  const idTokenFor = async (poolId: string, clientId: string) => {
    const username = `editor-${randomBytes(3).toString('hex')}`;
    const password = `Correct-Horse-${randomBytes(4).toString('hex')}-9!`;
    // A temporary password of the pool's policy (MiniStack's generated one is shorter than 14).
    await cognito(
      'AdminCreateUser',
      {
        UserPoolId: poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: `${password}t`,
      },
      true,
    );
    await cognito(
      'AdminSetUserPassword',
      { UserPoolId: poolId, Username: username, Password: password, Permanent: true },
      true,
    );
    const auth = await cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    });
    return (auth.AuthenticationResult as { IdToken: string }).IdToken;
  };

  const bearerGet = (path: string, token?: string) =>
    fetch(
      url(outputs.CognitoApiId!, path),
      token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
    );

  beforeAll(async () => {
    if (!endpoint)
      throw new Error('run with `npm test` (or scripts/with-emulator.js), which starts the emulator');
    // cdk deploy leaves unchanged stacks alone: after the deployed-pipeline test this only synthesizes.
    await deployToEmulator({ output: new PassThrough().resume() });
    target = resolveTarget({});
    const cloudFormation = new CloudFormationClient(awsClientConfig());
    const stack = (await cloudFormation.send(new DescribeStacksCommand({ StackName: 'CopydeskStateless' })))
      .Stacks![0]!;
    cloudFormation.destroy();
    outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));

    const put = async (name: string, body: Uint8Array | string): Promise<Uploaded> => {
      const key = `${RAW_PREFIX}${source}/${name}`;
      const response = await target.s3.send(
        new PutObjectCommand({ Bucket: target.names.rawBucket, Key: key, Body: body }),
      );
      return { path: name, key, id: articleIdFor(key), etag: response.ETag!.replace(/"/g, '') };
    };
    indexed = await put('council-budget.txt', readFileSync(join(SAMPLES, 'council-budget.txt')));
    rejected = await put('poison.bin', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00]));
    await waitForRecords(target, [indexed, rejected], { timeoutMs: 120_000, quiet: true });
  });

  test('the stack names both APIs, the user pool and its client', () => {
    for (const name of [
      'SigV4ApiId',
      'CognitoApiId',
      'UserPoolId',
      'UserPoolClientId',
      'SigV4ApiUrl',
      'CognitoApiUrl',
    ])
      expect(outputs[name]).toEqual(expect.any(String));
    expect(outputs.SigV4ApiUrl).toBe(`https://${outputs.SigV4ApiId}.execute-api.${region}.amazonaws.com/api`);
  });

  describe('the SigV4 API', () => {
    test.each(documentedRouteKeys())('refuses an unsigned %s with 403', async (routeKey) => {
      const path = routeKey.split(' ')[1]!.replace('{id}', '0123456789abcdef0123');
      const response = await fetch(url(outputs.SigV4ApiId!, path));
      expect(response.status).toBe(403);
    });

    test('answers a signed search with the documented shape, finding the indexed sample', async () => {
      const response = await signedGet(outputs.SigV4ApiId!, `/articles?source=${source}&q=budget`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await json(response);
      expect(validate('GET /articles', '200', body)).toEqual({ valid: true, errors: 'No errors' });
      expect(body.items.map((i) => i.id)).toEqual([indexed.id]);
    });

    test('answers every documented route, each with its documented shape', async () => {
      const ninjsReady = async () =>
        (await signedGet(outputs.SigV4ApiId!, `/articles/${indexed.id}/ninjs`)).status;
      // The publish stage writes the ninjs document after the record: give it the time it takes.
      const deadline = Date.now() + 60_000;
      while ((await ninjsReady()) !== 200 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 500));
      const paths: Record<string, string> = {
        'GET /articles': `/articles?source=${source}`,
        'GET /articles/{id}': `/articles/${indexed.id}`,
        'GET /articles/{id}/ninjs': `/articles/${indexed.id}/ninjs`,
        'GET /rejected': `/rejected?source=${source}`,
        'GET /status': '/status',
      };
      for (const routeKey of documentedRouteKeys()) {
        const response = await signedGet(outputs.SigV4ApiId!, paths[routeKey]!);
        const body = await json(response);
        expect({ routeKey, status: response.status }).toEqual({ routeKey, status: 200 });
        expect({ routeKey, ...validate(routeKey, '200', body) }).toEqual({
          routeKey,
          valid: true,
          errors: 'No errors',
        });
        if (routeKey === 'GET /rejected') expect(body.items.map((i) => i.id)).toEqual([rejected.id]);
        if (routeKey === 'GET /articles/{id}/ninjs')
          expect(body.headlines[0]!.value).toMatch(/Riverton council/);
      }
    });

    test('refuses a bad parameter with 400, naming it and saying why', async () => {
      const response = await signedGet(outputs.SigV4ApiId!, '/articles?limit=1000');
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body).toEqual({ error: expect.stringMatching(/limit/), parameter: 'limit' });
      expect(validate('GET /articles', '400', body).valid).toBe(true);
      const unknown = await signedGet(outputs.SigV4ApiId!, '/articles?colour=red');
      expect(await unknown.json()).toMatchObject({ parameter: 'colour' });
    });

    test('an unknown article is 404', async () => {
      const response = await signedGet(outputs.SigV4ApiId!, '/articles/0000000000000000dead');
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    });
  });

  describe('the Cognito API', () => {
    let token: string;
    beforeAll(async () => {
      token = await idTokenFor(outputs.UserPoolId!, outputs.UserPoolClientId!);
    });

    test("answers a signed-in user's search (id token, as the page sends it)", async () => {
      const response = await bearerGet(`/articles?source=${source}`, token);
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(validate('GET /articles', '200', body)).toEqual({ valid: true, errors: 'No errors' });
      expect(body.items.map((i) => i.id)).toEqual([indexed.id]);
    });

    test('refuses a bad parameter with 400 and the reason, once signed in', async () => {
      const response = await bearerGet('/rejected?q=budget', token);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        parameter: 'q',
        error: expect.stringMatching(/unknown/),
      });
    });

    test('refuses a request without a token with 401', async () => {
      expect((await bearerGet('/status')).status).toBe(401);
      expect((await bearerGet('/status', '')).status).toBe(401);
      expect((await bearerGet('/status', 'not-a-jwt')).status).toBe(401);
    });

    test('refuses a tampered token with 401', async () => {
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const forgedPayload = Buffer.from(JSON.stringify({ ...claims, 'cognito:username': 'admin' })).toString(
        'base64url',
      );
      expect((await bearerGet('/status', `${header}.${forgedPayload}.${signature}`)).status).toBe(401);
      const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
      expect((await bearerGet('/status', `${header}.${payload}.${flipped}`)).status).toBe(401);
    });

    test('refuses a token signed with another key, claiming the pool and client, with 401', async () => {
      const [header, payload] = token.split('.') as [string, string];
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
      expect((await bearerGet('/status', `${header}.${payload}.${signature}`)).status).toBe(401);
    });

    test("refuses another user pool's valid token with 401", async () => {
      const pool = await cognito('CreateUserPool', { PoolName: `foreign-${source}` }, true);
      const poolId = (pool.UserPool as { Id: string }).Id;
      const client = await cognito(
        'CreateUserPoolClient',
        {
          UserPoolId: poolId,
          ClientName: 'foreign',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
        true,
      );
      const foreign = await idTokenFor(poolId, (client.UserPoolClient as { ClientId: string }).ClientId);
      expect((await bearerGet('/status', foreign)).status).toBe(401);
      // ... while the same request with the pool's own token answers.
      expect((await bearerGet('/status', token)).status).toBe(200);
    });

    // (The converse, a token on the SigV4 API, is 403 on AWS; MiniStack lets any Authorization header
    // through its IAM check, so it is not asserted here.)
    test('does not take SigV4 signatures', async () => {
      expect((await signedGet(outputs.CognitoApiId!, '/status')).status).toBe(401);
    });
  });
});
