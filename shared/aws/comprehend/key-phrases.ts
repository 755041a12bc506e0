import type { EntityZone, KeyPhrase } from '../../core/article';

/** One phrase Comprehend returned, with its confidence and the zone it was found in. */
export interface PhraseMention {
  text: string;
  score: number;
  zone: EntityZone;
}

/** Comprehend returns whole noun phrases, "the foreign ministers" included; the determiner adds nothing. */
const LEADING_DETERMINER: Readonly<Record<string, RegExp>> = {
  en: /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+/iu,
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const normalize = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The article's key phrases in the schema's terms: grouped case-insensitively, scored like the built-in
 * tagger's (how often, longer phrases a little higher, a boost for the title and lead), each occurrence
 * weighted by Comprehend's confidence, then scaled so the best is 1. Names of entities are left out,
 * being entities already, and so is a phrase inside one already picked.
 */
export function keyPhrasesFrom(
  mentions: readonly PhraseMention[],
  language: string,
  entityNames: ReadonlySet<string>,
  limit = 10,
): KeyPhrase[] {
  const determiner = LEADING_DETERMINER[language];
  const grouped = new Map<
    string,
    { weight: number; title: boolean; lead: boolean; forms: Map<string, number> }
  >();
  for (const m of mentions) {
    let text = normalize(m.text).replace(/[\s.,;:!?]+$/u, '');
    if (determiner) text = text.replace(determiner, '');
    const key = text.toLowerCase();
    if (text.length < 2 || !/\p{L}/u.test(text) || entityNames.has(key)) continue;
    const g = grouped.get(key) ?? { weight: 0, title: false, lead: false, forms: new Map<string, number>() };
    g.weight += m.score;
    g.title ||= m.zone === 'title';
    g.lead ||= m.zone === 'lead';
    g.forms.set(text, (g.forms.get(text) ?? 0) + 1);
    grouped.set(key, g);
  }
  const scored = [...grouped]
    .map(([key, g]) => {
      const text = [...g.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const length = key.split(' ').length;
      const score = g.weight * (1 + 0.5 * (length - 1)) + (g.title ? 1.5 : 0) + (g.lead ? 0.5 : 0);
      return { key, text, score };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));

  const picked: typeof scored = [];
  for (const c of scored) {
    if (picked.length >= limit) break;
    if (picked.some((p) => ` ${p.key} `.includes(` ${c.key} `))) continue;
    picked.push(c);
  }
  const max = picked[0]?.score ?? 1;
  return picked.map((p) => ({ text: p.text, score: round3(p.score / max) }));
}
