import { Parser } from 'htmlparser2';
import type JSZip from 'jszip';
import type { ArticleImage, Block, Caption } from '../article';
import { splitCredit } from './captions';
import { absoluteUrl, authorsFrom, decodeEntities, isoDate, optional } from './fields';
import { normalizeLanguageTag } from './language';
import { titleFromProse } from './text-dump';
import { normalizeSpace } from './text-util';
import type { Extracted } from './types';

/**
 * Word documents (.docx): mammoth turns the document's paragraphs, styles, lists and links into plain
 * HTML, walked here into blocks; the package's docProps/core.xml gives title, author and dates.
 */

const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

interface CoreProps {
  title?: string;
  creator?: string;
  created?: string;
  modified?: string;
  language?: string;
  category?: string;
  subject?: string;
}

function xmlField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  const v = m?.[1] ? normalizeSpace(decodeEntities(m[1].replace(/<[^>]*>/g, ''))) : '';
  return v || undefined;
}

async function coreProps(zip: JSZip): Promise<CoreProps> {
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  return {
    title: xmlField(core, 'dc:title'),
    creator: xmlField(core, 'dc:creator'),
    created: xmlField(core, 'dcterms:created'),
    modified: xmlField(core, 'dcterms:modified'),
    language: xmlField(core, 'dc:language') ?? /<w:lang\s[^>]*w:val="([^"]+)"/.exec(defaults)?.[1],
    category: xmlField(core, 'cp:category'),
    subject: xmlField(core, 'dc:subject'),
  };
}

interface Walked {
  blocks: Block[];
  titleStyle?: string;
  subtitle?: string;
  captions: Caption[];
  images: ArticleImage[];
}

/** mammoth's HTML (p, h1-h6, ul/ol/li, blockquote, table, a, img, strong/em) to blocks. */
function walkHtml(html: string): Walked {
  const out: Walked = { blocks: [], captions: [], images: [] };
  let current:
    { tag: string; cls: string; text: string; links: Array<{ text: string; href: string }> } | undefined;
  const lists: boolean[] = [];
  let quote = 0;
  let link: { href?: string; start: number } | undefined;
  const BLOCK = /^(?:p|h[1-6]|li|pre)$/;

  const flush = () => {
    if (!current) return;
    const t = normalizeSpace(current.text);
    const { tag, cls, text: raw } = current;
    const links = current.links.length ? { links: current.links } : {};
    current = undefined;
    if (!t) return;
    if (cls === 'title' && !out.titleStyle) out.titleStyle = t;
    else if (cls === 'subtitle' && !out.subtitle) out.subtitle = t;
    else if (cls === 'caption') {
      const split = splitCredit(t);
      out.captions.push({ text: split.text, ...optional('credit', split.credit) });
    } else if (/^h[1-6]$/.test(tag))
      out.blocks.push({ kind: 'heading', text: t, level: Number(tag[1]), ...links });
    else if (tag === 'li')
      out.blocks.push({ kind: 'list-item', text: t, ...(lists.at(-1) ? { ordered: true } : {}), ...links });
    else if (tag === 'pre') out.blocks.push({ kind: 'preformatted', text: raw.replace(/^\n+|\s+$/g, '') });
    else out.blocks.push({ kind: quote ? 'quote' : 'paragraph', text: t, ...links });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.push(name === 'ol');
        } else if (name === 'blockquote') {
          flush();
          quote++;
        } else if (BLOCK.test(name)) {
          flush();
          current = { tag: name, cls: attrs.class ?? '', text: '', links: [] };
        } else if (name === 'br') {
          if (current) current.text += ' ';
        } else if (name === 'a' && current) {
          link = {
            href:
              absoluteUrl(attrs.href) ??
              (/^mailto:\S+@\S+$/i.test(attrs.href ?? '') ? attrs.href : undefined),
            start: current.text.length,
          };
        } else if (name === 'img') {
          const alt = normalizeSpace(attrs.alt ?? '');
          const url = absoluteUrl(attrs.src);
          if (alt || url) out.images.push({ ...optional('url', url), ...optional('alt', alt) });
        }
      },
      ontext(t) {
        if (current) current.text += decodeEntities(t);
      },
      onclosetag(name) {
        if (name === 'a' && link && current) {
          const linkText = normalizeSpace(current.text.slice(link.start));
          if (link.href && linkText) current.links.push({ text: linkText, href: link.href });
          link = undefined;
        } else if (BLOCK.test(name)) flush();
        else if (name === 'ul' || name === 'ol') {
          flush();
          lists.pop();
        } else if (name === 'blockquote') {
          flush();
          quote--;
        }
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}

