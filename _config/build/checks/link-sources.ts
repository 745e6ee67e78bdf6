/**
 * The site's own URLs in what the build writes besides HTML attributes: JSON-LD blocks,
 * Atom feeds and sitemaps (XML), the JSON Feed, and `_headers`. Each is read as text
 * and every absolute URL on the site's origin is handed to the link check, so a logo,
 * icon or `@id` pointing at a file the build did not write fails the build.
 */

export interface Ref {
  file: string;
  url: string;
  what: string;
  /** a JSON-LD node identifier (`…/#organization`): the page must exist, the fragment need not */
  noFragment?: boolean;
  /** a folder (a `_headers` pattern `/assets/*`): some file of the build must lie in it */
  folder?: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every URL on `origin` inside a text (stops at quotes, brackets, spaces and `&`, which end a URL in HTML-in-XML). */
export function urlsOnOrigin(text: string, origin: string): string[] {
  const re = new RegExp(`${escapeRe(origin)}(?:/[^\\s"'<>&\\\\]*)?`, "g");
  return [...text.matchAll(re)].map((m) => m[0]);
}

/** Feeds and sitemaps: every URL on the site's origin (<loc>, <id>, <icon>, <uri>, href="", escaped body HTML). */
export function xmlRefs(xml: string, file: string, origin: string): Ref[] {
  const text = xml.replace(/&amp;(?!quot;|lt;|gt;|#)/g, "&");
  return urlsOnOrigin(text, origin).map((url) => ({ file, url, what: "XML link" }));
}

/** Walks parsed JSON: every string value holding URLs on the site's origin. */
function jsonStrings(value: unknown, key: string, visit: (text: string, key: string) => void): void {
  if (typeof value === "string") visit(value, key);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, key, visit);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) jsonStrings(v, k, visit);
}

/** A JSON document (the JSON Feed, a JSON-LD block): its URLs on the site's origin, or a finding if it does not parse. */
export function jsonRefs(json: string, file: string, origin: string, what: string): { refs: Ref[]; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { refs: [], problem: `${what} does not parse as JSON: ${(e as Error).message}` };
  }
  const refs: Ref[] = [];
  jsonStrings(data, "", (text, key) => {
    for (const url of urlsOnOrigin(text, origin)) refs.push({ file, url, what: `${what} ${key || "value"}`, noFragment: key === "@id" });
  });
  return { refs };
}

/**
 * `_headers` rules (Netlify / Cloudflare Pages): a rule's path is a URL pattern; its
 * literal part must lie inside the site (its path prefix), and a pattern without `*`
 * must name a file of the build.
 */
export function headersRefs(text: string, file: string, origin: string): Ref[] {
  const refs: Ref[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || /^\s/.test(line) || line.trim().startsWith("#")) continue;
    const pattern = line.trim();
    const star = pattern.indexOf("*");
    if (star < 0) refs.push({ file, url: origin + pattern, what: "_headers rule" });
    else if (star > 1) refs.push({ file, url: origin + pattern.slice(0, star), what: "_headers rule", folder: true });
  }
  return refs;
}
