import { Command } from 'commander';
import { CliError, explainAwsError } from './errors';
import { demo, serveAfterDemo } from './commands/demo';
import { down, up } from './commands/pipeline';
import { getArticle, queryArticles, showStatus } from './commands/read';
import { uploadFiles } from './commands/upload';
import { waitForRecords } from './commands/wait';
import { parseFiles, tagFiles } from './commands/offline';
import { registerOperations } from './commands/operate';
import { closeOnSignal, serve } from './commands/serve';
import { configureEnvironment, resolveTarget, type TargetOptions } from './target';

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
const target = () => {
  const t = resolveTarget(targetOptions());
  endpointForErrors = t.endpoint;
  return t;
};

program
  .command('up')
  .description('start the local emulator (MiniStack) if nothing answers, and `cdk deploy` copydesk onto it')
  .action(async () => {
    configureEnvironment(targetOptions());
    await up(log);
  });

program
  .command('down')
  .description('stop the emulator copydesk started; it saves its state, and `up` brings it back')
  .action(() => down(log));

program
  .command('demo')
  .description(
    'up, upload the sample articles, wait until each is indexed or rejected, show searches, then serve the page',
  )
  .option('--no-serve', 'end after the searches instead of serving the web page')
  .action(async (flags: { serve: boolean }) => {
    configureEnvironment(targetOptions());
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
    const uploaded = await uploadFiles(t, paths, { source: flags.source });
    if (!flags.wait) {
      for (const u of uploaded) print(`${u.id}  ${u.key}`);
      return;
    }
    const records = await waitForRecords(t, uploaded);
    for (const u of uploaded) {
      const record = records.get(u.key)!;
      const outcome = record.rejection ? `rejected ${record.rejection.code}` : record.status;
      print(`${u.id}  ${u.key}  ${outcome}`);
    }
  });

for (const [name, description, run] of [
  ['parse', 'parse local files with no AWS at all', parseFiles],
  ['tag', 'parse and tag local files with no AWS at all', tagFiles],
] as const) {
  program
    .command(name)
    .description(description)
    .argument('<paths...>')
    .option('--jsonl', 'one JSON line per input file')
    .action(async (paths: string[], flags: { jsonl?: boolean }) => {
      process.exitCode = await run(paths, { jsonl: !!flags.jsonl }, process.stdout);
    });
}

program
  .command('get')
  .description("one article's record, by id or by object key (incoming/...)")
  .argument('<idOrKey>')
  .option('--json', 'machine-readable output')
  .action(async (idOrKey: string, flags: { json?: boolean }) =>
    getArticle(target(), idOrKey, !!flags.json, print),
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
    queryArticles(target(), { ...flags, ...(words.length ? { q: words.join(' ') } : {}) }, print),
  );

program
  .command('status')
  .description('queue and dead-letter depths, counts of indexed, rejected and deleted articles')
  .option('--json', 'machine-readable output')
  .action(async (flags: { json?: boolean }) => showStatus(target(), !!flags.json, print));

program
  .command('serve')
  .description("the archive's page and HTTP API on this machine, on loopback, with no sign-in")
  .option('--port <port>', 'port to listen on (0 picks a free one)', '8787')
  .option(
    '--host <address>',
    'address to listen on (default 127.0.0.1); anything else is reachable without sign-in',
  )
  .action(async (flags: { port?: string; host?: string }) =>
    closeOnSignal(await serve(target(), flags, print, log)),
  );

registerOperations(program, target, print);

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
