import { decodeDocument, type Label } from './decode';
import { isShouted, type SequenceView } from './features';
import { scorerOf, type ModelFile } from './model';
import { tokenize, type Token } from './tokenize';
import modelFile from './model.json';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name the model found, with its place in the paragraph it came from. */
export interface NerSpan {
  type: NerType;
  text: string;
  start: number;
  end: number;
  /** Index of its first and one-past-last token in the paragraph's tokens. */
  tokenStart: number;
  tokenEnd: number;
}

export interface NerParagraph {
  tokens: Token[];
  spans: NerSpan[];
}

let scorer: ReturnType<typeof scorerOf> | undefined;
const model = () => (scorer ??= scorerOf(modelFile as unknown as ModelFile));

/**
 * Tags with another model from now on. For measuring models retrained on part of the data (the tag bench's
 * cross-validation); production always uses the shipped one.
 */
export function useEntityModel(file: ModelFile): void {
  scorer = scorerOf(file);
}

/** Splits a paragraph's tokens into sentences, as the model was trained on sentences. */
function sentencesOf(tokens: readonly Token[]): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.sentenceStart) {
      out.push({ from, to: i });
      from = i;
    }
  }
  return out;
}

/** A document's paragraphs as the model reads them: tokens per paragraph, and sentences in reading order. */
export interface ModelInput {
  tokenized: Token[][];
  sequences: SequenceView[];
  /** For each sequence, its paragraph and the index of its first token there. */
  owners: Array<{ paragraph: number; from: number }>;
}

/**
 * Cuts paragraphs into the model's sentences. The trainer reads its documents through this too, so the model
 * learns on exactly the tokens and sentence breaks it will see in production.
 */
export function modelInput(paragraphs: readonly string[]): ModelInput {
  const tokenized = paragraphs.map((p) => tokenize(p));
  const sequences: SequenceView[] = [];
  const owners: Array<{ paragraph: number; from: number }> = [];
  tokenized.forEach((tokens, p) => {
    for (const { from, to } of sentencesOf(tokens)) {
      const words = tokens.slice(from, to).map((t) => t.text);
      const shouted = isShouted(words);
      sequences.push({
        words,
        sentenceStart: words.map((_, i) => i === 0),
        shouted: words.map(() => shouted),
      });
      owners.push({ paragraph: p, from });
    }
  });
  return { tokenized, sequences, owners };
}

/**
 * People, organizations, places and other names (MISC) in a document's paragraphs, read as one document so
 * that a name's earlier use informs its later ones.
 */
export function recognizeEntities(paragraphs: readonly string[]): NerParagraph[] {
  const { tokenized, sequences, owners } = modelInput(paragraphs);
  const labels = decodeDocument(sequences, model());
  const out: NerParagraph[] = tokenized.map((tokens) => ({ tokens, spans: [] }));
  labels.forEach((seqLabels, s) => {
    const { paragraph, from } = owners[s]!;
    const para = out[paragraph]!;
    const text = paragraphs[paragraph]!;
    let open: { type: NerType; first: number } | undefined;
    const close = (end: number) => {
      if (!open) return;
      const a = para.tokens[from + open.first]!;
      const b = para.tokens[from + end - 1]!;
      para.spans.push({
        type: open.type,
        text: text.slice(a.start, b.end),
        start: a.start,
        end: b.end,
        tokenStart: from + open.first,
        tokenEnd: from + end,
      });
      open = undefined;
    };
    seqLabels.forEach((label: Label, i) => {
      if (label === 'O' || label.startsWith('B-')) close(i);
      if (label.startsWith('B-')) open = { type: label.slice(2) as NerType, first: i };
    });
    close(seqLabels.length);
  });
  return out;
}
