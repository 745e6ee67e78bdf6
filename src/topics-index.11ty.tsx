/** The topics index (collections.topicsIndex). It lists stories' counts, so it rebuilds when one changes. */
import { indexTemplate } from "../_config/site/index.ts";
import { topicsIndexPath } from "../_config/content/index.ts";

export const data = indexTemplate("topics-index", topicsIndexPath(), "topicsIndex");

export default function render() {
  return "";
}
