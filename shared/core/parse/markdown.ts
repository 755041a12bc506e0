import type MarkdownIt from 'markdown-it';
import type { ArticleImage, Block, Caption } from '../article';
import { splitCredit } from './captions';
import { frontMatterBlock } from './detect';
import {
  absoluteUrl,
  authorsFrom,
  field,
  imagesFrom,
  isObject,
  isoDate,
  optional,
  stripTags,
  text,
  withLead,
} from './fields';
import { normalizeLanguageTag } from './language';
import { titleFromProse } from './text-dump';
import { normalizeSpace } from './text-util';
import type { Extracted } from './types';

type Token = MarkdownIt.Token;

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first Markdown file, not at start-up */
type Markdown = InstanceType<typeof MarkdownIt>;
let md: Markdown | undefined;
const markdownIt = (): Markdown =>
  (md ??= new (require('markdown-it') as typeof MarkdownIt)({
    html: true,
    linkify: false,
    typographer: false,
  }));
const yaml = () => require('yaml') as typeof import('yaml');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Front matter as an object; YAML that does not parse, or is not a mapping, counts as none. */
function frontMatter(text: string): Record<string, unknown> {
  try {
    // YAML 1.2 core schema: dates stay strings, so they are read like every other date field.
    const data: unknown = yaml().parse(text, { schema: 'core', maxAliasCount: 50 });
    return isObject(data) ? data : {};
  } catch {
    return {};
  }
}

interface InlineResult {
  text: string;
  links: Array<{ text: string; href: string }>;
  images: ArticleImage[];
}

/** An inline token run as plain text, with its links (absolute targets only) and images. */
function inline(tokens: readonly Token[], base?: string): InlineResult {
  let out = '';
  const links: InlineResult['links'] = [];
  const images: ArticleImage[] = [];
  const open: Array<{ href?: string; start: number }> = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        out += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content)) out += ' ';
        break;
      case 'link_open':
        open.push({
          href: absoluteUrl(t.attrGet('href'), base) ?? mailto(t.attrGet('href')),
          start: out.length,
        });
        break;
      case 'link_close': {
        const o = open.pop();
        const linkText = normalizeSpace(out.slice(o?.start ?? out.length));
        if (o?.href && linkText) links.push({ text: linkText, href: o.href });
        break;
      }
      case 'image': {
        const url = absoluteUrl(t.attrGet('src'), base);
        const alt = normalizeSpace(t.children?.map((c) => c.content).join('') ?? t.content);
        const titleAttr = t.attrGet('title');
        const title = typeof titleAttr === 'string' && titleAttr ? titleAttr : undefined;
        images.push({
          ...(url ? { url } : {}),
          ...(alt ? { alt } : {}),
          ...(title ? { caption: title } : {}),
        });
        break;
      }
      default:
        if (t.children) out += inline(t.children, base).text;
    }
  }
  return { text: normalizeSpace(out), links, images };
}

const mailto = (href: string | number | null): string | undefined =>
  typeof href === 'string' && /^mailto:[^\s@]+@[^\s@]+$/i.test(href) ? href : undefined;

interface Walked {
  blocks: Block[];
  images: ArticleImage[];
  captions: Caption[];
  /** The first level-1 heading, which is the title when the front matter gives none. */
  h1?: string;
}

