/**
 * Encodes text into legacy encodings (Shift_JIS, GB18030, EUC-KR, Big5, KOI8-R, windows-1251,
 * ISO-8859-7, ...) for fixtures. Node has no legacy TextEncoder, so the table is built by decoding every
 * one- and two-byte sequence with TextDecoder (full ICU) and inverting it: the bytes are exactly what a
 * legacy system would have written.
 */

const tables = new Map<string, Map<string, number[]>>();

/** windows-1252's 0x80-0x9F; Node decodes the label as ISO-8859-1, so this range is mapped by hand. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}; // prettier-ignore

function table(label: string): Map<string, number[]> {
  const cached = tables.get(label);
  if (cached) return cached;
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder(label, { fatal: true });
  const add = (bytes: number[]) => {
    try {
      const s = decoder.decode(Uint8Array.from(bytes));
      if ([...s].length === 1 && !map.has(s)) map.set(s, bytes);
    } catch {
      // not a valid sequence in this encoding
    }
  };
  for (let b = 0; b < 0x100; b++) add([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  if (label === 'windows-1252') for (const [c, b] of Object.entries(CP1252_HIGH)) map.set(c, [b]);
  tables.set(label, map);
  return map;
}

export function encodeLegacy(text: string, label: string): Buffer {
  const map = table(label);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = ch.codePointAt(0)! < 0x80 ? [ch.codePointAt(0)!] : map.get(ch);
    if (!bytes) throw new Error(`${label} cannot encode ${JSON.stringify(ch)}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}
