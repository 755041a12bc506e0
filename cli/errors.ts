/** An error the user can act on: printed without a stack, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Turns SDK failures that mean "nothing is running / nothing provisioned" into advice. */
export function explainAwsError(error: unknown, endpoint?: string): Error {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const text = `${e.name ?? ''} ${e.code ?? ''} ${e.message ?? ''} ${e.cause?.code ?? ''}`;
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|socket hang up/i.test(text)) {
    return new CliError(
      `cannot reach AWS at ${endpoint ?? 'the default endpoint'}: start the emulator with \`copydesk up\``,
      3,
    );
  }
  if (/ResourceNotFound|NonExistentQueue|NoSuchBucket|QueueDoesNotExist/i.test(text)) {
    return new CliError(`copydesk is not provisioned there (${e.message}): run \`copydesk up\` first`, 3);
  }
  return error as Error;
}