/** Word's own placeholders are not titles. */
const junkTitle = (t?: string): boolean =>
  !t || /^(?:untitled|document\d*|microsoft word - .*|.*\.docx?)$/i.test(t.trim());

/** A DOCX whose parts inflate past this is refused before any part is inflated (a ZIP bomb). */
export const MAX_DOCX_INFLATED_BYTES = 256 * 1024 * 1024;

export class DocxTooLargeError extends Error {}

/** What the ZIP's directory says the parts inflate to (JSZip keeps it per entry). */
function declaredInflatedSize(zip: JSZip): number {
  let total = 0;
  zip.forEach((_path, file) => {
    total += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  return total;
}

export async function parseDocx(bytes: Uint8Array): Promise<Extracted> {
  // Loaded with the first Word file rather than at start-up: together they take longer than the CLI's start.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const zipReader = require('jszip') as typeof JSZip;
  const mammoth = require('mammoth') as typeof import('mammoth');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await zipReader.loadAsync(buffer);
  if (!zip.file('word/document.xml')) throw new Error('no word/document.xml in the package');
  const inflated = declaredInflatedSize(zip);
  if (inflated > MAX_DOCX_INFLATED_BYTES)
    throw new DocxTooLargeError(
      `the DOCX parts inflate to ${inflated} bytes, over the ${MAX_DOCX_INFLATED_BYTES}-byte cap`,
    );
  const props = await coreProps(zip);
  const { value: html } = await mammoth.convertToHtml(
    { buffer },
    {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      // Embedded pictures would come back as data: URIs; only their alt text is kept.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  );
  const w = walkHtml(html);
  let blocks = w.blocks;
  let title = w.titleStyle;
  if (!title) {
    const h1 = blocks.slice(0, 3).find((b) => b.kind === 'heading' && b.level === 1);
    if (h1) {
      title = h1.text;
      blocks = blocks.filter((b) => b !== h1);
    }
  }
  if (!title && !junkTitle(props.title)) title = props.title;
  if (title && blocks[0]?.text === title) blocks = blocks.slice(1);
  if (!title) {
    const first = blocks.find((b) => b.kind === 'paragraph');
    title = first ? titleFromProse(first.text) : '';
  }
  // The title is the only level 1; the document's own Heading 1s become level 2 and below shifts with them.
  const minLevel = Math.min(...blocks.filter((b) => b.kind === 'heading').map((b) => b.level ?? 2));
  const shift = minLevel < 2 ? 2 - minLevel : 0;
  blocks = blocks.map((b) =>
    b.kind === 'heading' ? { ...b, level: Math.min(6, (b.level ?? 2) + shift) } : b,
  );
  return {
    title,
    ...optional('subtitle', w.subtitle ?? props.subject),
    paragraphs: blocks.map((b) => b.text),
    blocks,
    captions: w.captions,
    images: w.images,
    ...optional('section', props.category),
    authors: authorsFrom(props.creator),
    ...optional('publishedAt', isoDate(props.created)),
    ...optional('modifiedAt', isoDate(props.modified)),
    ...optional('declaredLanguage', normalizeLanguageTag(props.language)),
  };
}
