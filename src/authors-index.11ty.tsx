/** The authors index (collections.authorsIndex). It lists stories' counts, so it rebuilds when one changes. */
import { authorsIndexPath } from "../_config/urls.ts";

export const data = {
  layout: "authors-index.11ty.tsx",
  permalink: authorsIndexPath(),
  eleventyImport: { collections: ["articles", "authorsIndex"] },
};

export default function render() {
  return "";
}
