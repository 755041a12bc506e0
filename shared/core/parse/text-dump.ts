import type { Caption } from '../article';
import { isBoilerplate, isProse, trimTrailingFooter } from './boilerplate';
import { parseBreadcrumbLine, sectionFromBreadcrumb } from './breadcrumb';
import { parseByline } from './byline';
import { asCaption } from './captions';
import { parseDateLine } from './dates';
import { countWords, endsLikeSentence, normalizeSpace } from './text-util';
import type { Extracted } from './types';

const HARD_WRAP_MAX = 100;

/**
 * Blank lines separate paragraphs. Inside a block, copied web text puts one paragraph per line, but
 * hard-wrapped text (mail, wire copy) breaks lines near a fixed width: there a line that fills the width
 * continues on the next one, and a short line ends its paragraph.
 */
export function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0\u3000]*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => normalizeSpace(l))
      .filter(Boolean);
    if (lines.length === 0) continue;
    const maxLen = Math.max(...lines.map((l) => l.length));
    const wrapped = lines.length >= 2 && maxLen <= HARD_WRAP_MAX && maxLen >= 50;
    let current = '';
    for (const line of lines) {
      current = current ? `${current} ${line}` : line;
      if (!wrapped || line.length < maxLen * 0.6) {
        out.push(current);
        current = '';
      }
    }
    if (current) out.push(current);
  }
  return out;
}

const TITLE_MAX_WORDS = 30;

/** Headline-shaped: a few words, not a paragraph of prose, not a lead-in to a list. */
function looksLikeTitle(p: string): boolean {
  const words = countWords(p);
  if (words < 3 || words > TITLE_MAX_WORDS || p.length > 250 || /:$/.test(p)) return false;
  // Two sentences, or one long full-stopped sentence, is a lead paragraph rather than a headline.
  if (/\p{Ll}{2,}[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(p)) return false;
  return !(endsLikeSentence(p) && words > 15);
}

/** When the dump has no headline line, the first sentence of the lead stands in, cut at a word boundary. */
export function titleFromProse(p: string): string {
  const sentence = /^.{10,}?[.!?。！？](?=\s|$)/u.exec(p)?.[0] ?? p;
  if (sentence.length <= 120) return sentence;
  return `${sentence.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}

/** Where datelines and bylines sit: between the headline and the first few paragraphs. */
const META_ZONE = 3;

export function parseTextDump(text: string): Extracted {
  const paras = splitParagraphs(text);
  const captions: Caption[] = [];
  const body: string[] = [];
  let breadcrumb: string[] | undefined;
  let title = '';
  let publishedAt: string | undefined;
  let authors: string[] = [];

  const takeMeta = (p: string): boolean => {
    const date = parseDateLine(p);
    if (date) {
      publishedAt ??= date;
      return true;
    }
    const byline = parseByline(p);
    if (byline) {
      if (authors.length === 0) authors = byline;
      return true;
    }
    return false;
  };

  let i = 0;
  // Header zone: navigation, breadcrumb, kicker words, dateline and captions of the lead photo come before
  // the headline. The first headline-shaped line ends it; a prose line means there is no headline line.
  for (; i < paras.length && !title; i++) {
    const p = paras[i]!;
    if (isBoilerplate(p)) continue;
    const crumbs = parseBreadcrumbLine(p);
    if (crumbs) {
      breadcrumb ??= crumbs;
      continue;
    }
    if (takeMeta(p)) continue;
    const caption = asCaption(p);
    if (caption) {
      captions.push(caption);
      continue;
    }
    if (looksLikeTitle(p)) title = p;
    else if (isProse(p)) break;
  }

  const bodyStart = i;
  for (; i < paras.length; i++) {
    const p = paras[i]!;
    if (isBoilerplate(p)) continue;
    const caption = asCaption(p);
    if (caption) {
      captions.push(caption);
      continue;
    }
    if (body.length === 0 && i - bodyStart < META_ZONE && takeMeta(p)) continue;
    body.push(p);
  }

  const paragraphs = trimTrailingFooter(body);
  if (!title && paragraphs.length > 0) title = titleFromProse(paragraphs[0]!);
  const section = breadcrumb ? sectionFromBreadcrumb(breadcrumb, title) : undefined;
  return { title: normalizeSpace(title), paragraphs, captions, breadcrumb, section, authors, publishedAt };
}
