import { normalizeSpace } from './text-util';

const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|van|von|der|den|la|le|al|el|bin|ibn)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}$/u;

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
