/**
 * What `npm run bench` uploads: real pages, varied so that no two uploads are the same object.
 *
 * - The 1,032 trafilatura evaluation pages (../shared/corpus), each used about ten times under different
 *   keys. Copy 0 is the page exactly as stored (gzipped HTML). Every later copy is altered
 *   deterministically and gzipped again: a sentence of its own appended after the last paragraph (always,
 *   so its exact fingerprint and its ETag differ from every other copy), a suffix on the headline (every
 *   second copy), and one long paragraph dropped (every third copy).
 * - The seed article and the project's samples (plain text, text-layer PDF, scanned PDF, HTML), a few
 *   copies each, altered the same way (a PDF gets a comment after `%%EOF`, which changes its bytes but not
 *   its text: those copies are found to be copies).
 * - A handful of long reads (about 120 KB of text each, paragraphs of several UTF-8 corpus pages), whose
 *   tagged document is far over the claim-check threshold, so the work bucket path is always exercised.
 *   About 6 % of the corpus pages are over it on their own (65 of 1,032, measured with the in-process
 *   parser and tagger).
 *
 * Everything is derived from the input files and the document's position, so a run uploads the same
 * bytes under the same keys every time.
 *
 * Without ../shared beside the checkout (no corpus, no seed) the mix is the project's samples alone,
 * copied as often as needed: enough for `npm run bench:cost` to run, not a realistic mix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CORPUS_HTML_DIR, SEED_PATH } from '../local/shared-material';
import { RAW_PREFIX } from '../shared/topology';

const SAMPLES_DIR = join(__dirname, '..', 'samples');

export type DocumentKind = 'corpus' | 'corpus-copy' | 'seed' | 'sample' | 'long-read';

export interface BenchDocument {
  key: string;
  body: Buffer;
  kind: DocumentKind;
}

/** Sentences appended to a copy; the copy and page numbers make each one unique (bench:search appends them too). */
const CLOSING_SENTENCES = [
  'This report was updated with additional details from the regional desk (revision {c}, page {p}).',
  'An earlier version of this article was corrected on the request of the people named in it ({c}/{p}).',
  'Readers who want to comment can write to the editors, quoting reference {p}-{c}.',
  'The figures quoted above were checked again before publication of edition {c} of item {p}.',
  'Additional reporting by the morning team; this is copy {c} of story {p}.',
];

export const sentence = (copy: number, page: number) =>
  CLOSING_SENTENCES[(copy + page) % CLOSING_SENTENCES.length]!.replace('{c}', String(copy)).replace(
    '{p}',
    String(page),
  );

/**
 * HTML is edited as latin1, one char per byte, so a page in any ASCII-compatible encoding (UTF-8,
 * windows-125x, Shift_JIS, ...) keeps its bytes; only ASCII is inserted.
 */
export function alterHtml(html: string, copy: number, page: number): string {
  let out = html;
  if (copy % 2 === 0) {
    const suffix = ` (update ${copy})`;
    out = out.replace(/<\/title>/i, `${suffix}</title>`);
    out = out.replace(/<\/h1>/i, `${suffix}</h1>`);
  }
  if (copy % 3 === 0) {
    const long = [...out.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].filter(
      (m) => m[1]!.replace(/<[^>]+>/g, '').trim().length > 120,
    );
    const victim = long.length > 1 ? long[(copy / 3) % long.length] : undefined;
    if (victim?.index !== undefined)
      out = out.slice(0, victim.index) + out.slice(victim.index + victim[0].length);
  }
  const note = `<p>${sentence(copy, page)}</p>`;
  const lastParagraph = out.toLowerCase().lastIndexOf('</p>');
  if (lastParagraph >= 0) {
    const at = lastParagraph + '</p>'.length;
    out = out.slice(0, at) + note + out.slice(at);
  } else {
    const body = out.toLowerCase().lastIndexOf('</body>');
    out = body >= 0 ? out.slice(0, body) + note + out.slice(body) : out + note;
  }
  return out;
}

function alterText(text: Buffer, copy: number, page: number): Buffer {
  if (copy === 0) return text;
  return Buffer.concat([text, Buffer.from(`\n\n${sentence(copy, page)}\n`, 'utf8')]);
}

function alterPdf(pdf: Buffer, copy: number): Buffer {
  return copy === 0 ? pdf : Buffer.concat([pdf, Buffer.from(`\n%copydesk-bench copy ${copy}\n`, 'latin1')]);
}

