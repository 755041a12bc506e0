import type { Block } from '../../article';
import { isBoilerplate, isProse } from '../boilerplate';
import { parseByline } from '../byline';
import { parseDateLine } from '../dates';
import { endsLikeSentence } from '../text-util';

export interface Filtered {
  blocks: Block[];
  textLength: number;
  /** Byline lines taken out of the top of the text. */
  bylines: string[];
  /** A dateline taken out of the top of the text, as ISO 8601. */
  dateline?: string;
}

/** Lists, code and quotes end articles legitimately without a full stop. */
const KEEP_AT_END = new Set<Block['kind']>(['list-item', 'preformatted', 'quote']);

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Furniture lines in the languages of the evaluation set and beyond: "read also" teasers, comment and share
 * prompts, credit labels, "advertisement". Only short lines are tested, and only at their start. Single
 * common words ("Source", "Quelle", "Fotos") count only as a label (followed by a colon) or alone.
 */
const JUNK_LABEL = new RegExp(
  '^[*•–-]?\\s*(?:' +
    [
      'advertisement|sponsored|comments?|source|sources|credits?|photos?|photograph|image|images|updated|published|posted|tags|topics|contact|share',
      'anzeige|werbung|kommentare?|kommentieren|teilen|drucken|quellen?|quellenangaben|bildquellen?|fotos?|bilder?|titelbild|beitragsbild|aktualisiert|veröffentlicht|stand|kontakt|telefon|tel\\.|fax|themen|schlagworte|stichworte|zusatzinformationen|inhaltsverzeichnis|lexikon|weiterlesen',
      'partager|mira|fonte|bron|źródło|udostępnij|więcej|condividi',
    ].join('|') +
    ')\\s*(?:[:：.!?…»›>|\\]]|$)',
  'iu',
);
const JUNK_LEAD = new RegExp(
  '^[*•–-]?\\s*(?:' +
    [
      'read (?:more|also|next)|see also|related (?:articles?|stories|posts|content|news)|more (?:on|from|about) this|recommended for you|you (?:may|might) also like|leave a (?:comment|reply)|no comments|share (?:this|on)|follow us|sign up|subscribe|image (?:credit|source)|filed under|about the author|table of contents|never miss|don.t miss|last (?:updated|modified)',
      'mehr (?:zum thema|zu(?:m)?|aus|dazu|lesen|erfahren|infos?|informationen)|lesen sie (?:auch|mehr|hier|dazu)|das könnte (?:sie|dich) (?:auch )?interessieren|auch interessant|schon gelesen|weitere (?:artikel|beiträge|informationen|infos|news|themen|links|meldungen)|zum (?:thema|weiterlesen)|passend zum thema|verwandte (?:artikel|themen)|ähnliche (?:artikel|beiträge)|keine kommentare|über den autor|über die autorin|artikel teilen|jetzt teilen|nach oben|lust auf mehr|erschienen (?:am|in)|aktualisiert am|zuletzt aktualisiert|alle angaben ohne gewähr|sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)|bitte (?:registrieren|loggen|melden) sie sich',
      'lire (?:aussi|également|la suite)|à lire aussi|a lire aussi|voir aussi|sur le même sujet|crédits? photos?|abonnez-vous|lee (?:también|más)|lea también|te puede interesar|le puede interesar|ver (?:también|más)|síguenos|siguenos|únete|suscríbete|noticias relacionadas|relacionad[oa]s|leia (?:também|mais)|veja também|leggi anche|potrebbe interessarti|lees (?:ook|meer)|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|dowiedz się więcej',
    ].join('|') +
    ')',
  'iu',
);

/** A line that is only a date and/or time: "03.04.2020", "3:59 PM", "27.01.2022, 14:05 Uhr". */
const DATE_ONLY =
  /^[\s(|•·-]*(?:(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?)[\s,|•·-]*){1,3}[)]?$/i;

function isJunkLine(t: string): boolean {
  if (t.length > 160) return false;
  if (DATE_ONLY.test(t)) return true;
  if (t.length <= 60 && parseDateLine(t)) return true;
  return (JUNK_LABEL.test(t) || JUNK_LEAD.test(t)) && t.split(/\s+/).length <= 20;
}

