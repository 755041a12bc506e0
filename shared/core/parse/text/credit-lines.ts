import { normalizeSpace, roughWordCount } from '../text-util';

/**
 * A line that is only a photo credit: "Foto: dpa", "Photo: Jane Doe/Reuters", "© Getty Images", "(AFP)".
 * In copied text it sits right under (or over) the caption it belongs to. Returns the credit.
 */
export function creditOnly(line: string): string | undefined {
  const t = normalizeSpace(line);
  if (t.length > 80) return undefined;
  const m =
    /^(?:photo(?:graph)?s?|foto(?:s|grafía)?|bild(?:er)?|image|imagen|picture|pic|credit|bildquelle|quelle)\s*(?:credit\s*)?(?::|by\b|von\b|de\b)\s*(.{2,70})$/i.exec(
      t,
    ) ??
    /^(?:©|\(c\)|copyright)\s*(.{2,70})$/i.exec(t) ??
    /^\(\s*(AFP|Reuters|AP|dpa|EPA|Getty Images|Xinhua|AP Photo[^)]*)\s*\)$/i.exec(t);
  // "© 2024 Example Gazette. All rights reserved." is the site's copyright line, not a photo's.
  if (/^(?:©|\(c\)|copyright)/i.test(t) && /\d{4}|rights|reserved|rechte|derechos|droits/i.test(t))
    return undefined;
  const credit = m?.[1]?.trim().replace(/[.;,]$/, '');
  return credit && roughWordCount(credit) <= 8 ? credit : undefined;
}
