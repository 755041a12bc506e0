import { trainBoostedTrees } from '../../scripts/boosted-trees';
import { classifyLines } from '../../shared/core/parse/text/classify';
import { scoreContext } from '../../shared/core/parse/text/line-features';
import { contentScores } from '../../shared/core/parse/text/line-model';
import { dumpLines } from '../../shared/core/parse/text/lines';
import { articleRegion, sandwiched } from '../../shared/core/parse/text/region';
import { compileTrees, treeScore } from '../../shared/core/parse/text/trees';

describe('boosted trees', () => {
  it('route a row right when its feature is above the threshold, and add the leaf to the base', () => {
    const model = compileTrees({
      features: ['x', 'y'],
      depth: 1,
      base: 0.5,
      trees: [
        { feature: [1], threshold: [2], leaf: [-1, 3] },
        { feature: [0], threshold: [0], leaf: [0.25, -0.25] },
      ],
    });
    expect(treeScore(model, [0, 2])).toBeCloseTo(0.5 - 1 + 0.25);
    expect(treeScore(model, [1, 5])).toBeCloseTo(0.5 + 3 - 0.25);
  });

  it('learn a rule on two features that no single threshold gives', () => {
    const rows: number[][] = [];
    for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) rows.push([a / 10, b / 10, (a * b) % 3]);
    const labels = rows.map(([a, b]) => +(a! > 0.45 !== b! > 0.65));
    const model = compileTrees(
      trainBoostedTrees(
        ['a', 'b', 'noise'],
        rows,
        labels,
        rows.map(() => 1),
        {
          depth: 2,
          rounds: 30,
          learningRate: 0.3,
          lambda: 1,
          minChildWeight: 1,
        },
      ),
    );
    const wrong = rows.filter((row, i) => treeScore(model, row) > 0 !== (labels[i] === 1));
    expect(wrong).toEqual([]);
  });
});

describe('line model', () => {
  it('reads each first-stage score beside those of the lines around it', () => {
    const [first, middle] = scoreContext([2, -1, 3]);
    expect(first![0]).toBe(2);
    // Beyond the start of the text counts as surely not article text.
    expect(first![3]).toBeLessThan(-5);
    expect(middle!.slice(3, 5)).toEqual([2, 3]);
  });

  it('scores the story above the menu and the footer around it', () => {
    const story = [
      'The city council voted on Tuesday to build four new cycle lanes through the centre, after a year of consultation with residents and shop owners who had feared the loss of parking.',
      'Work is expected to begin in the spring and to take two years, the council said, and the cost will be shared between the city and the regional government.',
    ];
    const text = [
      'Home',
      'News',
      'Sport',
      'Weather',
      '',
      'Council approves new cycle lanes for the city centre',
      '',
      story[0],
      '',
      story[1],
      '',
      'Privacy policy',
      'Terms of use',
      'Contact us',
    ].join('\n');
    const lines = classifyLines(dumpLines(text));
    const scores = contentScores(lines, articleRegion(lines), sandwiched(lines));
    const kept = lines.filter((_, i) => scores[i]! > 0).map((l) => l.text);
    expect(kept).toEqual(expect.arrayContaining(story));
    for (const furniture of ['Home', 'News', 'Sport', 'Privacy policy', 'Terms of use', 'Contact us'])
      expect(kept).not.toContain(furniture);
  });
});
