/** The archive index (collections.archiveIndex). It lists stories' counts, so it rebuilds when one changes. */
import { archiveIndexPath } from "../_config/urls.ts";

export const data = {
  layout: "archive-index.11ty.tsx",
  permalink: archiveIndexPath(),
  eleventyImport: { collections: ["articles", "archiveIndex"] },
};

export default function render() {
  return "";
}
