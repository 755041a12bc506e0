import { parseTextDump } from '../../shared/core/parse/text-dump';
import { dumpLines } from '../../shared/core/parse/text/lines';
import { bylineLine, dateLine } from '../../shared/core/parse/text/meta-lines';

/** Dumps as select-all + copy gives them: one block per line, blank lines around paragraphs and headings. */
const dump = (...lines: string[]) => lines.join('\n');

describe('wire copy with a dateline', () => {
  const text = dump(
    'Skip to main content',
    'World',
    'Business',
    'Markets',
    'Sustainability',
    'Legal',
    'Breakingviews',
    'Technology',
    '',
    'World  ›  Asia Pacific',
    '',
    'China sets modest growth target as property slump weighs',
    '',
    'By Kevin Yao and Ellen Zhang',
    'March 5, 2024 3:15 AM',
    '',
    'BEIJING (Reuters) - China set an economic growth target of around 5% for this year on Tuesday, a goal that analysts said would be hard to reach without more stimulus as a property crisis drags on.',
    '',
    'Premier Li Qiang announced the target in his work report to the annual meeting of parliament, repeating a pledge to shift the economy towards advanced manufacturing and domestic consumption.',
    '',
    'Delegates attend the opening session of the National People’s Congress at the Great Hall of the People in Beijing, March 5, 2024. REUTERS/Tingshu Wang',
    '',
    '"The target is ambitious given the headwinds," said an economist at a Hong Kong bank, adding that local governments were short of funds after years of falling land sales.',
    '',
    'The government also set a budget deficit target of 3% of economic output and said it would issue special bonds to fund major projects.',
    '',
    'Read Next',
    'Asia Pacific',
    'Japan’s Kishida faces pressure over party funding scandal',
    'Asia Pacific',
    'South Korea doctors’ strike enters third week',
    '',
    '© 2024 Reuters. All rights reserved',
  );
  const x = parseTextDump(text);

  it('finds headline, section, byline and date; keeps the dateline in the first paragraph', () => {
    expect(x.title).toBe('China sets modest growth target as property slump weighs');
    expect(x.breadcrumb).toEqual(['World', 'Asia Pacific']);
    expect(x.section).toBe('Asia Pacific');
    expect(x.authors).toEqual(['Kevin Yao', 'Ellen Zhang']);
    expect(x.publishedAt).toBe('2024-03-05T03:15:00.000Z');
    expect(x.paragraphs).toHaveLength(4);
    expect(x.paragraphs[0]).toMatch(/^BEIJING \(Reuters\) - China set an economic growth target/);
    expect(x.paragraphs[3]).toMatch(/^The government also set a budget deficit target/);
  });

  it('moves the photo caption and its credit out of the body, drops the trust line and the teasers', () => {
    expect(x.captions).toEqual([
      {
        text: 'Delegates attend the opening session of the National People’s Congress at the Great Hall of the People in Beijing, March 5, 2024.',
        credit: 'REUTERS/Tingshu Wang',
      },
    ]);
    expect(x.paragraphs.join(' ')).not.toMatch(/Kishida|Read Next|Delegates attend/);
  });
});

