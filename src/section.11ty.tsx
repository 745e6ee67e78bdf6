/**
 * One page per page of each section list (collections.sectionPages, from _config/indexes.ts).
 * It lists stories, so it declares them: incremental rebuilds refresh it.
 */
import type { ListingPage } from "../_config/indexes.ts";
import { sectionPath } from "../_config/urls.ts";

export const data = {
  layout: "section.11ty.tsx",
  pagination: { data: "collections.sectionPages", size: 1, alias: "listing" },
  permalink: (data: { listing: ListingPage }) => sectionPath(data.listing.key, data.listing.pageNumber),
  eleventyImport: { collections: ["articles", "sectionPages"] },
};

export default function render() {
  return "";
}
