import type { Block, Caption } from '../article';
import { isProse } from './boilerplate';
import { parseBreadcrumbLine, sectionFromBreadcrumb } from './breadcrumb';
import { asCaption } from './captions';
import { endsLikeSentence, normalizeSpace, roughWordCount } from './text-util';
import { classifyLines, type ClassifiedLine } from './text/classify';
import { isCleanCopy, parseCleanCopy } from './text/clean-copy';
import { creditOnly } from './text/credit-lines';
import { dumpLines } from './text/lines';
import { bylineLine, dateLine, postedAuthors } from './text/meta-lines';
import { contentScores, type LineScorer } from './text/line-model';
import { articleRegion, sandwiched } from './text/region';
import { looksLikeTitle, titleFromProse } from './text/title';
import type { Extracted } from './types';

export { titleFromProse } from './text/title';

/** How far above the article the headline may sit: past the byline, dateline, share bar and lead photo. */
const TITLE_LOOKBACK = 25;
/** Bylines and datelines sit between the headline and the first few lines of the article. */
const META_ZONE = 4;
/**
 * The line model's log-odds a prose line inside the article's region needs: the region already speaks for it,
 * so a doubtful score is enough. Short lines sandwiched between long prose there (a list, a subheading) stay.
 */
const REGION_PROSE_BAR = -1;
/** A whole sentence of some length: inside the region it is prose however short the line. */
const MIN_SENTENCE_WORDS = 6;
const isSentence = (text: string): boolean =>
  endsLikeSentence(text) && roughWordCount(text) >= MIN_SENTENCE_WORDS;
/** A caption over this many words is prose that happens to mention a photo. */
const MAX_CAPTION_WORDS = 60;

interface Header {
  title: string;
  titleIndex: number;
}

/**
 * The headline: the nearest headline-shaped line above the article, preferring one set off by blank lines as
 * browsers copy <h1>. Lines of a "related" list cut off by a barrier above the article are not candidates.
 */
