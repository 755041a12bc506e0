/**
 * `npx tsx bench/large-page.ts`: parse time and peak memory for an upload near the input cap, the way the
 * parse function meets it on Lambda. Two synthetic ~20 MB documents, each parsed in its own child process
 * started with `--max-old-space-size=448` (a 512 MB function minus the runtime's share):
 *
 * - an HTML news page: a long article (headings, lists, quotes, figures, links) inside the usual
 *   boilerplate — mega-menu navigation, teaser rails, comments, footer — with inline scripts (analytics,
 *   a framework's JSON state), inline styles, inline SVG icons and data-URI images;
 * - a text dump: a copied page, headline and byline, then paragraphs with captions and furniture lines.
 *
 * The child reads the document from a temporary file into one Buffer (as the parse function holds the S3
 * object's bytes), then runs parseDocument once. Peak RSS is the kernel's high-water mark for the child
 * (`process.resourceUsage().maxRSS`), taken before and after the parse; heap figures come from V8.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parseDocument } from '../shared/core/parse';
import { DEFAULT_MAX_INPUT_BYTES } from '../shared/topology';
import { machineDescription, writeReport } from './report';

const MAX_OLD_SPACE_MIB = 448;
/** Just under the input cap, so the document is parsed rather than rejected as TOO_LARGE. */
const TARGET_BYTES = DEFAULT_MAX_INPUT_BYTES - 256 * 1024;
const KINDS = ['html', 'text'] as const;
type Kind = (typeof KINDS)[number];

// ---------------------------------------------------------------------------------------------------
// Synthesis: deterministic (a fixed-seed PRNG), so every run parses the same bytes.

let seed = 20261129;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const WORDS = (
  'the minister said on tuesday that talks with officials from both countries would continue next week ' +
  'after a meeting in the capital where delegates discussed trade energy security and the future of the ' +
  'agreement signed last year residents of the coastal city have waited months for repairs to the bridge ' +
  'which engineers say was damaged by storms in the spring council members voted to release emergency ' +
  'funds while opposition leaders demanded an inquiry into the cost of the project and the delays that ' +
  'followed police reported no injuries but several roads remained closed according to a statement'
).split(' ');
const NAMES = ['Jane Doe', 'Ali Khan', 'Maria Rossi', 'Taro Kono', 'Wang Yi', 'Amara Okafor', 'Lars Berg'];
const PLACES = ['Tokyo', 'Beijing', 'Lagos', 'Oslo', 'Lima', 'Cairo', 'Hanoi', 'Quito'];

function sentence(): string {
  const n = int(8, 28);
  const words = Array.from({ length: n }, () => pick(WORDS));
  if (rand() < 0.3) words[int(0, n - 1)] = pick(NAMES);
  if (rand() < 0.3) words[int(0, n - 1)] = pick(PLACES);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}${pick(['.', '.', '.', '?', '!'])}`;
}
const paragraph = (sentences = int(2, 6)) => Array.from({ length: sentences }, sentence).join(' ');
const headline = () => {
  const s = Array.from({ length: int(5, 11) }, () => pick(WORDS)).join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}`;
};
const base64 = (bytes: number) =>
  Buffer.from(Array.from({ length: bytes }, () => int(0, 255))).toString('base64');

const TITLE = 'Bridge talks continue as council releases emergency funds';

/** Pieces of page furniture, repeated until the page reaches its size. */
function navigation(): string {
  const sections = Array.from({ length: 14 }, () => headline().split(' ').slice(0, 2).join(' '));
  return `<header class="site-header"><div class="logo"><a href="/"><svg viewBox="0 0 120 30" aria-hidden="true"><path d="${Array.from({ length: 60 }, () => `L${int(0, 120)} ${int(0, 30)}`).join(' ')}"/></svg>Example News</a></div>
<nav class="mega-menu"><ul>${sections
    .map(
      (s, i) =>
        `<li class="menu-item"><a href="/section/${i}">${s}</a><ul class="sub-menu">${Array.from(
          { length: 12 },
          (_, j) =>
            `<li><a href="/section/${i}/${j}" onclick="track('nav',${i},${j})">${headline()}</a></li>`,
        ).join('')}</ul></li>`,
    )
    .join('\n')}</ul></nav>
<div class="breadcrumb"><a href="/">Home</a> / <a href="/world">World</a> / <a href="/world/asia">Asia</a></div></header>`;
}

