/**
 * `npx tsx bench/keyphrases-sample.ts [pages-per-language] [language ...]`: the top five key phrases of a
 * few pages per language of the trafilatura evaluation set (../shared/corpus/trafilatura-eval), to judge
 * the language-independent extractor by eye; then how long extraction takes per article, and whether
 * every page's language is an ISO 639-1 code or "und" (with the script of each "und" page).
 *
 * Entity names to exclude come from the current tagger, so what is shown is what the tag stage would
 * publish. Only extractKeyPhrases is timed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { articlesOf, type ParsedArticle } from '../shared/core/article';
import { parseDocument } from '../shared/core/parse';
import { tagArticle } from '../shared/core/tag';
import { extractKeyPhrases, type PhraseSegment } from '../shared/core/tag/phrases';
import { CORPUS_HTML_DIR } from '../local/shared-material';

const LEAD_PARAGRAPHS = 2;

export function phraseSegments(a: ParsedArticle): PhraseSegment[] {
  return [
    { text: a.title, zone: 'title' },
    ...(a.subtitle ? [{ text: a.subtitle, zone: 'lead' as const }] : []),
    ...a.body.paragraphs.map((text, i) => ({
      text,
      zone: i < LEAD_PARAGRAPHS ? ('lead' as const) : ('body' as const),
    })),
    ...a.captions.map((c) => ({ text: c.text, zone: 'caption' as const })),
  ];
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/gu],
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Han', /\p{Script=Han}/gu],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['Hangul', /\p{Script=Hangul}/gu],
  ['Thai', /\p{Script=Thai}/gu],
  ['Devanagari', /\p{Script=Devanagari}/gu],
  ['Bengali', /\p{Script=Bengali}/gu],
];

/** The script most of the letters are in; "none" for a text without letters. */
function dominantScript(text: string): string {
  let best = 'none';
  let most = 0;
  for (const [name, re] of SCRIPTS) {
    const n = text.match(re)?.length ?? 0;
    if (n > most) [best, most] = [name, n];
  }
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > most * 2 ? 'other' : best;
}

/** ISO 639-1 codes the runtime knows a name for; a two-letter code it cannot name is not one. */
const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const isIso6391 = (code: string): boolean => /^[a-z]{2}$/.test(code) && displayNames.of(code) !== undefined;

let taggerFailures = 0;

/** The names the current tagger finds, lower-cased; none when it fails (it is being rewritten). */
function entityNames(article: ParsedArticle): Set<string> {
  try {
    return new Set(
      tagArticle(article).entities.flatMap((e) => [e.name, ...e.mentions].map((s) => s.toLowerCase())),
    );
  } catch {
    taggerFailures++;
    return new Set();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function main() {
  if (!existsSync(CORPUS_HTML_DIR)) {
    console.error(`corpus not found at ${CORPUS_HTML_DIR}`);
    process.exit(1);
  }
  const perLanguage = Number(process.argv[2] ?? 3);
  const only = new Set(process.argv.slice(3));
  const files = readdirSync(CORPUS_HTML_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();

  const byLanguage = new Map<string, Array<{ file: string; article: ParsedArticle }>>();
  let pages = 0;
  for (const file of files) {
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(CORPUS_HTML_DIR, file))));
    let outcome;
    try {
      outcome = await parseDocument({ bytes, id: file, source: { path: file } });
    } catch {
      continue;
    }
    for (const article of articlesOf(outcome)) {
      pages++;
      const list = byLanguage.get(article.language) ?? [];
      list.push({ file, article });
      byLanguage.set(article.language, list);
    }
  }
  const languages = [...byLanguage.keys()].sort(
    (a, b) => byLanguage.get(b)!.length - byLanguage.get(a)!.length || (a < b ? -1 : 1),
  );

  const timed: Array<{ segments: PhraseSegment[]; language: string; exclude: Set<string>; words: number }> =
    [];
  for (const language of languages) {
    const list = byLanguage.get(language)!;
    const show = only.size === 0 || only.has(language);
    if (show) console.log(`\n== ${language} (${list.length} pages)`);
    // Spread the sample over the language's pages rather than taking the first few.
    const step = Math.max(1, Math.floor(list.length / perLanguage));
    for (const [i, { file, article }] of list.entries()) {
      const segments = phraseSegments(article);
      const exclude = entityNames(article);
      const phrases = extractKeyPhrases(segments, language, exclude);
      timed.push({ segments, language, exclude, words: article.body.wordCount });
      if (show && i % step === 0 && i / step < perLanguage) {
        const top = phrases
          .slice(0, 5)
          .map((p) => `${p.text} (${p.score})`)
          .join(' · ');
        console.log(`${file}  ${article.title.slice(0, 70)}\n    ${top || '(none)'}`);
      }
    }
  }

  // Timed in a pass of its own, after every language's lists are built and away from the tagger's garbage.
  const timings = timed.map(({ segments, language, exclude, words }) => {
    const started = process.hrtime.bigint();
    extractKeyPhrases(segments, language, exclude);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, words };
  });
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b);
  const words = timings.reduce((s, t) => s + t.words, 0);
  const total = ms.reduce((s, x) => s + x, 0);
  console.log(
    `\ntiming: ${timings.length} articles, median ${percentile(ms, 0.5).toFixed(3)} ms, p95 ${percentile(ms, 0.95).toFixed(3)} ms, ` +
      `${((total / words) * 800).toFixed(3)} ms per 800 words`,
  );

  if (taggerFailures)
    console.log(`the tagger failed on ${taggerFailures} pages: their entity names were not excluded`);
  const notIso = languages.filter((l) => l !== 'und' && !isIso6391(l));
  console.log(
    `\nlanguages: ${languages.map((l) => `${l} ${byLanguage.get(l)!.length}`).join(', ')} (${pages} pages)`,
  );
  console.log(`not ISO 639-1 or "und": ${notIso.length ? notIso.join(', ') : 'none'}`);
  const undScripts = new Map<string, number>();
  for (const { article } of byLanguage.get('und') ?? []) {
    const script = dominantScript(`${article.title} ${article.body.text}`);
    undScripts.set(script, (undScripts.get(script) ?? 0) + 1);
  }
  console.log(`"und" by script: ${[...undScripts].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
