import { articleIdFor } from '../../shared/core/article-id';
import { ARTICLE_STATUSES } from '../../shared/core/index-model';
import { runQuery, validateQuery, type QueryRequest } from '../../shared/stages/query';
import { STAGES } from '../../shared/topology';
import { queueDepth } from '../../shared/aws/queue-depth';
import { CliError } from '../errors';
import { formatRecord, formatSummaries } from '../format';
import type { Target } from '../target';

export type Print = (text: string) => void;

const idOf = (idOrKey: string) => (idOrKey.includes('/') ? articleIdFor(idOrKey) : idOrKey);

/** `copydesk get <id | key>`: a key such as incoming/presstv/a.txt is turned into its id. */
export async function getArticle(
  target: Target,
  idOrKey: string,
  json: boolean,
  print: Print,
): Promise<void> {
  const id = idOf(idOrKey);
  const response = await runQuery(target.index, validateQuery({ op: 'get', id }));
  if (response.op !== 'get' || !response.article) throw new CliError(`no article with id ${id}`, 1);
  print(json ? JSON.stringify(response.article, null, 2) : formatRecord(response.article));
}

export interface QueryFlags {
  entity?: string;
  section?: string;
  tag?: string;
  source?: string;
  status?: string;
  /** An article's id or object key: list the articles found to copy it. */
  copiesOf?: string;
  since?: string;
  until?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

/** Builds the request from flags: one facet at a time (each is its own index partition), or newest. */
export function queryFromFlags(flags: QueryFlags): QueryRequest {
  const facets = (['entity', 'section', 'tag', 'source', 'status', 'copiesOf'] as const).filter(
    (f) => flags[f] !== undefined,
  );
  if (facets.length > 1) {
    throw new CliError(
      `give one of --entity, --section, --tag, --source, --status, --copies-of (got ${facets.join(', ')})`,
      2,
    );
  }
  const flag = facets[0];
  const by = flag === undefined ? 'newest' : flag === 'copiesOf' ? 'copies' : flag;
  const value = flag === 'copiesOf' ? idOf(flags.copiesOf!) : flag && flags[flag];
  try {
    return validateQuery({
      op: 'list',
      by,
      value,
      since: flags.since,
      until: flags.until,
      limit: flags.limit === undefined ? undefined : Number(flags.limit),
      cursor: flags.cursor,
    });
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

export async function queryArticles(target: Target, flags: QueryFlags, print: Print): Promise<void> {
  const response = await runQuery(target.index, queryFromFlags(flags));
  if (response.op !== 'list') return;
  print(
    flags.json
      ? JSON.stringify({ items: response.items, cursor: response.cursor }, null, 2)
      : formatSummaries(response.items, response.cursor),
  );
}

export async function showStatus(target: Target, asJson: boolean, print: Print): Promise<void> {
  const queues: Record<string, { waiting: number; deadLettered: number }> = {};
  for (const stage of STAGES) {
    queues[stage] = {
      waiting: await queueDepth(target.sqs, await target.stageQueueUrl(stage)),
      deadLettered: await queueDepth(target.sqs, await target.stageQueueUrl(stage, true)),
    };
  }
  const counts = Object.fromEntries(
    await Promise.all(ARTICLE_STATUSES.map(async (s) => [s, await target.index.countByStatus(s)] as const)),
  );
  if (asJson) {
    print(JSON.stringify({ queues, articles: counts }, null, 2));
    return;
  }
  const lines = ['queue      waiting  dead-lettered'];
  for (const stage of STAGES) {
    lines.push(
      `${stage.padEnd(9)}  ${String(queues[stage]!.waiting).padStart(7)}  ${String(queues[stage]!.deadLettered).padStart(13)}`,
    );
  }
  lines.push(
    '',
    `articles   indexed ${counts.indexed}, rejected ${counts.rejected}, deleted ${counts.deleted}`,
  );
  const deadLettered = STAGES.reduce((n, s) => n + queues[s]!.deadLettered, 0);
  if (deadLettered > 0)
    lines.push(`warning: ${deadLettered} message(s) in dead-letter queues need attention`);
  if (counts.rejected) lines.push('rejected articles and their reasons: copydesk query --status rejected');
  print(lines.join('\n'));
}
