/*
 * linkedom ships its types for the ESM entry only, so a static import from this CommonJS package fails to
 * type-check (TS1479) although require() resolves to its CJS build at run time.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => unknown };

/**
 * The slice of the DOM that extraction uses. The project compiles without the DOM lib (this is server code),
 * so linkedom's and Readability's declarations resolve to `any`; these keep our side typed.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

export function parseDom(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

export const all = (root: DomDocument | DomElement, selector: string): DomElement[] => {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    // linkedom's selector engine rejects some syntax; a missing optional cue is not worth failing the parse.
    return [];
  }
};

export const first = (root: DomDocument | DomElement, selector: string): DomElement | undefined =>
  all(root, selector)[0];

export const attr = (root: DomDocument | DomElement, selector: string, name: string): string | undefined => {
  for (const el of all(root, selector)) {
    const v = el.getAttribute(name)?.trim();
    if (v) return v;
  }
  return undefined;
};
