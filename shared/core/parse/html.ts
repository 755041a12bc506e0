import type { ArticleImage, Block, Caption } from '../article';
import { sectionFromBreadcrumb } from './breadcrumb';
import { findFirst, parseHtmlTree, type Element } from './dom';
import { dropChrome, dropInert } from './html/clean';
import { filterBlocks } from './html/filter';
import { flatten } from './html/flatten';
import { findDek, standfirst } from './html/dek';
import { leadBefore } from './html/intro';
import { isDebris } from './html/patterns';
import { isAncestor, namedBody, scoreCandidates, topCandidate, withSiblings } from './html/score';
import { computeStats, linkDensity, type Stats } from './html/stats';
import { extractMeta, type HtmlMeta } from './html-meta';
import { chooseTitle } from './html-title';
import { cleanAuthors } from './byline';
import type { Extracted } from './types';

const LIST_LIKE = new Set([
  'ul',
  'ol',
  'dl',
  'div',
  'section',
  'table',
  'tbody',
  'aside',
  'header',
  'footer',
]);

/**
 * Inside the article: debris by class/id, and link-heavy lists or boxes (related-story teasers, tag clouds),
 * unless the element holds most of the article's text.
 */
function debrisFilter(rootText: number, stats: Map<Element, Stats>, h1: Element | undefined) {
  return (el: Element): boolean => {
    if (el === h1) return true;
    const s = stats.get(el);
    const text = s?.text ?? 0;
    if (text > rootText * 0.5) return false;
    if (isDebris(el)) return true;
    if (LIST_LIKE.has(el.tag) && text > 0 && linkDensity(s) > 0.4) return true;
    return false;
  };
}

/** The article's container(s): a body-named container when scoring agrees, else the best-scored one with siblings. */
export function chooseRoots(body: Element, stats: Map<Element, Stats>): Element[] {
  const scores = scoreCandidates(body, stats);
  const top = topCandidate(scores);
  const named = namedBody(body, stats);
  const textOf = (el: Element | undefined) => (el ? (stats.get(el)?.text ?? 0) : 0);
  if (named && top) {
    // A container named as the article body is trusted when it agrees with the scoring.
    if (named === top || isAncestor(named, top)) return textOf(named) <= textOf(top) * 8 ? [named] : [top];
    if (isAncestor(top, named) && textOf(named) >= textOf(top) * 0.5) return [named];
  }
  if (top) return withSiblings(top, scores, stats);
  if (named) return [named];
  return [body];
}

function bodyOf(html: Element, root: Element): Element {
  for (const c of html.children) if (typeof c !== 'string' && c.tag === 'body') return c;
  return findFirst(root, (e) => e.tag === 'body') ?? root;
}

/**
 * HTML page -> article. The steps, each in its own module under html/:
 * 1. build a compact tree with htmlparser2's tokenizer (dom.ts) and read the metadata first (html-meta.ts:
 *    JSON-LD, OpenGraph, Dublin Core, microdata, <link>, <time>), before anything is pruned;
 * 2. drop inert markup, then page chrome (nav, asides, page header/footer, furniture by class/id/role),
 *    never an element that holds the headline or the article (clean.ts);
 * 3. choose the container: Readability-style scores, trusting a container named like an article body when
 *    the scores agree (score.ts), plus a lead paragraph or figure between headline and body (intro.ts);
 * 4. flatten it to blocks, dropping debris and link-heavy lists, moving figures to images/captions
 *    (flatten.ts); clean lines (filter.ts); fall back to every prose-like block when the pick is a stub.
 */
