import { elements, type Element } from '../dom';
import { captionLike } from './flatten';
import { INLINE } from './score';
import { collapsedLength, linkDensity, type Stats } from './stats';

/** Furniture between a headline and the body: bylines, dates, share bars, captions. A lead is none of these. */
const NOT_LEAD =
  /(?:^|[\s_-])(?:byline|author|date|time|meta|share|sharing|social|caption|credit|breadcrumb|tags?|related|newsletter|promo|ad|advert|nav|menu|comment|rating|copyright)(?:$|[\s_-])/i;

const sentence = /[.!?…:"“”»)]\s*$/;

/**
 * The lead paragraph many templates put between the headline and the body container ("teaser",
 * "abstract", "intro"): prose-like elements after the h1 and before the chosen container, inside the same
 * region of the page. Readability-style scoring picks the body and loses them.
 */
export function leadBefore(
  body: Element,
  roots: readonly Element[],
  h1: Element | undefined,
  stats: Map<Element, Stats>,
): Element[] {
  const first = roots[0];
  if (!h1 || !first) return [];
  const order = elements(body);
  const h1At = order.indexOf(h1);
  const rootAt = order.indexOf(first);
  if (h1At < 0 || rootAt <= h1At || rootAt - h1At > 400) return [];
  const out: Element[] = [];
  let total = 0;
  for (let i = h1At + 1; i < rootAt && out.length < 4; i++) {
    const el = order[i]!;
    if (isInside(el, h1) || out.some((o) => isInside(el, o)) || isInside(first, el)) continue;
    // A figure between headline and body is the lead image: its caption and credit belong to the article.
    if (el.tag === 'figure' && !captionLike(el)) {
      out.push(el);
      continue;
    }
    if (INLINE.has(el.tag) || el.tag === 'li' || /^h[1-6]$/.test(el.tag)) continue;
    if (hasBlockChild(el)) continue;
    const s = stats.get(el);
    const len = s?.text ?? 0;
    if (len < 80 || linkDensity(s) > 0.2) continue;
    if (captionLike(el) || furnitureAround(el, h1)) continue;
    const text = ownText(el);
    if (!sentence.test(text) && len < 150) continue;
    out.push(el);
    total += len;
    if (total > 1200) break;
  }
  return out;
}

const isInside = (el: Element, ancestor: Element): boolean => {
  for (let p: Element | null = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
};

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => typeof c !== 'string' && !INLINE.has(c.tag));
}

/** True when the element or an ancestor below the headline's region is named as furniture. */
function furnitureAround(el: Element, h1: Element): boolean {
  const stop = h1.parent?.parent ?? null;
  for (let p: Element | null = el; p && p !== stop; p = p.parent) {
    const name = `${p.attrs['class'] ?? ''} ${p.attrs['id'] ?? ''}`.replace(/--[\w-]+/g, '');
    if (NOT_LEAD.test(name)) return true;
  }
  return false;
}

function ownText(el: Element): string {
  const parts: string[] = [];
  const stack: Array<Element | string> = [el];
  while (stack.length && parts.length < 2000) {
    const n = stack.pop()!;
    if (typeof n === 'string') parts.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  const t = parts.join('').trim();
  return collapsedLength(t) ? t : '';
}
