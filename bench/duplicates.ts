/**
 * Duplicate detection on real pages: `npx tsx bench/duplicates.ts`.
 *
 * False positives: SimHash distances between every pair of distinct corpus articles (the trafilatura
 * evaluation set holds no two copies of one story). Detection: each article against the near copies of it
 * that test/support/near-copies.ts makes. Prints both distributions so the threshold is chosen from them, and
 * writes bench/results/duplicates.json and the duplicates section of BENCHMARKS.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { articlesOf, type ParsedArticle } from '../shared/core/article';
import { parseDocument } from '../shared/core/parse';
import { fingerprintArticle, hammingDistance } from '../shared/core/tag/fingerprint';
import { MIN_NEAR_DUPLICATE_WORDS, NEAR_DUPLICATE_DISTANCE } from '../shared/core/duplicates';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { NEAR_COPIES } from '../test/support/near-copies';
import { machineDescription, writeReport } from './report';

async function main(): Promise<void> {
  if (!existsSync(CORPUS_HTML_DIR)) {
    console.log(`skipped: no corpus at ${CORPUS_HTML_DIR}`);
    return;
  }
  const files = readdirSync(CORPUS_HTML_DIR).filter((f) => f.endsWith('.html.gz'));
  const articles: ParsedArticle[] = [];
  for (const file of files) {
    const bytes = gunzipSync(readFileSync(join(CORPUS_HTML_DIR, file)));
    const outcome = await parseDocument({ bytes, id: file, source: { path: file } });
    articles.push(...articlesOf(outcome));
  }
  const eligible = articles.filter((a) => a.body.wordCount >= MIN_NEAR_DUPLICATE_WORDS);

  const started = performance.now();
  const prints = eligible.map(fingerprintArticle);
  const ms = performance.now() - started;
  const words = eligible.reduce((n, a) => n + a.body.wordCount, 0);
  console.log(
    `${files.length} pages, ${articles.length} articles, ${eligible.length} with >= ${MIN_NEAR_DUPLICATE_WORDS} words;` +
      ` fingerprinting took ${(ms / eligible.length).toFixed(2)} ms/article (${((words / ms) * 1000).toFixed(0)} words/s)`,
  );

  const pairs = new Array<number>(65).fill(0);
  const exactPairs: string[] = [];
  const closest: Array<{ d: number; a: string; b: string }> = [];
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      const d = hammingDistance(prints[i]!.simhash, prints[j]!.simhash);
      pairs[d]! += 1;
      if (prints[i]!.exact === prints[j]!.exact) exactPairs.push(`${eligible[i]!.id} = ${eligible[j]!.id}`);
      if (d <= 12) closest.push({ d, a: eligible[i]!.id, b: eligible[j]!.id });
    }
  }
  const total = (prints.length * (prints.length - 1)) / 2;
  console.log(`\ndistinct pairs: ${total}; exact-fingerprint collisions: ${exactPairs.length}`);
  let cumulative = 0;
  for (let d = 0; d <= 20; d++) {
    cumulative += pairs[d]!;
    console.log(
      `  distance <= ${String(d).padStart(2)}: ${String(cumulative).padStart(6)} pairs (${((cumulative / total) * 100).toFixed(4)}%)`,
    );
  }
  for (const c of closest.sort((x, y) => x.d - y.d).slice(0, 10))
    console.log(`  closest ${c.d}: ${c.a} ~ ${c.b}`);

  const falsePositives = pairs.slice(0, NEAR_DUPLICATE_DISTANCE + 1).reduce((a, b) => a + b, 0);
  const detection: Array<{ copy: string; detected: number; median: number }> = [];
  console.log('\nnear copies (distance from the original; exact = same exact fingerprint):');
  for (const [name, copy] of Object.entries(NEAR_COPIES)) {
    const distances = eligible.map((a, i) => ({
      d: hammingDistance(prints[i]!.simhash, fingerprintArticle(copy(a)).simhash),
      exact: prints[i]!.exact === fingerprintArticle(copy(a)).exact,
    }));
    const at = (k: number) =>
      `${((distances.filter((x) => x.d <= k).length / distances.length) * 100).toFixed(1)}%`;
    const sorted = distances.map((x) => x.d).sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    detection.push({
      copy: name,
      detected: distances.filter((x) => x.d <= NEAR_DUPLICATE_DISTANCE).length / distances.length,
      median: q(0.5) ?? 0,
    });
    console.log(
      `  ${name.padEnd(14)} detected ${at(NEAR_DUPLICATE_DISTANCE)} at <= ${NEAR_DUPLICATE_DISTANCE}` +
        ` (<=3 ${at(3)}, <=5 ${at(5)}, <=7 ${at(7)}, <=10 ${at(10)})` +
        `  median ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${sorted.at(-1)}` +
        `  exact-equal ${distances.filter((x) => x.exact).length}`,
    );
  }
  const json = {
    machine: machineDescription(),
    articles: eligible.length,
    pairs: total,
    threshold: NEAR_DUPLICATE_DISTANCE,
    pairsWithinThreshold: falsePositives,
    closest: closest.sort((x, y) => x.d - y.d).slice(0, 10),
    msPerArticle: ms / eligible.length,
    detection,
  };
  const md = `## Duplicates: SimHash on the trafilatura pages (\`npx tsx bench/duplicates.ts\`)

Machine: ${machineDescription()}. ${eligible.length} articles of ${MIN_NEAR_DUPLICATE_WORDS}+ words, ${total} distinct pairs.
Fingerprinting: ${(ms / eligible.length).toFixed(2)} ms per article. Pairs within the near-copy threshold (<= ${NEAR_DUPLICATE_DISTANCE} of 64 bits):
${falsePositives}; the closest pairs are listed in bench/results/duplicates.json, to be read.

| constructed copy of every article | detected at <= ${NEAR_DUPLICATE_DISTANCE} bits | median distance |
| --- | --- | --- |
${detection.map((d) => `| ${d.copy} | ${(d.detected * 100).toFixed(1)} % | ${d.median} |`).join('\n')}`;
  writeReport('duplicates', json, md);
}

void main();
