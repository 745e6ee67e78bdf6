/** One page per page of each section list (collections.sectionPages, from _config/site/indexes.ts). */
import { listingTemplate } from "../_config/site/index.ts";
import { sectionPath } from "../_config/content/index.ts";

export const data = listingTemplate("section", sectionPath);

export default function render() {
  return "";
}