function inlineScript(bytes: number): string {
  const state: Record<string, unknown>[] = [];
  let size = 0;
  while (size < bytes) {
    const item = {
      id: int(1e6, 9e6),
      title: headline(),
      summary: paragraph(2),
      url: `/story/${int(1e5, 9e5)}`,
    };
    size += JSON.stringify(item).length + 1;
    state.push(item);
  }
  return `<script id="__STATE__" type="application/json">${JSON.stringify({ props: { feed: state } })}</script>
<script>(function(){var q=window._q=window._q||[];q.push(['init',${int(1, 9e6)}]);function track(){q.push([].slice.call(arguments))}window.track=track;${'var x=1;'.repeat(200)}})();</script>`;
}

function inlineStyle(bytes: number): string {
  const rules: string[] = [];
  let size = 0;
  while (size < bytes) {
    const rule = `.c-${int(1, 1e6)} .el-${int(1, 1e4)}{margin:${int(0, 40)}px;padding:${int(0, 20)}px ${int(0, 20)}px;color:#${int(0, 0xffffff).toString(16)};font:${int(10, 30)}px/1.4 serif}`;
    size += rule.length;
    rules.push(rule);
  }
  return `<style>${rules.join('\n')}</style>`;
}

function teaserRail(): string {
  return `<aside class="related"><h3>More from World</h3><ul>${Array.from(
    { length: 8 },
    () =>
      `<li class="teaser"><a href="/story/${int(1e5, 9e5)}"><img src="data:image/jpeg;base64,${base64(300)}" width="120" height="80" alt=""><span class="kicker">${pick(PLACES)}</span> ${headline()}</a><p class="dek">${sentence()}</p><time>${int(1, 59)} min ago</time></li>`,
  ).join('')}</ul></aside>`;
}

function comments(): string {
  return `<section class="comments"><h3>Comments (${int(10, 900)})</h3>${Array.from(
    { length: 10 },
    () =>
      `<div class="comment"><span class="user">${pick(NAMES).split(' ')[0]}${int(1, 999)}</span> <p>${sentence()}</p><button onclick="reply(this)">Reply</button> <a href="#">Report</a></div>`,
  ).join('')}</section>`;
}

