import { awsClientConfig } from '../../shared/aws/client-config';
import { cloudWatchFunctionLogs } from '../../shared/aws/function-logs';
import { NotFoundError } from '../../shared/stages/archive-api';
import { traceArticle } from '../../shared/stages/trace';
import { formatTrace } from '../../shared/stages/trace-format';
import { CliError } from '../errors';
import type { Target } from '../target';
import type { Print } from './read';

/** `copydesk trace <id | key>`: the article's way through the stages, from its record and the functions' logs. */
export async function traceCommand(
  target: Target,
  idOrKey: string,
  json: boolean,
  print: Print,
): Promise<void> {
  try {
    const trace = await traceArticle(idOrKey, {
      records: target.index,
      logs: cloudWatchFunctionLogs(awsClientConfig()),
    });
    print(json ? JSON.stringify(trace, null, 2) : formatTrace(trace));
  } catch (error) {
    if (error instanceof NotFoundError) throw new CliError(error.message, 1);
    throw error;
  }
}
