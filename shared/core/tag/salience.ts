import type { Entity } from '../article';
import type { ResolvedEntity, Zone } from './resolve';

const ZONE_WEIGHT: Record<Zone, number> = { title: 3, lead: 2, body: 1, caption: 0.25 };
/** Body entities score in [BODY_FLOOR, 1], caption-only ones in (0, CAPTION_CEILING]: below every body entity. */
const BODY_FLOOR = 0.2;
const CAPTION_CEILING = 0.15;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

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
    return {
      name: e.name,
      type: e.type,
      mentions: e.surfaces,
      count: e.occurrences.length,
      salience,
      ...(captionOnly ? { captionOnly: true } : {}),
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
