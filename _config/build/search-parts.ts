/**
 * How the search index is cut into parts (docs/performance.md, "Search at scale"):
 * each searchable page goes to a part by its publication date, read from the page's
 * own bytes. Past years are one part each; the year of the newest story is split by
 * month, so a publish re-indexes only the current month. Pages without a date go to
 * their own part. Decided from the content, never from the clock.
 */
import { Parser } from "htmlparser2";

/** The part of pages that carry no publication date. */
export const UNDATED_PART = "undated";
/** The one part of a site with no searchable page (an empty index, so the search page still loads). */
export const EMPTY_PART = "empty";

/**
 * The publication month ("2024-05") of a story page: the `datetime` of the first
 * `<time>` that is Pagefind's `date` metadata (`data-pagefind-meta="date"`, the
 * byline's "Published"), as written in the site's time zone. Undefined when there is
 * none. The page is parsed only up to that element.
 */
export function publishedMonth(html: string): string | undefined {
  let found: string | undefined;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (done || name !== "time" || !isDateMeta(attribs["data-pagefind-meta"])) return;
        done = true;
        const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-|$)/.exec((attribs.datetime ?? "").trim());
        if (m) found = `${m[1]}-${m[2]}`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const CHUNK = 8192;
  for (let at = 0; at < html.length && !done; at += CHUNK) parser.write(html.slice(at, at + CHUNK));
  if (!done) parser.end();
  return found;
}

/** `data-pagefind-meta` names the `date` key: "date", "date:…", "date[datetime]", or one of a comma-separated list. */
function isDateMeta(value: string | undefined): boolean {
  return value !== undefined && value.split(",").some((m) => /^\s*date\s*(?:$|[:[])/.test(m));
}

export interface SearchablePage {
  /** site path of the file ("/world/x/index.html") */
  file: string;
  /** SHA-256 of its bytes */
  hash: string;
  /** "2024-05", from `publishedMonth` */
  month?: string;
}

export interface SearchPart {
  /** "2023" (a past year), "2026-11" (a month of the newest story's year), "undated", or "empty" */
  name: string;
  /** sorted by path */
  pages: SearchablePage[];
}

/**
 * The parts, newest first (the newest month first, then the older months of that
 * year, then past years, then the undated part); each part's pages sorted by path.
 * No page at all: the one empty part.
 */
export function assignParts(pages: readonly SearchablePage[]): SearchPart[] {
  if (pages.length === 0) return [{ name: EMPTY_PART, pages: [] }];
  const years = pages.flatMap((p) => (p.month ? [p.month.slice(0, 4)] : []));
  const newest = years.reduce<string | undefined>((a, y) => (a === undefined || y > a ? y : a), undefined);
  const parts = new Map<string, SearchablePage[]>();
  for (const page of pages) {
    const name = !page.month ? UNDATED_PART : page.month.startsWith(`${newest}-`) ? page.month : page.month.slice(0, 4);
    parts.set(name, [...(parts.get(name) ?? []), page]);
  }
  return [...parts]
    .map(([name, list]) => ({ name, pages: list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) }))
    .sort((a, b) => partOrder(a.name, b.name));
}

/** Newest first; "2026-11" before "2026-02" before "2025"; undated last. */
function partOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED_PART) return 1;
  if (b === UNDATED_PART) return -1;
  return a > b ? -1 : 1;
}

/** The folder of a part's bundle inside the search folder (`<out>/pagefind/`). */
export const partFolder = (name: string): string => `parts/${name}/`;

/** The site URL Pagefind gives a page, as `addDirectory` would: "/world/x/index.html" → "/world/x/". */
export const pageUrl = (file: string): string => file.replace(/(^|\/)index\.html$/, "$1");

/** `parts.json`: the parts' bundles (relative to the search folder), newest first; the first is the primary index. */
export function partsFile(parts: readonly SearchPart[]): string {
  return `${JSON.stringify({ parts: parts.map((p) => ({ name: p.name, bundle: partFolder(p.name), pages: p.pages.length })) }, null, 2)}\n`;
}
