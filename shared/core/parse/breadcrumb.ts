import { normalizeSpace } from './text-util';

/** Navigation words that say where a page sits in a site, not what desk it belongs to. */
const GENERIC = new Set(
  [
    'news',
    'home',
    'homepage',
    'home page',
    'start',
    'main',
    'index',
    'more',
    'latest',
    'latest news',
    'top stories',
    'front page',
    'sections',
    'section',
    'menu',
    'all',
    'articles',
    'article',
    'stories',
    'story',
    'content',
    'page',
    'topics',
    'categories',
    'category',
    'blog',
    'posts',
    'you are here',
    'startseite',
    'accueil',
    'inicio',
    'portada',
  ].map((s) => s.toLowerCase()),
);

const SEPARATOR = /\s*(?:\s\/\s|›|»|>|\||→|·|::)\s*/;

/**
 * A breadcrumb line "News / China / More": 2-8 short segments, spaced separators (so "and/or" or "1/2/2020"
 * do not count), nothing that reads like a sentence.
 */
export function parseBreadcrumbLine(line: string): string[] | undefined {
  const t = normalizeSpace(line);
  if (t.length > 120 || /[.!?:;,]$/.test(t)) return undefined;
  if (!/\s(?:\/|›|»|>|\||→|·|::)\s|[›»→]/.test(t)) return undefined;
  const parts = t
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > 8) return undefined;
  const short = parts.every((p) => p.length <= 40 && p.split(' ').length <= 5 && /\p{L}/u.test(p));
  return short ? parts : undefined;
}

/**
 * The most specific segment that names a desk: the last one that is not generic navigation. Sites often end the
 * trail with the article's own headline, so a segment equal to the title (or long like one) is skipped.
 */
export function sectionFromBreadcrumb(parts: readonly string[], title?: string): string | undefined {
  const t = title ? normalizeSpace(title).toLowerCase() : undefined;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = normalizeSpace(parts[i] ?? '');
    // Archive trails ("Jahrgang 2019", "Issue: 43") and dates name a place in the site, not a desk.
    if (!p || GENERIC.has(p.toLowerCase()) || p.length > 40 || p.split(' ').length > 5 || /\d/.test(p))
      continue;
    if (t && p.toLowerCase() === t) continue;
    return p;
  }
  return undefined;
}
