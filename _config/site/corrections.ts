/**
 * The corrections column (/corrections/): every correction of every public story,
 * newest first, cut into pages like the other lists, and the entries of its Atom feed.
 */
import { correctionsPath, correctionsView, type CorrectionView } from "../content/index.ts";
import type { SiteData } from "../content/index.ts";
import { paginateList } from "./listing.ts";
import type { ArticleItem, CorrectionEntry, CorrectionsPage } from "./types.ts";

/** Every correction of the given (public) stories, newest first; a tie goes by story URL, then order. */
export function correctionEntries(articles: ArticleItem[], site: Pick<SiteData, "timezone" | "dateStyle">): CorrectionEntry[] {
  const entries: CorrectionEntry[] = [];
  for (const item of articles) {
    if (!item.data.corrections?.length) continue;
    for (const correction of correctionsView(item.data.corrections, site.timezone, site.dateStyle)) entries.push({ item, correction });
  }
  return entries.sort(
    (a, b) =>
      b.correction.date.toMillis() - a.correction.date.toMillis() ||
      String(a.item.url).localeCompare(String(b.item.url)) ||
      a.correction.id.localeCompare(b.correction.id, "en", { numeric: true }),
  );
}

export const CORRECTIONS_TITLE = "Corrections";

/** The corrections column's pages (page 1 even when there is nothing to correct). */
export function correctionPages(entries: CorrectionEntry[], site: Pick<SiteData, "pageSize">): CorrectionsPage[] {
  const head = { type: "corrections" as const, key: "corrections", title: CORRECTIONS_TITLE, description: "Every correction and clarification we have published, newest first, each linking to its story." };
  return paginateList(head, entries, site.pageSize, correctionsPath);
}

export type { CorrectionEntry, CorrectionsPage, CorrectionView };
