/** The archive index (collections.archiveIndex). It lists stories' counts, so it rebuilds when one changes. */
import { indexTemplate } from "../_config/listing.ts";
import { archiveIndexPath } from "../_config/urls.ts";

export const data = indexTemplate("archive-index", archiveIndexPath(), "archiveIndex");

export default function render() {
  return "";
}
