import type { Rejection, RejectionCode } from '../core/article';

/**
 * Parsing and tagging are pure: the same input fails the same way every time, so retrying only delays
 * the dead-letter queue. A failure there becomes a rejection with its reason instead, queryable like any
 * other, and the file is processed again when it is re-uploaded after a fix.
 */
export function failureAsRejection<T extends { ok: boolean }>(
  code: Extract<RejectionCode, 'PARSE_FAILED' | 'TAG_FAILED'>,
  step: () => T,
): T | { ok: false; rejection: Rejection } {
  try {
    return step();
  } catch (error) {
    return asRejection(code, error);
  }
}

/** The same for a step that is pure but asynchronous (the PDF and DOCX readers are). */
export async function failureAsRejectionAsync<T extends { ok: boolean }>(
  code: Extract<RejectionCode, 'PARSE_FAILED' | 'TAG_FAILED'>,
  step: () => Promise<T>,
): Promise<T | { ok: false; rejection: Rejection }> {
  try {
    return await step();
  } catch (error) {
    return asRejection(code, error);
  }
}

/** The rejection a failed pure step is recorded as: its error, named and cut to a readable length. */
export function asRejection(code: RejectionCode, error: unknown): { ok: false; rejection: Rejection } {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, rejection: { code, message: message.slice(0, 500) } };
}