/** Deterministic shuffle (mulberry32), so each phase of a run gets the same mix every time. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs (plain text) of the corpus pages that are valid UTF-8, for the long reads. */
function utf8Paragraphs(pages: Buffer[]): string[][] {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const out: string[][] = [];
  for (const page of pages) {
    let html: string;
    try {
      html = strict.decode(page);
    } catch {
      continue;
    }
    const paragraphs = [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)]
      .map((m) =>
        decodeEntities(m[1]!.replace(/<[^>]+>/g, ' '))
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((p) => p.length > 150);
    if (paragraphs.length >= 5) out.push(paragraphs);
  }
  return out;
}

function longRead(n: number, sources: string[][], minChars = 120_000): Buffer {
  const parts: string[] = [];
  let chars = 0;
  for (let s = 0; chars < minChars; s++) {
    const paragraphs = sources[(n * 7 + s) % sources.length]!;
    for (const p of paragraphs) {
      parts.push(`<p>${escapeHtml(p)}</p>`);
      chars += p.length;
    }
  }
  const title = `Long read ${n}: a dossier of the week's reporting`;
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article>` +
    `<h1>${title}</h1>${parts.join('\n')}<p>${sentence(n, 9999)}</p></article></body></html>`;
  return Buffer.from(html, 'utf8');
}

export interface DocumentMix {
  documents: BenchDocument[];
  counts: Record<DocumentKind, number>;
  corpusPages: number;
}

/**
 * `count` documents: seed copies (count/1000), copies of each sample (count/2000), long reads
 * (count/500, at least 2), and corpus pages and their copies for the rest, shuffled.
 */
export function benchDocuments(count: number): DocumentMix {
  const files = existsSync(CORPUS_HTML_DIR)
    ? readdirSync(CORPUS_HTML_DIR)
        .filter((f) => f.endsWith('.gz'))
        .sort()
    : [];
  const pages = files.map((f) => readFileSync(join(CORPUS_HTML_DIR, f)));
  const documents: BenchDocument[] = [];

  const seed = existsSync(SEED_PATH) ? readFileSync(SEED_PATH) : Buffer.alloc(0);
  const seedCopies = seed.length ? Math.max(1, Math.round(count / 1000)) : 0;
  for (let c = 0; c < seedCopies; c++)
    documents.push({
      key: `${RAW_PREFIX}presstv/seed${c ? `-r${c}` : ''}.txt`,
      body: alterText(seed, c, 0),
      kind: 'seed',
    });

  const samples = readdirSync(SAMPLES_DIR).sort();
  const sampleCopies = files.length
    ? Math.max(1, Math.round(count / 2000))
    : Math.ceil(Math.max(0, count - seedCopies) / samples.length);
  for (const [s, name] of samples.entries()) {
    const bytes = readFileSync(join(SAMPLES_DIR, name));
    for (let c = 0; c < sampleCopies; c++) {
      const body = name.endsWith('.pdf')
        ? alterPdf(bytes, c)
        : name.endsWith('.html')
          ? c === 0
            ? bytes
            : Buffer.from(alterHtml(bytes.toString('latin1'), c, 10_000 + s), 'latin1')
          : alterText(bytes, c, 10_000 + s);
      documents.push({ key: `${RAW_PREFIX}samples${c ? `-r${c}` : ''}/${name}`, body, kind: 'sample' });
    }
  }

  const sources = utf8Paragraphs(pages.slice(0, 400).map((p) => gunzipSync(p)));
  const longReads = sources.length ? Math.max(2, Math.round(count / 500)) : 0;
  for (let n = 0; n < longReads; n++)
    documents.push({
      key: `${RAW_PREFIX}longreads/long-read-${n}.html`,
      body: longRead(n, sources),
      kind: 'long-read',
    });

  const rest = files.length ? Math.max(0, count - documents.length) : 0;
  const html = new Map<number, string>();
  for (let j = 0; j < rest; j++) {
    const p = j % pages.length;
    const copy = Math.floor(j / pages.length);
    if (copy === 0) {
      documents.push({ key: `${RAW_PREFIX}corpus/${files[p]}`, body: pages[p]!, kind: 'corpus' });
      continue;
    }
    let page = html.get(p);
    if (page === undefined) {
      page = gunzipSync(pages[p]!).toString('latin1');
      html.set(p, page);
    }
    documents.push({
      key: `${RAW_PREFIX}corpus-r${copy}/${files[p]}`,
      body: gzipSync(Buffer.from(alterHtml(page, copy, p), 'latin1')),
      kind: 'corpus-copy',
    });
  }

  const picked = shuffle(documents, 20261204).slice(0, count);
  const counts = { corpus: 0, 'corpus-copy': 0, seed: 0, sample: 0, 'long-read': 0 };
  for (const d of picked) counts[d.kind] += 1;
  return { documents: picked, counts, corpusPages: pages.length };
}
