const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s*)?';
const TIME = '(?:(?:,|\\s+at|\\s*[-|])?\\s*(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?)?';
const ZONE = '(?:\\s*\\[?\\(?(gmt|utc|z)?[+-]?\\d{0,4}\\)?\\]?)?';
const PREFIX = '^(?:(?:published|posted|updated|last updated|date|first published)(?:\\s+on)?\\s*:?\\s*)?';

const ISO =
  /^(?:(?:published|posted|updated|date)\s*:?\s*)?(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/i;
const MDY = new RegExp(
  `${PREFIX}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${ZONE}$`,
  'i',
);
const DMY = new RegExp(
  `${PREFIX}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH},?\\s+(\\d{4})${TIME}${ZONE}$`,
  'i',
);

function build(y: number, mo: number, d: number, h?: string, mi?: string, ampm?: string): string | undefined {
  let hour = h ? Number(h) : 0;
  if (ampm && /p/i.test(ampm) && hour < 12) hour += 12;
  if (ampm && /a/i.test(ampm) && hour === 12) hour = 0;
  const date = new Date(Date.UTC(y, mo - 1, d, hour, mi ? Number(mi) : 0));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== d || y < 1900 || y > 2200) return undefined;
  return date.toISOString();
}

const monthNo = (s: string): number | undefined => MONTHS[s.toLowerCase().slice(0, 3)];

/**
 * A line that is only a date ("Sun Jan 28, 2018 03:09PM", "Published: 28 January 2018", "2018-01-28T10:00Z"),
 * as ISO 8601. Times without a zone are taken as UTC; a line with anything more than a date is not a dateline.
 */
export function parseDateLine(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 80) return undefined;
  const iso = ISO.exec(t);
  if (iso?.[1]) {
    const d = new Date(/[T ]\d/.test(iso[1]) && !/Z|[+-]\d{2}:?\d{2}$/.test(iso[1]) ? `${iso[1]}Z` : iso[1]);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const mdy = MDY.exec(t);
  if (mdy) {
    const mo = monthNo(mdy[1] ?? '');
    return mo ? build(Number(mdy[3]), mo, Number(mdy[2]), mdy[4], mdy[5], mdy[6]) : undefined;
  }
  const dmy = DMY.exec(t);
  if (dmy) {
    const mo = monthNo(dmy[2] ?? '');
    return mo ? build(Number(dmy[3]), mo, Number(dmy[1]), dmy[4], dmy[5], dmy[6]) : undefined;
  }
  return undefined;
}

/** Normalises a machine-readable date from metadata; undefined when it does not parse. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const d = new Date(value.trim());
  if (Number.isNaN(d.getTime())) return parseDateLine(value);
  const y = d.getUTCFullYear();
  return y >= 1900 && y <= 2200 ? d.toISOString() : undefined;
}
