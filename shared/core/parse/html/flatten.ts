import type { ArticleImage, Block, Caption } from '../../article';
import { splitCredit } from '../captions';
import { elements, textOf, type Element } from '../dom';
import { absoluteUrl, positiveInt } from '../html-meta';
import { normalizeSpace } from '../text-util';
import { INLINE } from './score';

/**
 * Turns the chosen article nodes into blocks (paragraphs, headings, list items, quotes, preformatted text),
 * with links made absolute. Figures and caption elements become images and captions and stay out of the
 * body. The walk is iterative, with explicit exit markers where a block or link ends.
 */

const HEADING = /^h([1-6])$/;
const CAPTION_CLASS =
  /(?:^|[\s_-])(?:caption|wp-caption-text|figcaption|image-?caption|photo-?caption|img-?caption|legend)(?:$|[\s_-])/i;
const CREDIT_CLASS = /credit|copyright|byline|attribution|photographer|source|author|rights/i;
const TRACKER =
  /(?:^|[/_.-])(?:pixel|tracking|tracker|spacer|blank|beacon|1x1|transparent|clear)\.(?:gif|png)|\/pixel\/|doubleclick|facebook\.com\/tr|\/b\/ss\/|scorecardresearch|\/ping\?/i;
const ICON_CLASS = /icon|logo|avatar|emoji|sprite|gravatar|badge|button|spinner|loader/i;
const BR = '\u2029';
const BR_ALL = new RegExp(BR, 'g');
const BR_PARAGRAPH = new RegExp(`${BR}\\s*${BR}[\\s${BR}]*`);

export interface Flattened {
  blocks: Block[];
  /** Indexes of blocks that directly follow a removed subtree (a teaser list, a share bar). */
  gaps: Set<number>;
  captions: Caption[];
  images: ArticleImage[];
}

interface Options {
  baseUrl?: string;
  /** Subtrees to leave out (debris inside the article); checked on entering each element. */
  skip: (el: Element) => boolean;
}

function imageSrc(img: Element): string | undefined {
  const a = img.attrs;
  const direct = a['data-src'] ?? a['data-lazy-src'] ?? a['data-original'] ?? a['data-url'] ?? a['src'];
  if (direct && !/^data:/i.test(direct.trim())) return direct;
  const srcset = a['data-srcset'] ?? a['srcset'];
  const first = srcset?.trim().split(/\s+/)[0];
  return first && !/^data:/i.test(first) ? first : undefined;
}

export function imageFrom(img: Element, baseUrl?: string): ArticleImage | undefined {
  const src = imageSrc(img);
  const url = absoluteUrl(src, baseUrl);
  if (!url || url.startsWith('mailto:') || TRACKER.test(url)) return undefined;
  const width = positiveInt(img.attrs['width']);
  const height = positiveInt(img.attrs['height']);
  if ((width !== undefined && width <= 40) || (height !== undefined && height <= 40)) return undefined;
  if (ICON_CLASS.test(`${img.attrs['class'] ?? ''} ${img.attrs['id'] ?? ''}`)) return undefined;
  const alt = normalizeSpace(img.attrs['alt'] ?? '');
  return {
    url,
    ...(alt ? { alt } : {}),
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
  };
}

/** A caption element's text and credit; the credit is often its own element (<span class="credit">). */
export function captionFrom(el: Element): Caption | undefined {
  const creditEl = elements(el).find(
    (c) =>
      c !== el && (CREDIT_CLASS.test(c.attrs['class'] ?? '') || CREDIT_CLASS.test(c.attrs['itemprop'] ?? '')),
  );
  const full = normalizeSpace(textOf(el));
  if (!full) return undefined;
  if (creditEl) {
    const creditText = normalizeSpace(textOf(creditEl));
    const credit = creditText.replace(
      /^(?:photo(?:graph)?|image|foto|bild|credit|source|quelle)\s*:\s*/i,
      '',
    );
    const text = normalizeSpace(full.replace(creditText, ''));
    if (text && credit) return { text, credit };
    if (!text && credit) return undefined;
  }
  const split = splitCredit(full);
  return split.credit ? { text: split.text || full, credit: split.credit } : { text: split.text || full };
}

/** Named like a caption (used to keep captions out of leads as well as out of the body). */
export const captionLike = (el: Element): boolean => CAPTION_CLASS.test(el.attrs['class'] ?? '');

export const isCaptionElement = (el: Element): boolean =>
  el.tag === 'figcaption' ||
  (!HEADING.test(el.tag) && el.tag !== 'p' && CAPTION_CLASS.test(`${el.attrs['class'] ?? ''}`)) ||
  (el.tag === 'p' && /(?:^|[\s_-])(?:wp-caption-text|caption)(?:$|[\s_-])/i.test(el.attrs['class'] ?? ''));

/** A figure wrapping only media and a caption (not a pull quote or a table dressed as a figure). */
function isMediaFigure(el: Element): boolean {
  for (const d of elements(el)) {
    if (d === el) continue;
    if (d.tag === 'blockquote' || d.tag === 'table' || d.tag === 'p' || d.tag === 'ul' || d.tag === 'ol') {
      if (d.parent && !isCaptionElement(d) && !elementsUp(d, isCaptionElement, el)) return false;
    }
  }
  return true;
}

