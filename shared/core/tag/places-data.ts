/**
 * The hand-kept part of the gazetteer: what the packages behind gazetteer/geonames-data.ts do not say the way
 * news writes it. English exonyms and aliases, disputed names, seas and world regions, demonyms. Data only;
 * it wins over the generated table wherever both name a place.
 */

/**
 * ISO 3166-1 alpha-2 -> the canonical English name the index has always used, then aliases. Only countries
 * whose name or aliases differ from countries-list / i18n-iso-countries are here; the canonical names are
 * kept stable because entity facets are keyed by them.
 */
// prettier-ignore
export const COUNTRY_NAMES: Record<string, string[]> = {
  BA: ['Bosnia and Herzegovina', 'Bosnia', 'Bosnia-Herzegovina'],
  BS: ['Bahamas', 'The Bahamas'],
  // "Congo" alone: the far larger and more reported of the two.
  CD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa', 'Congo'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  CN: ['China', 'PRC', 'Mainland China', 'Chinese mainland'],
  CZ: ['Czech Republic', 'Czechia'],
  FK: ['Falkland Islands', 'Falklands', 'Malvinas', 'Islas Malvinas', 'Malvinas Islands'],
  GB: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  IE: ['Ireland', 'Republic of Ireland', 'Eire'],
  IR: ['Iran', 'Persia'],
  SR: ['Suriname', 'Surinam'],
  KP: ['North Korea', 'DPRK', "Democratic People's Republic of Korea"],
  KR: ['South Korea', 'ROK', 'Republic of Korea'],
  LK: ['Sri Lanka', 'Ceylon'],
  MK: ['North Macedonia', 'Macedonia', 'Republic of Macedonia'],
  MM: ['Myanmar', 'Burma'],
  MO: ['Macau', 'Macao'],
  NL: ['Netherlands', 'The Netherlands', 'Holland'],
  PH: ['Philippines', 'The Philippines'],
  PS: ['Palestine', 'Palestinian territories', 'Palestinian Territories', 'Occupied Palestinian Territories'],
  SZ: ['Eswatini', 'Swaziland'],
  TL: ['Timor-Leste', 'East Timor'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  AE: ['United Arab Emirates', 'UAE', 'U.A.E.'],
  US: ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
  VA: ['Vatican City', 'Vatican', 'Holy See'],
  VN: ['Vietnam', 'Viet Nam'],
};

/**
 * The seat of government where it is not the capital countries-list names: "The Hague said" is the Dutch
 * government, "Amsterdam said" is not. Also US, so the capital is the "Washington" news writes.
 */
export const SEAT_OF_GOVERNMENT: Record<string, string> = { NL: 'The Hague', BO: 'La Paz', US: 'Washington' };

export interface CuratedPlace {
  name: string;
  /** ISO 3166-1 alpha-2; '' for places in no single country (continents, open seas, world regions). */
  country: string;
  kind: 'country' | 'region' | 'city' | 'feature';
  aliases?: string[];
  /** The GeoNames name this replaces, so the generated row's population and spelling fold into it. */
  geonames?: string;
}

/**
 * One place, several names: the names each side of a dispute uses, old and new names, and English exonyms
 * GeoNames does not use. The canonical name is the one most common in English-language news. A disputed
 * place carries the country that administers it; the comment says who else claims it.
 */
// prettier-ignore
export const PLACES: CuratedPlace[] = [
  // Administered by Japan; claimed by China (Diaoyu) and Taiwan (Diaoyutai).
  { name: 'Senkaku Islands', country: 'JP', kind: 'feature',
    aliases: ['Senkaku', 'Senkakus', 'Diaoyu Islands', 'Diaoyu', 'Diaoyus', 'Diaoyutai', 'Diaoyutai Islands', 'Pinnacle Islands'] },
  // Administered by South Korea (Dokdo); claimed by Japan (Takeshima).
  { name: 'Liancourt Rocks', country: 'KR', kind: 'feature', aliases: ['Dokdo', 'Tokdo', 'Takeshima'] },
  // Administered by Russia; the southern islands are claimed by Japan as its Northern Territories.
  { name: 'Kuril Islands', country: 'RU', kind: 'feature', aliases: ['Kurils', 'Kurile Islands', 'Northern Territories'] },
  // Held by China since 1974; claimed by Vietnam (Hoang Sa) and Taiwan.
  { name: 'Paracel Islands', country: 'CN', kind: 'feature', aliases: ['Paracels', 'Xisha Islands', 'Hoang Sa'] },
  // Occupied in parts by China, Vietnam, the Philippines, Malaysia and Taiwan: no single country.
  { name: 'Spratly Islands', country: '', kind: 'feature', aliases: ['Spratlys', 'Nansha Islands', 'Truong Sa', 'Kalayaan Islands'] },
  // Controlled by China since 2012; claimed by the Philippines (Bajo de Masinloc) and Taiwan.
  { name: 'Scarborough Shoal', country: '', kind: 'feature', aliases: ['Huangyan Island', 'Bajo de Masinloc', 'Panatag Shoal'] },
  // Korea calls it the East Sea.
  { name: 'Sea of Japan', country: '', kind: 'feature', aliases: ['East Sea'] },
  // The Arab states call it the Arabian Gulf.
  { name: 'Persian Gulf', country: '', kind: 'feature', aliases: ['Arabian Gulf'] },
  // Renamed by US executive order in 2025; most of the world keeps the old name.
  { name: 'Gulf of Mexico', country: '', kind: 'feature', aliases: ['Gulf of America'] },
  { name: 'South China Sea', country: '', kind: 'feature', aliases: ['West Philippine Sea'] },
  // Recognised by most states as Ukraine's (ISO 3166-2 UA-43); annexed and administered by Russia since 2014.
  { name: 'Crimea', country: 'UA', kind: 'region', aliases: ['Crimean Peninsula', 'Autonomous Republic of Crimea'] },
  { name: 'Donbas', country: 'UA', kind: 'region', aliases: ['Donbass'] },
  // Recognised as Syria's; administered by Israel since 1967.
  { name: 'Golan Heights', country: 'SY', kind: 'region', aliases: ['Golan'] },
  // News "Gaza" is the territory far more often than the city.
  { name: 'Gaza Strip', country: 'PS', kind: 'region', aliases: ['Gaza'] },
  { name: 'West Bank', country: 'PS', kind: 'region', aliases: ['Judea and Samaria'] },
  // Divided between India, Pakistan and China; "Jammu and Kashmir" alone is the Indian-administered part.
  { name: 'Kashmir', country: '', kind: 'region' },
  { name: 'Tibet', country: 'CN', kind: 'region', aliases: ['Xizang', 'Tibet Autonomous Region'] },
  { name: 'Xinjiang', country: 'CN', kind: 'region', aliases: ['East Turkestan', 'Xinjiang Uyghur Autonomous Region'] },
  { name: 'Nagorno-Karabakh', country: 'AZ', kind: 'region', aliases: ['Karabakh', 'Artsakh'] },
  { name: 'Transnistria', country: 'MD', kind: 'region', aliases: ['Pridnestrovie'] },
  { name: 'Abkhazia', country: 'GE', kind: 'region' },
  { name: 'South Ossetia', country: 'GE', kind: 'region' },
  { name: 'Northern Cyprus', country: 'CY', kind: 'region', aliases: ['Turkish Republic of Northern Cyprus', 'TRNC'] },
  { name: 'Western Sahara', country: 'EH', kind: 'region' },
  { name: 'Kurdistan', country: '', kind: 'region', aliases: ['Iraqi Kurdistan'] },
  { name: 'Siberia', country: 'RU', kind: 'region' },
  { name: 'Scotland', country: 'GB', kind: 'region' },
  { name: 'England', country: 'GB', kind: 'region' },
  { name: 'Wales', country: 'GB', kind: 'region' },
  { name: 'Northern Ireland', country: 'GB', kind: 'region' },
  { name: 'Silicon Valley', country: 'US', kind: 'region' },
  { name: 'Midwest', country: 'US', kind: 'region', aliases: ['American Midwest'] },
  { name: 'Tiananmen Square', country: 'CN', kind: 'feature', aliases: ['Tiananmen'] },
  { name: 'Spitsbergen', country: 'SJ', kind: 'feature', aliases: ['Spitzbergen'] },
  // Annexed by Israel; the UN and most states count it occupied Palestinian territory.
  { name: 'East Jerusalem', country: 'PS', kind: 'region' },
  // Former countries keep the alpha-2 codes ISO 3166-3 reserves for them (SU, YU, CS, DD), so an archive
  // story about "the Soviet Union" gets a code without pretending it is Russia.
  { name: 'Soviet Union', country: 'SU', kind: 'country', aliases: ['USSR', 'U.S.S.R.'] },
  { name: 'Yugoslavia', country: 'YU', kind: 'country' },
  { name: 'Czechoslovakia', country: 'CS', kind: 'country' },
  { name: 'East Germany', country: 'DD', kind: 'country', aliases: ['GDR', 'German Democratic Republic'] },
  { name: 'Wall Street', country: 'US', kind: 'feature' },
  { name: 'Strait of Hormuz', country: '', kind: 'feature', aliases: ['Hormuz Strait'] },
  { name: 'Taiwan Strait', country: '', kind: 'feature', aliases: ['Formosa Strait', 'Taiwan Straits'] },
  { name: 'Korean Peninsula', country: '', kind: 'region' },
  { name: 'Arabian Peninsula', country: '', kind: 'region' },
  ...usStates(),
  // Cities whose English news name is not GeoNames' name, or that go by an old name as well.
  { name: 'Washington', country: 'US', kind: 'city', geonames: 'Washington, D.C.',
    aliases: ['Washington, D.C.', 'Washington D.C.', 'Washington DC', 'Washington, DC'] },
  { name: 'New York City', country: 'US', kind: 'city', geonames: 'New York City', aliases: ['New York', 'NYC'] },
  { name: 'Kyiv', country: 'UA', kind: 'city', geonames: 'Kyiv', aliases: ['Kiev'] },
  { name: 'Odesa', country: 'UA', kind: 'city', geonames: 'Odessa', aliases: ['Odessa'] },
  { name: 'Kharkiv', country: 'UA', kind: 'city', geonames: 'Kharkiv', aliases: ['Kharkov'] },
  { name: 'Lviv', country: 'UA', kind: 'city', geonames: 'Lviv', aliases: ['Lvov', 'Lwów', 'Lemberg'] },
  { name: 'Dnipro', country: 'UA', kind: 'city', geonames: 'Dnipro', aliases: ['Dnepropetrovsk', 'Dnipropetrovsk'] },
  { name: 'Chisinau', country: 'MD', kind: 'city', geonames: 'Chisinau', aliases: ['Kishinev'] },
  { name: 'Derry', country: 'GB', kind: 'city', geonames: 'Derry', aliases: ['Londonderry'] },
  { name: 'Mumbai', country: 'IN', kind: 'city', geonames: 'Mumbai', aliases: ['Bombay'] },
  { name: 'Kolkata', country: 'IN', kind: 'city', geonames: 'Kolkata', aliases: ['Calcutta'] },
  { name: 'Chennai', country: 'IN', kind: 'city', geonames: 'Chennai', aliases: ['Madras'] },
  { name: 'Bengaluru', country: 'IN', kind: 'city', geonames: 'Bengaluru', aliases: ['Bangalore'] },
  { name: 'Beijing', country: 'CN', kind: 'city', geonames: 'Beijing', aliases: ['Peking', 'Peiping'] },
  { name: 'Ho Chi Minh City', country: 'VN', kind: 'city', geonames: 'Ho Chi Minh City', aliases: ['Saigon', 'HCMC'] },
  { name: 'Yangon', country: 'MM', kind: 'city', geonames: 'Yangon', aliases: ['Rangoon'] },
  { name: 'Naypyidaw', country: 'MM', kind: 'city', geonames: 'Nay Pyi Taw', aliases: ['Naypyitaw', 'Nay Pyi Taw'] },
  { name: 'Almaty', country: 'KZ', kind: 'city', geonames: 'Almaty', aliases: ['Alma-Ata'] },
  { name: 'Astana', country: 'KZ', kind: 'city', geonames: 'Nur-Sultan', aliases: ['Nur-Sultan', 'Akmola'] },
  { name: 'Saint Petersburg', country: 'RU', kind: 'city', geonames: 'Saint Petersburg', aliases: ['St. Petersburg', 'St Petersburg', 'Leningrad'] },
  { name: 'Sanaa', country: 'YE', kind: 'city', geonames: 'Sanaa', aliases: ["Sana'a", 'Sana'] },
  { name: 'Basra', country: 'IQ', kind: 'city', geonames: 'Basrah', aliases: ['Basrah'] },
  { name: 'Mosul', country: 'IQ', kind: 'city', geonames: 'Mosul' },
  { name: 'Erbil', country: 'IQ', kind: 'city', geonames: 'Erbil', aliases: ['Arbil', 'Irbil', 'Hawler'] },
  { name: 'Raqqa', country: 'SY', kind: 'city', geonames: 'Ar Raqqah', aliases: ['Raqqah', 'Ar Raqqah'] },
  { name: 'Fallujah', country: 'IQ', kind: 'city', geonames: 'Al Fallūjah', aliases: ['Falluja'] },
  { name: 'Najaf', country: 'IQ', kind: 'city', geonames: 'Najaf', aliases: ['An Najaf'] },
  { name: 'Gaza City', country: 'PS', kind: 'city', geonames: 'Gaza' },
  { name: 'The Hague', country: 'NL', kind: 'city', geonames: 'The Hague', aliases: ['Den Haag'] },
  { name: 'Mecca', country: 'SA', kind: 'city', geonames: 'Mecca', aliases: ['Makkah'] },
  { name: 'Medina', country: 'SA', kind: 'city', geonames: 'Medina', aliases: ['Madinah'] },
  { name: 'Cologne', country: 'DE', kind: 'city', geonames: 'Köln', aliases: ['Köln'] },
  { name: 'Frankfurt', country: 'DE', kind: 'city', geonames: 'Frankfurt am Main', aliases: ['Frankfurt am Main'] },
  { name: 'Nuremberg', country: 'DE', kind: 'city', geonames: 'Nürnberg', aliases: ['Nürnberg'] },
  { name: 'Hanover', country: 'DE', kind: 'city', geonames: 'Hannover', aliases: ['Hannover'] },
  { name: 'Gothenburg', country: 'SE', kind: 'city', geonames: 'Göteborg', aliases: ['Göteborg'] },
  { name: 'Antwerp', country: 'BE', kind: 'city', geonames: 'Antwerpen', aliases: ['Antwerpen'] },
  { name: 'Ghent', country: 'BE', kind: 'city', geonames: 'Gent', aliases: ['Gent'] },
  { name: 'Seville', country: 'ES', kind: 'city', geonames: 'Sevilla', aliases: ['Sevilla'] },
  { name: 'Istanbul', country: 'TR', kind: 'city', geonames: 'Istanbul', aliases: ['Constantinople'] },
];

/**
 * US states with the abbreviations AP style puts after a town ("Lansing, Mich."). Only dotted forms, and not
 * "Miss." or "Ind." (a title and a party label); the undotted ones are ordinary words ("Wash", "Mass", "Ill").
 */
function usStates(): CuratedPlace[] {
  // prettier-ignore
  const ap: [string, string[]][] = [
    ['Alabama', ['Ala.']], ['Arizona', ['Ariz.']], ['Arkansas', ['Ark.']], ['California', ['Calif.', 'Calif']],
    ['Colorado', ['Colo.']], ['Connecticut', ['Conn.']], ['Delaware', ['Del.']], ['Florida', ['Fla.', 'Fla']],
    ['Georgia', ['Ga.']], ['Illinois', ['Ill.']], ['Kansas', ['Kan.', 'Kans.']], ['Kentucky', ['Ky.']],
    ['Louisiana', ['La.']], ['Maryland', ['Md.']], ['Massachusetts', ['Mass.']], ['Michigan', ['Mich.', 'Mich']],
    ['Minnesota', ['Minn.']], ['Mississippi', []], ['Missouri', ['Mo.']], ['Montana', ['Mont.']],
    ['Nebraska', ['Neb.']], ['Nevada', ['Nev.']], ['New Hampshire', ['N.H.']], ['New Jersey', ['N.J.']],
    ['New Mexico', ['N.M.']], ['New York', ['N.Y.']], ['North Carolina', ['N.C.']], ['North Dakota', ['N.D.']],
    ['Oklahoma', ['Okla.']], ['Oregon', ['Ore.']], ['Pennsylvania', ['Pa.']], ['Rhode Island', ['R.I.']],
    ['South Carolina', ['S.C.']], ['South Dakota', ['S.D.']], ['Tennessee', ['Tenn.']], ['Vermont', ['Vt.']],
    ['Virginia', ['Va.']], ['Washington', ['Wash.']], ['West Virginia', ['W.Va.', 'W. Va.']],
    ['Wisconsin', ['Wis.', 'Wisc.']], ['Wyoming', ['Wyo.']],
  ];
  // Georgia, New York and Washington keep their bare names for the country and the cities; the state still
  // gets its abbreviation and its "… state" form.
  const bare = new Set(['Georgia', 'New York', 'Washington']);
  return ap.map(([name, abbr]) => ({
    name: bare.has(name) ? `${name} State` : name,
    country: 'US',
    kind: 'region' as const,
    geonames: name,
    aliases: [...abbr, `${name} state`, ...(bare.has(name) ? [] : [name])],
  }));
}

/** Continents, oceans and world regions that news names as places; they lie in no single country. */
// prettier-ignore
export const WORLD_REGIONS: string[] = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America',
  'Antarctica', 'Oceania', 'Middle East', 'Near East', 'Far East', 'West Asia', 'East Asia', 'South Asia',
  'Southeast Asia', 'Central Asia', 'Eastern Europe', 'Western Europe', 'Central Europe', 'Northern Europe',
  'Southern Europe', 'Balkans', 'Caucasus', 'Scandinavia', 'Sahel', 'Horn of Africa', 'West Africa',
  'East Africa', 'North Africa', 'Sub-Saharan Africa', 'Gulf', 'Caribbean', 'Mediterranean',
  'Arctic', 'Pacific', 'Atlantic', 'Indian Ocean', 'Pacific Ocean', 'Atlantic Ocean', 'Arctic Ocean',
  'East China Sea', 'Yellow Sea', 'Black Sea', 'Red Sea', 'Caspian Sea', 'Baltic Sea', 'North Sea',
  'Mediterranean Sea', 'Arabian Sea', 'Indo-Pacific', 'Asia-Pacific',
];

