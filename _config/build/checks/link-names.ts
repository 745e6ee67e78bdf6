/**
 * Which references of a page taken unchanged from the last build must be resolved again:
 * one can only fail now if its target is gone or lost an id, so only where the last
 * segment of its URL could name such a file (`mayTarget`). The memo (link-memo.ts) keeps,
 * for each part, the names its pages' references could target (`refKeys`), so that it
 * reads only the parts one of this build's gone names could hit.
 */
import { candidateFiles, urlOfFile } from "./files.ts";
import type { Ref } from "./link-sources.ts";

/**
 * The last URL segments that could name one of `files` ("/world/x/index.html": "index.html",
 * "index", "x", "x/"; "/img/a.jpg": "a.jpg", "a"; the root page: "/"), raw and decoded.
 */
export function targetNames(files: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    const name = parts.at(-1) ?? "";
    names.add(name).add(name.replace(/\.[^.]*$/, ""));
    if (/^index\.html?$/.test(name)) {
      const folder = parts.at(-2) ?? "";
      names.add(folder).add(`${folder}/`);
    }
  }
  return names;
}

/**
 * The names a reference could target: a file named by one of them may be what it resolves
 * to (its last segment, with and without its slash, raw and decoded), or `true` when it
 * could resolve to any file (a URL ending in ".", "..", or nothing at all, or one that
 * does not decode).
 */
export function refKeys(url: string): string[] | true {
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/^\/\/[^/]*/, "").replace(/[?#].*$/s, "");
  const trimmed = bare.endsWith("/") ? bare.slice(0, -1) : bare;
  const last = trimmed.split("/").at(-1) ?? "";
  if (last === "" && !bare.startsWith("/")) return true; // "", "./", "#x": the page's own folder
  if (last === "." || last === "..") return true;
  const seg = bare.endsWith("/") ? `${last}/` : last;
  try {
    const keys = [seg, last, decodeURIComponent(seg), decodeURIComponent(last)];
    return keys.filter((k, i) => keys.indexOf(k) === i);
  } catch {
    return true;
  }
}

/** `refKeys`, remembered per URL: thousands of references share a few hundred URLs. */
export function refKeysMemo(): (url: string) => string[] | true {
  const keys = new Map<string, string[] | true>();
  return (url) => {
    let k = keys.get(url);
    if (k === undefined) keys.set(url, (k = refKeys(url)));
    return k;
  };
}

/** Whether a reference could resolve to a file named in `names` (conservative: see `refKeys`). */
export function mayTarget(url: string, names: Set<string>, keysOf: (url: string) => string[] | true = refKeys): boolean {
  const keys = keysOf(url);
  return keys === true || keys.some((k) => names.has(k));
}

/**
 * A name as the memo's filters keep it: one trailing slash dropped ("x/" and "x" are one
 * name there). A reference `mayTarget` lets through has a key whose filter name is that
 * of one of the names, so a filter of its keys' filter names, probed with the names'
 * filter names, misses none.
 */
export const filterName = (name: string) => (name.endsWith("/") ? name.slice(0, -1) : name);

/**
 * What the memo keeps of a page for later builds: the filter names of what its
 * references could target (added to `names`), and whether its references must be resolved again in every build
 * whatever is gone (the result), judged from its scan and its path alone: it has own
 * problems, or a reference that could resolve to any file. The one exception is a link to
 * an element of the page itself ("#main"): with a fragment-only URL of plain characters,
 * not a stylesheet or script, whose id is in the page (or "top", or a JSON-LD @id) and a
 * page whose own URL leads back to its file, it resolves to the page, present with the
 * same bytes, and passes in any build; its outcome is the same whatever else changed.
 */
export function pageNames(file: string, scan: { ids: string[]; refs: Omit<Ref, "file">[]; problems: string[] }, base: URL, names: Set<string>, keysOf: (url: string) => string[] | true = refKeys): boolean {
  let always = scan.problems.length > 0;
  let ids: Set<string> | undefined;
  let self: boolean | undefined;
  for (const ref of scan.refs) {
    const keys = keysOf(ref.url);
    if (keys !== true) {
      for (const key of keys) names.add(filterName(key));
      continue;
    }
    if (always) continue;
    const fragment = /^#([\w.~-]*)$/.exec(ref.url)?.[1];
    ids ??= new Set(scan.ids);
    const toItself = fragment !== undefined && !ref.what.startsWith("stylesheet") && !ref.what.startsWith("script") && (fragment === "" || fragment === "top" || ref.noFragment === true || ids.has(fragment));
    if (!toItself || !(self ??= leadsBack(file, base))) always = true;
  }
  return always;
}

/** Whether the URL of page `file` resolves, as the link check resolves it, to `file` first. */
function leadsBack(file: string, base: URL): boolean {
  try {
    const url = new URL("#", new URL(urlOfFile(file).slice(1), base));
    if (!url.pathname.startsWith(base.pathname)) return false;
    return candidateFiles(`/${url.pathname.slice(base.pathname.length)}`)[0] === file;
  } catch {
    return false;
  }
}
