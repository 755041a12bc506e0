/**
 * `npx tsx bench/parse-diagnose.ts [--half even|odd|all] [--worst N] [--only file] [--show]`: a development
 * aid for the HTML extractor, not run in CI. Scores parseHtml on the trafilatura evaluation set with the
 * bench's metric and prints the documents that lose the most: the `with` snippets it missed and the
 * `without` snippets it leaked. It reads the even half, the development half, unless told otherwise; the odd
 * half is the monitored half, whose totals check that a change generalises and whose pages are not read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CORPUS_HTML_DIR } from '../local/shared-material';
import { decodeText } from '../shared/core/parse/decode';
import { parseHtml } from '../shared/core/parse/html';

interface Case {
  file: string;
  with: string[];
  without: string[];
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const half = opt('half') ?? 'even';
const worst = Number(opt('worst') ?? 15);
const only = opt('only');
const show = args.includes('--show');

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const evaldata = join(CORPUS_HTML_DIR, '..', 'evaldata.json');
if (!existsSync(evaldata)) {
  console.error('parse-diagnose: ../shared/corpus/trafilatura-eval is not beside this checkout');
  process.exit(0);
}
const cases = Object.values(JSON.parse(readFileSync(evaldata, 'utf8')) as Record<string, Case>).filter(
  (_, i) => (half === 'even' ? i % 2 === 0 : half === 'odd' ? i % 2 === 1 : true),
);

let tp = 0;
let fn = 0;
let fp = 0;
let ms = 0;
const rows: Array<{ file: string; missed: string[]; leaked: string[]; text: string }> = [];
for (const c of cases) {
  if (only && !c.file.includes(only)) continue;
  const path = join(CORPUS_HTML_DIR, `${c.file}.gz`);
  const bytes = existsSync(path) ? new Uint8Array(gunzipSync(readFileSync(path))) : new Uint8Array();
  const t0 = process.hrtime.bigint();
  let text = '';
  try {
    const decoded = decodeText(bytes);
    if (decoded.ok) {
      const x = parseHtml(decoded.text);
      text = `${x.title}\n${x.paragraphs.join('\n\n')}`;
    }
  } catch (err) {
    console.error(c.file, err);
  }
  ms += Number(process.hrtime.bigint() - t0) / 1e6;
  const hay = normalize(text);
  const missed = c.with.filter((s) => !hay.includes(normalize(s)));
  const leaked = c.without.filter((s) => hay.includes(normalize(s)));
  tp += c.with.length - missed.length;
  fn += missed.length;
  fp += leaked.length;
  rows.push({ file: c.file, missed, leaked, text });
}
rows.sort((a, b) => b.missed.length + b.leaked.length - (a.missed.length + a.leaked.length));
const save = opt('save');
if (save) {
  const byFile = new Map(cases.map((c) => [c.file, c]));
  const out: Record<string, { tp: number; fp: number }> = {};
  for (const r of rows)
    out[r.file] = { tp: byFile.get(r.file)!.with.length - r.missed.length, fp: r.leaked.length };
  writeFileSync(save, JSON.stringify(out));
}
const compare = opt('compare');
if (compare) {
  // Per-document counts from another extractor (JSON {file: {tp, fp}}): show where it does better.
  const other = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, { tp: number; fp: number }>;
  const byFile = new Map(cases.map((c) => [c.file, c]));
  const delta = (r: (typeof rows)[number]) => {
    const c = byFile.get(r.file)!;
    const o = other[r.file];
    if (!o) return 0;
    return o.tp - o.fp - (c.with.length - r.missed.length - r.leaked.length);
  };
  rows.sort((a, b) => delta(b) - delta(a));
  console.log('worse than the other extractor on', rows.filter((r) => delta(r) > 0).length, 'documents');
}
for (const r of rows.slice(0, worst)) {
  if (!r.missed.length && !r.leaked.length) break;
  console.log(
    `\n== ${r.file}  missed ${r.missed.length} leaked ${r.leaked.length}  (${r.text.length} chars)`,
  );
  for (const m of r.missed) console.log(`  - MISSED ${JSON.stringify(m.slice(0, 100))}`);
  for (const l of r.leaked) console.log(`  + LEAKED ${JSON.stringify(l.slice(0, 100))}`);
  if (show) console.log(r.text.slice(0, 3000));
}
const p = tp / (tp + fp);
const r = tp / (tp + fn);
console.log(
  `\n${rows.length} docs  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${((2 * tp) / (2 * tp + fp + fn)).toFixed(3)}  ` +
    `tp ${tp} fn ${fn} fp ${fp}  ${(rows.length / (ms / 1000)).toFixed(1)} pages/s`,
);
