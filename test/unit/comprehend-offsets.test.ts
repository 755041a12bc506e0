import { locator } from '../../shared/aws/comprehend/offsets';

/**
 * Comprehend's offsets, as its API reference defines them (Entity and KeyPhrase, BeginOffset/EndOffset):
 * "the position of each UTF-8 code point in the string … a multi-byte UTF-8 character maps to a single
 * code point." So a flag emoji (two regional-indicator code points) counts 2, a family emoji joined by
 * zero-width joiners counts 5, and "e" + combining acute accent counts 2, while JavaScript strings count
 * UTF-16 units. The offsets below were counted outside JavaScript (Python's len(), which counts code
 * points) and are written out as numbers, so this test does not share an assumption with the code.
 */
const NAME = 'Rene\u0301e Dupont';
const TEXT = `${'🇯🇵'.repeat(20)} ${NAME} spoke in Łódź. 👩‍👩‍👧 ${NAME} left for 東京 with Zoë. 😀😀😀 ${NAME}.`;

/** Comprehend's code-point offset of each mention, and where the mention starts in the JavaScript string. */
const MENTIONS: Array<{ text: string; codePoint: number; utf16: number }> = [
  { text: NAME, codePoint: 41, utf16: 81 },
  { text: NAME, codePoint: 76, utf16: 119 },
  { text: NAME, codePoint: 116, utf16: 162 },
  { text: 'Łódź', codePoint: 64, utf16: 104 },
  { text: '東京', codePoint: 99, utf16: 142 },
  { text: 'Zoë', codePoint: 107, utf16: 150 },
];

describe("Comprehend's offsets mapped back into the article", () => {
  it('places each mention at its own occurrence past flags, joined emoji and combining marks', () => {
    const locate = locator({ text: TEXT, parts: [{ segment: 0, offset: 0, at: 0, length: TEXT.length }] });
    for (const m of MENTIONS) {
      expect(TEXT.slice(m.utf16, m.utf16 + m.text.length)).toBe(m.text);
      expect(locate({ Text: m.text, BeginOffset: m.codePoint })).toEqual({
        segment: 0,
        start: m.utf16,
        end: m.utf16 + m.text.length,
        text: m.text,
      });
    }
  });

  it('maps into the segment a document part came from, at that segment’s own offset', () => {
    // The document joins a title (segment 0) and a paragraph that starts 500 units into segment 3.
    const title = 'Talks 🇯🇵';
    const text = `${title}\n\n${TEXT}`;
    const locate = locator({
      text,
      parts: [
        { segment: 0, offset: 0, at: 0, length: title.length },
        { segment: 3, offset: 500, at: title.length + 2, length: TEXT.length },
      ],
    });
    // "Talks 🇯🇵\n\n" is 10 code points (Python's len), 12 UTF-16 units.
    const second = MENTIONS[1]!;
    expect(locate({ Text: second.text, BeginOffset: 10 + second.codePoint })).toEqual({
      segment: 3,
      start: 500 + second.utf16,
      end: 500 + second.utf16 + second.text.length,
      text: second.text,
    });
  });

  it('drops a span whose reported text is nowhere near its offset, rather than guessing', () => {
    const locate = locator({ text: TEXT, parts: [{ segment: 0, offset: 0, at: 0, length: TEXT.length }] });
    expect(locate({ Text: 'Łódź', BeginOffset: 0 })).toBeUndefined();
    expect(locate({ Text: 'Marseille', BeginOffset: 64 })).toBeUndefined();
  });
});
