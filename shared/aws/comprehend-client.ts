import { ComprehendClient } from '@aws-sdk/client-comprehend';
import { awsClientConfig } from './client-config';

let client: ComprehendClient | undefined;

/**
 * One Comprehend client per process, made only where the Comprehend engine is chosen. Adaptive retries
 * slow the client down when Comprehend throttles, which the tag stage's concurrency can provoke, and the
 * timeouts keep a hung connection from spending the function's whole time budget; what still fails is
 * retried by SQS.
 */
export function comprehendClient(): ComprehendClient {
  client ??= new ComprehendClient({
    ...awsClientConfig(),
    retryMode: 'adaptive',
    maxAttempts: 4,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
  });
  return client;
}
