import type { Block } from '../article';

/**
 * HTML and Markdown renditions of a body, rendered from its blocks rather than from input markup, so
 * they are safe by construction: a fixed set of tags, every text escaped, and links only to http(s)
 * and mailto URLs.
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
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
    ? url.href
    : undefined;
}

type Segment = { text: string; href?: string };

/** Splits a block's text at its links, each link taken at its first occurrence after the previous one. */
function segments(block: Block): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const link of block.links ?? []) {
    const href = safeHref(link.href);
    const start = link.text ? block.text.indexOf(link.text, at) : -1;
    if (!href || start < 0) continue;
    if (start > at) out.push({ text: block.text.slice(at, start) });
    out.push({ text: link.text, href });
    at = start + link.text.length;
  }
  if (at < block.text.length) out.push({ text: block.text.slice(at) });
  return out;
}

const inlineHtml = (block: Block): string =>
  segments(block)
    .map((s) => (s.href ? `<a href="${escapeHtml(s.href)}">${escapeHtml(s.text)}</a>` : escapeHtml(s.text)))
    .join('');

export function renderHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | undefined;
  for (const block of blocks) {
    const wanted = block.kind === 'list-item' ? (block.ordered ? 'ol' : 'ul') : undefined;
    if (list && wanted !== list) out.push(`</${list}>`);
    if (wanted && wanted !== list) out.push(`<${wanted}>`);
    list = wanted;
    const inner = inlineHtml(block);
    switch (block.kind) {
      case 'heading': {
        const level = Math.min(6, Math.max(2, block.level ?? 2));
        out.push(`<h${level}>${inner}</h${level}>`);
        break;
      }
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

/** Characters that would otherwise start Markdown syntax, or raw HTML, inside a text run. */
const escapeMarkdown = (s: string): string =>
  s.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/^(\s*)([#+\-=]|\d+\.)(?=\s)/, '$1\\$2');

const inlineMarkdown = (block: Block): string =>
  segments(block)
    .map((s) =>
      s.href
        ? `[${escapeMarkdown(s.text)}](<${s.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
        : escapeMarkdown(s.text),
    )
    .join('');

export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  let previous: Block | undefined;
  let number = 0;
  for (const block of blocks) {
    const inner = inlineMarkdown(block);
    let line: string;
    switch (block.kind) {
      case 'heading':
        line = `${'#'.repeat(Math.min(6, Math.max(2, block.level ?? 2)))} ${inner}`;
        break;
      case 'list-item':
        number = previous?.kind === 'list-item' && previous.ordered === block.ordered ? number + 1 : 1;
        line = block.ordered ? `${number}. ${inner}` : `- ${inner}`;
        break;
      case 'quote':
        line = `> ${inner}`;
        break;
      case 'preformatted': {
        const fence = '`'.repeat(
          Math.max(3, ...Array.from(block.text.matchAll(/`+/g), (m) => m[0].length + 1)),
        );
        line = `${fence}\n${block.text}\n${fence}`;
        break;
      }
      default:
        line = inner;
    }
    // Consecutive items of one list stay together; everything else is its own paragraph.
    const tight =
      previous?.kind === 'list-item' && block.kind === 'list-item' && previous.ordered === block.ordered;
    out.push(out.length === 0 ? line : `${tight ? '\n' : '\n\n'}${line}`);
    previous = block;
  }
  return out.join('');
}

/** The blocks of an extractor that only gave paragraphs. */
export const paragraphBlocks = (paragraphs: readonly string[]): Block[] =>
  paragraphs.map((text) => ({ kind: 'paragraph', text }));
