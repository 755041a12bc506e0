/**
 * A small built-in gazetteer: countries (common English short names, with aliases that map to one canonical
 * name), capitals, major cities and regions. It fixes compromise's blind spots on non-Western places and lets
 * "US"/"U.S."/"United States" index as one place. Data only; no logic.
 */

/** canonical name -> aliases (the canonical name itself is always an alias). */
// prettier-ignore
export const COUNTRIES: Record<string, string[]> = {
  Afghanistan: [], Albania: [], Algeria: [], Andorra: [], Angola: [], 'Antigua and Barbuda': [], Argentina: [],
  Armenia: [], Australia: [], Austria: [], Azerbaijan: [], Bahamas: ['The Bahamas'], Bahrain: [],
  Bangladesh: [], Barbados: [], Belarus: [], Belgium: [], Belize: [], Benin: [], Bhutan: [], Bolivia: [],
  'Bosnia and Herzegovina': ['Bosnia'], Botswana: [], Brazil: [], Brunei: [], Bulgaria: [], 'Burkina Faso': [],
  Burundi: [], 'Cabo Verde': ['Cape Verde'], Cambodia: [], Cameroon: [], Canada: [],
  'Central African Republic': [], Chad: [], Chile: [],
  China: ["People's Republic of China", 'PRC', 'Mainland China'], Colombia: [], Comoros: [],
  'Republic of the Congo': ['Congo-Brazzaville'],
  'Democratic Republic of the Congo': ['DR Congo', 'DRC', 'Congo-Kinshasa'], 'Costa Rica': [],
  "Côte d'Ivoire": ['Ivory Coast', "Cote d'Ivoire"], Croatia: [], Cuba: [], Cyprus: [],
  'Czech Republic': ['Czechia'], Denmark: [], Djibouti: [], Dominica: [], 'Dominican Republic': [],
  Ecuador: [], Egypt: [], 'El Salvador': [], 'Equatorial Guinea': [], Eritrea: [], Estonia: [],
  Eswatini: ['Swaziland'], Ethiopia: [], Fiji: [], Finland: [], France: [], Gabon: [], Gambia: ['The Gambia'],
  Georgia: [], Germany: [], Ghana: [], Greece: [], Grenada: [], Guatemala: [], Guinea: [], 'Guinea-Bissau': [],
  Guyana: [], Haiti: [], Honduras: [], Hungary: [], Iceland: [], India: [], Indonesia: [],
  Iran: ['Islamic Republic of Iran'], Iraq: [], Ireland: ['Republic of Ireland'], Israel: [], Italy: [],
  Jamaica: [], Japan: [], Jordan: [], Kazakhstan: [], Kenya: [], Kiribati: [], Kosovo: [], Kuwait: [],
  Kyrgyzstan: [], Laos: [], Latvia: [], Lebanon: [], Lesotho: [], Liberia: [], Libya: [], Liechtenstein: [],
  Lithuania: [], Luxembourg: [], Madagascar: [], Malawi: [], Malaysia: [], Maldives: [], Mali: [], Malta: [],
  'Marshall Islands': [], Mauritania: [], Mauritius: [], Mexico: [], Micronesia: [], Moldova: [], Monaco: [],
  Mongolia: [], Montenegro: [], Morocco: [], Mozambique: [], Myanmar: ['Burma'], Namibia: [], Nauru: [],
  Nepal: [], Netherlands: ['The Netherlands', 'Holland'], 'New Zealand': [], Nicaragua: [], Niger: [],
  Nigeria: [], 'North Korea': ['DPRK', "Democratic People's Republic of Korea"],
  'North Macedonia': ['Macedonia'], Norway: [], Oman: [], Pakistan: [], Palau: [],
  Palestine: ['Palestinian territories'], Panama: [], 'Papua New Guinea': [], Paraguay: [], Peru: [],
  Philippines: ['The Philippines'], Poland: [], Portugal: [], Qatar: [], Romania: [],
  Russia: ['Russian Federation'], Rwanda: [], 'Saint Kitts and Nevis': [], 'Saint Lucia': [],
  'Saint Vincent and the Grenadines': [], Samoa: [], 'San Marino': [], 'Sao Tome and Principe': [],
  'Saudi Arabia': [], Senegal: [], Serbia: [], Seychelles: [], 'Sierra Leone': [], Singapore: [], Slovakia: [],
  Slovenia: [], 'Solomon Islands': [], Somalia: [], 'South Africa': [],
  'South Korea': ['Republic of Korea', 'ROK'], 'South Sudan': [], Spain: [], 'Sri Lanka': [], Sudan: [],
  Suriname: [], Sweden: [], Switzerland: [], Syria: [], Taiwan: [], Tajikistan: [], Tanzania: [], Thailand: [],
  'Timor-Leste': ['East Timor'], Togo: [], Tonga: [], 'Trinidad and Tobago': [], Tunisia: [],
  Turkey: ['Türkiye', 'Turkiye'], Turkmenistan: [], Tuvalu: [], Uganda: [], Ukraine: [],
  'United Arab Emirates': ['UAE', 'U.A.E.'], 'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain'],
  'United States': ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'], Uruguay: [],
  Uzbekistan: [], Vanuatu: [], 'Vatican City': ['Vatican', 'Holy See'], Venezuela: [], Vietnam: ['Viet Nam'],
  Yemen: [], Zambia: [], Zimbabwe: [], 'Hong Kong': [], Macau: ['Macao'], 'Puerto Rico': [], Greenland: [],
  'Western Sahara': [], Crimea: [], Scotland: [], England: [], Wales: [], 'Northern Ireland': [],
};