describe('a blog post with share lines and comments', () => {
  const text = dump(
    'The Slow Kitchen',
    'Home',
    'Recipes',
    'About',
    'Contact',
    '',
    'Why I stopped buying sourdough starter',
    '',
    'Posted on April 2, 2023 by Mara',
    '',
    'For years I bought a new jar of starter every spring, kept it alive for a month and then forgot it at the back of the fridge. This year I decided to make my own from nothing but flour and water.',
    '',
    'It took nine days. The first three smelled of nothing at all, the next three of nail varnish, and then one morning the jar had doubled overnight and smelled of yoghurt and green apples, which is exactly what the books promise.',
    '',
    'What you need',
    '',
    'A clean glass jar with a loose lid',
    'Wholemeal rye flour',
    'Water at room temperature',
    '',
    'Feed it at the same time every day, discard half before each feed, and keep it somewhere warm but out of the sun. If a grey liquid forms on top, stir it back in: it is only alcohol, a sign that the starter is hungry rather than spoiled.',
    '',
    'Share this:',
    'Twitter',
    'Facebook',
    'Pinterest',
    '',
    'Like this:',
    'Like Loading...',
    '',
    'Related',
    '',
    'My favourite rye loaf, three ways',
    '',
    '3 thoughts on “Why I stopped buying sourdough starter”',
    '',
    'Jo says:',
    'April 3, 2023 at 9:12 am',
    'I tried this last year and mine went mouldy on day five. I think my kitchen was too cold, so I will try again this summer.',
    'Reply',
    '',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
  );
  const x = parseTextDump(text);

  it('keeps the paragraphs, the subheading and the list, and nothing after the share bar', () => {
    expect(x.title).toBe('Why I stopped buying sourdough starter');
    expect(x.paragraphs).toEqual([
      'For years I bought a new jar of starter every spring, kept it alive for a month and then forgot it at the back of the fridge. This year I decided to make my own from nothing but flour and water.',
      'It took nine days. The first three smelled of nothing at all, the next three of nail varnish, and then one morning the jar had doubled overnight and smelled of yoghurt and green apples, which is exactly what the books promise.',
      'What you need',
      'A clean glass jar with a loose lid',
      'Wholemeal rye flour',
      'Water at room temperature',
      'Feed it at the same time every day, discard half before each feed, and keep it somewhere warm but out of the sun. If a grey liquid forms on top, stir it back in: it is only alcohol, a sign that the starter is hungry rather than spoiled.',
    ]);
  });

  it('emits a heading and list items as blocks', () => {
    expect(x.blocks?.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'paragraph',
    ]);
  });
});

describe('a news page with "related stories" teasers between and after the story', () => {
  const text = dump(
    'Menu',
    'Search',
    'Sign in',
    '',
    'Home / Environment',
    '',
    'River otters return to the Thames estuary after 40 years',
    '',
    'Conservationists say cleaner water and new reed beds have brought the animals back.',
    '',
    'By Sarah Quinn',
    '14 June 2022',
    '',
    'Otters have been seen breeding in the Thames estuary for the first time in four decades, according to a survey published on Tuesday by a coalition of wildlife groups.',
    '',
    'Camera traps set along the north bank recorded two adults and three cubs over the spring, the survey said, and spraint was found at eleven sites between Tilbury and Southend.',
    '',
    'Read more: Beavers released in Dorset to ease flooding',
    '',
    'The animals vanished from most English rivers in the 1970s after pesticides poisoned the fish they eat. Their recovery since then has been slow in the south-east, where rivers run through dense towns.',
    '',
    '"This is the clearest sign yet that the estuary is healing," said the survey’s lead author.',
    '',
    'Related stories',
    '',
    'Seals spotted in record numbers off Norfolk coast',
    'Hedgehog numbers fall by a third in rural Britain',
    'Red kites now common across the Chilterns',
    '',
    'Most read',
    '',
    'Heatwave warning issued for the weekend',
    'Train strikes: what you need to know',
  );
  const x = parseTextDump(text);

  it('keeps the story across the inline teaser and stops at the related stories', () => {
    expect(x.title).toBe('River otters return to the Thames estuary after 40 years');
    expect(x.subtitle).toBe(
      'Conservationists say cleaner water and new reed beds have brought the animals back.',
    );
    expect(x.section).toBe('Environment');
    expect(x.authors).toEqual(['Sarah Quinn']);
    expect(x.publishedAt).toBe('2022-06-14T00:00:00.000Z');
    expect(x.paragraphs).toHaveLength(4);
    expect(x.paragraphs[0]).toMatch(/^Otters have been seen breeding/);
    expect(x.paragraphs[3]).toBe(
      '"This is the clearest sign yet that the estuary is healing," said the survey’s lead author.',
    );
    expect(x.paragraphs.join(' ')).not.toMatch(/Read more|Seals|Hedgehog|Heatwave|Related/);
  });
});