/** markdown-it's token stream to blocks: headings, paragraphs, list items, quotes, code. */
function walk(tokens: readonly Token[], base?: string, takeH1 = true): Walked {
  const blocks: Block[] = [];
  const images: ArticleImage[] = [];
  const captions: Caption[] = [];
  let h1: string | undefined;
  const lists: boolean[] = []; // ordered?, innermost last
  let quoteDepth = 0;
  let row: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'bullet_list_open':
        lists.push(false);
        break;
      case 'ordered_list_open':
        lists.push(true);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row?.some(Boolean)) blocks.push({ kind: 'paragraph', text: row.filter(Boolean).join(' | ') });
        row = undefined;
        break;
      case 'heading_open': {
        const content = tokens[i + 1];
        const r = inline(content?.children ?? [], base);
        images.push(...r.images);
        i += 2;
        if (!r.text) break;
        const level = Number(t.tag.slice(1));
        if (level === 1 && takeH1 && h1 === undefined && blocks.length === 0) {
          h1 = r.text;
          break;
        }
        blocks.push({ kind: 'heading', text: r.text, level: Math.min(6, Math.max(2, level)), ...links(r) });
        break;
      }
      case 'inline': {
        const r = inline(t.children ?? [], base);
        if (row) {
          row.push(r.text);
          break;
        }
        images.push(...r.images);
        // An image alone in its paragraph is a figure; its title text is the caption.
        if (r.images.length && !stripImagesText(t)) {
          for (const img of r.images) {
            if (img.caption) {
              const split = splitCredit(img.caption);
              captions.push({ text: split.text, ...(split.credit ? { credit: split.credit } : {}) });
              img.caption = split.text;
              if (split.credit) img.credit = split.credit;
            }
          }
          break;
        }
        if (!r.text) break;
        const kind: Block['kind'] = lists.length ? 'list-item' : quoteDepth ? 'quote' : 'paragraph';
        blocks.push({
          kind,
          text: r.text,
          ...(kind === 'list-item' && lists.at(-1) ? { ordered: true } : {}),
          ...links(r),
        });
        break;
      }
      case 'fence':
      case 'code_block': {
        const code = t.content.replace(/\s+$/, '');
        if (code.trim()) blocks.push({ kind: 'preformatted', text: code });
        break;
      }
      case 'html_block': {
        const plain = stripTags(t.content.replace(/<!--[\s\S]*?-->/g, ''));
        if (plain) blocks.push({ kind: quoteDepth ? 'quote' : 'paragraph', text: plain });
        break;
      }
      default:
        break;
    }
  }
  return { blocks, images, captions, h1 };
}

const links = (r: InlineResult) => (r.links.length ? { links: r.links } : {});

/** True when an inline run has text besides its images. */
function stripImagesText(t: Token): boolean {
  return (t.children ?? []).some(
    (c) => (c.type === 'text' || c.type === 'code_inline') && c.content.trim() !== '',
  );
}

/** A Markdown article, with YAML front matter for its metadata when it has some. */
export function parseMarkdown(source: string): Extracted {
  const fm = frontMatterBlock(source);
  const meta = fm ? frontMatter(fm.yaml) : {};
  const body = fm ? fm.rest : source;

  const canonicalUrl = absoluteUrl(
    text(field(meta, 'canonical_url', 'canonical', 'canonicalUrl', 'url', 'permalink', 'link')),
  );
  const metaTitle = text(field(meta, 'title', 'headline'));
  const w = walk(markdownIt().parse(body, {}), canonicalUrl);
  let title = metaTitle ? stripTags(metaTitle) : w.h1;
  let blocks = w.blocks;
  if (metaTitle && w.h1 && w.h1 !== title) blocks = [{ kind: 'heading', text: w.h1, level: 2 }, ...blocks];
  if (!title) {
    const first = blocks.find((b) => b.kind === 'heading') ?? blocks.find((b) => b.kind === 'paragraph');
    if (first?.kind === 'heading') {
      title = first.text;
      blocks = blocks.filter((b) => b !== first);
    } else title = first ? titleFromProse(first.text) : '';
  }

  const categories = field(meta, 'section', 'category', 'categories', 'desk');
  const section = text(categories);
  const image = imagesFrom(
    field(meta, 'image', 'cover', 'cover_image', 'featured_image', 'hero', 'thumbnail', 'og_image'),
    canonicalUrl,
  );
  const subtitle = text(
    field(meta, 'subtitle', 'description', 'summary', 'excerpt', 'dek', 'standfirst', 'lede'),
  );
  const site = field(meta, 'site_name', 'siteName', 'site', 'publisher', 'source');
  return {
    title: title ?? '',
    ...(subtitle ? { subtitle: stripTags(subtitle) } : {}),
    paragraphs: blocks.map((b) => b.text),
    blocks,
    captions: w.captions,
    images: withLead([...image, ...w.images]),
    ...(section ? { section } : {}),
    authors: authorsFrom(field(meta, 'authors', 'author', 'byline', 'creator')),
    ...optional(
      'publishedAt',
      isoDate(
        field(
          meta,
          'date',
          'published',
          'publishDate',
          'pubDate',
          'published_at',
          'datePublished',
          'created',
        ),
      ),
    ),
    ...optional(
      'modifiedAt',
      isoDate(
        field(meta, 'updated', 'lastmod', 'modified', 'last_modified_at', 'dateModified', 'updated_at'),
      ),
    ),
    ...optional('canonicalUrl', canonicalUrl),
    ...optional('siteName', text(isObject(site) ? field(site, 'name') : site)),
    ...optional(
      'declaredLanguage',
      normalizeLanguageTag(text(field(meta, 'lang', 'language', 'locale', 'inLanguage'))),
    ),
  };
}
