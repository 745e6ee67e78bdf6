/** The corrections column: one page per page of collections.correctionPages (_config/site/corrections.ts). */
import type { CorrectionsPage } from "../_config/site/index.ts";
import { correctionsPath } from "../_config/content/index.ts";

// Aliased `corrections`, not `listing`: the dev loop's incremental planner (dev/incremental.ts)
// skips unchanged story lists by their `listing`; this page lists corrections, so it always renders.
export const data = {
  layout: "corrections.11ty.tsx",
  pagination: { data: "collections.correctionPages", size: 1, alias: "corrections" },
  permalink: (data: { corrections: CorrectionsPage }) => correctionsPath(data.corrections.pageNumber),
  eleventyImport: { collections: ["articles", "correctionPages"] },
};

export default function render() {
  return "";
}
