/**
 * `npm run bench`: the whole local pipeline on real pages. Uploads N articles (the dev corpus's HTML
 * pages, gzipped as they are, plus the seed; the embedded samples when ../shared is absent), runs the
 * local runner until every queue is empty, then reports articles/s, upload→queryable latency,
 * DynamoDB write units per article and each function's bundle size.
 *
 *   npm run bench                 # 100 articles
 *   BENCH_ARTICLES=500 npm run bench
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { awsClientConfig } from '../shared/aws/client-config';
import { ArticleIndex } from '../shared/aws/article-index';
import { documentClient } from '../shared/aws/runtime';
import { articleIdFor } from '../shared/core/article-id';
import { articlesOf } from '../shared/core/article';
import { parseDocument } from '../shared/core/parse';
import { tagArticle } from '../shared/core/tag';
import { writeUnitsFor } from '../shared/core/write-units';
import { DEFAULT_INLINE_MESSAGE_BYTES, RAW_PREFIX } from '../shared/topology';
import { esbuildOptions } from '../infra/bundling';
import { provision } from '../test/support/in-process/provision';
import { CORPUS_HTML_DIR, SEED_PATH } from '../local/shared-material';
import { LocalRunner } from '../test/support/in-process/runner';
import { machineDescription, percentile, writeReport } from './report';

const ROOT = join(__dirname, '..');
const FUNCTIONS = ['parse', 'tag', 'index', 'publish', 'query'];

function articleSet(count: number): { name: string; body: Buffer }[] {
  const files: { name: string; body: Buffer }[] = [];
  if (existsSync(SEED_PATH)) files.push({ name: 'presstv/seed.txt', body: readFileSync(SEED_PATH) });
  if (existsSync(CORPUS_HTML_DIR)) {
    for (const file of readdirSync(CORPUS_HTML_DIR).sort()) {
      if (files.length >= count) break;
      files.push({ name: `corpus/${file}`, body: readFileSync(join(CORPUS_HTML_DIR, file)) });
    }
  } else {
    console.error('../shared/corpus is absent: benchmarking on copies of the embedded samples');
    const samples = readdirSync(join(ROOT, 'samples')).sort();
    for (let i = 0; files.length < count; i++) {
      const sample = samples[i % samples.length]!;
      files.push({ name: `samples/${i}-${sample}`, body: readFileSync(join(ROOT, 'samples', sample)) });
    }
  }
  return files;
}

async function bundleSizes() {
  const sizes: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const fn of FUNCTIONS) {
    const result = await build({
      ...esbuildOptions,
      sourcemap: false, // the map ships beside the bundle but is not loaded at cold start
      entryPoints: [join(ROOT, 'functions', fn, 'index.ts')],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    sizes[fn] = { bytes: code.length, gzipBytes: gzipSync(code).length };
  }
  return sizes;
}

/**
 * The domain work alone (parse + tag, no AWS), which is what a Lambda pays for per article, and the size
 * of the tagged document each stage hands on, which decides inline message versus claim check.
 */
async function domainCost(articles: { name: string; body: Buffer }[]) {
  const docBytes: number[] = [];
  const run = async (measure: boolean) => {
    for (const article of articles) {
      const outcome = await parseDocument({
        bytes: article.body,
        id: article.name,
        source: { path: article.name },
      });
      for (const parsed of articlesOf(outcome)) {
        const tagged = tagArticle(parsed);
        if (measure) docBytes.push(Buffer.byteLength(JSON.stringify(tagged)));
      }
    }
  };
  await run(true); // also the warm-up: module loading and JIT, as a warm container has done
  const started = process.hrtime.bigint();
  await run(false);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  docBytes.sort((a, b) => a - b);
  return {
    msPerArticle: ms / articles.length,
    articlesPerSecondPerCore: (articles.length * 1000) / ms,
    taggedDocumentBytes: {
      p50: percentile(docBytes, 50),
      p95: percentile(docBytes, 95),
      max: docBytes.at(-1) ?? 0,
      inlineShare:
        docBytes.filter((b) => b <= DEFAULT_INLINE_MESSAGE_BYTES).length / Math.max(1, docBytes.length),
    },
  };
}

