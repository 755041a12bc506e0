import { elements, type Element } from '../dom';

/** Per-element text measures, computed bottom-up in one pass so no scoring step re-walks a subtree. */
export interface Stats {
  /** Characters of whitespace-collapsed text in the subtree. */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Commas (Latin, CJK and Arabic) in the subtree: a cheap signal of sentences. */
  commas: number;
  /** Paragraph-like descendants (p, pre, blockquote) with real text. */
  paras: number;
}

const COMMAS = /[,，、،]/g;

export const collapsedLength = (s: string): number => {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
};

/** `reuse`: the map from an earlier pass, whose entries are reset rather than reallocated (big pages). */
export function computeStats(root: Element, reuse?: Map<Element, Stats>): Map<Element, Stats> {
  const order = elements(root);
  const stats = new Map<Element, Stats>();
  for (const el of order) {
    const old = reuse?.get(el);
    if (old) {
      old.text = old.link = old.commas = old.paras = 0;
      stats.set(el, old);
    } else stats.set(el, { text: 0, link: 0, commas: 0, paras: 0 });
  }
  reuse?.clear();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const s = stats.get(el)!;
    for (const c of el.children) {
      if (typeof c === 'string') {
        s.text += collapsedLength(c);
        const m = c.match(COMMAS);
        if (m) s.commas += m.length;
      } else {
        const cs = stats.get(c);
        if (!cs) continue;
        s.text += cs.text;
        s.link += cs.link;
        s.commas += cs.commas;
        s.paras += cs.paras;
      }
    }
    if (el.tag === 'a') s.link = s.text;
    if ((el.tag === 'p' || el.tag === 'pre' || el.tag === 'blockquote') && s.text >= 40) s.paras++;
  }
  return stats;
}

export const linkDensity = (s: Stats | undefined): number => (s && s.text ? s.link / s.text : 0);
