import fc from 'fast-check';
import { mentionRanges, segments } from '../../web/src/highlight';

describe("the web page's highlighting", () => {
  test('marks the given ranges and keeps every character, whatever the offsets', () => {
    expect(segments('Japan protests to China', [[0, 5]])).toEqual([
      { text: 'Japan', marked: true },
      { text: ' protests to China', marked: false },
    ]);
    // Overlapping and touching ranges merge; out-of-range and reversed ones are ignored.
    expect(
      segments('abcdef', [
        [3, 5],
        [1, 4],
        [5, 6],
        [9, 12],
        [4, 2],
      ]),
    ).toEqual([
      { text: 'a', marked: false },
      { text: 'bcdef', marked: true },
    ]);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 })), {
          maxLength: 6,
        }),
        (text, ranges) => {
          const parts = segments(text, ranges);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          for (let i = 0, at = 0; i < parts.length; at += parts[i]!.text.length, i++) {
            if (!parts[i]!.marked) continue;
            // Every marked character lies inside some given range.
            for (let c = at; c < at + parts[i]!.text.length; c++)
              expect(ranges.some(([s, e]) => s <= c && c < e)).toBe(true);
          }
        },
      ),
    );
  });

  test('finds mention forms as whole words, longest first', () => {
    const text = 'Taro Kono met Kono-san; Konoha is elsewhere. Kono said so.';
    const found = mentionRanges(text, ['Kono', 'Taro Kono']).map(([s, e]) => text.slice(s, e));
    expect(found).toEqual(['Taro Kono', 'Kono', 'Kono']);
    expect(mentionRanges('no match here', ['Kono', ''])).toEqual([]);
  });
});
