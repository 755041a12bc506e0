import { Command } from 'commander';
import { CliError, explainAwsError } from './errors';
import type { ReprocessFlags } from './commands/operate';
import type { Target, TargetOptions } from './target';
import { STAGES } from '../shared/topology';

// Every command loads its own modules when it runs, not before: `copydesk parse` should not pay for the
// AWS SDK, nor `copydesk status` for the parser and the tagger's model. Plain require() keeps that lazy in
// the esbuild bundle too (a lazily initialised module), where a dynamic import() would need file extensions.
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  target: () => require('./target') as typeof import('./target'),
  pipeline: () => require('./commands/pipeline') as typeof import('./commands/pipeline'),
  demo: () => require('./commands/demo') as typeof import('./commands/demo'),
  upload: () => require('./commands/upload') as typeof import('./commands/upload'),
  wait: () => require('./commands/wait') as typeof import('./commands/wait'),
  offline: () => require('./commands/offline') as typeof import('./commands/offline'),
  read: () => require('./commands/read') as typeof import('./commands/read'),
  trace: () => require('./commands/trace') as typeof import('./commands/trace'),
  serve: () => require('./commands/serve') as typeof import('./commands/serve'),
  operate: () => require('./commands/operate') as typeof import('./commands/operate'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const print = (text: string) => process.stdout.write(`${text}\n`);
const log = (text: string) => process.stderr.write(`${text}\n`);

const program = new Command()
  .name('copydesk')
  .description(
    'Ingest articles: S3 -> parse -> tag -> index (DynamoDB) -> publish. Local emulator by default.',
  )
  .option('--aws', 'talk to real AWS instead of the local emulator (or COPYDESK_TARGET=aws)')
  .option('--prefix <prefix>', 'resource name prefix (default copydesk)')
  .option('--bucket-suffix <suffix>', 'bucket name suffix of a deployed stack: <account>-<region>')
  .showHelpAfterError();

const targetOptions = (): TargetOptions => program.opts<TargetOptions>();
let endpointForErrors: string | undefined;
const target = (): Target => {
  const { resolveTarget } = load.target();
  const t = resolveTarget(targetOptions());
  endpointForErrors = t.endpoint;
  return t;
};
const configureEnvironment = (): void => load.target().configureEnvironment(targetOptions());

program
  .command('up')
  .description('start the local emulator (MiniStack) if nothing answers, and `cdk deploy` copydesk onto it')
  .action(async () => {
    configureEnvironment();
    const { up } = load.pipeline();
    await up(log);
  });

program
  .command('down')
  .description('stop the emulator copydesk started; it saves its state, and `up` brings it back')
  .action(async () => load.pipeline().down(log));

program
  .command('demo')
  .description(
    'up, upload the sample articles, wait until each is indexed or rejected, show searches, then serve the page',
  )
  .option('--no-serve', 'end after the searches instead of serving the web page')
  .action(async (flags: { serve: boolean }) => {
    configureEnvironment();
    const { demo, serveAfterDemo } = load.demo();
    const target = await demo(print);
    await serveAfterDemo(target, flags.serve && !!process.stdout.isTTY, print, log);
  });

program
  .command('upload')
  .description('put files (directories recursively) into the raw bucket under incoming/')
  .argument('<paths...>')
  .option('--source <name>', "folder under incoming/, the articles' source name")
  .option('--wait', 'wait until the pipeline has indexed or rejected every uploaded file')
  .action(async (paths: string[], flags: { source?: string; wait?: boolean }) => {
    const t = target();
    const { uploadFiles } = load.upload();
    const uploaded = await uploadFiles(t, paths, { source: flags.source });
    if (!flags.wait) {
      for (const u of uploaded) print(`${u.id}  ${u.key}`);
      return;
    }
    const { waitForRecords } = load.wait();
    const records = await waitForRecords(t, uploaded);
    for (const u of uploaded) {
      const record = records.get(u.key)!;
      const outcome = record.rejection ? `rejected ${record.rejection.code}` : record.status;
      print(`${u.id}  ${u.key}  ${outcome}`);
    }
  });

for (const [name, description, command] of [
  ['parse', 'parse local files with no AWS at all', 'parseFiles'],
  ['tag', 'parse and tag local files with no AWS at all', 'tagFiles'],
] as const) {
  program
    .command(name)
    .description(description)
    .argument('<paths...>')
    .option('--jsonl', 'one JSON line per input file')
    .action(async (paths: string[], flags: { jsonl?: boolean }) => {
      const run = load.offline()[command];
      process.exitCode = await run(paths, { jsonl: !!flags.jsonl }, process.stdout);
    });
}

program
  .command('get')
  .description("one article's record, by id or by object key (incoming/...)")
  .argument('<idOrKey>')
  .option('--json', 'machine-readable output')
  .action(async (idOrKey: string, flags: { json?: boolean }) =>
    load.read().getArticle(target(), idOrKey, !!flags.json, print),
  );

program
  .command('trace')
  .description(
    "an article's way through parse, tag, index and publish, by id or object key: times, version tokens, outcomes and the functions' log lines",
  )
  .argument('<idOrKey>')
  .option('--json', 'the structured trace')
  .action(async (idOrKey: string, flags: { json?: boolean }) =>
    load.trace().traceCommand(target(), idOrKey, !!flags.json, print),
  );

program
  .command('query')
  .description(
    "search the archive: words and filters together, best match first, with counts (the HTTP API's GET /articles)",
  )
  .argument('[words...]', 'words to find in headlines, sub-headlines, leads, key phrases and names')
  .option('--entity <name>', 'a person, organization or place, by name or alias')
  .option('--place <name>', 'a place by name')
  .option('--country <code>', 'ISO 3166-1 alpha-2: articles naming a place in that country')
  .option('--topic <topic>', 'IPTC Media Topic code or label, e.g. politics')
  .option('--section <section>')
  .option('--source <name>', 'the folder under incoming/ the file came from')
  .option('--language <code>', 'ISO 639-1, e.g. en')
  .option('--status <status>', 'indexed (the default), rejected or deleted')
  .option('--duplicate-of <idOrKey>', 'the articles found to copy this one (same or near-same text)')
  .option('--since <date>', 'article date from, inclusive: 2026-11 or 2026-11-29')
  .option('--until <date>', 'article date to, inclusive')
  .option('--limit <n>', 'page size, 1 to 100')
  .option('--cursor <cursor>', 'the cursor a previous page printed (same query)')
  .option('--json', "the API's JSON: items, total, facets, cursor")
  .action(async (words: string[], flags) =>
    load.read().queryArticles(target(), { ...flags, ...(words.length ? { q: words.join(' ') } : {}) }, print),
  );

program
  .command('status')
  .description('queue and dead-letter depths, counts of indexed, rejected and deleted articles')
  .option('--json', 'machine-readable output')
  .action(async (flags: { json?: boolean }) => load.read().showStatus(target(), !!flags.json, print));

program
  .command('serve')
  .description("the archive's page and HTTP API on this machine, on loopback, with no sign-in")
  .option('--port <port>', 'port to listen on (0 picks a free one)', '8787')
  .option(
    '--host <address>',
    'address to listen on (default 127.0.0.1); anything else is reachable without sign-in',
  )
  .action(async (flags: { port?: string; host?: string }) => {
    const { closeOnSignal, serve } = load.serve();
    closeOnSignal(await serve(target(), flags, print, log));
  });

program
  .command('reconcile')
  .description(
    'make the index agree with the raw bucket: re-send objects with no or an outdated record, and removals for records whose object is gone',
  )
  .option('--dry-run', 'say what would be sent, send nothing')
  .option('--json', 'machine-readable output')
  .action(async (flags: { dryRun?: boolean; json?: boolean }) => {
    await load.operate().reconcileCommand(target(), flags, print);
  });

program
  .command('redrive')
  .description("move a stage's dead-lettered messages back to the stage's queue")
  .argument('<stage>', `${STAGES.join(', ')} or all`)
  .option('--json', 'machine-readable output')
  .action(async (stage: string, flags: { json?: boolean }) => {
    await load.operate().redriveCommand(target(), stage, flags, print);
  });

program
  .command('reprocess')
  .description(
    'parse and tag stored objects again, chosen by their records (e.g. after a parser or tagger upgrade)',
  )
  .option('--since <date>', 'records written at or after this ISO 8601 date or time')
  .option('--status <status>', 'only rejected or only indexed records (default both)')
  .option(
    '--older-than-version <producer@version>',
    'records made by a parser or tagger older than this, e.g. tagger@2026.12.01',
  )
  .option('--dry-run', 'say what would be sent, send nothing')
  .option('--json', 'machine-readable output')
  .action(async (flags: ReprocessFlags) => {
    await load.operate().reprocessCommand(target(), flags, print);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const explained = error instanceof CliError ? error : explainAwsError(error, endpointForErrors);
  if (explained instanceof CliError) {
    log(`copydesk: ${explained.message}`);
    process.exitCode = explained.exitCode;
  } else {
    log(`copydesk: ${(explained as Error).stack ?? String(explained)}`);
    process.exitCode = 1;
  }
});
