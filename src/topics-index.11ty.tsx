/** The topics index (collections.topicsIndex). It lists stories' counts, so it rebuilds when one changes. */
import { indexTemplate } from "../_config/listing.ts";
import { topicsIndexPath } from "../_config/urls.ts";

export const data = indexTemplate("topics-index", topicsIndexPath(), "topicsIndex");

export default function render() {
  return "";
}
