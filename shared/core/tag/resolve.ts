import type { EntityType } from '../article';
import { EVIDENCE, type Mention } from './mentions';

export type Zone = 'title' | 'lead' | 'body' | 'caption';

export interface Occurrence {
  mention: Mention;
  zone: Zone;
  /** 0 for the title, n for the n-th body paragraph (1-based); captions after the body. */
  position: number;
}

export interface ResolvedEntity {
  key: string;
  type: EntityType;
  name: string;
  surfaces: string[];
  occurrences: Occurrence[];
}

const strength = (m: Mention): number => EVIDENCE.indexOf(m.evidence);
const lc = (s: string): string => s.toLowerCase();
const words = (s: string): string[] => s.split(/[\s]+/).filter(Boolean);

/** Same length, exactly one letter different: "Kano" for "Kono", not "Iran" for "Iraq" (those are both places). */
function oneLetterOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

/** Evidence that a word stands where a name stands: after a title, in apposition, next to "said", tagged a person. */
const inNamePosition = (m: Mention): boolean =>
  m.evidence === 'role' ||
  m.evidence === 'apposition' ||
  m.evidence === 'speech' ||
  (m.evidence === 'tagger' && m.type === 'person');

/**
 * Document-level entity resolution. Each surface form takes the type of its strongest evidence anywhere in
 * the article; later short forms ("Kono", "Wang") join the full name already seen; a one-letter misspelling of
 * a known surname in a name position joins that person instead of becoming a new one.
 */
export function resolveEntities(occurrences: readonly Occurrence[]): ResolvedEntity[] {
  const best = new Map<string, Mention>();
  for (const { mention: m } of occurrences) {
    const k = lc(m.surface);
    const cur = best.get(k);
    if (!cur || (m.type && (!cur.type || strength(m) < strength(cur)))) best.set(k, m);
  }

  // Full names of people, in order of first appearance: the targets for short forms and misspellings.
  const people: string[] = [];
  for (const { mention } of occurrences) {
    const b = best.get(lc(mention.surface))!;
    if (b.type === 'person' && b.tokens >= 2 && !people.includes(b.surface)) people.push(b.surface);
  }
  // "Taro Kono" inside "Foreign Minister Taro Kono"-style longer captures: map each to the longest containing name.
  const fullNameOf = (surface: string): string | undefined => {
    const w = words(lc(surface));
    const candidates = people.filter((p) => {
      const pw = words(lc(p));
      if (pw.length < w.length) return false;
      for (let i = 0; i + w.length <= pw.length; i++)
        if (w.every((x, j) => pw[i + j] === x)) return i === 0 || i + w.length === pw.length;
      return false;
    });
    return candidates.sort((a, b) => b.length - a.length || people.indexOf(a) - people.indexOf(b))[0];
  };

  const entities = new Map<string, ResolvedEntity>();
  const add = (key: string, type: EntityType, occ: Occurrence) => {
    let e = entities.get(key);
    if (!e) {
      e = { key, type, name: '', surfaces: [], occurrences: [] };
      entities.set(key, e);
    }
    e.occurrences.push(occ);
    if (!e.surfaces.includes(occ.mention.surface)) e.surfaces.push(occ.mention.surface);
  };

  for (const occ of occurrences) {
    const m = occ.mention;
    const b = best.get(lc(m.surface))!;
    if (b.type === 'place' && b.evidence === 'gazetteer') {
      add(`place|${b.canonical ?? b.surface}`, 'place', occ);
      continue;
    }
    const full = b.type === 'organization' ? undefined : fullNameOf(m.surface);
    if (full) {
      add(`person|${lc(full)}`, 'person', occ);
      continue;
    }
    if (b.tokens === 1 && inNamePosition(b)) {
      const target = people.find((p) => {
        const last = words(p).at(-1) ?? '';
        return oneLetterOff(lc(m.surface), lc(last));
      });
      if (target) {
        add(`person|${lc(target)}`, 'person', occ);
        continue;
      }
    }
    if (b.type) add(`${b.type}|${lc(b.canonical ?? b.surface)}`, b.type, occ);
  }

  for (const e of entities.values()) {
    const canonical = e.occurrences.find((o) => o.mention.canonical)?.mention.canonical;
    e.name =
      canonical ??
      [...e.surfaces].sort((a, b) => words(b).length - words(a).length || b.length - a.length)[0]!;
  }
  return [...entities.values()];
}