describe('hard-wrapped text', () => {
  const text = dump(
    'HARBOUR AUTHORITY APPROVES DREDGING PLAN',
    '',
    'The harbour authority on Thursday approved a plan to deepen the main',
    'shipping channel by two metres, allowing larger container ships to',
    'reach the inner docks for the first time.',
    '',
    'The work will start in October and take about eighteen months. The',
    'authority said dredged sand would be used to rebuild beaches along',
    'the eastern shore.',
    '',
    'Fishing groups said they would challenge the decision in court.',
  );
  const x = parseTextDump(text);

  it('joins the wrapped lines back into paragraphs', () => {
    expect(x.title).toBe('HARBOUR AUTHORITY APPROVES DREDGING PLAN');
    expect(x.paragraphs).toEqual([
      'The harbour authority on Thursday approved a plan to deepen the main shipping channel by two metres, allowing larger container ships to reach the inner docks for the first time.',
      'The work will start in October and take about eighteen months. The authority said dredged sand would be used to rebuild beaches along the eastern shore.',
      'Fishing groups said they would challenge the decision in court.',
    ]);
  });

  it('leaves unwrapped copy line by line', () => {
    const lines = dumpLines('Short title\n\nA line of a menu\nAnother entry of it\nA third one here');
    expect(lines.map((l) => l.text)).toEqual([
      'Short title',
      'A line of a menu',
      'Another entry of it',
      'A third one here',
    ]);
    expect(lines.map((l) => [l.gapBefore, l.gapAfter])).toEqual([
      [true, true],
      [true, false],
      [false, false],
      [false, true],
    ]);
  });
});

describe('a German news page', () => {
  const text = dump(
    'Startseite',
    'Politik',
    'Wirtschaft',
    'Sport',
    'Kultur',
    'Anmelden',
    '',
    'Startseite › Politik › Deutschland',
    '',
    'Bundestag beschließt neues Heizungsgesetz nach langem Streit',
    '',
    'Von Anna Schmidt und Jonas Weber',
    '12.03.2024, 14:30 Uhr',
    '',
    'Abgeordnete im Plenarsaal des Bundestages in Berlin.',
    'Foto: Michael Kappeler/dpa',
    '',
    'Nach monatelangen Verhandlungen hat der Bundestag am Dienstag das umstrittene Heizungsgesetz beschlossen. Für den Entwurf stimmten die Abgeordneten der Koalition, die Opposition lehnte ihn geschlossen ab.',
    '',
    'Das Gesetz sieht vor, dass neu eingebaute Heizungen künftig zu einem großen Teil mit erneuerbaren Energien betrieben werden müssen. Für bestehende Anlagen gelten lange Übergangsfristen.',
    '',
    'Die Bundesregierung will Hausbesitzer mit Zuschüssen von bis zu 70 Prozent der Kosten unterstützen, wie das Wirtschaftsministerium mitteilte.',
    '',
    'Mehr zum Thema',
    '',
    'Was das Heizungsgesetz für Mieter bedeutet',
    'Wärmepumpen: Die wichtigsten Fragen und Antworten',
    '',
    'Impressum',
    'Datenschutz',
    '© 2024 Beispiel Zeitung',
  );
  const x = parseTextDump(text);

  it('reads the German byline, date and breadcrumb, and splits the photo credit off its own line', () => {
    expect(x.title).toBe('Bundestag beschließt neues Heizungsgesetz nach langem Streit');
    expect(x.breadcrumb).toEqual(['Startseite', 'Politik', 'Deutschland']);
    expect(x.section).toBe('Deutschland');
    expect(x.authors).toEqual(['Anna Schmidt', 'Jonas Weber']);
    expect(x.publishedAt).toBe('2024-03-12T14:30:00.000Z');
    expect(x.captions).toEqual([
      { text: 'Abgeordnete im Plenarsaal des Bundestages in Berlin.', credit: 'Michael Kappeler/dpa' },
    ]);
    expect(x.paragraphs).toHaveLength(3);
    expect(x.paragraphs[0]).toMatch(/^Nach monatelangen Verhandlungen/);
    expect(x.paragraphs[2]).toMatch(/wie das Wirtschaftsministerium mitteilte\.$/);
  });
});

