import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { SignatureV4 } from '@smithy/signature-v4';
import { awsClientConfig, EMULATOR_ACCOUNT, LOCAL_REGION } from '../../shared/aws/client-config';
import { deployToEmulator } from '../../local/deploy';
import { ensureEmulator, stopEmulator } from '../../local/emulator';
import { Sha256 } from '../support/sha256';

jest.setTimeout(300_000);

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

interface Answer {
  status: number;
  body: string;
}

/**
 * Issue 9's abuse cases for the SigV4 API: unsigned, expired or foreign credentials each get a clear 4xx.
 *
 * MiniStack only checks signatures and IAM policies when started with AUTH=true, under which `cdk deploy`
 * itself fails. So this suite runs its own persistent emulator (base port + 3: faults.test.ts has + 1),
 * deploys onto it, stops it (MiniStack saves its state on SIGTERM) and starts it again with AUTH=true.
 * The root key `test` is never checked; the callers are IAM users created here: one allowed
 * execute-api:Invoke on the API's GET routes (the grant the README documents), one with no policy, one
 * allowed on the other (Cognito) API only.
 *
 * What MiniStack 1.5.33 answers, each a 403 with a JSON body (`__type` and `message`, the shape API
 * Gateway's IAM refusals have): no policy or another API's -> AccessDeniedException naming the user and
 * execute-api:Invoke; a wrong secret -> InvalidSignatureException; an access key it does not know ->
 * UnrecognizedClientException; a signature older than 5 minutes -> InvalidSignatureException "Signature
 * expired: ..." (it checks the time, as API Gateway does); unsigned -> {"message":"Forbidden"}.
 */