async function main() {
  const count = Number(process.env.BENCH_ARTICLES ?? 100);
  const deployment = await provision({ prefix: `bench${Date.now().toString(36)}` });
  const config = awsClientConfig();
  const s3 = new S3Client(config);
  const db = documentClient(config);
  const index = new ArticleIndex(db, deployment.names.table);
  const batchFailures: string[] = [];
  const runner = new LocalRunner(deployment, {
    waitSeconds: 0,
    onBatch: (r) => {
      if (r.failed)
        batchFailures.push(
          `${r.stage}: ${r.failed}/${r.received} failed${r.batchError ? ` (${r.batchError})` : ''}`,
        );
      if (process.env.BENCH_VERBOSE)
        console.error(`${new Date().toISOString()} ${r.stage} ${r.received} ${r.failed}`);
    },
  });
  const articles = articleSet(count);

  runner.start();
  const uploadedAt = new Map<string, number>();
  const started = Date.now();
  for (const article of articles) {
    const key = `${RAW_PREFIX}${article.name}`;
    await s3.send(new PutObjectCommand({ Bucket: deployment.names.rawBucket, Key: key, Body: article.body }));
    uploadedAt.set(articleIdFor(key), Date.now());
  }
  while ((await runner.backlog()) > 0) await new Promise((r) => setTimeout(r, 200));
  const elapsedMs = Date.now() - started;
  await runner.close();

  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let writeUnits = 0;
  let indexed = 0;
  for (const [id, uploaded] of uploadedAt) {
    const record = await index.get(id);
    statusCounts[record?.status ?? 'missing'] = (statusCounts[record?.status ?? 'missing'] ?? 0) + 1;
    if (!record) continue;
    latencies.push(Date.parse(record.updatedAt) - uploaded);
    if (record.status !== 'indexed') continue;
    indexed++;
    const items = await db.send(
      new QueryCommand({
        TableName: deployment.names.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ARTICLE#${id}` },
      }),
    );
    // First indexing: every item is written in one transaction (2x), and each lands in the GSI too.
    for (const item of items.Items ?? [])
      writeUnits += writeUnitsFor(item, true) + (item.gsi1pk ? writeUnitsFor(item, false) : 0);
  }
  latencies.sort((a, b) => a - b);
  const bundles = await bundleSizes();
  const domain = await domainCost(articles);

  const report = {
    benchmark: 'pipeline',
    date: new Date().toISOString(),
    machine: machineDescription(),
    emulator: process.env.AWS_ENDPOINT_URL,
    articles: articles.length,
    statuses: statusCounts,
    elapsedSeconds: elapsedMs / 1000,
    articlesPerSecond: articles.length / (elapsedMs / 1000),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) },
    writeUnitsPerIndexedArticle: indexed ? writeUnits / indexed : null,
    parseAndTagInProcess: domain,
    batchFailures,
    bundles,
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  writeReport(
    'pipeline',
    report,
    `## Pipeline (local runner on the emulator)

Command: \`npm run bench\` (BENCH_ARTICLES=${articles.length}) · ${report.date.slice(0, 10)} · ${report.machine}

| metric | value |
| --- | --- |
| articles (seed + dev-corpus pages, gzipped HTML as uploaded) | ${articles.length} (${Object.entries(
      statusCounts,
    )
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}) |
| throughput, upload → indexed, one local runner | ${report.articlesPerSecond.toFixed(1)} articles/s |
| latency upload → queryable, p50 / p95 (all uploaded in one burst) | ${report.latencyMs.p50} ms / ${report.latencyMs.p95} ms |
| DynamoDB write units per indexed article (first index) | ${report.writeUnitsPerIndexedArticle?.toFixed(1)} |
| parse + tag alone, in process, warm (no AWS calls) | ${domain.msPerArticle.toFixed(1)} ms/article = ${domain.articlesPerSecondPerCore.toFixed(1)} articles/s per core |
| tagged document JSON p50 / p95 / max | ${kb(domain.taggedDocumentBytes.p50)} / ${kb(domain.taggedDocumentBytes.p95)} / ${kb(domain.taggedDocumentBytes.max)} |
| documents small enough to travel inline (≤ ${kb(DEFAULT_INLINE_MESSAGE_BYTES)}) | ${(domain.taggedDocumentBytes.inlineShare * 100).toFixed(0)} % |
${FUNCTIONS.map((fn) => `| bundle ${fn} (minified / gzipped) | ${kb(bundles[fn]!.bytes)} / ${kb(bundles[fn]!.gzipBytes)} |`).join('\n')}`,
  );
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
