import { existsSync, readFileSync } from 'node:fs';
import type { ParsedArticle, Topic } from '../../shared/core/article';
import { parseDocument } from '../../shared/core/parse';
import { classifyTopics, stem, tokenize } from '../../shared/core/tag/topics';
import { OVERRIDES, SUBTOPICS, TOPICS } from '../../shared/core/tag/topics-data';
import { SEED_PATH as SEED } from '../../local/shared-material';
import { parsedArticle } from '../support/parsed-article';

const article = (title: string, paragraphs: string[], language = 'en', subtitle?: string): ParsedArticle => ({
  ...parsedArticle(title, paragraphs),
  language,
  ...(subtitle ? { subtitle } : {}),
});

const labels = (topics: Topic[]) => topics.map((t) => t.label);
const first = (a: ParsedArticle) => classifyTopics(a)[0]?.label;
const confidenceOf = (topics: Topic[], label: string) =>
  topics.find((t) => t.label === label)?.confidence ?? 0;

describe('the IPTC vocabulary', () => {
  it('has the 17 top-level Media Topics with their codes and English labels', () => {
    expect(TOPICS.map((t) => [t.code, t.label])).toEqual([
      ['medtop:01000000', 'arts, culture, entertainment and media'],
      ['medtop:02000000', 'crime, law and justice'],
      ['medtop:03000000', 'disaster, accident and emergency incident'],
      ['medtop:04000000', 'economy, business and finance'],
      ['medtop:05000000', 'education'],
      ['medtop:06000000', 'environment'],
      ['medtop:07000000', 'health'],
      ['medtop:08000000', 'human interest'],
      ['medtop:09000000', 'labour'],
      ['medtop:10000000', 'lifestyle and leisure'],
      ['medtop:11000000', 'politics and government'],
      ['medtop:12000000', 'religion'],
      ['medtop:13000000', 'science and technology'],
      ['medtop:14000000', 'society'],
      ['medtop:15000000', 'sport'],
      ['medtop:16000000', 'conflict, war and peace'],
      ['medtop:17000000', 'weather'],
    ]);
  });

  it('hangs every subtopic under a top-level topic', () => {
    const codes = new Set(TOPICS.map((t) => t.code));
    for (const s of SUBTOPICS) expect(codes.has(s.parent)).toBe(true);
  });

  it('writes terms the matcher can read: a prefix mark only at a word end, no empty term', () => {
    const bad: string[] = [];
    for (const def of [...TOPICS, ...SUBTOPICS]) {
      for (const weighted of Object.values(def.terms)) {
        for (const list of Object.values(weighted)) {
          for (const term of list.split(',')) {
            const words = term.trim().split(/\s+/);
            // A phrase is looked up by its first word, so that word must be whole.
            if (!term.trim() || (words.length > 1 && words[0]!.includes('*'))) bad.push(term);
            if (words.some((w) => w.includes('*') && w.indexOf('*') !== w.length - 1)) bad.push(term);
          }
        }
      }
    }
    expect(bad).toEqual([]);
    const codes = new Set([...TOPICS, ...SUBTOPICS].map((t) => t.code));
    for (const table of Object.values(OVERRIDES))
      for (const weights of Object.values(table))
        for (const code of Object.keys(weights)) expect(codes.has(code)).toBe(true);
  });
});

describe('tokens and stems', () => {
  it('folds case, accents and plurals, and marks sentence ends', () => {
    expect(tokenize('Política: the Ministers’ talks.')).toEqual([
      'politica',
      '',
      'the',
      'ministers',
      'talks',
      '',
    ]);
    expect(tokenize('GDP grew 3.5 per cent in the U.S. economy')).toContain('3');
    expect(stem('elections', 'en')).toBe('election');
    expect(stem('policies', 'en')).toBe('policy');
    expect(stem('taxes', 'en')).toBe('tax');
    expect(stem('crisis', 'en')).toBe('crisis');
    expect(stem('virus', 'en')).toBe('virus');
  });
});

