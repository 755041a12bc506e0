import type { Entity, EntityType, EntityZone } from '../../core/article';
import { lookupPlace, type PlaceInfo } from '../../core/tag/gazetteer';
import type { ResolvedEntity } from '../../core/tag/resolve';
import { scoreEntities } from '../../core/tag/salience';

/** Comprehend's types that copydesk's schema has; the rest (dates, quantities, titles, events, …) are dropped. */
const TYPES: Readonly<Record<string, EntityType>> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  LOCATION: 'place',
};

export const entityTypeOf = (comprehendType: string | undefined): EntityType | undefined =>
  comprehendType ? TYPES[comprehendType] : undefined;

/** One name Comprehend found, placed in the article. */
export interface EntityMention {
  text: string;
  type: EntityType;
  zone: EntityZone;
  paragraph: number;
  start: number;
  end: number;
}

const POSSESSIVE = /['’]s$/u;
const normalize = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const words = (s: string): string[] => s.split(' ').filter(Boolean);

/** "Japan’s" names Japan: the possessive is left out of the name and of the occurrence's span. */
function withoutPossessive(m: EntityMention): EntityMention {
  const text = m.text.replace(POSSESSIVE, '');
  return text === m.text || !text ? m : { ...m, text, end: m.end - (m.text.length - text.length) };
}

interface Group {
  key: string;
  votes: Map<EntityType, number>;
  mentions: EntityMention[];
  /** The gazetteer's place, when the text names one: its canonical name and country. */
  place?: PlaceInfo;
}

/**
 * A name the gazetteer knows is grouped by its canonical place, so "U.S." and "United States" are one
 * entity, and so are "Beijing" the city and "Beijing" the government (Comprehend types the latter an
 * organization). People are never looked up: "Jordan" the person is not the country.
 */
function keyOf(m: EntityMention): { key: string; place?: PlaceInfo } {
  const place = m.type === 'person' ? undefined : lookupPlace(m.text);
  return place ? { key: `place:${place.name.toLowerCase()}`, place } : { key: normalize(m.text) };
}

const typeOf = (g: Group): EntityType =>
  // The type most mentions carry; on a tie, the one seen first (Map keeps insertion order).
  [...g.votes].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];

/**
 * Groups mentions into entities: the same text (ignoring case, spacing and a possessive) is one entity,
 * and a one-word person joins the nearest multi-word person already named whose last word it is ("Kono"
 * after "Taro Kono") or, as with family-name-first names, whose first word it is ("Wang" after "Wang Yi"),
 * as the built-in resolver does. Comprehend types each mention on its own, so an entity takes the type
 * most of its mentions have.
 */
export function groupMentions(mentions: readonly EntityMention[]): Group[] {
  const ordered = mentions
    .map(withoutPossessive)
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const groups = new Map<string, Group>();
  const people: Group[] = [];
  for (const m of ordered) {
    const { key, place } = keyOf(m);
    if (!/\p{L}/u.test(m.text)) continue;
    const shortFormOf =
      m.type === 'person' && words(key).length === 1
        ? people.findLast((p) => {
            const name = words(p.key);
            return name[0] === key || name.at(-1) === key;
          })
        : undefined;
    let group = shortFormOf ?? groups.get(key);
    if (!group) {
      group = { key, votes: new Map(), mentions: [], ...(place ? { place } : {}) };
      groups.set(key, group);
    }
    group.mentions.push(m);
    group.votes.set(m.type, (group.votes.get(m.type) ?? 0) + 1);
    if (m.type === 'person' && words(group.key).length >= 2 && !people.includes(group)) people.push(group);
  }
  return [...groups.values()];
}

/** The longest form is the name, as in the built-in resolver: "Taro Kono" over "Kono". */
const nameOf = (surfaces: readonly string[]): string =>
  [...surfaces].sort((a, b) => words(b).length - words(a).length || b.length - a.length)[0]!;

/**
 * Salience reads the built-in resolver's entity shape, so each group is dressed in it, Comprehend's type
 * counting as a model's evidence. A known place stays a place when Comprehend calls some of its mentions
 * an organization; those mentions are the place standing for its government, as the built-in resolver
 * counts them.
 */
function asResolved(g: Group): ResolvedEntity {
  const isPlace = g.place !== undefined && g.votes.has('place');
  const type = isPlace ? 'place' : typeOf(g);
  const surfaces = [...new Set(g.mentions.map((m) => m.text))];
  return {
    key: `${type}|${g.key}`,
    type,
    name: isPlace ? g.place!.name : nameOf(surfaces),
    surfaces,
    occurrences: g.mentions.map((m) => ({
      mention: {
        surface: m.text,
        tokens: words(normalize(m.text)).length,
        type: m.type,
        evidence: 'model',
        start: m.start,
        end: m.end,
      },
      zone: m.zone,
      position: m.paragraph,
    })),
    ...(isPlace && g.place!.country ? { country: g.place!.country } : {}),
    governmentUses: isPlace ? (g.votes.get('organization') ?? 0) : 0,
  };
}

/**
 * Entities in the tag schema, scored by the built-in salience (zone weights, first position, caption-only
 * below every body entity) so both engines rank alike; it also places each occurrence.
 */
export const entitiesFrom = (mentions: readonly EntityMention[]): Entity[] =>
  scoreEntities(groupMentions(mentions).map(asResolved));
