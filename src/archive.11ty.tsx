/**
 * One page per page of each archive list (collections.archivePages, from _config/indexes.ts).
 * It lists stories, so it declares them: incremental rebuilds refresh it.
 */
import type { ListingPage } from "../_config/indexes.ts";
import { archivePath } from "../_config/urls.ts";

export const data = {
  layout: "archive.11ty.tsx",
  pagination: { data: "collections.archivePages", size: 1, alias: "listing" },
  permalink: (data: { listing: ListingPage }) => archivePath(data.listing.key, data.listing.pageNumber),
  eleventyImport: { collections: ["articles", "archivePages"] },
};

export default function render() {
  return "";
}