export function parseHtml(input: string): Extracted {
  const doc = parseHtmlTree(input);
  const meta = extractMeta(doc);
  const title = chooseTitle(meta);
  const dek = findDek(meta.h1El);

  dropInert(doc.root);
  const body = bodyOf(doc.html, doc.root);
  const stats = computeStats(body, dropChrome(body, meta.h1El));
  const chosen = chooseRoots(body, stats);
  const roots = [...leadBefore(body, chosen, meta.h1El, stats), ...chosen];
  const rootText = roots.reduce((n, r) => n + (stats.get(r)?.text ?? 0), 0);
  let flat = flatten(roots, { baseUrl: meta.baseUrl, skip: debrisFilter(rootText, stats, meta.h1El) });
  let result = filterBlocks(flat.blocks, title, { gaps: flat.gaps, authors: meta.authors });
  const bodyText = stats.get(body)?.text ?? 0;
  if (result.textLength < 500 && bodyText > result.textLength * 3) {
    // The chosen container was a stub: fall back to every prose-like block of the page.
    const all = flatten([body], { baseUrl: meta.baseUrl, skip: debrisFilter(bodyText, stats, meta.h1El) });
    const wide = filterBlocks(all.blocks, title, { proseOnly: true, gaps: all.gaps, authors: meta.authors });
    if (wide.textLength > result.textLength * 1.5) {
      flat = all;
      result = wide;
    }
  }

  const blocks: Block[] = result.blocks;
  const captions: Caption[] = dedupeCaptions(flat.captions);
  const images = leadFirst(meta.leadImage, flat.images);

  const breadcrumb = meta.breadcrumb;
  const section =
    (meta.section ? sectionFromBreadcrumb([meta.section]) : undefined) ??
    (breadcrumb ? sectionFromBreadcrumb(breadcrumb, title) : undefined);
  const authors = meta.authors.length ? meta.authors : cleanAuthors([...result.bylines, ...meta.bylines]);
  // The body's opening: its first blocks (a dateline or kicker line may come before the lead) and its
  // first paragraph (past a heading or a list).
  const openings = [
    ...blocks.slice(0, 3).map((b) => b.text),
    blocks.find((b) => b.kind === 'paragraph')?.text,
  ];
  const subtitle = standfirst(dek, meta.description, openings, title);

  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    paragraphs: blocks.map((b) => b.text),
    blocks,
    captions,
    images,
    section,
    breadcrumb,
    authors,
    publishedAt: meta.publishedAt ?? result.dateline ?? undefined,
    ...(meta.modifiedAt ? { modifiedAt: meta.modifiedAt } : {}),
    ...(meta.canonicalUrl ? { canonicalUrl: meta.canonicalUrl } : {}),
    ...(meta.siteName ? { siteName: meta.siteName } : {}),
    declaredLanguage: meta.language,
  };
}

function dedupeCaptions(caps: Caption[]): Caption[] {
  const seen = new Set<string>();
  return caps.filter((c) => {
    const k = c.text.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The lead image first (og:image / JSON-LD, else the body's first image), then the body's images, each once. */
function leadFirst(lead: HtmlMeta['leadImage'], body: ArticleImage[]): ArticleImage[] {
  const out: ArticleImage[] = [];
  const seen = new Set<string>();
  const key = (u: string | undefined) => (u ?? '').replace(/[?#].*$/, '');
  if (lead) {
    // The same picture in the body brings its caption and credit along.
    const inBody = body.find((b) => key(b.url) === key(lead.url));
    const merged: ArticleImage = { url: lead.url, lead: true };
    const alt = inBody?.alt ?? lead.alt;
    if (alt) merged.alt = alt;
    if (inBody?.caption) merged.caption = inBody.caption;
    if (inBody?.credit) merged.credit = inBody.credit;
    const width = inBody?.width ?? lead.width;
    const height = inBody?.height ?? lead.height;
    if (width) merged.width = width;
    if (height) merged.height = height;
    out.push(merged);
    seen.add(key(lead.url));
  } else if (body[0]) {
    out.push({ ...body[0], lead: true });
    seen.add(key(body[0].url));
  }
  for (const b of body) {
    if (seen.has(key(b.url))) continue;
    seen.add(key(b.url));
    out.push(b);
  }
  return out;
}