describe('a Spanish news page', () => {
  const text = dump(
    'Portada',
    'Internacional',
    'Economía',
    'Deportes',
    'Suscríbete',
    '',
    'Internacional > América Latina',
    '',
    'Chile aprueba la reforma de pensiones tras una década de debate',
    '',
    'Por María García',
    '3 de mayo de 2023',
    '',
    'El Congreso de Chile aprobó este miércoles la reforma del sistema de pensiones, un proyecto que el Gobierno había presentado como su principal prioridad legislativa para este año.',
    '',
    'La ministra del Trabajo (c) saluda a los diputados tras la votación en Valparaíso. (Foto: EFE)',
    '',
    'La reforma eleva la cotización de los empleadores en seis puntos y crea un seguro social que complementará las pensiones más bajas a partir del próximo año.',
    '',
    'Los gremios empresariales criticaron el aumento de los costos laborales, mientras que los sindicatos lo consideraron insuficiente.',
    '',
    'Compartir',
    'Noticias relacionadas',
    'El peso chileno cae a su nivel más bajo en un año',
  );
  const x = parseTextDump(text);

  it('reads the Spanish byline and date, the caption with its credit, and drops the share line', () => {
    expect(x.title).toBe('Chile aprueba la reforma de pensiones tras una década de debate');
    expect(x.section).toBe('América Latina');
    expect(x.authors).toEqual(['María García']);
    expect(x.publishedAt).toBe('2023-05-03T00:00:00.000Z');
    expect(x.captions).toEqual([
      {
        text: 'La ministra del Trabajo (c) saluda a los diputados tras la votación en Valparaíso.',
        credit: 'EFE',
      },
    ]);
    expect(x.paragraphs).toHaveLength(3);
    expect(x.paragraphs.join(' ')).not.toMatch(/Compartir|relacionadas|peso chileno/);
  });
});

describe('meta lines', () => {
  it('reads day-first dates in German, Spanish and French, and nothing that is a sentence', () => {
    expect(dateLine('Veröffentlicht am 16.08.2019')).toBe('2019-08-16T00:00:00.000Z');
    expect(dateLine('12. März 2024')).toBe('2024-03-12T00:00:00.000Z');
    expect(dateLine('Madrid, 12 de marzo de 2024')).toBe('2024-03-12T00:00:00.000Z');
    expect(dateLine('Publié le 3 mai 2023 à 10h15')).toBe('2023-05-03T10:15:00.000Z');
    expect(dateLine('Die Regierung hat am 12. März 2024 beschlossen')).toBeUndefined();
  });

  it('reads bylines in several languages and not sentences that start like one', () => {
    expect(bylineLine('Von Anna Schmidt, dpa')).toEqual(['Anna Schmidt']);
    expect(bylineLine('Por María García y Juan Pérez')).toEqual(['María García', 'Juan Pérez']);
    expect(bylineLine('Von der Leyen sagte am Montag')).toBeUndefined();
    expect(bylineLine('Por qué no')).toBeUndefined();
  });
});

describe('a story with nothing of a page around it', () => {
  const PARAGRAPH =
    'The harbour bridge reopened to traffic on Tuesday after eight months of repairs, officials said at a ' +
    'ceremony attended by hundreds of residents who had waited since spring.';

  it('keeps the only paragraph under a short headline', () => {
    expect(parseTextDump(`Harbour bridge reopens\n\n${PARAGRAPH}\n`)).toMatchObject({
      title: 'Harbour bridge reopens',
      paragraphs: [PARAGRAPH],
    });
  });

  it('keeps a closing paragraph of one sentence', () => {
    const closing =
      'Tolls return next month, and buses will use the bridge again from Monday, the council said.';
    expect(parseTextDump(`Harbour bridge reopens\n\n${PARAGRAPH}\n\n${closing}\n`).paragraphs).toEqual([
      PARAGRAPH,
      closing,
    ]);
  });
});
