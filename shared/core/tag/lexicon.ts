/**
 * Word lists behind the deterministic entity rules. Everything is lower case; matching lower-cases tokens and
 * drops a trailing full stop ("Rep." -> "rep").
 */

const set = (words: string): Set<string> => new Set(words.trim().split(/\s*\|\s*/));

/** Titles that head a role before a name: "Foreign Minister Wang Yi", "Rep. Ilhan Omar". */
export const ROLE_HEADS = set(`
president | minister | premier | chancellor | secretary | secretary-general | rep | representative | sen | senator
| speaker | governor | gov | mayor | king | queen | prince | princess | emperor | empress | pope | chairman
| chairwoman | chair | chairperson | ceo | director | director-general | general | gen | lt | col | maj | capt | sgt
| adm | admiral | colonel | major | captain | lieutenant | sergeant | judge | justice | ambassador | envoy
| spokesman | spokeswoman | spokesperson | leader | ayatollah | sheikh | emir | sultan | dr | mr | mrs | ms | miss
| prof | professor | sir | dame | lord | lady | coach | commissioner | inspector | detective | officer | chief
| president-elect | commander | lawmaker | mp | bishop | archbishop | cardinal | rabbi | imam | rev | reverend
| councilor | councillor | counselor | adviser | advisor | deputy | attorney | sheriff | marshal | pastor | dean
| principal | treasurer | ombudsman | prosecutor | first lady | mufti | patriarch | crown prince
| superintendent | vice-president | vice-premier
`);

/** Words that qualify a role without being one: "Foreign" in "Foreign Minister", "Former" in "Former President". */
export const ROLE_MODIFIERS = set(`
foreign | prime | vice | deputy | former | acting | defense | defence | finance | interior | health | state | general
| chief | supreme | crown | first | senior | national | security | home | attorney | executive | managing | assistant
| associate | interim | then | late | new | outgoing | incoming | opposition | party | economy | economic | trade
| education | justice | energy | environment | labor | labour | agriculture | culture | transport | transportation
| commerce | industry | information | communications | press | army | navy | air | force | police | military
| district | county | city | regional | provincial | federal | grand | high | lord | lead | top | senate | house
| majority | minority | democratic | republican | press secretary | u.s. | us | un | eu | nato | white
`);

/** Nouns that, in apposition, mark a person: "Kono, the Japanese foreign minister," / "his counterpart, Wang Yi". */
export const PERSON_NOUNS = set(`
minister | president | premier | chancellor | secretary | spokesman | spokeswoman | spokesperson | counterpart
| leader | chief | official | envoy | ambassador | lawmaker | senator | congressman | congresswoman | governor | mayor
| chairman | chairwoman | director | king | queen | prince | princess | general | commander | founder | ceo
| executive | head | author | writer | novelist | poet | actor | actress | singer | rapper | musician | player
| striker | midfielder | defender | goalkeeper | coach | manager | analyst | professor | researcher | scientist
| economist | lawyer | attorney | judge | activist | journalist | correspondent | reporter | editor | candidate
| opponent | rival | predecessor | successor | wife | husband | son | daughter | father | mother | brother | sister
| colleague | adviser | advisor | aide | deputy | resident | victim | suspect | officer | doctor | diplomat
| negotiator | prosecutor | nominee | president-elect | dissident | cleric | leader | owner | billionaire
| entrepreneur | investor | founder | inventor | artist | director | producer | athlete | champion | boss
| spokesperson | representative | member | chair | speaker | pope | emperor | empress | dictator | monarch
`);

/** Verbs of saying; a bare name before or after one is a person ("Wang added", "said Abe"). */
export const SPEECH_VERBS = set(`
said | says | say | told | tells | added | adds | stressed | stresses | noted | notes | argued | argues | explained
| wrote | writes | asked | asks | replied | insisted | warned | warns | claimed | claims | stated | states | tweeted
| declared | announced | announces | urged | urges | acknowledged | admitted | recalled | continued | concluded
| emphasized | emphasised | underlined | reiterated | pointed | confirmed | denied | suggested | believes | thinks
`);

/** A name ending in one of these is an organization: "Bank of Japan" aside, "Acme Corp", "Labour Party". */
export const ORG_SUFFIXES = set(`
inc | corp | corporation | co | ltd | llc | plc | ag | gmbh | sa | nv | spa | group | holdings | company | companies
| ministry | party | university | college | school | institute | institution | agency | council | committee
| commission | bank | association | foundation | department | office | army | navy | forces | court | congress
| parliament | senate | assembly | union | federation | organization | organisation | league | club | fc
| network | times | post | journal | news | airlines | airways | authority | bureau | service | services | police
| guard | corps | board | hospital | church | fund | reserve | trust | exchange | alliance | front | movement
| coalition | brigade | brigades | administration | government | cabinet | secretariat | society | press | media
| television | tv | radio | broadcasting | motors | technologies | systems | labs | pharmaceuticals | telecom
| studios | records | academy | museum | library | initiative | programme | commission | tribunal | caucus
| directorate | command | forum | network | partners | capital | ventures | industries | enterprises | airport
| railways | railway | chamber | consortium | federation | guild | syndicate | cartel | taliban | mission
`);

/** Organizations usually written as a bare name or acronym. */
export const KNOWN_ORGS = set(`
un | u.n. | united nations | nato | eu | european union | who | world health organization | imf | wto | opec
| asean | brics | g7 | g20 | fbi | cia | nsa | nasa | iaea | unesco | unicef | unhcr | oecd | african union | icc
| icj | pentagon | kremlin | white house | congress | senate | hamas | hezbollah | taliban | isis | isil | daesh
| al-qaeda | al qaeda | irgc | bbc | cnn | afp | reuters | associated press | xinhua | google | apple | microsoft
| amazon | facebook | meta | twitter | tesla | huawei | samsung | toyota | interpol | red cross | amnesty international
| human rights watch | greenpeace | world bank | security council | state department | foreign ministry
| supreme court | european commission | european parliament | bundestag | knesset | duma | politburo
`);

/** Capitalised words that are never entity names on their own. */
export const NEVER_ENTITY = set(`
january | february | march | april | may | june | july | august | september | october | november | december
| monday | tuesday | wednesday | thursday | friday | saturday | sunday | i | i'm | i've | i'll | i'd | god | ok
| mr | mrs | ms | dr | sir | madam | internet | web | covid | covid-19 | coronavirus | christmas | easter | ramadan
| eid | new year | today | yesterday | tomorrow | breaking | update | photo | video | watch | read | more | news
| north | south | east | west | central | northern | southern | eastern | western
`);

/** Function words that open sentences and so are capitalised without being names. */
export const SENTENCE_STARTERS = set(`
the | a | an | this | that | these | those | it | its | he | she | they | we | you | his | her | their | our | my
| your | in | on | at | for | from | with | by | of | to | as | after | before | during | since | while | when | if
| but | and | or | so | yet | meanwhile | however | also | although | though | because | despite | according | under
| over | about | many | some | most | more | all | both | each | every | several | other | another | there | here
| what | who | which | where | why | how | not | no | yes | last | next | earlier | later | then | now | still
| such | among | between | into | through | until | amid | against | without | within | around | oh | please | yes
| thanks | hello | hi | well | just | only | even | like | instead | indeed | perhaps | maybe
`);
