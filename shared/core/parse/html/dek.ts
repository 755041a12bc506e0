import { elements, textOf, type Element } from '../dom';
import { normalizeSpace } from '../text-util';

const DEK_CLASS =
  /(?:^|[\s_-])(?:dek|standfirst|subtitle|sub-?title|subhead(?:line)?|sub-?headline|deck|lede|lead|summary|teaser|intro|excerpt|strapline|kicker-?text|description|abstract)(?:$|[\s_-])/i;

/** A dek element near the headline: same header or parent block as the h1, named like a standfirst. */
export function findDek(h1: Element | undefined): string | undefined {
  const scope = h1?.parent?.parent ?? undefined;
  if (!scope) return undefined;
  for (const el of elements(scope)) {
    if (el === h1 || !DEK_CLASS.test(`${el.attrs['class'] ?? ''} ${el.attrs['id'] ?? ''}`)) continue;
    if (el.tag === 'body' || el.tag === 'article' || el.tag === 'section' || el.tag === 'img') continue;
    const t = normalizeSpace(textOf(el));
    if (t.length >= 30 && t.length <= 500) return t;
  }
  return undefined;
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * True when `cand` (folded) repeats the opening paragraph `para`: the same text, a prefix or truncation of
 * it, or the paragraph's own opening when the paragraph is the shorter one.
 */
function repeats(k: string, para: string): boolean {
  const f = fold(para);
  if (!f) return false;
  if (f.startsWith(k.slice(0, Math.min(k.length, 120)))) return true;
  return f.length >= 30 && k.startsWith(f.slice(0, 120));
}

/**
 * The standfirst: a dek element, else the page description when it reads like one: a sentence or two,
 * not the headline again. Neither is kept when it only repeats the body's opening paragraph (or is a
 * truncation of it): the body keeps the lead, and the article does not carry it twice.
 */
export function standfirst(
  dek: string | undefined,
  description: string | undefined,
  openings: ReadonlyArray<string | undefined>,
  title: string,
): string | undefined {
  for (const cand of [dek, description]) {
    if (!cand) continue;
    const c = normalizeSpace(cand);
    if (c.length < 30 || c.length > 500) continue;
    const k = fold(c.replace(/(?:\.\.\.|…)\s*$/, ''));
    if (!k || k === fold(title)) continue;
    if (openings.some((p) => p && repeats(k, p))) continue;
    return c;
  }
  return undefined;
}