describe('the SigV4 API refuses bad credentials (emulator with AUTH=true)', () => {
  const previousEndpoint = process.env.AWS_ENDPOINT_URL;
  const endpoint = `http://127.0.0.1:${Number(new URL(previousEndpoint ?? 'http://127.0.0.1:4566').port || 4566) + 3}`;
  const region = process.env.AWS_REGION ?? LOCAL_REGION;
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-api-credentials-'));
  const ROOT: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  let apiId: string;
  let cognitoApiId: string;
  let stage: string;
  let permitted: Credentials;
  let unpermitted: Credentials;
  let elsewhere: Credentials;

  const signer = (service: string, credentials: Credentials) =>
    new SignatureV4({ service, region, credentials, sha256: Sha256 });

  /** A call to IAM's query API, signed with the root key: the XML it answers. */
  const iam = async (action: string, params: Record<string, string> = {}) => {
    const url = new URL(endpoint);
    const body = new URLSearchParams({ Action: action, Version: '2010-05-08', ...params }).toString();
    const signed = await signer('iam', ROOT).sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const response = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`iam ${action}: ${response.status} ${text}`);
    return text;
  };

  /** An IAM user with an access key, and `policy` as its inline policy when given. */
  const userWithKey = async (policy?: object): Promise<Credentials> => {
    const name = `api-caller-${randomBytes(3).toString('hex')}`;
    await iam('CreateUser', { UserName: name });
    if (policy)
      await iam('PutUserPolicy', {
        UserName: name,
        PolicyName: 'invoke-archive-api',
        PolicyDocument: JSON.stringify(policy),
      });
    const xml = await iam('CreateAccessKey', { UserName: name });
    const field = (tag: string) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1];
    const accessKeyId = field('AccessKeyId');
    const secretAccessKey = field('SecretAccessKey');
    if (!accessKeyId || !secretAccessKey) throw new Error(`CreateAccessKey answered no key: ${xml}`);
    return { accessKeyId, secretAccessKey };
  };

  /** The grant the README documents: execute-api:Invoke on the GET routes of one API's stage. */
  const invokePolicy = (api: string) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: `arn:aws:execute-api:${region}:${EMULATOR_ACCOUNT}:${api}/${stage}/GET/*`,
      },
    ],
  });

  const articlesUrl = () => new URL(`${endpoint}/_aws/execute-api/${apiId}/${stage}/articles`);

  /** GET /articles on the SigV4 API, signed with `credentials` (at `signingDate`), or unsigned. */
  const getArticles = async (credentials?: Credentials, signingDate?: Date): Promise<Answer> => {
    const url = articlesUrl();
    let headers: Record<string, string> = {};
    if (credentials) {
      const signed = await signer('execute-api', credentials).sign(
        {
          method: 'GET',
          protocol: url.protocol,
          hostname: url.hostname,
          port: Number(url.port),
          path: url.pathname,
          query: {},
          headers: { host: url.host },
        },
        signingDate ? { signingDate } : {},
      );
      headers = signed.headers as Record<string, string>;
    }
    const response = await fetch(url, { headers });
    return { status: response.status, body: await response.text() };
  };

  beforeAll(async () => {
    process.env.AWS_ENDPOINT_URL = endpoint;
    await ensureEmulator(endpoint, { persist: true, dataDir });
    await deployToEmulator({ output: devNull() });
    const cloudFormation = new CloudFormationClient(awsClientConfig());
    const stack = (await cloudFormation.send(new DescribeStacksCommand({ StackName: 'CopydeskStateless' })))
      .Stacks![0]!;
    cloudFormation.destroy();
    const outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));
    apiId = outputs.SigV4ApiId!;
    cognitoApiId = outputs.CognitoApiId!;
    // https://<api id>.execute-api.<region>.amazonaws.com/<stage>
    stage = new URL(outputs.SigV4ApiUrl!).pathname.split('/')[1]!;

    await stopEmulator(endpoint);
    const restarted = await ensureEmulator(endpoint, { persist: true, dataDir, env: { AUTH: 'true' } });
    expect(restarted.started).toBe(true);
    const health = (await (await fetch(`${endpoint}/_ministack/health`)).json()) as { auth: string };
    expect(health.auth).toBe('enabled');

    permitted = await userWithKey(invokePolicy(apiId));
    unpermitted = await userWithKey();
    elsewhere = await userWithKey(invokePolicy(cognitoApiId));
  });

  afterAll(async () => {
    await stopEmulator(endpoint);
    rmSync(dataDir, { recursive: true, force: true });
    process.env.AWS_ENDPOINT_URL = previousEndpoint;
  });

  /** The refusal's JSON: what a caller reads. Never a 5xx, an HTML page or a stack trace. */
  const refusal = (answer: Answer) => {
    expect(answer.status).toBe(403);
    expect(answer.body).not.toMatch(/Traceback|at .+\(.+:\d+:\d+\)/);
    return JSON.parse(answer.body) as { __type?: string; message: string };
  };

  test('answers a user allowed execute-api:Invoke on the API', async () => {
    const answer = await getArticles(permitted);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ items: [], total: 0 });
  });

  test('refuses a user without execute-api:Invoke: 403 AccessDeniedException, naming user and action', async () => {
    expect(refusal(await getArticles(unpermitted))).toEqual({
      __type: 'AccessDeniedException',
      message: expect.stringMatching(
        /^User: arn:aws:iam::\d{12}:user\/api-caller-\w+ is not authorized to perform: execute-api:Invoke/,
      ),
    });
  });

  test('refuses a user allowed on another API only: 403 AccessDeniedException', async () => {
    expect(refusal(await getArticles(elsewhere))).toMatchObject({
      __type: 'AccessDeniedException',
      message: expect.stringContaining('is not authorized to perform: execute-api:Invoke'),
    });
  });

  test('refuses a wrong secret: 403 InvalidSignatureException', async () => {
    const wrong = {
      ...permitted,
      secretAccessKey: `${permitted.secretAccessKey}x`,
    };
    expect(refusal(await getArticles(wrong))).toEqual({
      __type: 'InvalidSignatureException',
      message: expect.stringContaining('The request signature we calculated does not match'),
    });
  });

  test("refuses an access key it does not know (another account's): 403 UnrecognizedClientException", async () => {
    const foreign = {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    };
    expect(refusal(await getArticles(foreign))).toEqual({
      __type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  test('refuses a signature made 20 minutes ago: 403 "Signature expired" (the window is 5 minutes)', async () => {
    const answer = await getArticles(permitted, new Date(Date.now() - 20 * 60_000));
    expect(refusal(answer)).toEqual({
      __type: 'InvalidSignatureException',
      message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than .* - 5 min\.\)$/),
    });
    // ... while the same key signing now answers.
    expect((await getArticles(permitted)).status).toBe(200);
  });

  test('refuses an unsigned request: 403 Forbidden', async () => {
    expect(refusal(await getArticles())).toEqual({ message: 'Forbidden' });
  });
});

const devNull = (): NodeJS.WritableStream => new Writable({ write: (_chunk, _encoding, done) => done() });
