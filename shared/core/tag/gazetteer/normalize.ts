// Letters that NFD does not decompose, so stripping combining marks alone would leave "Łódź" unmatched by "Lodz".
const FOLD: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};
const FOLD_RE = /[łøđðßæœıþħŁØĐÐÆŒÞĦ]/g;
const FOLD_UPPER: Record<string, string> = {
  Ł: 'L',
  Ø: 'O',
  Đ: 'D',
  Ð: 'D',
  Æ: 'Ae',
  Œ: 'Oe',
  Þ: 'Th',
  Ħ: 'H',
};

/**
 * A name as English news prints it: "Bogotá" -> "Bogota", "Kandahār" -> "Kandahar", "Łódź" -> "Lodz" (AP and
 * Reuters style drop diacritics; GeoNames keeps them, and its transliterations add macrons and dots).
 */
export function foldAccents(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(FOLD_RE, (c) => FOLD[c] ?? FOLD_UPPER[c] ?? c)
    .replace(/[‘’ʼʻ`´]/g, "'")
    .normalize('NFC');
}
const ASCII_PLAIN = /^[a-z0-9 .,']*$/;

/**
 * The lookup key for a place name: case, accents, curly apostrophes, hyphens and runs of whitespace do not
 * matter ("São Paulo" = "sao paulo", "Guinea-Bissau" = "Guinea Bissau", "Côte d’Ivoire" = "cote d'ivoire").
 * Generator and runtime share it, so the keys baked into the data file are the keys looked up.
 */
export function placeKey(surface: string): string {
  const lower = surface.toLowerCase();
  // Most lookups are plain ASCII words from the tagger's hot loop: skip the Unicode work for them.
  if (ASCII_PLAIN.test(lower) && !lower.includes('  ')) return lower.trim();
  return foldAccents(lower)
    .replace(/[-‐‑‒–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