/** Share of a block's text that is link text. */
const linkShare = (b: Block): number => {
  if (!b.links?.length || !b.text) return 0;
  return Math.min(1, b.links.reduce((n, l) => n + l.text.length, 0) / b.text.length);
};

/**
 * Line-level cleanup of the extracted blocks: furniture lines (share, "Read more", copyright), the headline
 * repeated, bylines and datelines at the top (they are metadata), and link-only lines. With `proseOnly`
 * (the whole-page fallback) only prose-like blocks survive, jusText-style: long, few links, or short but
 * sitting between prose blocks.
 */
/**
 * A heading or a lead-in line ("More on this:") introduces what follows, so it goes when what followed was
 * removed as debris, or when nothing follows at all. Questions and sentences are real subheads and stay.
 */
const isLeadIn = (b: Block): boolean =>
  (b.kind === 'heading' && !/[?!.]["'”’»)]*$/.test(b.text) && b.text.length <= 100) ||
  (b.text.length <= 80 && /[:：]\s*$/.test(b.text));

export function filterBlocks(
  blocks: Block[],
  title: string,
  opts: { proseOnly?: boolean; gaps?: Set<number>; authors?: readonly string[] } = {},
): Filtered {
  const gaps = opts.gaps ?? new Set<number>();
  const orphan = new Set<number>();
  for (let i = blocks.length - 1; i >= 0 && isLeadIn(blocks[i]!); i--) orphan.add(i);
  for (const [i, b] of blocks.entries()) if (gaps.has(i + 1) && isLeadIn(b)) orphan.add(i);
  const titleKey = fold(title);
  // A line that is only the author's name (with "By"/"Von"/"Autor:" at most) is a byline wherever it sits.
  const authorKeys = new Set((opts.authors ?? []).map(fold).filter((k) => k.length >= 5));
  const isAuthorLine = (t: string): boolean =>
    t.length <= 80 &&
    authorKeys.size > 0 &&
    authorKeys.has(
      fold(t.replace(/^(?:by|von|par|por|door|di|av|autor(?:in)?|author|text|fotos?)\s*:?\s+/i, '')),
    );
  const out: Block[] = [];
  const bylines: string[] = [];
  let dateline: string | undefined;
  for (const [i, b] of blocks.entries()) {
    if (orphan.has(i)) continue;
    const t = b.text;
    // Bylines and datelines at the top are metadata: read them before they are dropped as furniture.
    if (out.length < 3 && t.length < 120) {
      const names = parseByline(t);
      if (names) {
        bylines.push(...names);
        continue;
      }
      const d = parseDateLine(t);
      if (d) {
        dateline ??= d;
        continue;
      }
    }
    if (b.kind !== 'preformatted' && (isBoilerplate(t) || isJunkLine(t) || isAuthorLine(t))) continue;
    if (titleKey && fold(t) === titleKey && out.length < 3) continue;
    const ls = linkShare(b);
    if (ls > 0.8 && t.length < 150 && b.kind !== 'heading') continue;
    out.push(b);
  }
  let kept = out;
  if (opts.proseOnly) {
    const good = out.map(
      (b) => b.text.length >= 80 && linkShare(b) < 0.3 && (endsLikeSentence(b.text) || b.text.length > 200),
    );
    kept = out.filter(
      (_, i) =>
        good[i] ||
        (good.slice(0, i).includes(true) && good.slice(i + 1).includes(true) && linkShare(out[i]!) < 0.3),
    );
  }
  // The tail after the last prose paragraph is usually furniture: station names, contacts, tag lines.
  let end = kept.length;
  while (end > 1 && !isProse(kept[end - 1]!.text) && !KEEP_AT_END.has(kept[end - 1]!.kind)) end--;
  if (end < kept.length && kept.slice(0, end).some((b) => isProse(b.text))) kept = kept.slice(0, end);
  return { blocks: kept, textLength: kept.reduce((n, b) => n + b.text.length, 0), bylines, dateline };
}
