import { normalizeSpace } from './text-util';

const HARD_SEPARATORS = /\s+[|·•»]\s+/;
const DASH_SEPARATORS = /\s+[-–—/]\s+/;

const same = (a: string, b: string): boolean => {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  const y = norm(b);
  return !!x && !!y && (x === y || x.includes(y) || y.includes(x));
};

/**
 * "China, Japan hope for improved ties | Example News" -> the headline. Pipes and bullets are nearly always
 * branding; a dash or slash is only branding when its tail names the site or the page's h1 is what remains, since
 * real headlines use dashes too.
 */
export function stripSiteSuffix(title: string, siteName?: string, h1?: string): string {
  let t = normalizeSpace(title);
  for (const sep of [HARD_SEPARATORS, DASH_SEPARATORS]) {
    const parts = t.split(sep);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1]!;
    const firstPart = parts[0]!;
    const rest = parts.slice(0, -1).join(t.match(sep)?.[0] ?? ' | ');
    const tailIsSite = (siteName && same(last, siteName)) || /\.\w{2,4}$/.test(last);
    const headIsSite = siteName && same(firstPart, siteName) && parts.length >= 2;
    if (headIsSite && !(siteName && same(t, siteName))) {
      t = parts.slice(1).join(t.match(sep)?.[0] ?? ' | ');
      continue;
    }
    const shortTail = last.split(' ').length <= 6 && rest.length > last.length;
    if (tailIsSite || (sep === HARD_SEPARATORS && shortTail) || (h1 && same(rest, h1) && !same(last, h1)))
      t = rest;
  }
  return t.trim();
}

export function chooseTitle(c: {
  ogTitle?: string;
  headline?: string;
  h1?: string;
  readabilityTitle?: string;
  docTitle?: string;
  siteName?: string;
}): string {
  for (const raw of [c.ogTitle, c.headline, c.h1, c.readabilityTitle, c.docTitle]) {
    if (!raw) continue;
    const t = stripSiteSuffix(raw, c.siteName, c.h1);
    // A title that is only the site's name is no headline (home pages, some CMS defaults).
    if (t && !(c.siteName && same(t, c.siteName) && t.length <= c.siteName.length + 3)) return t;
  }
  return '';
}
