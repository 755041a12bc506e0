/**
 * Client settings for every AWS SDK client copydesk creates. On AWS nothing here applies: the SDK's own
 * defaults (region, role credentials) are right. Against an emulator (AWS_ENDPOINT_URL set, e.g. moto or
 * LocalStack on 127.0.0.1:4566) S3 must use path-style URLs, and dummy credentials/region are supplied
 * when none are configured so a fresh machine needs no AWS setup.
 */
export interface AwsClientConfig {
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
}

export const LOCAL_ENDPOINT = 'http://127.0.0.1:4566';
export const LOCAL_REGION = 'us-east-1';
/** The account an emulator answers as; `cdk deploy` onto it and the deployed bucket names carry it. */
export const EMULATOR_ACCOUNT = '000000000000';

export function awsClientConfig(env: NodeJS.ProcessEnv = process.env): AwsClientConfig {
  const endpoint = env.AWS_ENDPOINT_URL;
  if (!endpoint) return {};
  const config: AwsClientConfig = {
    endpoint,
    forcePathStyle: true,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? LOCAL_REGION,
  };
  if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
    config.credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  }
  return config;
}
