import type { Block, Rejection } from '../article';
import { authorsFrom, optional } from './fields';
import { normalizeLanguageTag } from './language';
import { titleFromProse } from './text-dump';
import { normalizeSpace } from './text-util';
import type { Extracted } from './types';

/**
 * Text PDFs through pdf.js (unpdf's serverless build): the text layer's runs are grouped into lines by
 * baseline, lines into paragraphs by spacing and font size; larger lines are headings, the largest on the
 * first page the title when the metadata has none. Scanned PDFs (no text layer) are refused: no OCR.
 */

/** The slice of unpdf (and pdf.js's document proxy) used here. */
interface PdfPage {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}
interface PdfDocument {
  numPages: number;
  getMetadata(): Promise<{ info: unknown }>;
  getPage(n: number): Promise<PdfPage>;
  loadingTask: { destroy(): Promise<void> };
}
interface Unpdf {
  getDocumentProxy(data: Uint8Array, options?: Record<string, unknown>): Promise<PdfDocument>;
  definePDFJSModule(pdfjs: () => Promise<unknown>): Promise<void>;
}

let loading: Promise<Unpdf> | undefined;

/**
 * unpdf is ESM-only inside (its pdf.js build); a dynamic import loads it from CommonJS under Node, tsx and
 * esbuild's bundle alike, and only when a PDF arrives. The explicit `unpdf/pdfjs` import lets bundlers
 * (and jest's module map) see the module unpdf would otherwise import by a computed name.
 */
function loadUnpdf(): Promise<Unpdf> {
  const pending =
    loading ??
    (async (): Promise<Unpdf> => {
      const unpdf = (await import('unpdf')) as unknown as Unpdf;
      await unpdf.definePDFJSModule(() => import('unpdf/pdfjs'));
      return unpdf;
    })();
  // A failed load is not cached: the next PDF tries again.
  loading = pending;
  pending.catch(() => {
    if (loading === pending) loading = undefined;
  });
  return pending;
}

/** Long reports are cut here: the parse function has a time budget. */
export const MAX_PDF_PAGES = 300;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  text: string;
  size: number;
  y: number;
  page: number;
}

