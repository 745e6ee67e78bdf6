/** The corrections column: one page per page of collections.correctionPages (_config/site/corrections.ts). */
import type { CorrectionsPage } from "../_config/site/index.ts";
import { correctionsPath } from "../_config/content/index.ts";

export const data = {
  layout: "corrections.11ty.tsx",
  pagination: { data: "collections.correctionPages", size: 1, alias: "listing" },
  permalink: (data: { listing: CorrectionsPage }) => correctionsPath(data.listing.pageNumber),
  eleventyImport: { collections: ["articles", "correctionPages"] },
};

export default function render() {
  return "";
}
