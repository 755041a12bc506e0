import { elements, textOf, type Element } from '../dom';
import { BODY_CONTAINER, idClass, NEGATIVE_HINT, POSITIVE_HINT } from './patterns';
import { collapsedLength, linkDensity, type Stats } from './stats';

/** Inline elements: text inside them belongs to the paragraph around them. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'nobr',
  'img',
  'picture',
  'source',
]);

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'td',
  'blockquote',
  'font',
  'center',
  'body',
  'form',
]);

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

export function classWeight(el: Element): number {
  let w = 0;
  for (const v of [el.attrs['class'], el.attrs['id']]) {
    if (!v) continue;
    const s = v.toLowerCase();
    if (NEGATIVE_HINT.test(s)) w -= 25;
    if (POSITIVE_HINT.test(s)) w += 25;
  }
  if (el.attrs['itemprop'] === 'articleBody') w += 50;
  return w;
}

const COMMAS = /[,，、،]/g;

/** The text directly in `el` (strings and inline children), which reads as one paragraph of its own. */
function ownInline(el: Element, stats: Map<Element, Stats>): { len: number; commas: number; block: boolean } {
  let len = 0;
  let commas = 0;
  let block = false;
  for (const c of el.children) {
    if (typeof c === 'string') {
      len += collapsedLength(c);
      commas += c.match(COMMAS)?.length ?? 0;
    } else if (INLINE.has(c.tag)) {
      const s = stats.get(c);
      len += s?.text ?? 0;
      commas += s?.commas ?? 0;
    } else block = true;
  }
  return { len, commas, block };
}

/**
 * Readability's scoring: every paragraph scores 1 + commas + one point per 100 characters (at most 3); the
 * score flows to its parent in full, its grandparent by half and further ancestors less, each ancestor
 * starting from its tag and class/id weight. The best ancestor, discounted by its link density, is the
 * article's container.
 */
export function scoreCandidates(root: Element, stats: Map<Element, Stats>): Map<Element, number> {
  const scores = new Map<Element, number>();
  const init = (el: Element): number => {
    let s = scores.get(el);
    if (s === undefined) {
      s = tagWeight(el.tag) + classWeight(el);
      scores.set(el, s);
    }
    return s;
  };
  const credit = (from: Element | null, points: number) => {
    let level = 0;
    for (let a = from; a && level < 5; a = a.parent, level++) {
      if (a.tag === '#root' || a.tag === 'html') break;
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, init(a) + points / div);
    }
  };
  for (const el of elements(root)) {
    if (PARAGRAPH_TAGS.has(el.tag)) {
      const s = stats.get(el);
      if (!s || s.text < 25) continue;
      credit(el.parent, 1 + s.commas + Math.min(Math.floor(s.text / 100), 3));
    } else if (CONTAINER_TAGS.has(el.tag)) {
      const own = ownInline(el, stats);
      if (own.len < 25) continue;
      // A div of bare text is a paragraph (its parent takes the points); text beside blocks is one in it.
      credit(own.block ? el : el.parent, 1 + own.commas + Math.min(Math.floor(own.len / 100), 3));
    }
  }
  for (const [el, s] of scores) scores.set(el, s * (1 - linkDensity(stats.get(el))));
  return scores;
}

/** The best-scored container, widened when its parent scores nearly as well (the text is split across it). */
export function topCandidate(scores: Map<Element, number>): Element | undefined {
  let top: Element | undefined;
  let best = -Infinity;
  for (const [el, s] of scores) {
    if (s > best) {
      best = s;
      top = el;
    }
  }
  if (!top) return undefined;
  // Readability: when three of the next best candidates (each close to the top) share an ancestor with it,
  // the article is split into sections and that ancestor is the container.
  const close = [...scores]
    .filter(([el, s]) => el !== top && s >= best * 0.75)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([el]) => el);
  if (close.length >= 3) {
    for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
      if (close.filter((el) => isAncestor(p!, el)).length >= 3) {
        top = p;
        break;
      }
    }
  }
  // Readability: climb while the parent still scores at least a third and beats the running score.
  let last = best;
  const threshold = best / 3;
  for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root' && p.tag !== 'html'; p = p.parent) {
    const ps = scores.get(p);
    if (ps === undefined) continue;
    if (ps < threshold) break;
    if (ps > last) {
      top = p;
      break;
    }
    last = ps;
  }
  // An only child adds nothing over its parent.
  while (
    top.parent &&
    top.parent.tag !== 'body' &&
    top.parent.tag !== '#root' &&
    onlyElementChild(top.parent) === top
  )
    top = top.parent;
  return top;
}

function onlyElementChild(el: Element): Element | undefined {
  let found: Element | undefined;
  for (const c of el.children) {
    if (typeof c === 'string') {
      if (c.trim()) return undefined;
      continue;
    }
    if (found) return undefined;
    found = c;
  }
  return found;
}

const sentenceEnd = /[.!?。！？]["'”’»)]*\s*$/;

/** The container plus siblings that score close to it or read as prose (Readability's sibling pass). */
export function withSiblings(
  top: Element,
  scores: Map<Element, number>,
  stats: Map<Element, Stats>,
): Element[] {
  const parent = top.parent;
  if (!parent) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attrs['class'];
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (typeof sib === 'string') continue;
    if (sib === top) {
      out.push(sib);
      continue;
    }
    let bonus = 0;
    if (topClass && sib.attrs['class'] === topClass) bonus += topScore * 0.2;
    const sc = scores.get(sib);
    if (sc !== undefined && sc + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.tag === 'p') {
      const s = stats.get(sib);
      const ld = linkDensity(s);
      const len = s?.text ?? 0;
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && sentenceEnd.test(textOf(sib))))
        out.push(sib);
    }
  }
  return out;
}

/** The first element named like an article body ("entry-content", itemprop=articleBody) with real prose. */
export function namedBody(root: Element, stats: Map<Element, Stats>): Element | undefined {
  let best: Element | undefined;
  for (const el of elements(root)) {
    if (el.tag === 'a' || el.tag === 'span' || el.tag === 'p' || el.tag === 'li') continue;
    const named = el.attrs['itemprop'] === 'articleBody' || BODY_CONTAINER.test(idClass(el));
    if (!named) continue;
    const s = stats.get(el);
    if (!s || s.text < 200 || linkDensity(s) > 0.5) continue;
    // The outermost named container wins: nested "article-body" / "article-body__text" pairs are common.
    if (!best) best = el;
    else if (!isAncestor(best, el) && (stats.get(el)?.text ?? 0) > (stats.get(best)?.text ?? 0) * 1.5)
      best = el;
  }
  return best;
}

export function isAncestor(a: Element, b: Element): boolean {
  for (let p: Element | null = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}
