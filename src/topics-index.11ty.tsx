/** The topics index (collections.topicsIndex). It lists stories' counts, so it rebuilds when one changes. */
import { topicsIndexPath } from "../_config/urls.ts";

export const data = {
  layout: "topics-index.11ty.tsx",
  permalink: topicsIndexPath(),
  eleventyImport: { collections: ["articles", "topicsIndex"] },
};

export default function render() {
  return "";
}