// prettier-ignore
export const CITIES: string[] = [
  'Kabul', 'Tirana', 'Algiers', 'Luanda', 'Buenos Aires', 'Yerevan', 'Canberra', 'Sydney', 'Melbourne',
  'Vienna', 'Baku', 'Manama', 'Dhaka', 'Minsk', 'Brussels', 'La Paz', 'Sarajevo', 'Brasilia', 'Brasília',
  'Rio de Janeiro', 'São Paulo', 'Sao Paulo', 'Sofia', 'Phnom Penh', 'Ottawa', 'Toronto', 'Montreal',
  'Vancouver', 'Santiago', 'Beijing', 'Shanghai', 'Hong Kong', 'Guangzhou', 'Shenzhen', 'Wuhan', 'Bogota',
  'Bogotá', 'Zagreb', 'Havana', 'Nicosia', 'Prague', 'Copenhagen', 'Cairo', 'Alexandria', 'Addis Ababa',
  'Helsinki', 'Paris', 'Marseille', 'Lyon', 'Berlin', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne', 'Accra',
  'Athens', 'Budapest', 'Reykjavik', 'New Delhi', 'Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bangalore',
  'Jakarta', 'Tehran', 'Baghdad', 'Mosul', 'Basra', 'Dublin', 'Jerusalem', 'Tel Aviv', 'Gaza', 'Ramallah',
  'Rome', 'Milan', 'Naples', 'Tokyo', 'Osaka', 'Kyoto', 'Hiroshima', 'Nagasaki', 'Amman', 'Astana', 'Almaty',
  'Nairobi', 'Pristina', 'Kuwait City', 'Bishkek', 'Vientiane', 'Riga', 'Beirut', 'Tripoli', 'Benghazi',
  'Vilnius', 'Kuala Lumpur', 'Bamako', 'Valletta', 'Mexico City', 'Chisinau', 'Ulaanbaatar',
  'Podgorica', 'Rabat', 'Casablanca', 'Maputo', 'Naypyidaw', 'Yangon', 'Windhoek', 'Kathmandu', 'Amsterdam',
  'Rotterdam', 'The Hague', 'Wellington', 'Auckland', 'Managua', 'Niamey', 'Abuja', 'Lagos', 'Pyongyang',
  'Skopje', 'Oslo', 'Muscat', 'Islamabad', 'Karachi', 'Lahore', 'Panama City', 'Asuncion', 'Lima', 'Manila',
  'Warsaw', 'Krakow', 'Lisbon', 'Doha', 'Bucharest', 'Moscow', 'Saint Petersburg', 'St. Petersburg', 'Kigali',
  'Riyadh', 'Jeddah', 'Mecca', 'Medina', 'Dakar', 'Belgrade', 'Freetown', 'Bratislava', 'Ljubljana',
  'Mogadishu', 'Pretoria', 'Johannesburg', 'Cape Town', 'Seoul', 'Busan', 'Juba', 'Madrid', 'Barcelona',
  'Colombo', 'Khartoum', 'Stockholm', 'Bern', 'Geneva', 'Zurich', 'Damascus', 'Aleppo', 'Idlib', 'Homs',
  'Taipei', 'Dushanbe', 'Dodoma', 'Dar es Salaam', 'Bangkok', 'Tunis', 'Ankara', 'Istanbul', 'Ashgabat',
  'Kampala', 'Kyiv', 'Kiev', 'Kharkiv', 'Odesa', 'Odessa', 'Donetsk', 'Luhansk', 'Mariupol', 'Abu Dhabi',
  'Dubai', 'London', 'Manchester', 'Birmingham', 'Edinburgh', 'Glasgow', 'Belfast', 'Cardiff', 'Washington',
  'Washington, D.C.', 'New York', 'New York City', 'Los Angeles', 'Chicago', 'Houston', 'San Francisco',
  'Boston', 'Miami', 'Seattle', 'Atlanta', 'Philadelphia', 'Dallas', 'Detroit', 'Montevideo', 'Tashkent',
  'Caracas', 'Hanoi', 'Ho Chi Minh City', 'Sanaa', "Sana'a", 'Aden', 'Lusaka', 'Harare', 'Brazzaville',
  'Kinshasa', 'Quito', 'Guatemala City', 'San Salvador', 'Tegucigalpa', 'San Jose', 'Port-au-Prince',
  'Kingston', 'Santo Domingo', 'Tbilisi', 'Singapore', 'Macau', 'Kandahar', 'Herat', 'Peshawar', 'Mumbai',
  'Hyderabad', 'Karbala', 'Najaf', 'Erbil', 'Kirkuk', 'Fallujah', 'Raqqa', 'Mashhad', 'Isfahan', 'Tabriz',
  'Shiraz', 'Sochi', 'Vladivostok',
];