function footer(): string {
  return `<footer><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/about/${i}">${headline().split(' ').slice(0, 3).join(' ')}</a></li>`).join('')}</ul><p>© 2026 Example News. All rights reserved.</p></footer>`;
}

/** The article itself: about a tenth of the page, as on real pages where furniture and scripts dominate. */
function articleHtml(bytes: number): string {
  const parts: string[] = [
    `<article><h1>${TITLE}</h1><p class="standfirst">${sentence()}</p><p class="byline">By ${NAMES[0]} and ${NAMES[1]}</p><time datetime="2026-11-28T09:30:00Z">28 November 2026</time>`,
    `<figure class="lead"><img src="https://cdn.example-news.test/photos/lead.jpg" width="1200" height="800" alt="The bridge"><figcaption>The bridge at dawn. <span class="credit">Photo: Lars Berg/Reuters</span></figcaption></figure>`,
  ];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    let block: string;
    n++;
    if (n % 40 === 0) block = `<h2>${headline()}</h2>`;
    else if (n % 55 === 0)
      block = `<ul>${Array.from({ length: int(3, 6) }, () => `<li>${sentence()}</li>`).join('')}</ul>`;
    else if (n % 70 === 0) block = `<blockquote><p>${sentence()}</p></blockquote>`;
    else if (n % 90 === 0)
      block = `<figure><img src="https://cdn.example-news.test/photos/${n}.jpg" width="800" height="533" alt=""><figcaption>${sentence()} <span class="credit">Photo: ${pick(NAMES)}/AFP</span></figcaption></figure>`;
    else if (n % 25 === 0)
      block = `<p>${sentence()} <a href="https://example-news.test/story/${n}">${pick(WORDS)} ${pick(WORDS)}</a> ${sentence()}</p>`;
    else if (n % 33 === 0)
      block = `<div class="ad-slot" data-slot="${n}"><script>googletag.cmd.push(function(){googletag.display('ad-${n}')})</script></div>`;
    else block = `<p>${paragraph()}</p>`;
    size += block.length;
    parts.push(block);
  }
  parts.push('</article>');
  return parts.join('\n');
}

export function synthesizeHtml(target: number): string {
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Example News</title>
<meta property="og:title" content="${TITLE}"><meta property="og:site_name" content="Example News">
<meta property="og:image" content="https://cdn.example-news.test/photos/lead.jpg">
<link rel="canonical" href="https://example-news.test/world/asia/bridge-talks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${TITLE}","datePublished":"2026-11-28T09:30:00Z","author":[{"@type":"Person","name":"${NAMES[0]}"}]}</script>
${inlineStyle(Math.round(target * 0.08))}
${inlineScript(Math.round(target * 0.3))}</head><body>`;
  const article = articleHtml(Math.round(target * 0.1));
  const furniture: string[] = [navigation()];
  let size = head.length + article.length + furniture[0]!.length;
  const tail: string[] = [];
  // Teasers, comments and footers fill the rest: the article sits in the middle of the furniture.
  while (size < target - 4096) {
    const piece = pick([
      teaserRail,
      teaserRail,
      comments,
      footer,
      () => inlineStyle(4096),
      () => inlineScript(8192),
    ])();
    size += piece.length + 1;
    (rand() < 0.3 ? furniture : tail).push(piece);
  }
  return `${head}\n${furniture.join('\n')}\n<main>${article}</main>\n${tail.join('\n')}\n</body></html>`;
}

