import { articleIdFor } from '../../shared/core/article-id';
import { InvalidRequestError, NotFoundError, type SearchRequest } from '../../shared/stages/archive-api';
import { CliError } from '../errors';
import { formatArticleView, formatSearch, formatStatus } from '../format';
import type { Target } from '../target';

export type Print = (text: string) => void;

const idOf = (idOrKey: string) => (idOrKey.includes('/') ? articleIdFor(idOrKey) : idOrKey);

/** The archive's own refusals become usage errors (exit 2) and "not found" exit 1, never a stack. */
async function asCli<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof InvalidRequestError) {
      const flag = error.parameter ? ` (--${kebab(error.parameter)})` : '';
      throw new CliError(`${error.message}${flag}`, 2);
    }
    if (error instanceof NotFoundError) throw new CliError(error.message, 1);
    throw error;
  }
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `copydesk get <id | key>`: a key such as incoming/presstv/a.txt is turned into its id. */
export async function getArticle(
  target: Target,
  idOrKey: string,
  json: boolean,
  print: Print,
): Promise<void> {
  const view = await asCli(() => target.archive.article(idOf(idOrKey)));
  print(json ? JSON.stringify(view, null, 2) : formatArticleView(view));
}

/**
 * The search parameters as flags, each the API's parameter of the same name and raw string value
 * (`--duplicate-of` also takes an object key), plus `--json`.
 */
export type QueryFlags = Partial<Record<keyof SearchRequest, string>> & { json?: boolean };

export function searchParams(flags: QueryFlags): Record<string, string | undefined> {
  const { json: _json, duplicateOf, ...rest } = flags;
  const params: Record<string, string | undefined> = { ...rest };
  if (duplicateOf) params.duplicateOf = idOf(duplicateOf);
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

export async function queryArticles(target: Target, flags: QueryFlags, print: Print): Promise<void> {
  const response = await asCli(() => target.archive.search(searchParams(flags)));
  print(flags.json ? JSON.stringify(response, null, 2) : formatSearch(response));
}

export async function showStatus(target: Target, asJson: boolean, print: Print): Promise<void> {
  const status = await target.archive.status();
  print(asJson ? JSON.stringify(status, null, 2) : formatStatus(status));
}
