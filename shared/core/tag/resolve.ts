import type { EntityType } from '../article';

export type Zone = 'title' | 'lead' | 'body' | 'caption';

/**
 * How a mention got its type, strongest first. Resolution keeps the strongest evidence per surface form, so
 * "Kano, the Japanese foreign minister" (apposition) beats the gazetteer's Kano, the Nigerian city.
 */
export const EVIDENCE = [
  'role',
  'apposition',
  'org-rule',
  'gazetteer',
  'speech',
  'model',
  'nominal',
] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** An office and the country it serves: "Japan's Foreign Minister" -> { country: 'JP', office: 'foreign minister' }. */
export interface Role {
  country?: string;
  office: string;
}

export interface Mention {
  surface: string;
  tokens: number;
  type: EntityType;
  evidence: Evidence;
  /** Offsets of the surface in its segment's text. */
  start: number;
  end: number;
  /** Canonical name for gazetteer places ("US" -> "United States"). */
  canonical?: string;
  /** ISO 3166-1 alpha-2 of a gazetteer place. */
  country?: string;
  /** The office written next to a person's name, or the office a nominal mention names. */
  role?: Role;
  /** A capital standing for its government here: "Beijing maintains that ...". */
  actsAsGovernment?: boolean;
}

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
  country?: string;
  /** How many of its occurrences stand for a government (capitals only). */
  governmentUses: number;
}

const strength = (m: Mention): number => EVIDENCE.indexOf(m.evidence);
const lc = (s: string): string => s.toLowerCase();
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Same length, exactly one letter different: "Kano" for "Kono", not "Iran" for "Iraq" (those are both places). */
function oneLetterOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

/** Evidence that a word stands where a name stands: after a title, in apposition, next to "said". */
const inNamePosition = (m: Mention): boolean =>
  m.evidence === 'role' || m.evidence === 'apposition' || m.evidence === 'speech';

/** Two roles name the same office when the countries agree and one office ends like the other. */
function sameOffice(a: Role, b: Role): boolean {
  if (!a.country || a.country !== b.country) return false;
  const x = words(a.office);
  const y = words(b.office);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w, i) => long[long.length - short.length + i] === w);
}

/**
 * Document-level entity resolution. Each surface form takes the type of its strongest evidence anywhere in
 * the article; later short forms ("Kono", "Abe") join the full name already seen; a one-letter misspelling of
 * a known surname in a name position joins that person when the office agrees or no other person could be
 * meant; "the Japanese foreign minister" joins the one person holding that office.
 */
export function resolveEntities(occurrences: readonly Occurrence[]): ResolvedEntity[] {
  const best = new Map<string, Mention>();
  for (const { mention: m } of occurrences) {
    if (m.evidence === 'nominal') continue;
    const k = lc(m.surface);
    const cur = best.get(k);
    if (!cur || strength(m) < strength(cur)) best.set(k, m);
  }

  // Full names of people, in order of first appearance: the targets for short forms and misspellings.
  const people: string[] = [];
  const roles = new Map<string, Role[]>();
  for (const { mention } of occurrences) {
    const b = best.get(lc(mention.surface));
    if (b?.type !== 'person') continue;
    if (b.tokens >= 2 && !people.includes(b.surface)) people.push(b.surface);
  }
  // "Kono" inside "Taro Kono": map each short form to the longest name it begins or ends.
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

  const surnameBearer = (surface: string): string | undefined =>
    people.find((p) => {
      const pw = words(lc(p));
      return pw.length >= 2 && pw.at(-1) === lc(surface);
    });

  const personKey = (surface: string): string | undefined => {
    const full = fullNameOf(surface);
    return full ? `person|${lc(full)}` : undefined;
  };
  for (const { mention: m } of occurrences) {
    if (!m.role || m.evidence === 'nominal') continue;
    const k = personKey(m.surface);
    if (k) roles.set(k, [...(roles.get(k) ?? []), m.role]);
  }

  const entities = new Map<string, ResolvedEntity>();
  const add = (key: string, type: EntityType, occ: Occurrence) => {
    let e = entities.get(key);
    if (!e) {
      e = { key, type, name: '', surfaces: [], occurrences: [], governmentUses: 0 };
      entities.set(key, e);
    }
    e.occurrences.push(occ);
    if (!e.surfaces.includes(occ.mention.surface)) e.surfaces.push(occ.mention.surface);
    if (occ.mention.country && !e.country) e.country = occ.mention.country;
    if (occ.mention.actsAsGovernment) e.governmentUses++;
  };

  const holderOf = (role: Role): string | undefined => {
    const holders = [...roles].filter(([, rs]) => rs.some((r) => sameOffice(r, role))).map(([k]) => k);
    return holders.length === 1 ? holders[0] : undefined;
  };

  for (const occ of occurrences) {
    const m = occ.mention;
    if (m.evidence === 'nominal') {
      const holder = m.role && holderOf(m.role);
      if (holder) add(holder, 'person', occ);
      continue;
    }
    const b = best.get(lc(m.surface))!;
    // "Bitar" after "Salem Bitar": a surname the article has given a person is that person, even where a town
    // or region has the name. (A first name is not enough: "Israel" after "Israel Kessar" is still the country.)
    const bearer = b.tokens === 1 && b.evidence === 'gazetteer' ? surnameBearer(m.surface) : undefined;
    if (bearer) {
      const { canonical: _place, country: _country, ...asName } = m;
      add(`person|${lc(bearer)}`, 'person', { ...occ, mention: { ...asName, type: 'person' } });
      continue;
    }
    if (b.type === 'place' && b.evidence === 'gazetteer') {
      add(`place|${lc(b.canonical ?? b.surface)}`, 'place', {
        ...occ,
        mention: { ...m, canonical: b.canonical, country: b.country },
      });
      continue;
    }
    const full = b.type === 'person' || b.tokens === 1 ? personKey(m.surface) : undefined;
    if (full) {
      add(full, 'person', occ);
      continue;
    }
    if (b.tokens === 1 && inNamePosition(b)) {
      // A misspelt surname joins the person whose office it shares, else the only candidate.
      const targets = people.filter((p) => oneLetterOff(lc(m.surface), lc(words(p).at(-1) ?? '')));
      const byRole = b.role
        ? targets.filter((p) => (roles.get(`person|${lc(p)}`) ?? []).some((r) => sameOffice(r, b.role!)))
        : [];
      const target = byRole.length === 1 ? byRole[0] : targets.length === 1 ? targets[0] : undefined;
      if (target) {
        add(`person|${lc(target)}`, 'person', occ);
        continue;
      }
    }
    add(`${b.type}|${lc(b.canonical ?? b.surface)}`, b.type, occ);
  }

  for (const e of entities.values()) {
    const canonical = e.occurrences.find((o) => o.mention.canonical)?.mention.canonical;
    const nominal = new Set(
      e.occurrences.filter((o) => o.mention.evidence === 'nominal').map((o) => o.mention.surface),
    );
    const named = e.surfaces.filter((s) => !nominal.has(s));
    e.name =
      canonical ??
      [...(named.length ? named : e.surfaces)].sort(
        (a, b) => words(b).length - words(a).length || b.length - a.length,
      )[0]!;
  }
  return [...entities.values()];
}
