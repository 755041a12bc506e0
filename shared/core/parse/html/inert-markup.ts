/**
 * The page without the content the tree builder discards anyway: the insides of scripts (JSON-LD
 * excepted), styles and inline SVG, and comments. On script-heavy news pages that is most of the bytes,
 * and htmlparser2's tokenizer walks it one character at a time; finding where it ends with indexOf and a
 * regexp is several times cheaper. Start and end tags stay, so the tree comes out the same.
 *
 * A candidate counts only where the tokenizer would see a tag: in text, not inside another tag's
 * attributes (a '<' seen before a '>' going back means we are inside one), and not inside raw text
 * (title, textarea and xmp are stepped over whole). Anything unclosed is left for the tokenizer.
 */
const CANDIDATE = /<!--|<(script|style|svg|title|textarea|xmp)(?=[\s/>])/gi;
const STRIPPED = new Set(['script', 'style', 'svg']);
/** JSON-LD by its type, loosely: the attribute may spell it with entities ("ld&#x2B;json"). */
const DATA_SCRIPT = /ld.{0,8}json/i;
const SVG_TAG = /<(\/?)svg(?=[\s/>])/gi;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

/** Whether position `at` (a '<') is in text rather than inside a tag that began after `from`. */
function inText(html: string, at: number, from: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const c = html.charCodeAt(i);
    if (c === 62) return true; // '>'
    if (c === 60) return false; // '<'
  }
  return true;
}

/** The index of the '>' ending the start tag whose attributes begin at `i`: quoted values may hold '>'. */
function tagEnd(html: string, i: number): number {
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return i;
    i++;
    if (c !== 61) continue; // '='
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    const q = html.charCodeAt(i);
    if (q === 34 || q === 39) {
      const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    }
  }
  return -1;
}

/** Where raw text of `name` ends: its first "</name" followed by '>' or a space, as the tokenizer reads it. */
const RAW_TEXT_CLOSE = new Map<string, RegExp>();
function rawTextEnd(html: string, name: string, from: number): number {
  let close = RAW_TEXT_CLOSE.get(name);
  if (!close) RAW_TEXT_CLOSE.set(name, (close = new RegExp(`</${name}[\\s>]`, 'gi')));
  close.lastIndex = from;
  return close.exec(html)?.index ?? -1;
}

/** The '<' of the "</svg" that closes an SVG opened before `from`; a nested "<svg/>" opens nothing. */
function svgEnd(html: string, from: number): number {
  let depth = 1;
  SVG_TAG.lastIndex = from;
  for (let m = SVG_TAG.exec(html); m; m = SVG_TAG.exec(html)) {
    if (m[1]) {
      if (--depth === 0) return m.index;
      continue;
    }
    const end = tagEnd(html, m.index + 4);
    if (end < 0) return -1;
    if (html.charCodeAt(end - 1) !== 47) depth++; // not '/>'
    SVG_TAG.lastIndex = end + 1;
  }
  return -1;
}

export function withoutInertContent(html: string): string {
  const parts: string[] = [];
  let kept = 0; // start of the part not yet copied
  let scanned = 0; // everything before this is known to be outside any tag
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(html); m; m = CANDIDATE.exec(html)) {
    const at = m.index;
    if (!inText(html, at, scanned)) continue;
    const name = m[1]?.toLowerCase();
    let contentStart: number;
    let contentEnd: number;
    if (!name) {
      contentStart = at;
      const close = html.indexOf('-->', at + 4);
      if (close < 0) break;
      contentEnd = close + 3;
    } else {
      const end = tagEnd(html, at + 1 + name.length);
      if (end < 0) break;
      contentStart = end + 1;
      contentEnd = name === 'svg' ? svgEnd(html, contentStart) : rawTextEnd(html, name, contentStart);
      if (contentEnd < 0) break;
      const keep = !STRIPPED.has(name) || (name === 'script' && DATA_SCRIPT.test(html.slice(at, end)));
      if (keep) {
        CANDIDATE.lastIndex = scanned = contentEnd;
        continue;
      }
    }
    parts.push(html.slice(kept, contentStart));
    CANDIDATE.lastIndex = kept = scanned = contentEnd;
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}
