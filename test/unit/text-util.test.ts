import { countWords } from '../../shared/core/parse/text-util';

/** ICU's count over the whole string: the reference the fast path must agree with. */
const icuCount = (text: string): number => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
};

describe('countWords', () => {
  it.each([
    "The U.S. isn't done: it's 3.5% up, e-mail x_y a:b",
    'Straße über Ärger — «Привет, мир» 2024-01-05',
    'Η Αθήνα είναι πρωτεύουσα της Ελλάδας.',
    'مرحبا بالعالم، هذه مقالة.',
    'नमस्ते दुनिया, यह एक लेख है।',
    'Taro Kono (L) shakes hands with Wang Yi (R) at the Diaoyutai State Guesthouse. (Photo by AFP)',
  ])('counts spaced scripts as ICU does: %s', (text) => {
    expect(countWords(text)).toBe(icuCount(text));
  });

  it('segments Chinese and Japanese with ICU, not one word per run of characters', () => {
    const chinese = '中国和日本外交部长在北京举行会谈。';
    expect(countWords(chinese)).toBe(icuCount(chinese));
    expect(countWords(chinese)).toBeGreaterThan(3);
    const japanese = '日本の外務大臣が北京を訪問した。';
    expect(countWords(japanese)).toBeGreaterThan(3);
  });

  it('counts a long body in pieces, within one word of ICU on the whole text', () => {
    const mixed = '北京で会談が行われた。 The ministers met in Beijing. '.repeat(400);
    expect(Math.abs(countWords(mixed) - icuCount(mixed))).toBeLessThanOrEqual(mixed.length / 512 + 1);
  });
});
