import { normalizeSpace } from './text-util';

const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|van|von|der|den|la|le|al|el|bin|ibn|du|di|dos|das)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]; anything else (a sentence starting "By then") -> undefined. */
export function parseByline(line: string): string[] | undefined {
  const m = /^(?:by|written by|words by|author:?)\s+(.{3,100})$/i.exec(normalizeSpace(line));
  if (!m?.[1]) return undefined;
  // Bylines often trail the outlet or a role after a pipe or dash: "By Jane Doe | Reuters".
  const names = m[1]
    .split(/\s+[|–—-]\s+/)[0]!
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || !names.every((n) => NAME.test(n))) return undefined;
  return names;
}

/** Roles and outlets that trail a name in author fields: "Jane Doe, Staff Writer", "Jane Doe | Reuters". */
const ROLE =
  /\s*(?:[,|–—-]|\s)\s*(?:staff|senior|chief|special|contributing|guest|deputy|political|foreign|business|science|sports?)?\s*(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|photographer|redakteur(?:in)?|autor(?:in)?)\b.*$/i;
const ROLE_ONLY =
  /^(?:[\p{L}-]+\s+){0,3}(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|photographer|redakteur(?:in)?|autor(?:in)?|staff)$/iu;
const DATEISH =
  /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}:\d{2}\b|\b(?:updated|published|posted)\b.*$/i;

/**
 * Author fields straight from metadata or a byline element, cleaned to names: no "By", no dates or roles
 * trailing them, several names split on "and"/commas/ampersands, URLs and handles dropped, deduplicated.
 */
export function cleanAuthors(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    let t = normalizeSpace(r)
      .replace(
        /^(?:(?:written|words|posted|reported|text|story|photos?)\s+)?(?:by|von|par|por|door|av)\s*:?\s+/i,
        '',
      )
      .replace(/^(?:author|autor|auteur|autore)\s*:\s*/i, '');
    t = t.replace(DATEISH, '').trim();
    const parts = t.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\s\|\s)\s*/);
    for (const [i, part] of parts.entries()) {
      // "Jane Doe, Transport Correspondent": a later part that is only a role is no second author.
      if (i > 0 && ROLE_ONLY.test(part.trim())) continue;
      const n = part
        .replace(ROLE, '')
        .replace(/^@/, '')
        .replace(/^[\s"'“”‘’(]+|[\s"'“”‘’).:,;-]+$/g, '')
        .trim();
      if (!n || n.length < 3 || n.length > 60 || /^(?:https?:|www\.)/i.test(n) || /\d/.test(n)) continue;
      if (/^(?:by|admin|administrator|staff|editor|redaktion|unknown|anonymous|guest)$/i.test(n)) continue;
      if (n.split(' ').length > 5) continue;
      const key = n.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(n);
    }
  }
  return out;
}
