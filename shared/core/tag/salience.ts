import type { Entity, EntityOccurrence } from '../article';
import { capitalOf } from './gazetteer';
import type { ResolvedEntity, Zone } from './resolve';

const ZONE_WEIGHT: Record<Zone, number> = { title: 3, lead: 2, body: 1, caption: 0.25 };
/** Body entities score in [BODY_FLOOR, 1], caption-only ones in (0, CAPTION_CEILING]: below every body entity. */
const BODY_FLOOR = 0.2;
const CAPTION_CEILING = 0.15;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

function raw(e: ResolvedEntity): number {
  let score = 0;
  let first = Infinity;
  for (const o of e.occurrences) {
    score += ZONE_WEIGHT[o.zone];
    if (o.zone !== 'caption') first = Math.min(first, o.position);
  }
  // Named early means central to the story: the title scores a full point, the lead half, and so on.
  return Number.isFinite(first) ? score + 1 / (1 + first) : score;
}

/** "Beijing maintains ...": a capital that acts names its country's government, e.g. "Government of China". */
function metonymOf(e: ResolvedEntity): Entity['metonymFor'] {
  if (e.type !== 'place' || !e.governmentUses || !e.country || capitalOf(e.country) !== e.name)
    return undefined;
  return {
    name: `Government of ${countryNames.of(e.country) ?? e.country}`,
    type: 'organization',
    count: e.governmentUses,
  };
}

export function scoreEntities(resolved: readonly ResolvedEntity[]): Entity[] {
  const scored = resolved.map((e) => ({
    e,
    raw: raw(e),
    captionOnly: e.occurrences.every((o) => o.zone === 'caption'),
  }));
  const maxBody = Math.max(0, ...scored.filter((s) => !s.captionOnly).map((s) => s.raw));
  const maxCaption = Math.max(0, ...scored.filter((s) => s.captionOnly).map((s) => s.raw));
  const entities = scored.map(({ e, raw: r, captionOnly }): Entity => {
    const salience = captionOnly
      ? Math.max(0.001, round3((CAPTION_CEILING * r) / (maxCaption || 1)))
      : round3(BODY_FLOOR + ((1 - BODY_FLOOR) * r) / (maxBody || 1));
    const occurrences: EntityOccurrence[] = e.occurrences.map((o) => ({
      zone: o.zone,
      paragraph: o.position,
      start: o.mention.start,
      end: o.mention.end,
    }));
    const metonymFor = metonymOf(e);
    return {
      name: e.name,
      type: e.type,
      mentions: e.surfaces,
      count: e.occurrences.length,
      salience,
      ...(captionOnly ? { captionOnly: true } : {}),
      occurrences,
      ...(e.type === 'place' && e.country ? { country: e.country } : {}),
      ...(metonymFor ? { metonymFor } : {}),
    };
  });
  return entities.sort(
    (a, b) =>
      b.salience - a.salience ||
      b.count - a.count ||
      a.type.localeCompare(b.type) ||
      a.name.localeCompare(b.name),
  );
}
