import type { BatchItemError } from '@aws-sdk/client-comprehend';
import { TaggerUnavailableError } from '../../stages/ports';

/**
 * Comprehend's answers that are about the input we sent: sending the same article again fails the same
 * way, so they become a TAG_FAILED record like a crash of the built-in tagger. Everything else (throttling,
 * internal errors, timeouts, the network, a role not yet allowed to call) may pass, so it is retried.
 */
const INPUT_ERRORS = new Set([
  'BatchSizeLimitExceededException',
  'InvalidRequestException',
  'TextSizeLimitExceededException',
  'UnsupportedLanguageException',
]);
const TRANSIENT_ITEM_ERROR = /internal|throttl|unavailable|timeout|too.?many/i;

/** Comprehend refused what it was sent; retrying the same article cannot help. */
export class ComprehendInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ComprehendInputError';
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export async function callComprehend<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = `Comprehend ${operation} failed: ${describe(error)}`;
    if (error instanceof Error && INPUT_ERRORS.has(error.name))
      throw new ComprehendInputError(message, { cause: error });
    throw new TaggerUnavailableError(message, { cause: error });
  }
}

/** A Batch* call answers per document; one failed document fails the article, retried or recorded as above. */
export function throwItemErrors(operation: string, errors: readonly BatchItemError[] | undefined): void {
  const first = errors?.[0];
  if (!first) return;
  const message =
    `Comprehend ${operation} failed for ${errors.length} document(s): ${first.ErrorCode ?? '?'} ${first.ErrorMessage ?? ''}`.trim();
  if (TRANSIENT_ITEM_ERROR.test(first.ErrorCode ?? '')) throw new TaggerUnavailableError(message);
  throw new ComprehendInputError(message);
}
