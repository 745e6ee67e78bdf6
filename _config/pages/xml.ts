/**
 * The one way feeds and sitemaps write XML: a tiny element builder in which every
 * text node and attribute value goes through `escapeHtml` (whose five entities are
 * all valid XML), and characters XML 1.0 forbids are dropped. We chose this over an
 * XML library because the documents are small and flat, the escaping rule is one
 * line to audit, and it adds no runtime dependency; the tests parse every document
 * with a real XML parser and a real feed parser.
 */
import { escapeHtml } from "../markdown/index.ts";

/** Markup that is already XML (made by `el`), as opposed to text to escape. */
export class Xml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type XmlChild = Xml | string | number | null | undefined | false | XmlChild[];
export type XmlAttrs = Record<string, string | number | null | undefined | false>;

// XML 1.0 Char production: tab, newline, carriage return, and U+0020 upward, minus
// surrogate halves (lone ones) and U+FFFE/U+FFFF.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data: escaped, and without characters XML cannot carry. */
export function xmlText(text: string): string {
  return escapeHtml(text.replace(INVALID_XML, ""));
}

function children(list: XmlChild[]): string {
  return list
    .map((c) => {
      if (c === null || c === undefined || c === false) return "";
      if (Array.isArray(c)) return children(c);
      if (c instanceof Xml) return c.markup;
      return xmlText(String(c));
    })
    .join("");
}

/** An element: `el("title", { type: "text" }, headline)`; attributes that are null/false are left out. */
export function el(name: string, attrs: XmlAttrs | null, ...content: XmlChild[]): Xml {
  const attributes = Object.entries(attrs ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join("");
  const inner = children(content);
  return new Xml(inner ? `<${name}${attributes}>${inner}</${name}>` : `<${name}${attributes}/>`);
}

/** A whole document: declaration, then the root element, then a newline. */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.markup}\n`;
}
