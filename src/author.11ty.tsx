/** One page per page of each author's stories (collections.authorPages, from _config/site/indexes.ts). */
import { listingTemplate } from "../_config/site/index.ts";
import { authorPath } from "../_config/content/index.ts";

export const data = listingTemplate("author", authorPath);

export default function render() {
  return "";
}
