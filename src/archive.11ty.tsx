/** One page per page of each monthly archive (collections.archivePages, from _config/site/indexes.ts). */
import { listingTemplate } from "../_config/site/index.ts";
import { archivePath } from "../_config/content/index.ts";

export const data = listingTemplate("archive", archivePath);

export default function render() {
  return "";
}
