/**
 * `npx tsx bench/topics-sample.ts [count] [offset]`: prints the IPTC topics the classifier gives the
 * first English pages of the trafilatura evaluation set (../shared/corpus/trafilatura-eval), with
 * each page's title, for judging by eye, and the mean classification time per article. Nothing
 * from the corpus is written anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlesOf, type ParsedArticle } from '../shared/core/article';
import { parseDocument } from '../shared/core/parse';
import { classifyTopics } from '../shared/core/tag/topics';
import { CORPUS_HTML_DIR, SEED_PATH } from '../local/shared-material';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 40);
  const offset = Number(process.argv[3] ?? 0);
  if (!existsSync(CORPUS_HTML_DIR)) {
    console.error(`corpus not found at ${CORPUS_HTML_DIR}`);
    process.exit(1);
  }
  const files = readdirSync(CORPUS_HTML_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  const articles: ParsedArticle[] = [];
  if (existsSync(SEED_PATH)) {
    const seed = await parseDocument({
      bytes: readFileSync(SEED_PATH),
      id: 'seed',
      source: { path: 'seed.txt' },
    });
    articles.push(...articlesOf(seed));
  }
  let skipped = 0;
  for (const file of files) {
    if (articles.length > count) break;
    const outcome = await parseDocument({
      bytes: readFileSync(join(CORPUS_HTML_DIR, file)),
      id: file,
      source: { path: file },
    });
    for (const a of articlesOf(outcome)) {
      if (a.language !== 'en' || a.body.wordCount < 80) continue;
      if (skipped++ < offset) continue;
      articles.push(a);
    }
  }
  const list = articles.slice(0, count + 1);
  for (const a of list) {
    const topics = classifyTopics(a);
    console.log(`\n${a.source.path}  [${a.body.wordCount} words]\n  ${a.title.slice(0, 110)}`);
    console.log(`  ${topics.map((t) => `${t.label} ${t.confidence.toFixed(2)}`).join(' | ') || '(none)'}`);
  }
  // Timing: warm, then repeat so the per-article figure is not dominated by the clock's resolution.
  const rounds = 20;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const a of list) classifyTopics(a);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / (rounds * list.length);
  const words = list.reduce((s, a) => s + a.body.wordCount, 0) / list.length;
  console.log(`\n${list.length} articles, mean ${words.toFixed(0)} words: ${ms.toFixed(3)} ms per article`);
}

void main();
