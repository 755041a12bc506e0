import { parseByline } from '../byline';
import { parseDateLine } from '../dates';
import { normalizeSpace } from '../text-util';

/** Month names of the languages copydesk meets most, beyond the English ones dates.ts reads. */
const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  enero: 1,
  janvier: 1,
  gennaio: 1,
  februar: 2,
  feber: 2,
  febrero: 2,
  février: 2,
  febbraio: 2,
  märz: 3,
  marzo: 3,
  mars: 3,
  april: 4,
  abril: 4,
  avril: 4,
  aprile: 4,
  mai: 5,
  mayo: 5,
  maggio: 5,
  juni: 6,
  junio: 6,
  juin: 6,
  giugno: 6,
  juli: 7,
  julio: 7,
  juillet: 7,
  luglio: 7,
  august: 8,
  agosto: 8,
  août: 8,
  september: 9,
  septiembre: 9,
  setiembre: 9,
  septembre: 9,
  settembre: 9,
  oktober: 10,
  octubre: 10,
  octobre: 10,
  ottobre: 10,
  november: 11,
  noviembre: 11,
  novembre: 11,
  dezember: 12,
  diciembre: 12,
  décembre: 12,
  dicembre: 12,
};

/** "Veröffentlicht am", "Stand:", "Publicado el", a weekday, a place ("Madrid, ") before the date itself. */
const LEAD =
  '^(?:(?:veröffentlicht|aktualisiert|stand|erstellt|publicado|actualizado|publié|mis à jour|pubblicato)(?:\\s+(?:am|el|le|il|on))?\\s*:?\\s*)?(?:\\p{L}+,\\s+)?';
const TIME = '(?:,?\\s*(?:um\\s+|a las\\s+|à\\s+|-\\s*|\\|\\s*)?(\\d{1,2})[:.h](\\d{2})\\s*(?:uhr|h)?)?\\s*$';
const NUMERIC = new RegExp(`${LEAD}(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})${TIME}`, 'iu');
const NAMED = new RegExp(
  `${LEAD}(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})${TIME}`,
  'iu',
);

function iso(y: number, mo: number, d: number, h?: string, mi?: string): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d, h ? Number(h) : 0, mi ? Number(mi) : 0));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== d || y < 1900 || y > 2200) return undefined;
  return date.toISOString();
}

/**
 * A line that is only a date, as ISO 8601: what dates.ts reads, plus the day-first forms of German, Spanish,
 * French and Italian pages ("12.03.2024, 14:30 Uhr", "12. März 2024", "12 de marzo de 2024").
 */
export function dateLine(line: string): string | undefined {
  const t = normalizeSpace(line);
  const posted = postedBy(t);
  if (posted) return dateLine(posted[0]);
  if (t.length > 80) return undefined;
  const en = parseDateLine(t);
  if (en) return en;
  const n = NUMERIC.exec(t);
  if (n) return iso(Number(n[3]), Number(n[2]), Number(n[1]), n[4], n[5]);
  const m = NAMED.exec(t);
  const month = m ? MONTHS[(m[2] ?? '').toLowerCase()] : undefined;
  return m && month ? iso(Number(m[3]), month, Number(m[1]), m[4], m[5]) : undefined;
}

const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|del|van|von|der|den|la|le|al|el|bin|ibn|y)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/**
 * A byline: what byline.ts reads ("By Jane Doe"), plus "Von", "Por", "Par", "Di", "Door" and a trailing
 * outlet or date after a comma or pipe ("Von Anna Schmidt, dpa").
 */
export function bylineLine(line: string): string[] | undefined {
  const t = normalizeSpace(line);
  const en = parseByline(t);
  if (en) return en;
  const m = /^(?:von|por|par|di|door|av|af)\s+(.{3,100})$/i.exec(t);
  if (!m?.[1]) return undefined;
  const names = m[1]
    .split(/\s*(?:[|–—]|\s-\s|,\s*(?=\S+$))\s*/)[0]!
    .split(/\s*(?:,|&|\bund\b|\by\b|\bet\b|\be\b|\ben\b)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => NAME.test(n)) ? names : undefined;
}

/** "Posted on April 2, 2023 by Mara": a date and a byline on one line, as blogs print them. */
function postedBy(t: string): [string, string] | undefined {
  const m = /^(.{6,60}?)\s+(by|von|por|par)\s+(.{2,60})$/i.exec(t);
  if (!m || !/\d/.test(m[1]!)) return undefined;
  return [m[1]!, `${m[2]} ${m[3]}`];
}

/** Authors of a "posted on <date> by <name>" line. */
export function postedAuthors(line: string): string[] | undefined {
  const posted = postedBy(normalizeSpace(line));
  if (!posted || !dateLine(posted[0])) return undefined;
  const byline = bylineLine(posted[1]);
  if (byline) return byline;
  // A blog's single first name ("by Mara") is a byline there, though byline.ts wants a capitalised name.
  const one = /^\S+\s+(\p{Lu}[\p{L}'’.-]{1,30})$/u.exec(posted[1]);
  return one?.[1] ? [one[1]] : undefined;
}