/**
 * Nationality and group adjectives -> ISO 3166-1 alpha-2, '' where the word names no one country ("Arab",
 * "Muslim", "Democrats"). They describe; they never name an entity of their own.
 */
// prettier-ignore
export const DEMONYMS: Record<string, string> = {
  Afghan: 'AF', Albanian: 'AL', Algerian: 'DZ', American: 'US', Angolan: 'AO', Argentine: 'AR', Argentinian: 'AR',
  Armenian: 'AM', Australian: 'AU', Austrian: 'AT', Azerbaijani: 'AZ', Azeri: 'AZ', Bahraini: 'BH',
  Bangladeshi: 'BD', Belarusian: 'BY', Belgian: 'BE', Bolivian: 'BO', Bosnian: 'BA', Brazilian: 'BR',
  British: 'GB', Bulgarian: 'BG', Burmese: 'MM', Cambodian: 'KH', Cameroonian: 'CM', Canadian: 'CA',
  Chadian: 'TD', Chilean: 'CL', Chinese: 'CN', Colombian: 'CO', Congolese: 'CD', Croatian: 'HR', Cuban: 'CU',
  Cypriot: 'CY', Czech: 'CZ', Danish: 'DK', Dutch: 'NL', Ecuadorian: 'EC', Egyptian: 'EG', Emirati: 'AE',
  English: 'GB', Eritrean: 'ER', Estonian: 'EE', Ethiopian: 'ET', European: '', Filipino: 'PH', Finnish: 'FI',
  French: 'FR', Georgian: 'GE', German: 'DE', Ghanaian: 'GH', Greek: 'GR', Guatemalan: 'GT', Haitian: 'HT',
  Honduran: 'HN', Hungarian: 'HU', Icelandic: 'IS', Indian: 'IN', Indonesian: 'ID', Iranian: 'IR', Iraqi: 'IQ',
  Irish: 'IE', Israeli: 'IL', Italian: 'IT', Jamaican: 'JM', Japanese: 'JP', Jordanian: 'JO', Kazakh: 'KZ',
  Kenyan: 'KE', Korean: '', Kosovar: 'XK', Kurdish: '', Kuwaiti: 'KW', Kyrgyz: 'KG', Lao: 'LA', Latvian: 'LV',
  Lebanese: 'LB', Libyan: 'LY', Lithuanian: 'LT', Malaysian: 'MY', Malian: 'ML', Maltese: 'MT', Mexican: 'MX',
  Moldovan: 'MD', Mongolian: 'MN', Moroccan: 'MA', Mozambican: 'MZ', Namibian: 'NA', Nepalese: 'NP',
  Nepali: 'NP', Nigerian: 'NG', Nigerien: 'NE', Norwegian: 'NO', Omani: 'OM', Pakistani: 'PK',
  Palestinian: 'PS', Panamanian: 'PA', Paraguayan: 'PY', Persian: 'IR', Peruvian: 'PE', Polish: 'PL',
  Portuguese: 'PT', Qatari: 'QA', Romanian: 'RO', Russian: 'RU', Rwandan: 'RW', Saudi: 'SA', Scottish: 'GB',
  Senegalese: 'SN', Serbian: 'RS', Singaporean: 'SG', Slovak: 'SK', Slovenian: 'SI', Somali: 'SO',
  'South African': 'ZA', 'South Korean': 'KR', 'North Korean': 'KP', Spanish: 'ES', 'Sri Lankan': 'LK',
  Sudanese: 'SD', Swedish: 'SE', Swiss: 'CH', Syrian: 'SY', Taiwanese: 'TW', Tajik: 'TJ', Tanzanian: 'TZ',
  Thai: 'TH', Tibetan: '', Tunisian: 'TN', Turkish: 'TR', Turkmen: 'TM', Ugandan: 'UG', Ukrainian: 'UA',
  Uruguayan: 'UY', Uzbek: 'UZ', Venezuelan: 'VE', Vietnamese: 'VN', Welsh: 'GB', Yemeni: 'YE', Zambian: 'ZM',
  Zimbabwean: 'ZW', 'New Zealander': 'NZ', 'Sierra Leonean': 'SL', Liberian: 'LR',
  Malawian: 'MW', Malagasy: 'MG', Botswanan: 'BW', Motswana: 'BW', Gabonese: 'GA', Beninese: 'BJ',
  Togolese: 'TG', Burkinabe: 'BF', Ivorian: 'CI', Guinean: 'GN', Gambian: 'GM', Mauritanian: 'MR',
  Djiboutian: 'DJ', 'South Sudanese': 'SS', Macedonian: 'MK', Montenegrin: 'ME', Luxembourgish: 'LU',
  Monegasque: 'MC', Andorran: 'AD', Belizean: 'BZ', Salvadoran: 'SV', Nicaraguan: 'NI', 'Costa Rican': 'CR',
  Dominican: 'DO', Trinidadian: 'TT', Barbadian: 'BB', Bahamian: 'BS', Guyanese: 'GY', Surinamese: 'SR',
  Bhutanese: 'BT', Maldivian: 'MV', Bruneian: 'BN', Fijian: 'FJ', Samoan: 'WS', Tongan: 'TO',
  'Papua New Guinean': 'PG', 'Hong Konger': 'HK', Macanese: 'MO', Greenlandic: 'GL', 'Puerto Rican': 'PR',
  Sino: 'CN', Anglo: 'GB', Franco: 'FR', Russo: 'RU', Indo: '', Afro: '', Euro: '', Soviet: '',
  Arab: '', Arabic: '', African: '', Asian: '', Western: '', Eastern: '', Latin: '', Nordic: '', Baltic: '',
  Balkan: '', Caucasian: '', Muslim: '', Christian: '', Jewish: '', Hindu: '', Buddhist: '', Sunni: '',
  Shia: '', "Shi'ite": '', Catholic: '', Protestant: '', Orthodox: '', Democrat: '', Democrats: '',
  Republican: '', Republicans: '',
};
