import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { articleIndex } from '../../shared/aws/runtime';
import { InvalidCursorError } from '../../shared/aws/article-index';
import { InvalidQueryError, runQuery, validateQuery, type QueryResponse } from '../../shared/stages/query';

const logger = new Logger({ serviceName: 'copydesk', persistentKeys: { stage: 'query' } });
const index = articleIndex();

/**
 * Invoked directly (IAM-authorised `lambda:InvokeFunction`) with a QueryRequest such as
 * {"op":"list","by":"entity","value":"Wang Yi","since":"2026-01-01","limit":20}.
 * A bad request answers {error}, not an exception, so callers get the reason instead of a stack.
 */
export const handler = async (
  event: unknown,
  context: Context,
): Promise<QueryResponse | { error: string }> => {
  logger.addContext(context);
  try {
    return await runQuery(index, validateQuery(event));
  } catch (error) {
    if (error instanceof InvalidQueryError || error instanceof InvalidCursorError)
      return { error: error.message };
    throw error;
  }
};
