import { elements, walk, type Element } from '../dom';
import { isChrome, isHidden, NON_CONTENT_TAGS } from './patterns';
import { computeStats, type Stats } from './stats';

/** Drops scripts, styles, widgets and hidden parts: nothing in them is ever article text. */
export function dropInert(root: Element): void {
  walk(root, (el) => {
    if (el.children.length === 0) return false;
    el.children = el.children.filter((c) => {
      if (typeof c === 'string') return true;
      // A <noscript> with real prose is the page's only copy of its text (script-rendered blogs).
      if (c.tag === 'noscript') return noscriptProse(c);
      return !NON_CONTENT_TAGS.has(c.tag);
    });
    return true;
  });
}

function noscriptProse(el: Element): boolean {
  let n = 0;
  for (const e of elements(el)) if (e.tag === 'p') n++;
  return n >= 3;
}

const LANDMARK_CHROME = new Set(['aside', 'footer', 'header', 'form']);

/**
 * Elements that hold the article: the h1's ancestors, itemprop=articleBody, and the largest <article>/<main>.
 * Page chrome is only removed outside these, so a "header" around the headline or a container with an
 * unlucky class name cannot take the article with it.
 */
function protectedSet(root: Element, stats: Map<Element, Stats>, h1: Element | undefined): Set<Element> {
  const keep = new Set<Element>();
  const mark = (el: Element | undefined) => {
    for (let p = el; p && !keep.has(p); p = p.parent ?? undefined) keep.add(p);
  };
  const rootText = stats.get(root)?.text ?? 0;
  let biggest: Element | undefined;
  for (const el of elements(root)) {
    if (el.attrs['itemprop'] === 'articleBody') mark(el);
    if (el.tag === 'article' || el.tag === 'main') {
      if (!biggest || (stats.get(el)?.text ?? 0) > (stats.get(biggest)?.text ?? 0)) biggest = el;
    }
    // A container with most of the page's text is the page's frame, whatever its class says.
    if ((stats.get(el)?.text ?? 0) > rootText * 0.6 && rootText > 500) keep.add(el);
  }
  mark(biggest);
  if (h1 && stats.has(h1)) mark(h1);
  return keep;
}

/** A heading's id is usually an anchor slug of its own words ("nav-..." for "Nav..."), not a furniture name. */
function headingSansId(el: Element): Element {
  if (!el.attrs['id'] || !/^h[2-6]$/.test(el.tag)) return el;
  const { id: _slug, ...attrs } = el.attrs;
  return { ...el, attrs };
}

const insideArticle = (el: Element): boolean => {
  for (let p: Element | null = el; p; p = p.parent) if (p.tag === 'article' || p.tag === 'main') return true;
  return false;
};

/**
 * Removes page chrome: navigation, asides, page headers and footers, and containers whose class/id/role name
 * furniture (comments, share bars, related links, cookie banners, sidebars), except where they hold the article.
 */
export function dropChrome(root: Element, h1: Element | undefined): Map<Element, Stats> {
  const stats = computeStats(root);
  const keep = protectedSet(root, stats, h1);
  walk(root, (el) => {
    if (el.children.length === 0) return false;
    el.children = el.children.filter((c) => {
      if (typeof c === 'string' || keep.has(c)) return true;
      // The article's own <header> holds its headline and dek; only the page header is chrome.
      if (c.tag === 'header' && el !== root && insideArticle(el)) return true;
      if (LANDMARK_CHROME.has(c.tag)) {
        // A form around the whole page is ASP.NET's habit, not a widget; only small forms go.
        if (c.tag === 'form') return (stats.get(c)?.paras ?? 0) >= 3;
        return false;
      }
      // Hidden parts go too, unless they are the page's frame (some templates hide the body until a script runs).
      return !isChrome(headingSansId(c)) && !isHidden(c);
    });
    return true;
  });
  return stats;
}