export function synthesizeText(target: number): string {
  const lines: string[] = [
    'Home | World | Business | Sport | Culture',
    'World / Asia',
    '',
    TITLE,
    '',
    `By ${NAMES[0]} and ${NAMES[1]}`,
    '28 November 2026',
    '',
  ];
  let size = lines.join('\n').length;
  let n = 0;
  while (size < target) {
    n++;
    const line =
      n % 60 === 0
        ? `${sentence()} (Photo: ${pick(NAMES)}/AFP)`
        : n % 45 === 0
          ? headline()
          : n % 150 === 0
            ? 'Advertisement'
            : paragraph(int(3, 8));
    lines.push(line, '');
    size += line.length + 2;
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Child: parse one document and report.

interface ChildResult {
  kind: Kind;
  bytes: number;
  ok: boolean;
  rejection?: string;
  title?: string;
  paragraphs?: number;
  words?: number;
  images?: number;
  htmlRenditionBytes?: number;
  parseMs: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  heapUsedAfterMiB: number;
  totalHeapPeakMiB: number;
}

const MiB = (bytes: number) => bytes / 2 ** 20;

async function child(kind: Kind, path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const started = process.hrtime.bigint();
  const outcome = await parseDocument({ bytes, id: `large-${kind}`, source: { path: `large.${kind}` } });
  const parseMs = Number(process.hrtime.bigint() - started) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  const heap = getHeapStatistics();
  const article = outcome.ok ? (outcome.article ?? outcome.feed?.items[0]) : undefined;
  const result: ChildResult = {
    kind,
    bytes: bytes.length,
    ok: outcome.ok,
    ...(outcome.ok ? {} : { rejection: `${outcome.rejection.code}: ${outcome.rejection.message}` }),
    ...(article
      ? {
          title: article.title,
          paragraphs: article.body.paragraphs.length,
          words: article.body.wordCount,
          images: article.images.length,
          htmlRenditionBytes: Buffer.byteLength(article.body.html),
        }
      : {}),
    parseMs,
    rssBeforeMiB: MiB(rssBefore),
    peakRssMiB: MiB(peak),
    heapUsedAfterMiB: MiB(heap.used_heap_size),
    totalHeapPeakMiB: MiB(heap.total_heap_size),
  };
  process.stdout.write(JSON.stringify(result));
}

// ---------------------------------------------------------------------------------------------------
// Parent: synthesize, run each child, report.

type RunResult =
  ChildResult | { kind: Kind; bytes: number; failed: string; exitCode: number | null; signal: string | null };

function run(kind: Kind, path: string, bytes: number): RunResult {
  const started = Date.now();
  const proc = spawnSync(
    process.execPath,
    [`--max-old-space-size=${MAX_OLD_SPACE_MIB}`, ...process.execArgv, __filename, 'child', kind, path],
    { encoding: 'utf8', maxBuffer: 16 * 2 ** 20, timeout: 10 * 60 * 1000 },
  );
  if (proc.status === 0) return JSON.parse(proc.stdout) as ChildResult;
  const why = /heap out of memory|Allocation failed/i.test(proc.stderr)
    ? 'out of memory (V8 heap limit)'
    : proc.error
      ? String(proc.error.message)
      : proc.stderr.trim().split('\n').slice(-3).join(' ');
  return {
    kind,
    bytes,
    failed: `${why} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
    exitCode: proc.status,
    signal: proc.signal,
  };
}

function main() {
  if (process.argv[2] === 'child') {
    child(process.argv[3] as Kind, process.argv[4]!).catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-large-page-'));
  try {
    const results = KINDS.map((kind) => {
      const doc = kind === 'html' ? synthesizeHtml(TARGET_BYTES) : synthesizeText(TARGET_BYTES);
      const buf = Buffer.from(doc, 'utf8');
      const path = join(dir, `large.${kind}`);
      writeFileSync(path, buf);
      process.stderr.write(`large-page: parsing ${kind} (${MiB(buf.length).toFixed(1)} MiB)…\n`);
      return run(kind, path, buf.length);
    });
    const report = {
      benchmark: 'large-page',
      date: new Date().toISOString(),
      machine: machineDescription(),
      maxOldSpaceMiB: MAX_OLD_SPACE_MIB,
      inputCapBytes: DEFAULT_MAX_INPUT_BYTES,
      results,
    };
    const f = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));
    const rows = results.map((r) =>
      'failed' in r
        ? `| ${r.kind} | ${f(MiB(r.bytes), 1)} MiB | **failed: ${r.failed}** | — | — | — | — |`
        : `| ${r.kind} | ${f(MiB(r.bytes), 1)} MiB | ${r.ok ? `ok: ${r.paragraphs} paragraphs, ${r.words} words, ${r.images} images` : r.rejection} | ${f(r.parseMs)} ms | ${f(r.rssBeforeMiB)} MiB | ${f(r.peakRssMiB)} MiB | ${f(r.heapUsedAfterMiB)} MiB |`,
    );
    writeReport(
      'large-page',
      report,
      `## Large uploads (synthetic pages near the ${MiB(DEFAULT_MAX_INPUT_BYTES).toFixed(0)} MiB input cap)

Command: \`npx tsx bench/large-page.ts\` · ${report.date.slice(0, 10)} · ${report.machine} · each document parsed once in its own child process with \`--max-old-space-size=${MAX_OLD_SPACE_MIB}\` (a 512 MB Lambda minus the runtime)

| document | size | outcome | parse time | RSS before parse | peak RSS | heap used after |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

The HTML page is a long article (headings, lists, quotes, figures, links) inside navigation, teaser rails, comments and footers, with inline scripts (a JSON state blob of about 30 % of the page, analytics, ad slots), inline styles and data-URI images; the text dump is a copied page of the same size. Peak RSS is the child's high-water mark (\`maxRSS\`), bytes read and runtime included; a 512 MB function must stay well under 512 MiB.`,
    );
    console.log(JSON.stringify(report, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