/** Runs of one page into lines, in content order. */
function pageLines(items: readonly TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let cur: { text: string; size: number; y: number; endX: number } | undefined;
  const push = () => {
    if (cur && cur.text.trim())
      lines.push({ text: normalizeSpace(cur.text), size: cur.size, y: cur.y, page });
    cur = undefined;
  };
  for (const it of items) {
    if (!('str' in it)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = it.transform;
    const size = Math.round(Math.max(Math.hypot(c, d), Math.hypot(a, b), it.height || 0) * 10) / 10;
    if (it.str) {
      if (cur && Math.abs(y - cur.y) > Math.max(2, cur.size * 0.5)) push();
      if (!cur) cur = { text: it.str, size, y, endX: x + it.width };
      else {
        const gap = x - cur.endX;
        const space = gap > size * 0.15 && !/\s$/.test(cur.text) && !/^\s/.test(it.str) ? ' ' : '';
        cur.text += space + it.str;
        cur.size = Math.max(cur.size, size);
        cur.endX = x + it.width;
      }
    }
    if (it.hasEOL) push();
  }
  push();
  return lines;
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/**
 * Headers and footers repeat on most pages (page numbers aside); they are not the text. In a short
 * document, a line in small print on every page is one too.
 */
function dropRunningLines(lines: Line[], pages: number, body: number): Line[] {
  const shape = (t: string) => t.toLowerCase().replace(/\d+/g, '#');
  const pagesWith = new Map<string, Set<number>>();
  for (const l of lines) {
    const k = shape(l.text);
    pagesWith.set(k, (pagesWith.get(k) ?? new Set()).add(l.page));
  }
  return lines.filter((l) => {
    if (PAGE_NUMBER.test(l.text)) return false;
    const on = pagesWith.get(shape(l.text))?.size ?? 0;
    if (pages >= 3 && on >= Math.max(3, pages * 0.5)) return false;
    return !(pages >= 2 && on === pages && l.size < body);
  });
}

/** The size most of the text is set in. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  return [...weight.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 10;
}

const joinLines = (a: string, b: string): string =>
  /\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b) ? `${a.slice(0, -1)}${b}` : `${a} ${b}`;

function toBlocks(lines: readonly Line[], body: number): { blocks: Block[]; largest?: Line[] } {
  const blocks: Block[] = [];
  let para: string | undefined;
  let prev: Line | undefined;
  const flush = () => {
    if (para) blocks.push({ kind: 'paragraph', text: para });
    para = undefined;
  };
  // The title candidate: the largest text on the first page, when it is larger than the body.
  const first = lines.filter((l) => l.page === lines[0]?.page);
  const max = Math.max(...first.map((l) => l.size));
  const largest = max >= body * 1.15 ? first.filter((l) => l.size === max).slice(0, 3) : undefined;
  for (const l of lines) {
    const heading = l.size >= body * 1.15 && l.text.length <= 150;
    if (heading) {
      flush();
      const last = blocks.at(-1);
      // A heading set over two lines is one heading.
      if (
        last?.kind === 'heading' &&
        prev &&
        prev.size === l.size &&
        prev.page === l.page &&
        prev.y - l.y < l.size * 1.6
      )
        last.text = `${last.text} ${l.text}`;
      else blocks.push({ kind: 'heading', text: l.text, level: l.size >= body * 1.6 ? 2 : 3 });
      prev = l;
      continue;
    }
    const gap = prev && prev.page === l.page ? prev.y - l.y : 0;
    // Across a page break a paragraph goes on unless the last line ended a sentence.
    const newParagraph =
      !para ||
      !prev ||
      (prev.page === l.page && (gap > Math.max(prev.size, l.size) * 1.6 || gap < 0)) ||
      (prev.page !== l.page && /[.!?:]["”’)]?$/.test(prev.text)) ||
      Math.abs(prev.size - l.size) > body * 0.1;
    if (newParagraph) {
      flush();
      para = l.text;
    } else para = joinLines(para!, l.text);
    prev = l;
  }
  flush();
  return { blocks, largest };
}

/** "D:20240305083000+01'00'" -> ISO 8601. */
export function pdfDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      v.trim(),
    );
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', , sign, oh, om] = m;
  const zone = sign ? `${sign}${oh ?? '00'}:${om ?? '00'}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const junkTitle = (t?: string): boolean =>
  !t?.trim() ||
  /^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|rtf|txt))$/i.test(
    t.trim(),
  );

export type PdfParse = { ok: true; x: Extracted } | { ok: false; rejection: Rejection };

export async function parsePdf(bytes: Uint8Array): Promise<PdfParse> {
  const unpdf = await loadUnpdf();
  let doc: PdfDocument;
  try {
    // A copy: pdf.js may take ownership of (detach) the buffer it is given.
    doc = await unpdf.getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      stopAtErrors: false,
    });
  } catch (err) {
    const e = err as Error;
    if (e?.name === 'PasswordException')
      return {
        ok: false,
        rejection: {
          code: 'UNSUPPORTED_TYPE',
          message: 'password-protected PDF: encrypted PDFs are not ingested',
        },
      };
    return {
      ok: false,
      rejection: { code: 'BINARY', message: `not a readable PDF: ${e?.message ?? String(err)}` },
    };
  }
  try {
    const meta = await doc.getMetadata().catch(() => ({ info: {} }));
    const info = (meta.info ?? {}) as Record<string, unknown>;
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    let lines: Line[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      lines.push(...pageLines(content.items as TextItem[], p));
      page.cleanup();
    }
    if (
      lines
        .map((l) => l.text)
        .join('')
        .replace(/\s/g, '').length === 0
    ) {
      return {
        ok: false,
        rejection: {
          code: 'NO_CONTENT',
          message: `the PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'}, probably scanned images); OCR is not supported`,
        },
      };
    }
    lines = dropRunningLines(lines, pages, bodySize(lines));
    const body = bodySize(lines);
    const { blocks: all, largest } = toBlocks(lines, body);
    let blocks = all;
    const metaTitle =
      typeof info.Title === 'string' && !junkTitle(info.Title) ? normalizeSpace(info.Title) : undefined;
    let title = metaTitle;
    const firstHeading = blocks.find((b) => b.kind === 'heading');
    const largestText = largest ? normalizeSpace(largest.map((l) => l.text).join(' ')) : undefined;
    if (
      firstHeading &&
      (firstHeading.text === title || (!title && largestText && firstHeading.text === largestText))
    ) {
      title ??= firstHeading.text;
      blocks = blocks.filter((b) => b !== firstHeading);
    }
    if (!title) {
      const p = blocks.find((b) => b.kind === 'paragraph');
      title = p ? titleFromProse(p.text) : '';
    }
    const subject = typeof info.Subject === 'string' ? normalizeSpace(info.Subject) : undefined;
    // Headings above the first paragraph that repeat the title or the subject are the cover, not the text.
    const firstParagraph = blocks.findIndex((b) => b.kind !== 'heading');
    blocks = blocks.filter(
      (b, i) =>
        !(b.kind === 'heading' && i < firstParagraph && (title?.includes(b.text) || b.text === subject)),
    );
    return {
      ok: true,
      x: {
        title,
        ...optional('subtitle', subject),
        paragraphs: blocks.map((b) => b.text),
        blocks,
        captions: [],
        images: [],
        authors: authorsFrom(typeof info.Author === 'string' ? info.Author : undefined),
        ...optional('publishedAt', pdfDate(info.CreationDate)),
        ...optional('modifiedAt', pdfDate(info.ModDate)),
        ...optional(
          'declaredLanguage',
          normalizeLanguageTag(typeof info.Language === 'string' ? info.Language : undefined),
        ),
      },
    };
  } finally {
    await doc.loadingTask.destroy().catch(() => undefined);
  }
}
