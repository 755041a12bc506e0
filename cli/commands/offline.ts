import { readFile, stat } from 'node:fs/promises';
import {
  articlesOf,
  type ParsedArticle,
  type Rejection,
  type TaggedArticle,
} from '../../shared/core/article';
import { articleIdFor } from '../../shared/core/article-id';
import { DEFAULT_MAX_INPUT_BYTES } from '../../shared/topology';
import { CliError } from '../errors';
import { expandPaths } from '../files';

export interface OfflineOptions {
  jsonl: boolean;
  maxBytes?: number;
}

type Outcome =
  { path: string; article: ParsedArticle | TaggedArticle } | { path: string; rejection: Rejection };

/** Waits for the stream to drain, so piping 1,000 articles into `head` or a slow consumer stays bounded. */
function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(`${line}\n`, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}

function summary(o: Outcome): string {
  if ('rejection' in o) return `${o.path}\n  rejected  ${o.rejection.code}: ${o.rejection.message}`;
  const a = o.article;
  const lines = [
    a.feed ? `${o.path}  (feed item ${a.feed.itemKey})` : `${o.path}`,
    `  title     ${a.title || '(no title)'}`,
    `  section   ${a.section ?? '-'}`,
    `  language  ${a.language}   words ${a.body.wordCount}   captions ${a.captions.length}`,
  ];
  if ('entities' in a) {
    const body = a.entities.filter((e) => !e.captionOnly);
    for (const type of ['person', 'organization', 'place'] as const) {
      const names = body
        .filter((e) => e.type === type)
        .slice(0, 8)
        .map((e) => (e.country && e.name !== e.country ? `${e.name} (${e.country})` : e.name));
      if (names.length) lines.push(`  ${`${type}s`.padEnd(9)} ${names.join(', ')}`);
    }
    if (a.keyPhrases.length) lines.push(`  phrases   ${a.keyPhrases.map((k) => k.text).join(', ')}`);
    if (a.topics.length)
      lines.push(`  topics    ${a.topics.map((t) => `${t.label} ${t.confidence.toFixed(2)}`).join(', ')}`);
    lines.push(`  simhash   ${a.fingerprints.simhash}   tagger ${a.tagger.engine} ${a.tagger.version}`);
  }
  return lines.join('\n');
}

function jsonLine(o: Outcome): string {
  if ('rejection' in o) return JSON.stringify({ source: { path: o.path }, rejected: o.rejection });
  return JSON.stringify({ ...o.article, source: { ...o.article.source, path: o.path } });
}

async function processFiles(
  paths: string[],
  opts: OfflineOptions,
  out: NodeJS.WritableStream,
  tag: boolean,
): Promise<number> {
  let files: { path: string }[];
  try {
    files = await expandPaths(paths);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`copydesk: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
  if (files.length === 0) return 0;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  // Loaded once there is a file to read: the parser's packages are most of a run's start-up, and the
  // tagger's model and gazetteers are megabytes that `parse` never needs.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parseDocument } = require('../../shared/core/parse') as typeof import('../../shared/core/parse');
  const tagArticle = tag
    ? (require('../../shared/core/tag') as typeof import('../../shared/core/tag')).tagArticle
    : undefined;
  /* eslint-enable @typescript-eslint/no-require-imports */
  let exitCode = 0;
  for (const { path } of files) {
    let outcomes: Outcome[];
    try {
      const size = (await stat(path)).size;
      // Do not read a file we are going to refuse anyway; it may be far larger than memory.
      if (size > maxBytes) {
        outcomes = [
          {
            path,
            rejection: { code: 'TOO_LARGE', message: `${size} bytes exceeds the ${maxBytes}-byte input cap` },
          },
        ];
      } else {
        const parsed = await parseDocument({
          bytes: await readFile(path),
          id: articleIdFor(path),
          source: { path },
          maxBytes,
        });
        // A feed is one article per item, each on its own line.
        outcomes = parsed.ok
          ? articlesOf(parsed).map((a) => ({ path, article: tagArticle ? tagArticle(a) : a }))
          : [{ path, rejection: parsed.rejection }];
      }
    } catch (err) {
      // Unreadable (permissions, vanished mid-run): say so and go on with the rest.
      process.stderr.write(`copydesk: cannot read ${path}: ${(err as Error).message}\n`);
      exitCode = 1;
      continue;
    }
    for (const outcome of outcomes) await writeLine(out, opts.jsonl ? jsonLine(outcome) : summary(outcome));
  }
  // A rejected input is a result, not a failure of the command.
  return exitCode;
}

export function parseFiles(
  paths: string[],
  opts: OfflineOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  return processFiles(paths, opts, out, false);
}

export function tagFiles(paths: string[], opts: OfflineOptions, out: NodeJS.WritableStream): Promise<number> {
  return processFiles(paths, opts, out, true);
}
