import type { Block } from '../article';

/**
 * HTML and Markdown renditions of a body, rendered from its blocks rather than from input markup, so
 * they are safe by construction: a fixed set of tags (p, h2-h6, ul, ol, li, blockquote, pre, a), no
 * attribute but `href` on links, every text escaped, and links only to http(s) and mailto URLs.
 *
 * Both renditions carry the same text, block by block: the block's text after `renditionText` (control
 * characters dropped and, outside preformatted blocks, whitespace runs collapsed to one space). Blocks
 * left empty by that are not rendered.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Only URLs a reader can follow without running anything. */
export function safeHref(href: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  let url: URL;
  try {
    // The URL parser drops tabs and newlines inside the scheme (`java\tscript:`) and lower-cases it, the
    // way browsers do, so the protocol checked here is the one a browser would act on. Entities are
    // not decoded here: `javascript&#58;…` is not absolute, so it fails to parse and is dropped.
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
    ? url.href
    : undefined;
}

/**
 * Characters no rendition should carry: C0 controls, DEL and the C1 controls (invalid in HTML, and in
 * XML when a consumer converts). Tab and line feed are kept in preformatted text; elsewhere they are
 * whitespace like the rest. Lone surrogates become U+FFFD, so the text encodes to valid UTF-8.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_NOT_SPACE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Whitespace that renditionText changes: a run of two or more, or one that is not a plain space. */
const NOT_ONE_SPACE = /[\t\n\v\f\r]| {2}/;

function wellFormed(s: string): string {
  const toWellFormed = (s as { toWellFormed?: () => string }).toWellFormed;
  return toWellFormed
    ? toWellFormed.call(s)
    : s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * The text a rendition shows for a block. Preformatted text keeps its lines (CR LF and CR become LF;
 * leading and trailing blank lines go, since HTML drops a newline right after `<pre>`); every other
 * block is one line: ASCII whitespace runs (line breaks included, which would otherwise start new
 * Markdown blocks) become one space, and the ends are trimmed of any whitespace (Markdown parsers trim
 * a paragraph's ends); non-breaking and other Unicode spaces inside the text are kept.
 */
export function renditionText(text: string, preformatted = false): string {
  const s = wellFormed(typeof text === 'string' ? text : '');
  if (preformatted)
    return s
      .replace(/\r\n?/g, '\n')
      .replace(CONTROL, '')
      .replace(/^(?:[ \t]*\n)+|\n[ \t\n]*$/g, '');
  const t = s.replace(CONTROL_NOT_SPACE, '');
  // Most texts already have single spaces only; replacing each of them with itself would still build a new
  // copy of every block (the whole body, twice per document, on a large upload).
  return (NOT_ONE_SPACE.test(t) ? t.replace(/[ \t\n\v\f\r]+/g, ' ') : t).trim();
}

type Segment = { text: string; href?: string };

interface Prepared {
  kind: Block['kind'];
  text: string;
  level: number;
  ordered: boolean;
  segments: Segment[];
}

const headingLevel = (level: unknown): number =>
  typeof level === 'number' && Number.isFinite(level) ? Math.min(6, Math.max(2, Math.round(level))) : 2;

/** Splits a text at its links, each link taken at its first occurrence after the previous one. */
function segments(text: string, links: Block['links']): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const link of Array.isArray(links) ? links : []) {
    if (!link || typeof link !== 'object') continue;
    const href = safeHref(link.href);
    const linkText = renditionText(link.text);
    const start = href && linkText ? text.indexOf(linkText, at) : -1;
    if (!href || start < 0) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: linkText, href });
    at = start + linkText.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

const KINDS = new Set<Block['kind']>(['paragraph', 'heading', 'list-item', 'quote', 'preformatted']);

/** Normalized blocks, empty ones dropped; unknown kinds (e.g. from older stored documents) are paragraphs. */
function prepare(blocks: readonly Block[]): Prepared[] {
  const out: Prepared[] = [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!block || typeof block !== 'object') continue;
    const kind = KINDS.has(block.kind) ? block.kind : 'paragraph';
    const text = renditionText(block.text, kind === 'preformatted');
    if (!text) continue;
    out.push({
      kind,
      text,
      level: headingLevel(block.level),
      ordered: block.ordered === true,
      segments: kind === 'preformatted' ? [{ text }] : segments(text, block.links),
    });
  }
  return out;
}

