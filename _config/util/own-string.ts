/**
 * A string the build keeps for long (a page's sitemap head, a link target, an id) must
 * not be a cut of a page: V8 represents a substring, a regular expression's match and an
 * HTML parser's attribute value as a *slice* of the string it was cut from (or a
 * concatenation holding that slice), and a kept slice keeps the whole page alive. At
 * 20,000 stories that was every list page's HTML in the main thread (each kept by its
 * sitemap head) and most pages in the link check's worker (kept by their ids and link
 * targets): docs/performance.md, section 30.
 */

/**
 * The same text in memory of its own. A JSON round trip: exact for every string, lone
 * surrogates included (JSON.stringify escapes them, JSON.parse restores them), and the
 * result shares nothing with `text`'s parent. Short strings are already copies.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
