/**
 * One page per page of each topic list (collections.topicPages, from _config/indexes.ts).
 * It lists stories, so it declares them: incremental rebuilds refresh it.
 */
import type { ListingPage } from "../_config/indexes.ts";
import { topicPath } from "../_config/urls.ts";

export const data = {
  layout: "topic.11ty.tsx",
  pagination: { data: "collections.topicPages", size: 1, alias: "listing" },
  permalink: (data: { listing: ListingPage }) => topicPath(data.listing.key, data.listing.pageNumber),
  eleventyImport: { collections: ["articles", "topicPages"] },
};

export default function render() {
  return "";
}
