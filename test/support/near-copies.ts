import type { ParsedArticle } from '../../shared/core/article';

/**
 * The ways one story arrives twice: what syndication, re-publication and copy-editing do to a text. Each
 * takes an article and returns the copy a second source would carry. The added text is our own.
 */
export type NearCopy = (a: ParsedArticle) => ParsedArticle;

const withParagraphs = (a: ParsedArticle, paragraphs: string[], title = a.title): ParsedArticle => {
  const text = paragraphs.join('\n\n');
  return {
    ...a,
    title,
    body: { ...a.body, paragraphs, text, wordCount: text.split(/\s+/).filter(Boolean).length },
  };
};

const middle = (n: number) => Math.floor(n / 2);

export const NEAR_COPIES: Record<string, NearCopy> = {
  /** Another site's furniture around the same body: a kicker, a promo line and a footer. */
  boilerplate: (a) =>
    withParagraphs(a, [
      'Advertisement',
      ...a.body.paragraphs,
      'Sign up for our morning briefing to get the day’s top stories in your inbox.',
      '© 2026 Northern Wire Service. All rights reserved. This material may not be redistributed.',
    ]),
  /** A syndicator's credit line in place of the original byline paragraph. */
  credit: (a) =>
    withParagraphs(a, [
      ...a.body.paragraphs,
      'This article was first published by a partner outlet and is republished here with permission.',
    ]),
  headline: (a) => withParagraphs(a, a.body.paragraphs, `UPDATED: ${a.title} — what we know so far`),
  /** One word corrected in the middle of the story. */
  typo: (a) => {
    const paragraphs = [...a.body.paragraphs];
    const i = middle(paragraphs.length);
    paragraphs[i] = (paragraphs[i] ?? '').replace(/\b(\p{L})(\p{L})(\p{L}{3,})/u, '$2$1$3');
    return withParagraphs(a, paragraphs);
  },
  /** A paragraph cut for length. */
  dropParagraph: (a) => {
    const paragraphs = [...a.body.paragraphs];
    if (paragraphs.length > 3) paragraphs.splice(middle(paragraphs.length), 1);
    return withParagraphs(a, paragraphs);
  },
  /** A paragraph of context added by the second desk. */
  addParagraph: (a) => {
    const paragraphs = [...a.body.paragraphs];
    paragraphs.splice(
      middle(paragraphs.length),
      0,
      'Officials did not respond to several requests for comment before publication on Tuesday evening.',
    );
    return withParagraphs(a, paragraphs);
  },
  /** Curly quotes, non-breaking spaces, doubled spaces, full-width digits: bytes differ, the text does not. */
  typography: (a) =>
    withParagraphs(
      a,
      a.body.paragraphs.map((p) =>
        p
          .replace(/"([^"]*)"/g, '“$1”')
          .replace(/'/g, '’')
          .replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u00a0' : i % 5 === 0 ? '  ' : s))
          .replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
      ),
      a.title.toUpperCase(),
    ),
  /** Several at once: new headline, furniture, a correction and a cut. */
  combined: (a) =>
    NEAR_COPIES.headline!(NEAR_COPIES.boilerplate!(NEAR_COPIES.typo!(NEAR_COPIES.dropParagraph!(a)))),
};
