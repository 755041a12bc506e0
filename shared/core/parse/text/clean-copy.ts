import { asCaption } from '../captions';
import { parseBreadcrumbLine } from '../breadcrumb';
import { countWords, endsLikeSentence, normalizeSpace, roughWordCount } from '../text-util';
import type { Extracted } from '../types';
import type { ClassifiedLine } from './classify';
import { creditOnly } from './credit-lines';
import { bylineLine, dateLine } from './meta-lines';

/**
 * Clean copy: a text file that is a story and nothing else, as wire services and newsrooms save it (a headline
 * line, a dateline, paragraphs, result tables, lists, a sign-off). It has none of what a copied web page drags
 * along, so every line of it is the story's and the dump extractor, whose job is to drop lines, must not see it.
 */

/** A headline is one line of a few words; longer, the file opens with prose and is not set as a story. */
const HEADLINE_MAX_WORDS = 30;
/** Menus copy as runs of short labels; a story's own short lines (headings, a name) come one or two at a time. */
const MAX_LABEL_RUN = 3;
/**
 * A label repeated among other labels is a page's furniture (a menu at top and bottom, the same two buttons
 * under every item); once is chance. A label standing alone between lines of copy is a heading, and a results
 * story repeats those ("Women's singles" before each draw).
 */
const MAX_REPEATED_LABELS = 2;
/** One address in a sign-off is copy; more are a page's link list. */
const MAX_LINK_LINES = 1;

const LINK = /https?:\/\/|\bwww\.\S|\S@\S+\.\p{L}/u;
/** How tables mark a cell with no figure: a lone dash, "n.a". */
const EMPTY_CELL = /(?:^|\s)[-–—](?:\s|$)|\bn\.?\s?a\b\.?/iu;

/**
 * A navigation label: one to three words, no figures, no sentence end. A lead-in ("Scorers:") and a table row
 * with empty cells ("Jaora n.a Yellow - -") are copy, and so are lines in capitals: in copy those are headings
 * and table heads ("EASTERN DIVISION"), which repeat in a results table.
 */
function isLabel(text: string): boolean {
  const words = roughWordCount(text);
  if (words === 0 || words > 3 || /\d/.test(text) || endsLikeSentence(text) || /:$/.test(text)) return false;
  if (EMPTY_CELL.test(text)) return false;
  const shouted = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  return !shouted;
}

/** A site's name or a menu item on the first line says the file was copied from a page. */
function looksLikeHeadline(text: string): boolean {
  const words = countWords(text);
  if (words === 0 || words > HEADLINE_MAX_WORDS) return false;
  return !isLabel(text) && !LINK.test(text) && !parseBreadcrumbLine(text);
}

/**
 * Whether the lines are clean copy: a headline-shaped first line, and none of a page's signs anywhere: no
 * furniture or barrier line (text/furniture.ts), no photo caption or credit, no list of links, no run of menu
 * labels and hardly a label repeated among labels.
 */
export function isCleanCopy(lines: readonly ClassifiedLine[]): boolean {
  if (lines.length < 2 || !looksLikeHeadline(lines[0]!.text)) return false;
  let links = 0;
  let run: string[] = [];
  const repeats = new Map<string, number>();
  const endRun = () => {
    if (run.length > 1) for (const label of run) repeats.set(label, (repeats.get(label) ?? 0) + 1);
    run = [];
  };
  for (const l of lines) {
    if (l.furniture || l.barrier || creditOnly(l.text) || asCaption(l.text)) return false;
    if (LINK.test(l.text) && ++links > MAX_LINK_LINES) return false;
    if (!isLabel(l.text)) {
      endRun();
      continue;
    }
    run.push(l.text.toLowerCase());
    if (run.length > MAX_LABEL_RUN) return false;
  }
  endRun();
  let repeated = 0;
  for (const n of repeats.values()) if (n > 1) repeated += n;
  return repeated <= MAX_REPEATED_LABELS;
}

/** Bylines and dates sit right under the headline, before the story starts. */
const META_ZONE = 3;
/** A wire dateline: the place, then the date ("NADI, Fiji 1996-12-06"). */
const DATELINE = /^\p{Lu}\D{1,60}?\s+(\d.{5,30})$/u;

const datelineDate = (text: string) => {
  const date = DATELINE.exec(normalizeSpace(text))?.[1];
  return date ? dateLine(date) : undefined;
};

/**
 * Clean copy kept whole: the first line is the title, kept as sent (a wire headline in capitals stays so; only a
 * truecaser could lower it without losing names); every other line is a body paragraph in order, the dateline
 * and sign-off included, since names live there too. A first paragraph that repeats the headline goes, and so
 * does a byline under it, which becomes the authors; a date there, alone or after the dateline's place, is the
 * publication date and stays in the text.
 */
export function parseCleanCopy(lines: readonly ClassifiedLine[]): Extracted {
  const title = normalizeSpace(lines[0]!.text);
  let authors: string[] = [];
  let publishedAt: string | undefined;
  const paragraphs: string[] = [];
  lines.slice(1).forEach((l, i) => {
    if (i === 0 && normalizeSpace(l.text).toLowerCase() === title.toLowerCase()) return;
    if (i < META_ZONE) {
      publishedAt ??= dateLine(l.text) ?? datelineDate(l.text);
      const byline = authors.length === 0 ? bylineLine(l.text) : undefined;
      if (byline) {
        authors = byline;
        return;
      }
    }
    paragraphs.push(l.text);
  });
  return { title, paragraphs, captions: [], authors, ...(publishedAt ? { publishedAt } : {}) };
}