describe('one topic per desk', () => {
  const cases: Array<[string, ParsedArticle]> = [
    [
      'arts, culture, entertainment and media',
      article('Veteran director’s new film wins top prize at Venice Film Festival', [
        'The drama, starring two newcomers, took the Golden Lion on Saturday, beating a strong field of documentaries and animated features.',
        'Critics praised the film’s cinematography and its haunting soundtrack, and the studio plans a release in cinemas next spring.',
        'The director thanked the cast and said the screenplay, adapted from a prize-winning novel, took eight years to write.',
      ]),
    ],
    [
      'crime, law and justice',
      article('Man charged with murder after fatal stabbing in city centre', [
        'Police arrested a 34-year-old man on Tuesday after a woman was stabbed to death outside a bar in the early hours of Sunday.',
        'He appeared before magistrates on Wednesday and was remanded in custody. Prosecutors said he would face trial at the crown court in June.',
        'Detectives have appealed for witnesses and asked anyone with dashcam footage to come forward.',
      ]),
    ],
    [
      'disaster, accident and emergency incident',
      article('Earthquake kills dozens as buildings collapse in mountain towns', [
        'A magnitude 6.8 earthquake struck the region before dawn, flattening homes and trapping residents under rubble, emergency services said.',
        'Rescue teams worked through the night to pull survivors from collapsed buildings as aftershocks rattled the area. The death toll rose to 41.',
        'Thousands of people were evacuated to temporary shelters, and the Red Cross appealed for blankets and drinking water.',
      ]),
    ],
    [
      'economy, business and finance',
      article('Shares slide as central bank signals more interest rate rises', [
        'Stock markets fell sharply on Thursday after the central bank said inflation remained too high and borrowing costs would rise again.',
        'Bank shares led the decline, while bond yields climbed to their highest level in a decade. The currency strengthened against the dollar.',
        'Economists now expect the economy to slip into a mild recession next year as consumers cut spending and companies delay investment.',
      ]),
    ],
    [
      'education',
      article('Schools face teacher shortage as pupil numbers rise', [
        'Head teachers warned that hundreds of classrooms could be without a qualified teacher when the new school year begins in September.',
        'The number of graduates entering teacher training fell for the third year, while secondary school enrolment is expected to grow.',
        'The education minister said bursaries for trainee teachers in maths and physics would be doubled and the curriculum review brought forward.',
      ]),
    ],
    [
      'environment',
      article('Deforestation in the rainforest hits record as emissions climb', [
        'Satellite data show that an area of rainforest the size of a small country was cleared last year, mostly for cattle ranching and soy.',
        'Conservation groups said the loss of habitat threatened hundreds of endangered species and undermined the country’s climate change pledges.',
        'Scientists warned that the forest, a vital carbon sink, risks releasing more greenhouse gas emissions than it absorbs.',
      ]),
    ],
    [
      'health',
      article('Hospitals under pressure as flu and Covid cases surge', [
        'Hospital admissions for influenza doubled in a fortnight, and doctors say intensive care beds are almost full in several regions.',
        'Health officials urged older people and those with chronic illnesses to get vaccinated, saying the vaccine still protects against severe disease.',
        'Nurses reported long waits in emergency departments as patients with respiratory symptoms filled wards.',
      ]),
    ],
    [
      'human interest',
      article('Lost dog reunited with family after 200-mile journey', [
        'A pet dog that went missing during a family holiday has been reunited with its owners two years later, thanks to its microchip.',
        'The terrier was found by strangers in a village far from home. Its owner said the children cried with joy when they saw their beloved pet again.',
        'The story went viral after the family posted a heartwarming video of the reunion.',
      ]),
    ],
    [
      'labour',
      article('Rail workers walk out in pay dispute as unions reject offer', [
        'Thousands of rail workers went on strike on Monday after trade unions rejected a pay offer they said failed to keep up with the cost of living.',
        'Union leaders said members had voted overwhelmingly for industrial action and warned of further walkouts unless employers improved wages and working conditions.',
        'Employers said the offer was fair and accused the union of disrupting the journeys of millions of commuters.',
      ]),
    ],
    [
      'lifestyle and leisure',
      article('Ten best beach hotels for a family holiday this summer', [
        'From quiet coves to lively resorts, our travel writers picked the hotels that make a summer holiday easy for parents and fun for children.',
        'Expect kids’ clubs, sea-view restaurants serving fresh seafood and rooms a short walk from the sand. Most offer half-board deals.',
        'Book early: popular destinations fill up fast in the school holidays, and flights get more expensive in July.',
      ]),
    ],
    [
      'politics and government',
      article('Prime minister calls snap election after coalition collapses', [
        'The prime minister announced an early general election on Tuesday after her coalition partner quit the government over a budget dispute.',
        'Opposition leaders welcomed the vote and said voters deserved a say. Parliament will be dissolved next week and campaigning will begin at once.',
        'Opinion polls suggest no party will win a majority, raising the prospect of weeks of coalition talks after polling day.',
      ]),
    ],
    [
      'religion',
      article('Pope calls for peace in Christmas message to faithful', [
        'Pope Francis used his Christmas Day address from the balcony of St Peter’s Basilica to call on world leaders to end the suffering of civilians.',
        'Tens of thousands of pilgrims gathered in the square for the traditional blessing. Earlier, the pontiff celebrated midnight Mass with cardinals and bishops.',
        'Churches across the world held services, and the Vatican said the Pope would visit a mosque and a synagogue in the new year.',
      ]),
    ],
    [
      'science and technology',
      article('Telescope spots water vapour on distant exoplanet', [
        'Astronomers using the James Webb Space Telescope have detected water vapour in the atmosphere of a rocky planet orbiting a nearby star.',
        'The findings, published in the journal Nature, could help scientists understand how planets form and whether any could support life.',
        'The researchers analysed the starlight filtered through the planet’s atmosphere as it passed in front of its star.',
      ]),
    ],
    [
      'society',
      article('Homelessness rises as charities warn of housing crisis', [
        'The number of families living in temporary accommodation has reached a record high, according to figures published by a homelessness charity.',
        'Campaigners said rising rents, a shortage of affordable housing and cuts to welfare had pushed more people into poverty.',
        'Volunteers at food banks reported growing demand, and social workers said children were bearing the brunt of the crisis.',
      ]),
    ],
    [
      'sport',
      article('Late goal gives champions victory in league title race', [
        'A stoppage-time header from the captain handed the champions a 2-1 win at the stadium on Saturday and a three-point lead at the top of the table.',
        'The visitors had equalised through a penalty early in the second half, and their goalkeeper made a string of saves before the winner.',
        'The manager praised his squad’s resilience as the title race heads into the final five matches of the season.',
      ]),
    ],
    [
      'conflict, war and peace',
      article('Airstrikes kill dozens as fighting intensifies on the front line', [
        'Military officials said airstrikes and artillery shelling killed at least 30 soldiers and civilians overnight as troops pushed forward on the eastern front.',
        'Rebel forces claimed to have shot down a fighter jet and captured two villages, but the army said its counteroffensive was holding.',
        'International mediators called for an immediate ceasefire and renewed peace talks to end the war, now in its third year.',
      ]),
    ],
    [
      'weather',
      article('Heavy rain and strong winds forecast as storm moves in', [
        'Forecasters have issued an amber warning for heavy rain and gusts of up to 70mph as the storm sweeps in from the Atlantic on Friday.',
        'Temperatures will stay mild, but showers will turn to snow on high ground overnight, with frost likely in sheltered areas.',
        'Drier, sunnier weather is expected by Sunday afternoon as a ridge of high pressure builds.',
      ]),
    ],
  ];

  it.each(cases)('%s', (label, a) => {
    const topics = classifyTopics(a);
    expect(topics[0]?.label).toBe(label);
    expect(topics[0]!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(topics[0]!.code).toBe(TOPICS.find((t) => t.label === label)!.code);
  });

  it('gives confidences in 0..1, most confident first, each topic once', () => {
    for (const [, a] of cases) {
      const topics = classifyTopics(a);
      for (const t of topics) {
        expect(t.confidence).toBeGreaterThan(0);
        expect(t.confidence).toBeLessThanOrEqual(1);
      }
      expect(topics.map((t) => t.confidence)).toEqual(
        [...topics.map((t) => t.confidence)].sort((x, y) => y - x),
      );
      expect(new Set(topics.map((t) => t.code)).size).toBe(topics.length);
    }
  });
});

describe('several topics at once', () => {
  it('a minister’s corruption trial is politics and crime', () => {
    const topics = classifyTopics(
      article('Former minister goes on trial accused of taking bribes', [
        'A former finance minister appeared in court on Monday charged with accepting bribes from construction companies in exchange for government contracts.',
        'Prosecutors told the jury that the minister, once tipped as a future prime minister, had hidden the money in offshore accounts.',
        'The case has shaken the ruling party ahead of next year’s election, and opposition lawmakers have demanded a parliamentary inquiry into corruption.',
      ]),
    );
    expect(labels(topics).slice(0, 2).sort()).toEqual(['crime, law and justice', 'politics and government']);
  });

  it('a storm that floods towns is weather and disaster', () => {
    const topics = classifyTopics(
      article('Storm brings floods and power cuts as rivers burst their banks', [
        'Torrential rain from the storm caused flash flooding in several towns, and firefighters rescued dozens of residents from flooded homes.',
        'Forecasters said more than a month’s rainfall fell in 24 hours, and warned of further heavy rain and gale-force winds on Wednesday.',
        'Emergency services said two people died when their car was swept away, and thousands of homes were left without power.',
      ]),
    );
    expect(labels(topics)).toEqual(
      expect.arrayContaining(['weather', 'disaster, accident and emergency incident']),
    );
  });

  it('a drug approval is health and business', () => {
    const topics = classifyTopics(
      article('Drugmaker’s shares jump after regulator approves obesity treatment', [
        'Shares in the pharmaceutical company rose 12 per cent after regulators approved its weight-loss drug for patients with obesity and diabetes.',
        'Analysts expect annual sales of the medicine to exceed $5 billion, and the company raised its revenue forecast for the year.',
        'Doctors welcomed the approval but warned that the treatment must be combined with diet and exercise.',
      ]),
    );
    expect(labels(topics)).toEqual(expect.arrayContaining(['health', 'economy, business and finance']));
  });
});

describe('words that mislead', () => {
  it('a presidential race is politics, not sport', () => {
    const a = article('Governor enters the presidential race', [
      'The governor formally launched her campaign for the party’s presidential nomination on Monday, promising to cut taxes and reform health care.',
      'She joins a crowded field of candidates ahead of the first primary votes in January, and polls show her trailing the front-runner.',
    ]);
    expect(first(a)).toBe('politics and government');
    expect(labels(classifyTopics(a))).not.toContain('sport');
  });

  it('a tennis court is sport, not law', () => {
    const a = article('Teenager stuns top seed on centre court', [
      'The 17-year-old qualifier beat the world number one in straight sets on the tennis court at Wimbledon, the biggest upset of the tournament.',
      'She will face the defending champion in the quarter-finals on Wednesday.',
    ]);
    expect(first(a)).toBe('sport');
    expect(labels(classifyTopics(a))).not.toContain('crime, law and justice');
  });

  it('a history lesson in a diplomacy story does not make it a war story', () => {
    const a = article('Leaders mark anniversary of peace treaty with new trade pact', [
      'The two presidents met in the capital to sign a trade agreement on the anniversary of the treaty that restored diplomatic relations.',
      'The countries fought on opposite sides in the Second World War, and the foreign ministers said the new accord showed how far relations had come.',
      'Officials said the leaders also discussed visa rules and cooperation on energy.',
    ]);
    const topics = classifyTopics(a);
    expect(topics[0]?.label).toBe('politics and government');
    expect(confidenceOf(topics, 'conflict, war and peace')).toBeLessThan(0.5);
  });

  it('a trade war is economics', () => {
    const a = article('Trade war deepens as new tariffs hit exporters', [
      'Exporters warned of job losses after the two largest economies imposed new tariffs on each other’s goods, escalating the trade war.',
      'Markets fell and the currency weakened as investors worried about slowing growth and disrupted supply chains.',
    ]);
    expect(first(a)).toBe('economy, business and finance');
  });
});

describe('when nothing is confident', () => {
  it('returns nothing for an empty or topic-less text', () => {
    expect(classifyTopics(article('', []))).toEqual([]);
    expect(classifyTopics(article('Notes', ['Click here to read more. See you soon.']))).toEqual([]);
    expect(
      classifyTopics(
        article('CDPATH replacements', [
          'This is a list of shell aliases I keep in my dotfiles, with a note on each.',
        ]),
      ),
    ).toEqual([]);
  });

  it('returns nothing for a language it has no word list for', () => {
    expect(classifyTopics(article('東京で選挙', ['首相は選挙を発表した。'], 'ja'))).toEqual([]);
  });

  it('does not let one passing word decide the topic of a long text', () => {
    const filler =
      'The walk along the old canal path takes about an hour, and there are benches every few hundred metres.';
    const a = article('A walk along the canal', [
      filler,
      filler,
      `${filler} A football pitch lies beyond the lock.`,
      filler,
    ]);
    expect(labels(classifyTopics(a))).not.toContain('sport');
  });
});

describe('other languages', () => {
  it.each([
    [
      'es',
      'El Gobierno y la oposición negocian el presupuesto en el Congreso',
      [
        'El presidente del Gobierno se reunió con los líderes de los partidos de la oposición para negociar los presupuestos antes de la votación en el Congreso de los Diputados.',
        'Los diputados debatirán la ley la próxima semana y las elecciones autonómicas complican el acuerdo.',
      ],
      'politics and government',
    ],
    [
      'fr',
      'Le PSG s’impose face à Marseille et prend la tête du championnat',
      [
        'Les joueurs de l’entraîneur parisien ont marqué deux buts en première période au stade, devant des supporters en liesse.',
        'Le club compte désormais trois points d’avance en tête de la Ligue 1 avant le match de Ligue des champions.',
      ],
      'sport',
    ],
    [
      'de',
      'Schweres Erdbeben erschüttert die Region – Dutzende Tote',
      [
        'Ein Erdbeben der Stärke 6,9 hat in der Nacht zahlreiche Gebäude zum Einsturz gebracht. Rettungskräfte suchen in den Trümmern nach Überlebenden.',
        'Die Feuerwehr meldete Dutzende Tote und Hunderte Verletzte, Tausende Menschen wurden evakuiert.',
      ],
      'disaster, accident and emergency incident',
    ],
    [
      'pt',
      'Banco Central eleva taxa de juros para conter a inflação',
      [
        'O Banco Central aumentou a taxa de juros pela terceira vez seguida, numa tentativa de conter a inflação, que acelerou com os preços dos alimentos.',
        'Economistas esperam crescimento mais fraco da economia, e a bolsa de valores caiu após o anúncio, enquanto o dólar subiu.',
      ],
      'economy, business and finance',
    ],
    [
      'it',
      'Nuovo farmaco contro il tumore, i pazienti rispondono alla terapia',
      [
        'Uno studio condotto in diversi ospedali italiani mostra che i pazienti trattati con il nuovo farmaco hanno avuto una risposta migliore alla terapia.',
        'I medici avvertono che servono altri dati prima che il trattamento possa essere approvato dal ministero della Salute.',
      ],
      'health',
    ],
  ])('%s: %s', (language, title, paragraphs, label) => {
    expect(first(article(title, paragraphs, language))).toBe(label);
  });
});

it('is deterministic and fast', () => {
  const a = article(
    'Prime minister calls snap election after coalition collapses',
    Array.from(
      { length: 20 },
      () =>
        'The opposition said voters deserved a say, and the markets fell as investors weighed the outcome.',
    ),
  );
  const once = classifyTopics(a);
  expect(classifyTopics(a)).toEqual(once);
  const start = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) classifyTopics(a);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / 200;
  // Generous: CI machines are shared; a typical article takes a fraction of a millisecond.
  expect(ms).toBeLessThan(5);
});

const describeSeed = existsSync(SEED) ? describe : describe.skip;
describeSeed('the seed article (China–Japan foreign ministers’ meeting)', () => {
  let topics: Topic[];
  beforeAll(async () => {
    const parsed = await parseDocument({
      bytes: readFileSync(SEED),
      id: 'seed',
      source: { path: 'seed.txt' },
    });
    if (!parsed.ok || !parsed.article) throw new Error('seed did not parse to one article');
    topics = classifyTopics(parsed.article);
  });

  it('is politics first, with international relations as its subtopic', () => {
    expect(topics[0]).toMatchObject({ code: 'medtop:11000000', label: 'politics and government' });
    expect(topics[1]).toMatchObject({ code: 'medtop:20000638', label: 'international relations' });
    expect(topics[0]!.confidence).toBeGreaterThan(0.8);
  });

  it('lets the World War II history and the missiles weigh less than the diplomacy', () => {
    expect(confidenceOf(topics, 'conflict, war and peace')).toBeLessThan(topics[0]!.confidence);
    expect(labels(topics)).not.toContain('crime, law and justice');
  });
});
