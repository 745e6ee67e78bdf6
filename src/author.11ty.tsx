/** One page per page of each author's stories (collections.authorPages, from _config/indexes.ts). */
import { listingTemplate } from "../_config/listing.ts";
import { authorPath } from "../_config/urls.ts";

export const data = listingTemplate("author", authorPath);

export default function render() {
  return "";
}
