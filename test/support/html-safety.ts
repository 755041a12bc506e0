import { parseDocument } from 'htmlparser2';

// domhandler's types resolve as ESM from here; htmlparser2's own return type gives the same nodes.
type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

/**
 * Checks a body rendition (ours, or what a Markdown renderer makes of the Markdown rendition) the way
 * a consumer's HTML parser sees it: which tags and attributes it holds, whether every link is http(s)
 * or mailto, and what text each block shows.
 */

export const ALLOWED_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'a',
]);
const SAFE_HREF = /^(?:https?|mailto):/i;
const LEAF = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre']);

export interface RenditionBlock {
  /** paragraph, quote, h2..h6, ul, ol or pre: the same vocabulary as `expectedBlocks`. */
  kind: string;
  text: string;
}

export interface HtmlInspection {
  /** Everything that breaks the rules; empty when the HTML is safe. */
  violations: string[];
  blocks: RenditionBlock[];
  /** The text a reader sees, block texts joined by blank lines. */
  text: string;
}

function textOf(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if ('children' in node) out += textOf(node.children as ChildNode[]);
  }
  return out;
}

/**
 * @param extraTags tags allowed besides ALLOWED_TAGS (markdown-it wraps code blocks in `<pre><code>`).
 */
export function inspectHtml(html: string, extraTags: readonly string[] = []): HtmlInspection {
  const allowed = new Set([...ALLOWED_TAGS, ...extraTags]);
  const violations: string[] = [];
  const blocks: RenditionBlock[] = [];
  const dom = parseDocument(html, { decodeEntities: true });

  const visit = (node: ChildNode, ancestors: readonly string[], inLeaf: boolean): void => {
    switch (node.type) {
      case 'text':
        if (!inLeaf && node.data.trim())
          violations.push(`text outside a block: ${JSON.stringify(node.data.slice(0, 40))}`);
        return;
      case 'tag':
      case 'script':
      case 'style': {
        const el = node as Element;
        const name = el.name.toLowerCase();
        if (!allowed.has(name)) violations.push(`tag <${name}>`);
        for (const [attr, value] of Object.entries(el.attribs)) {
          if (name === 'a' && attr === 'href') {
            if (!SAFE_HREF.test(value)) violations.push(`href ${JSON.stringify(value.slice(0, 60))}`);
          } else violations.push(`attribute ${attr} on <${name}>`);
        }
        if (name === 'a' && !('href' in el.attribs)) violations.push('<a> without href');
        // A loose list item holds a <p>: the paragraph is then the block, with the item's kind.
        const looseItem =
          name === 'li' && el.children.some((c) => c.type === 'tag' && (c as Element).name === 'p');
        if (LEAF.has(name) && !looseItem) {
          if (inLeaf) violations.push(`<${name}> inside a block`);
          const parent = ancestors[ancestors.length - 1];
          const listOf = (list: string | undefined) => (list === 'ol' ? 'ol' : 'ul');
          const kind =
            name === 'li'
              ? listOf(parent)
              : name !== 'p'
                ? name
                : parent === 'li'
                  ? listOf(ancestors[ancestors.length - 2])
                  : ancestors.includes('blockquote')
                    ? 'quote'
                    : 'paragraph';
          let text = textOf(el.children);
          // markdown-it ends a code block's text with a newline; the rendition's <pre> does not.
          if (name === 'pre' && extraTags.includes('code')) text = text.replace(/\n$/, '');
          blocks.push({ kind, text });
        }
        const leaf = inLeaf || (LEAF.has(name) && !looseItem);
        for (const child of el.children) visit(child, [...ancestors, name], leaf);
        return;
      }
      default:
        violations.push(`${node.type} node`);
    }
  };
  for (const node of dom.children) visit(node, [], false);
  return { violations, blocks, text: blocks.map((b) => b.text).join('\n\n') };
}
