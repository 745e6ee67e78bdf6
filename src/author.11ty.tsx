/**
 * One page per page of each author list (collections.authorPages, from _config/indexes.ts).
 * It lists stories, so it declares them: incremental rebuilds refresh it.
 */
import type { ListingPage } from "../_config/indexes.ts";
import { authorPath } from "../_config/urls.ts";

export const data = {
  layout: "author.11ty.tsx",
  pagination: { data: "collections.authorPages", size: 1, alias: "listing" },
  permalink: (data: { listing: ListingPage }) => authorPath(data.listing.key, data.listing.pageNumber),
  eleventyImport: { collections: ["articles", "authorPages"] },
};

export default function render() {
  return "";
}