const listTag = (block: Prepared): 'ul' | 'ol' | undefined =>
  block.kind === 'list-item' ? (block.ordered ? 'ol' : 'ul') : undefined;

const inlineHtml = (block: Prepared): string =>
  block.segments
    .map((s) => (s.href ? `<a href="${escapeHtml(s.href)}">${escapeHtml(s.text)}</a>` : escapeHtml(s.text)))
    .join('');

export function renderHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | undefined;
  for (const block of prepare(blocks)) {
    const wanted = listTag(block);
    if (list && wanted !== list) out.push(`</${list}>`);
    if (wanted && wanted !== list) out.push(`<${wanted}>`);
    list = wanted;
    const inner = inlineHtml(block);
    switch (block.kind) {
      case 'heading':
        out.push(`<h${block.level}>${inner}</h${block.level}>`);
        break;
      case 'list-item':
        out.push(`<li>${inner}</li>`);
        break;
      case 'quote':
        out.push(`<blockquote><p>${inner}</p></blockquote>`);
        break;
      case 'preformatted':
        out.push(`<pre>${escapeHtml(block.text)}</pre>`);
        break;
      default:
        out.push(`<p>${inner}</p>`);
    }
  }
  if (list) out.push(`</${list}>`);
  return out.join('\n');
}

/**
 * Escapes a run of text so that Markdown (CommonMark plus the GFM tables and strikethrough that
 * markdown-it enables by default) shows it literally: every character that can open inline syntax
 * (emphasis, code, links, images, autolinks, raw HTML, entities, strikethrough, table cells), and `#`
 * wherever it could open or close an ATX heading. Block-level markers at the start of a line are
 * handled by `escapeLineStart`.
 */
const escapeMarkdown = (s: string): string =>
  s.replace(/[\\`*_[\]<>|&~]/g, '\\$&').replace(/(^|\s)#/g, '$1\\#');

/**
 * A line's content after its block marker (`## `, `- `, `1. `, `> `) must not start another block:
 * a list item (`-`, `+`, `1.`, `1)`), a thematic break (`---`), a heading (`#`, already escaped) or a
 * setext underline (`=`).
 */
const escapeLineStart = (s: string): string =>
  s.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');

/** Inside `<…>` a link destination may hold anything but `<`, `>`, line breaks and backslash escapes. */
const markdownDestination = (href: string): string => href.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c));

const inlineMarkdown = (block: Prepared): string =>
  escapeLineStart(
    block.segments
      .map((s, i) => {
        if (s.href) return `[${escapeMarkdown(s.text)}](<${markdownDestination(s.href)}>)`;
        const text = escapeMarkdown(s.text);
        // A `!` right before a link would turn the link into an image.
        return block.segments[i + 1]?.href ? text.replace(/!$/, '\\!') : text;
      })
      .join(''),
  );

export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  let previous: Prepared | undefined;
  let number = 0;
  for (const block of prepare(blocks)) {
    const sameList =
      previous !== undefined && block.kind === 'list-item' && listTag(previous) === listTag(block);
    let line: string;
    switch (block.kind) {
      case 'heading':
        line = `${'#'.repeat(block.level)} ${inlineMarkdown(block)}`;
        break;
      case 'list-item':
        number = sameList ? number + 1 : 1;
        line = block.ordered ? `${number}. ${inlineMarkdown(block)}` : `- ${inlineMarkdown(block)}`;
        break;
      case 'quote':
        line = `> ${inlineMarkdown(block)}`;
        break;
      case 'preformatted': {
        // A fence longer than any backtick run inside, so no line of the text can close it. (A loop, not
        // Math.max(...runs): spreading a hostile text's many runs would overflow the stack.)
        let longest = 0;
        for (const m of block.text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
        const fence = '`'.repeat(Math.max(3, longest + 1));
        line = `${fence}\n${block.text}\n${fence}`;
        break;
      }
      default:
        line = inlineMarkdown(block);
    }
    // Consecutive items of one list stay together (a tight list); everything else is its own block.
    out.push(out.length === 0 ? line : `${sameList ? '\n' : '\n\n'}${line}`);
    previous = block;
  }
  return out.join('');
}

/** The blocks of an extractor that only gave paragraphs. */
export const paragraphBlocks = (paragraphs: readonly string[]): Block[] =>
  paragraphs.map((text) => ({ kind: 'paragraph', text }));