/** Continents, seas and geopolitical regions that news names as places. */
// prettier-ignore
export const REGIONS: string[] = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America',
  'Antarctica', 'Oceania', 'Middle East', 'Near East', 'Far East', 'West Asia', 'East Asia', 'South Asia',
  'Southeast Asia', 'Central Asia', 'Eastern Europe', 'Western Europe', 'Central Europe', 'Northern Europe',
  'Southern Europe', 'Balkans', 'Caucasus', 'Scandinavia', 'Sahel', 'Horn of Africa', 'West Africa',
  'East Africa', 'North Africa', 'Sub-Saharan Africa', 'Persian Gulf', 'Gulf', 'Caribbean', 'Mediterranean',
  'Arctic', 'Pacific', 'Atlantic', 'Indian Ocean', 'Pacific Ocean', 'Atlantic Ocean', 'Arctic Ocean',
  'South China Sea', 'East China Sea', 'Sea of Japan', 'Yellow Sea', 'Black Sea', 'Red Sea', 'Caspian Sea',
  'Baltic Sea', 'North Sea', 'Mediterranean Sea', 'Arabian Sea', 'Strait of Hormuz', 'Taiwan Strait',
  'Korean Peninsula', 'Arabian Peninsula', 'Gaza Strip', 'West Bank', 'Golan Heights', 'Kashmir', 'Tibet',
  'Xinjiang', 'Donbas', 'Kurdistan', 'Siberia', 'Hokkaido', 'Okinawa', 'Silicon Valley', 'Wall Street',
];

/** Nationality and group adjectives: they describe, they do not name an entity. */
// prettier-ignore
export const DEMONYMS: string[] = [
  'Afghan', 'Albanian', 'Algerian', 'American', 'Angolan', 'Argentine', 'Argentinian', 'Armenian',
  'Australian', 'Austrian', 'Azerbaijani', 'Azeri', 'Bahraini', 'Bangladeshi', 'Belarusian', 'Belgian',
  'Bolivian', 'Bosnian', 'Brazilian', 'British', 'Bulgarian', 'Burmese', 'Cambodian', 'Cameroonian',
  'Canadian', 'Chadian', 'Chilean', 'Chinese', 'Colombian', 'Congolese', 'Croatian', 'Cuban', 'Cypriot',
  'Czech', 'Danish', 'Dutch', 'Ecuadorian', 'Egyptian', 'Emirati', 'English', 'Eritrean', 'Estonian',
  'Ethiopian', 'European', 'Filipino', 'Finnish', 'French', 'Georgian', 'German', 'Ghanaian', 'Greek',
  'Guatemalan', 'Haitian', 'Honduran', 'Hungarian', 'Icelandic', 'Indian', 'Indonesian', 'Iranian', 'Iraqi',
  'Irish', 'Israeli', 'Italian', 'Jamaican', 'Japanese', 'Jordanian', 'Kazakh', 'Kenyan', 'Korean', 'Kosovar',
  'Kurdish', 'Kuwaiti', 'Kyrgyz', 'Lao', 'Latvian', 'Lebanese', 'Libyan', 'Lithuanian', 'Malaysian', 'Malian',
  'Maltese', 'Mexican', 'Moldovan', 'Mongolian', 'Moroccan', 'Mozambican', 'Namibian', 'Nepalese', 'Nepali',
  'Nigerian', 'Nigerien', 'Norwegian', 'Omani', 'Pakistani', 'Palestinian', 'Panamanian', 'Paraguayan',
  'Persian', 'Peruvian', 'Polish', 'Portuguese', 'Qatari', 'Romanian', 'Russian', 'Rwandan', 'Saudi',
  'Scottish', 'Senegalese', 'Serbian', 'Singaporean', 'Slovak', 'Slovenian', 'Somali', 'South African',
  'South Korean', 'North Korean', 'Spanish', 'Sri Lankan', 'Sudanese', 'Swedish', 'Swiss', 'Syrian',
  'Taiwanese', 'Tajik', 'Tanzanian', 'Thai', 'Tibetan', 'Tunisian', 'Turkish', 'Turkmen', 'Ugandan',
  'Ukrainian', 'Uruguayan', 'Uzbek', 'Venezuelan', 'Vietnamese', 'Welsh', 'Yemeni', 'Zambian', 'Zimbabwean',
  'Arab', 'Arabic', 'African', 'Asian', 'Western', 'Eastern', 'Latin', 'Nordic', 'Baltic', 'Balkan',
  'Caucasian', 'Sino', 'Anglo', 'Euro', 'Afro', 'Indo', 'Franco', 'Russo', 'Soviet', 'Muslim', 'Christian',
  'Jewish', 'Hindu', 'Buddhist', 'Sunni', 'Shia', "Shi'ite", 'Catholic', 'Protestant', 'Orthodox', 'Democrat',
  'Democrats', 'Republican', 'Republicans',
];
