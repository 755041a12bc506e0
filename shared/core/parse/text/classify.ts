import { endsLikeSentence } from '../text-util';
import { isBarrier, isFurniture } from './furniture';
import type { DumpLine } from './lines';
import { stopwordDensity } from './stopwords';

/**
 * jusText's paragraph classes, computed on lines of copied text: 'good' is running prose, 'near' is prose too
 * short or too plain to be sure of, 'short' is a line too short to judge alone, 'bad' is furniture.
 */
export type LineClass = 'good' | 'near' | 'short' | 'bad';

export interface ClassifiedLine extends DumpLine {
  /** Length in characters, a CJK character counting as three (it carries about a word). */
  size: number;
  stop: number;
  /** Recognised page furniture (share, subscribe, "read more"), dropped wherever it stands. */
  furniture: boolean;
  barrier: boolean;
  /** Class from the line alone; its neighbours count later, through the region it falls in. */
  own: LineClass;
}

/** jusText's length limits; its stop-word limits scaled down to these shorter lists (measured on the dev set). */
const LENGTH_LOW = 70;
const LENGTH_HIGH = 200;
const STOPWORDS_LOW = 0.2;
const STOPWORDS_HIGH = 0.25;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Scripts with no stop-word list here: prose is told by its sentence punctuation instead. */
const OTHER_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}]/gu;

function density(text: string): number {
  const other = text.match(OTHER_SCRIPT)?.length ?? 0;
  if (other > 0 && other / (text.match(/\p{L}/gu)?.length ?? 1) > 0.5) {
    // Commas and full stops every few words are what prose looks like in any script.
    const punct = text.match(/[,.;:!?，。、；：！？،]/g)?.length ?? 0;
    return punct >= 2 || endsLikeSentence(text) ? STOPWORDS_HIGH : 0;
  }
  return stopwordDensity(text);
}

function ownClass(furniture: boolean, size: number, stop: number): LineClass {
  if (furniture) return 'bad';
  if (size < LENGTH_LOW) return 'short';
  if (stop >= STOPWORDS_HIGH) return size > LENGTH_HIGH ? 'good' : 'near';
  if (stop >= STOPWORDS_LOW) return 'near';
  return 'bad';
}

export function classifyLines(lines: readonly DumpLine[]): ClassifiedLine[] {
  return lines.map((l) => {
    const size = l.text.length + 2 * (l.text.match(CJK)?.length ?? 0);
    const stop = density(l.text);
    const furniture = isFurniture(l.text);
    const own = ownClass(furniture, size, stop);
    // Built field by field: an object spread per line costs more than all the tests above on long dumps.
    return {
      text: l.text,
      gapBefore: l.gapBefore,
      gapAfter: l.gapAfter,
      size,
      stop,
      furniture,
      barrier: isBarrier(l.text),
      own,
    };
  });
}