function findTitle(lines: readonly ClassifiedLine[], start: number, skip: (i: number) => boolean): Header {
  let loose: Header | undefined;
  for (let i = start - 1; i >= 0 && i >= start - TITLE_LOOKBACK; i--) {
    const l = lines[i]!;
    if (l.barrier) {
      loose = undefined;
      continue;
    }
    if (l.own === 'bad' || skip(i) || !looksLikeTitle(l.text)) continue;
    // Headlines rarely end in a full stop; a standfirst above the byline does.
    if (l.gapBefore && l.gapAfter && !/\.["”’»)]*$/.test(l.text)) return { title: l.text, titleIndex: i };
    loose ??= { title: l.text, titleIndex: i };
  }
  return loose ?? { title: '', titleIndex: -1 };
}

/** A standfirst is a sentence or two, not a headline and not a whole paragraph of the story. */
const STANDFIRST_WORDS = [6, 60] as const;
/** How many lines below the standfirst the byline or date may sit. */
const STANDFIRST_META_DISTANCE = 3;

/**
 * The standfirst, when it is clear: the first line under the headline reads as prose and the byline or date
 * comes right after it, so it is not the article's first paragraph. Marks the line used.
 */
function findSubtitle(
  lines: readonly ClassifiedLine[],
  titleIndex: number,
  end: number,
  used: Set<number>,
  metaLines: ReadonlySet<number>,
): string | undefined {
  if (titleIndex < 0) return undefined;
  let j = titleIndex + 1;
  while (j < end && used.has(j)) j++;
  const l = lines[j];
  if (!l || l.own === 'bad' || l.barrier) return undefined;
  const words = roughWordCount(l.text);
  if (words < STANDFIRST_WORDS[0] || words > STANDFIRST_WORDS[1]) return undefined;
  for (let k = j + 1; k <= j + STANDFIRST_META_DISTANCE && k < lines.length; k++) {
    if (metaLines.has(k)) {
      used.add(j);
      return l.text;
    }
    if (!used.has(k)) return undefined;
  }
  return undefined;
}

/** Bullets copied with list items; the block kind says it is a list item instead. */
const BULLET = /^(?:[-•*–·▪►]|\d{1,3}[.)])\s+/;

/** Longer than this, a line in a block of lines is a paragraph set without margins, not a list item. */
const LIST_ITEM_MAX = 200;
const HEADING_MAX_WORDS = 15;

/**
 * Structure a copy keeps: a subheading is a short unpunctuated line set off by blank lines, as browsers copy
 * <h2>; list items are lines copied without blank lines between them (<li>) or with a bullet. Undefined when
 * the body is paragraphs only.
 */
function toBlocks(lines: readonly ClassifiedLine[], at: readonly number[]): Block[] | undefined {
  let structured = false;
  // Lines of one block must be neighbours in the dump too, not only after furniture between them went.
  const joined = (i: number) => at[i + 1] === at[i]! + 1 && !lines[i]!.gapAfter;
  const blocks = lines.map((l, i): Block => {
    const bullet = BULLET.test(l.text);
    const heading =
      i > 0 &&
      i < lines.length - 1 &&
      l.gapBefore &&
      l.gapAfter &&
      !bullet &&
      roughWordCount(l.text) <= HEADING_MAX_WORDS &&
      !endsLikeSentence(l.text);
    if (heading) {
      structured = true;
      return { kind: 'heading', level: 2, text: l.text };
    }
    const inBlock = (i > 0 && joined(i - 1)) || (i < lines.length - 1 && joined(i));
    if (bullet || (inBlock && l.size < LIST_ITEM_MAX)) {
      structured = true;
      const ordered = bullet && /^\d/.test(l.text);
      return { kind: 'list-item', text: l.text.replace(BULLET, ''), ...(ordered ? { ordered } : {}) };
    }
    return { kind: 'paragraph', text: l.text };
  });
  return structured ? blocks : undefined;
}

/**
 * A page's text copied as plain text (select-all + copy, or a copy of the article area): menus, breadcrumb,
 * headline, captions, the story, teasers, comments and footer, one block per line. Lines are classified on
 * their own (text/classify.ts: length and function-word density, as jusText does; known furniture), the story
 * is the best-scoring run of lines (text/region.ts), and the headline, byline, date, breadcrumb and captions
 * are read around and inside it. Measured on the dev corpus by bench/text-dump.ts. `scoreLines` is the shipped
 * line model except when scripts/train-text-lines.ts scores a model it is cross-validating.
 */
export function parseTextDump(text: string, scoreLines: LineScorer = contentScores): Extracted {
  const lines = classifyLines(dumpLines(text));
  if (isCleanCopy(lines)) return parseCleanCopy(lines);
  const region = articleRegion(lines);
  const [start, end] = region ?? [lines.length, lines.length];

  const used = new Set<number>();
  const captions: Caption[] = [];
  let breadcrumb: string[] | undefined;
  let publishedAt: string | undefined;
  let authors: string[] = [];

  // Breadcrumb: the nearest trail above the article.
  for (let i = start - 1; i >= 0 && !breadcrumb; i--) {
    const crumbs = parseBreadcrumbLine(lines[i]!.text);
    if (crumbs) {
      breadcrumb = crumbs;
      used.add(i);
    }
  }

  const metaLines = new Set<number>();
  const meta = (i: number): boolean => {
    const t = lines[i]!.text;
    const date = dateLine(t);
    if (date) publishedAt ??= date;
    const byline = date ? postedAuthors(t) : bylineLine(t);
    if (byline && authors.length === 0) authors = byline;
    if (!date && !byline) return false;
    metaLines.add(i);
    return true;
  };
  const isMetaLine = (i: number): boolean =>
    !!dateLine(lines[i]!.text) || !!bylineLine(lines[i]!.text) || !!asCaption(lines[i]!.text);
  let { title, titleIndex } = findTitle(
    lines,
    start,
    (i) => used.has(i) || isMetaLine(i) || !!creditOnly(lines[i]!.text),
  );

  // The headline can open the region itself when nothing above it looks like one.
  let bodyStart = start;
  const first = lines[start];
  if (!title && first && looksLikeTitle(first.text) && !endsLikeSentence(first.text) && start + 1 < end) {
    title = first.text;
    titleIndex = start;
    bodyStart = start + 1;
  }

  // Header zone (headline to article) and the article: captions, credits, bylines and dates come out.
  const zoneStart = titleIndex >= 0 ? titleIndex + 1 : Math.max(0, start - META_ZONE);
  for (let i = zoneStart; i < end; i++) {
    if (used.has(i) || i === titleIndex) continue;
    const t = lines[i]!.text;
    if (i < bodyStart + META_ZONE && meta(i)) {
      used.add(i);
      continue;
    }
    const credit = creditOnly(t);
    if (credit) {
      used.add(i);
      const prev = lines[i - 1];
      // The caption is the line right above the credit in the same block; across a blank line it is body text.
      const own = prev && !lines[i]!.gapBefore && i - 1 >= zoneStart && !used.has(i - 1);
      if (prev && own && roughWordCount(prev.text) <= MAX_CAPTION_WORDS) {
        used.add(i - 1);
        const idx = captions.findIndex((c) => c.text === prev.text);
        if (idx >= 0) captions.splice(idx, 1);
        captions.push({ text: prev.text, credit });
      }
      continue;
    }
    const caption = asCaption(t);
    if (caption) {
      used.add(i);
      captions.push(caption);
    }
  }

  const inProse = sandwiched(lines);
  const subtitle = findSubtitle(lines, titleIndex, end, used, metaLines);

  // Which lines are the article is the line model's call, anywhere below the headline: lists set apart from
  // the method, subheadings and short paragraphs are kept with the story, teasers and bios around it are not.
  const scores = scoreLines(lines, region, inProse);
  const at: number[] = [];
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const inRegion = i >= bodyStart && i < end;
    const l = lines[i]!;
    const sure = inRegion && inProse[i]!;
    const prose = l.own === 'good' || l.own === 'near' || (l.own !== 'bad' && isSentence(l.text));
    const bar = inRegion && prose ? REGION_PROSE_BAR : 0;
    if ((sure || scores[i]! > bar) && !used.has(i) && l.text !== title) at.push(i);
  }
  // The model learnt pages; a story with nothing of a page around it (a headline and a paragraph) can score
  // low everywhere. The region is then the article: its prose lines stay rather than an empty body.
  if (at.length === 0)
    for (let i = bodyStart; i < end; i++)
      if (!used.has(i) && lines[i]!.own !== 'bad' && isProse(lines[i]!.text) && lines[i]!.text !== title)
        at.push(i);
  // A trailing line that is neither prose nor part of a list is a leftover of the page's footer.
  while (at.length > 1 && !isProse(lines[at.at(-1)!]!.text) && lines[at.at(-1)!]!.gapBefore) at.pop();
  const bodyLines = at.map((i) => lines[i]!);

  const blocks = toBlocks(bodyLines, at);
  const paragraphs = blocks ? blocks.map((b) => b.text) : bodyLines.map((l) => l.text);
  if (!title && paragraphs.length > 0) title = titleFromProse(paragraphs[0]!);
  const section = breadcrumb ? sectionFromBreadcrumb(breadcrumb, title) : undefined;
  return {
    title: normalizeSpace(title),
    ...(subtitle ? { subtitle } : {}),
    paragraphs,
    ...(blocks ? { blocks } : {}),
    captions,
    breadcrumb,
    section,
    authors,
    publishedAt,
  };
}