function elementsUp(el: Element, test: (e: Element) => boolean, stop: Element): boolean {
  for (let p = el.parent; p && p !== stop; p = p.parent) if (test(p)) return true;
  return false;
}

/** Stack entries: nodes to visit, or the end of an element (a block or a link) to close. */
type Item = Element | string | { exit: Element };
const isExit = (i: Item): i is { exit: Element } => typeof i === 'object' && 'exit' in i;

export function flatten(roots: readonly Element[], opts: Options): Flattened {
  const blocks: Block[] = [];
  const captions: Caption[] = [];
  const images: ArticleImage[] = [];
  const gaps = new Set<number>();
  const hrefs = new Map<string, string | undefined>();
  let buf = '';
  let links: Array<{ text: string; href: string }> = [];
  const anchorStarts: Array<{ el: Element; start: number; href?: string }> = [];
  const openBlocks: Element[] = [];

  const kindOf = (): Pick<Block, 'kind' | 'level' | 'ordered'> => {
    const inner = openBlocks[openBlocks.length - 1];
    if (inner) {
      const h = HEADING.exec(inner.tag);
      if (h) return { kind: 'heading', level: Math.max(2, Number(h[1])) };
      if (inner.tag === 'li') {
        let ordered = false;
        for (let p = inner.parent; p; p = p.parent) {
          if (p.tag === 'ol' || p.tag === 'ul') {
            ordered = p.tag === 'ol';
            break;
          }
        }
        return ordered ? { kind: 'list-item', ordered: true } : { kind: 'list-item' };
      }
      if (inner.tag === 'pre') return { kind: 'preformatted' };
    }
    if (openBlocks.some((b) => b.tag === 'blockquote')) return { kind: 'quote' };
    return { kind: 'paragraph' };
  };

  const flush = () => {
    if (!buf) return;
    const raw = buf;
    const blockLinks = links;
    buf = '';
    links = [];
    // Anchors still open carry over into the next block from its start.
    for (const a of anchorStarts) a.start = 0;
    const kind = kindOf();
    const pieces = kind.kind === 'preformatted' ? [raw.replace(BR_ALL, '\n')] : raw.split(BR_PARAGRAPH);
    for (const piece of pieces) {
      const text =
        kind.kind === 'preformatted'
          ? piece.replace(/\r\n?/g, '\n').replace(/^\s*\n|\s+$/g, '')
          : normalizeSpace(piece.replace(BR_ALL, ' '));
      if (!text) continue;
      const own = blockLinks.filter((l) => l.text && text.includes(l.text));
      blocks.push({ ...kind, text, ...(own.length ? { links: own } : {}) });
    }
  };

  const stack: Item[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  while (stack.length) {
    const item = stack.pop()!;
    if (isExit(item)) {
      const el = item.exit;
      if (el.tag === 'a') {
        const a = anchorStarts.pop();
        if (a?.href) {
          const text = normalizeSpace(buf.slice(a.start).replace(BR_ALL, ' '));
          if (text) links.push({ text, href: a.href });
        }
      } else {
        flush();
        openBlocks.pop();
      }
      continue;
    }
    const node = item;
    if (typeof node === 'string') {
      buf += node;
      continue;
    }
    if (opts.skip(node)) {
      if (!INLINE.has(node.tag)) {
        flush();
        // Only a removal with words in it leaves a gap worth noting (not an empty ad slot).
        if (normalizeSpace(textOf(node)).length > 15) gaps.add(blocks.length);
      }
      continue;
    }
    const tag = node.tag;
    if (tag === 'br') {
      buf += BR;
      continue;
    }
    if (tag === 'img') {
      const img = imageFrom(node, opts.baseUrl);
      if (img) images.push(img);
      continue;
    }
    if (tag === 'figure' && isMediaFigure(node)) {
      flush();
      const capEl = elements(node).find(isCaptionElement);
      const cap = capEl ? captionFrom(capEl) : undefined;
      if (cap) captions.push(cap);
      const imgs = elements(node)
        .filter((e) => e.tag === 'img')
        .map((e) => imageFrom(e, opts.baseUrl))
        .filter((x): x is ArticleImage => !!x);
      imgs.forEach((img, i) => {
        if (i === 0 && cap)
          images.push({ ...img, caption: cap.text, ...(cap.credit ? { credit: cap.credit } : {}) });
        else images.push(img);
      });
      continue;
    }
    if (isCaptionElement(node)) {
      flush();
      const cap = captionFrom(node);
      if (cap) {
        captions.push(cap);
        // A caption right after an image (outside a figure) describes that image.
        const last = images[images.length - 1];
        if (last && !last.caption) {
          last.caption = cap.text;
          if (cap.credit) last.credit = cap.credit;
        }
      }
      continue;
    }
    if (tag === 'a') {
      const raw = node.attrs['href'];
      // Pages repeat the same links (menus, tags); URL parsing is the costliest step per link.
      let href = raw === undefined ? undefined : hrefs.get(raw);
      if (raw !== undefined && !hrefs.has(raw)) {
        href = absoluteUrl(raw, opts.baseUrl);
        hrefs.set(raw, href);
      }
      anchorStarts.push({ el: node, start: buf.length, ...(href ? { href } : {}) });
      stack.push({ exit: node });
    } else if (!INLINE.has(tag)) {
      flush();
      openBlocks.push(node);
      stack.push({ exit: node });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  flush();
  return { blocks, gaps, captions, images };
}
