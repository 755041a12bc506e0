import { CITIES, COUNTRIES, DEMONYMS, REGIONS } from './places-data';

const norm = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

const PLACE_CANONICAL = new Map<string, string>();
for (const [name, aliases] of Object.entries(COUNTRIES)) {
  for (const a of [name, ...aliases]) PLACE_CANONICAL.set(norm(a), name);
}
for (const name of [...CITIES, ...REGIONS])
  if (!PLACE_CANONICAL.has(norm(name))) PLACE_CANONICAL.set(norm(name), name);

const DEMONYM_SET = new Set(DEMONYMS.map(norm));

/** The canonical place for a surface form ("U.S." -> "United States"), or undefined if not a known place. */
export function knownPlace(surface: string): string | undefined {
  return PLACE_CANONICAL.get(norm(surface));
}

/** "Chinese", "Sino", "Democrats": describes a group or nationality, never an entity of its own. */
export function isDemonym(word: string): boolean {
  return DEMONYM_SET.has(norm(word));
}
