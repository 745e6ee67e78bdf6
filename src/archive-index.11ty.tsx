/** The archive index (collections.archiveIndex). It lists stories' counts, so it rebuilds when one changes. */
import { indexTemplate } from "../_config/site/index.ts";
import { archiveIndexPath } from "../_config/content/index.ts";

export const data = indexTemplate("archive-index", archiveIndexPath(), "archiveIndex");

export default function render() {
  return "";
}
