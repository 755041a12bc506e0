import { parseTextDump } from '../../shared/core/parse/text-dump';
import { classifyLines } from '../../shared/core/parse/text/classify';
import { isCleanCopy } from '../../shared/core/parse/text/clean-copy';
import { dumpLines } from '../../shared/core/parse/text/lines';

const text = (...lines: string[]) => lines.join('\n');
const cleanCopy = (t: string) => isCleanCopy(classifyLines(dumpLines(t)));

/** A results story as a wire desk saves it: invented teams and players, a table, a squad line, a sign-off. */
const RESULTS_STORY = text(
  'FOOTBALL - HARBOURVILLE HOLD LEADERS TO A DRAW .',
  'PORT ELLEN , Westmark 2031-04-12',
  '',
  'Harbourville held league leaders Calder Rovers to a 1-1 draw on Saturday, Tomas Brenner scoring a late equaliser.',
  '',
  'Result:',
  'Harbourville 1 ( Brenner 88 ) Calder Rovers 1 ( Oduya 12 ). Halftime 0-1.',
  'Attendance: 10,000.',
  '',
  'Standings (tabulate under played, won, drawn, lost, points):',
  'Calder Rovers 10 7 2 1 23',
  'Harbourville 10 6 3 1 21',
  'Kessock Albion 10 5 1 4 16',
  '',
  'Squad: Ivo Marsh, Pel Duarte, Tomas Brenner, Kofi Oduya-Lind, Samir Haddad.',
  '',
  '-- Port Ellen newsroom +44 1496 000000',
);

/** A page copied with select-all: menus, a share bar, a cookie notice, a photo credit and a footer. */
const PAGE_DUMP = text(
  'Home',
  'News',
  'Sport',
  'Weather',
  'Business',
  '',
  'Harbourville hold leaders to a draw',
  '',
  'Harbourville held league leaders Calder Rovers to a 1-1 draw on Saturday, Tomas Brenner scoring a late equaliser.',
  'Photo: Ana Lind/Westmark Press',
  '',
  'Share on Facebook',
  'We use cookies to improve your experience. Accept',
  '',
  'Related stories',
  'Home',
  'News',
);

describe('clean copy', () => {
  it('keeps a results story whole: table, attendance, standings, squad line and sign-off', () => {
    expect(cleanCopy(RESULTS_STORY)).toBe(true);
    const x = parseTextDump(RESULTS_STORY);
    expect(x.title).toBe('FOOTBALL - HARBOURVILLE HOLD LEADERS TO A DRAW .');
    expect(x.publishedAt?.slice(0, 10)).toBe('2031-04-12');
    expect(x.paragraphs).toEqual(
      RESULTS_STORY.split('\n')
        .slice(1)
        .filter((l) => l.trim()),
    );
  });

  it('keeps an odds list after a one-line story', () => {
    const odds = text(
      'GOLF - BETTING FOR THE WESTMARK OPEN .',
      'PORT ELLEN 2031-04-12',
      'Latest odds for the Westmark Open, which starts on Thursday:',
      '5-1 Ivo Marsh',
      '7-1 Pel Duarte',
      '12-1 Samir Haddad',
      '20-1 Kofi Oduya-Lind',
    );
    expect(cleanCopy(odds)).toBe(true);
    expect(parseTextDump(odds).paragraphs.slice(-4)).toEqual([
      '5-1 Ivo Marsh',
      '7-1 Pel Duarte',
      '12-1 Samir Haddad',
      '20-1 Kofi Oduya-Lind',
    ]);
  });

  it('takes headings repeated between results, a lead-in and empty table cells for copy, not menus', () => {
    const results = text(
      'TENNIS - RESULTS FROM THE WESTMARK OPEN .',
      'PORT ELLEN 2031-04-12',
      "Women's singles",
      'Ana Lind beat Ivo Marsh 6-3 6-4',
      "Men's singles",
      'Pel Duarte beat Samir Haddad 7-5 6-2',
      "Women's singles",
      'Kofi Oduya-Lind beat Mia Torr 6-1 6-0',
      "Men's singles",
      'Tomas Brenner beat Ed Vale 6-4 3-6 6-3',
      'Scorers:',
      'Ticket sales by stand (in tonnes of paper):',
      'North n.a - -',
      'South n.a - -',
      'East n.a - -',
      'West n.a - -',
    );
    expect(cleanCopy(results)).toBe(true);
    expect(parseTextDump(results).paragraphs).toHaveLength(15);
  });

  it('reads a byline under the headline as the authors and a date there as the publication date', () => {
    const story = text(
      'Westmark central bank holds rates steady',
      'By Jane Doe',
      'April 12, 2031',
      '',
      'PORT ELLEN, April 12 (Reuters) - The Westmark central bank held its key rate at 4.5% on Thursday.',
      '',
      '(Reporting by Jane Doe; Editing by Pel Duarte)',
    );
    const x = parseTextDump(story);
    expect(x.authors).toEqual(['Jane Doe']);
    expect(x.publishedAt?.slice(0, 10)).toBe('2031-04-12');
    expect(x.paragraphs).toEqual([
      'April 12, 2031',
      'PORT ELLEN, April 12 (Reuters) - The Westmark central bank held its key rate at 4.5% on Thursday.',
      '(Reporting by Jane Doe; Editing by Pel Duarte)',
    ]);
  });

  it('does not repeat the headline as the first paragraph', () => {
    const story = text(
      'Harbourville hold leaders to a draw',
      '',
      'Harbourville hold leaders to a draw',
      '',
      'Harbourville held league leaders Calder Rovers to a 1-1 draw on Saturday.',
    );
    const x = parseTextDump(story);
    expect(x.title).toBe('Harbourville hold leaders to a draw');
    expect(x.paragraphs).toEqual([
      'Harbourville held league leaders Calder Rovers to a 1-1 draw on Saturday.',
    ]);
  });

  it('leaves a page dump to the dump extractor, which drops its menus', () => {
    expect(cleanCopy(PAGE_DUMP)).toBe(false);
    const x = parseTextDump(PAGE_DUMP);
    expect(x.paragraphs).not.toContain('Weather');
    expect(x.paragraphs.join('\n')).not.toMatch(/cookies|Share on Facebook/);
  });

  it.each([
    ['a run of menu labels', ['Home', 'News', 'Sport', 'Weather']],
    ['a label repeated', ['Subscribe now', 'Subscribe now', 'Read our terms', 'Read our terms']],
    ['a photo credit', ['Photo: Ana Lind/Westmark Press']],
    ['a list of links', ['https://example.org/a', 'https://example.org/b']],
  ])('is not clean copy with %s', (_, extra) => {
    const story = text(
      'Harbourville hold leaders to a draw',
      'Harbourville held league leaders Calder Rovers to a 1-1 draw on Saturday.',
    );
    expect(cleanCopy(story)).toBe(true);
    expect(cleanCopy(text(story, ...extra))).toBe(false);
  });

  it('is not clean copy when the first line is a site name rather than a headline', () => {
    expect(cleanCopy(text('Westmark Press', 'Harbourville held leaders Calder Rovers to a draw.'))).toBe(
      false,
    );
  });
});
