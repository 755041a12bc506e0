/**
 * Word tokens the way the CoNLL-2003 annotators cut them, because the entity model was trained on that
 * tokenization: punctuation on its own, possessive "'s" split off, abbreviations and initials keep their full
 * stop ("U.S.", "Rep.", "J."), hyphenated words stay whole ("China-Japan"). Offsets point into the input.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** First word of a sentence, so its capital is grammar rather than evidence of a name. */
  sentenceStart: boolean;
}

/** Abbreviations that keep their full stop (lower case, without it). */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof rep reps sen sens gov gen lt col maj capt sgt adm cmdr gov rev st jr sr mt ft inc corp co ltd
   llc plc bros no nos dept univ vs etc jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
   ave blvd rd est approx fig al pres supt insp det cpl pvt hon messrs mme mlle sr sra dott`
    .split(/\s+/)
    .filter(Boolean),
);

// One alternative per token kind, longest first: URLs and e-mails, dotted acronyms, numbers with separators,
// words (letters, marks, digits, inner apostrophes, hyphens, dots and ampersands), a detached possessive
// ("Lebed 's", as CoNLL writes it), then any other symbol.
const TOKEN =
  /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'”’]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?:\p{L}\.){2,}|\p{N}+(?:[.,:/-]\p{N}+)*%?|[\p{L}\p{M}\p{N}]+(?:(?:['’`&-]|\.(?=[\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*|['’][sS](?![\p{L}\p{M}\p{N}])|\S/gu;

const POSSESSIVE = /['’][sS]$/;
const SENTENCE_END = /^[.!?]$/;
const OPENERS = /^["“‘'([«]$/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  let newSentence = true;
  const push = (word: string, start: number) => {
    out.push({ text: word, start, end: start + word.length, sentenceStart: newSentence });
    if (
      SENTENCE_END.test(word) ||
      (/^(?:\p{L}\.){2,}$/u.test(word) && endsSentence(text, start + word.length))
    )
      newSentence = true;
    else if (!(newSentence && OPENERS.test(word))) newSentence = false;
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const start = m.index;
    // "Kono's" -> "Kono" "'s", as CoNLL has it; "O'Neill" and "don't" stay whole.
    if (word.length > 2 && POSSESSIVE.test(word) && /\p{L}/u.test(word[0]!)) {
      push(word.slice(0, -2), start);
      push(word.slice(-2), start + word.length - 2);
      continue;
    }
    // "Rep." and the initial "J." keep their stop; "Japan." ends a sentence.
    if (
      text[start + word.length] === '.' &&
      /^\p{L}+$/u.test(word) &&
      (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))
    ) {
      push(`${word}.`, start);
      re.lastIndex = start + word.length + 1;
      continue;
    }
    push(word, start);
  }
  return out;
}

/** "... in the U.S. Then ..." ends a sentence after an acronym only when a capital or the end follows. */
function endsSentence(text: string, at: number): boolean {
  const rest = text.slice(at, at + 3);
  return /^\s+\p{Lu}/u.test(rest) || rest.trim() === '';
}
