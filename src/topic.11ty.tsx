/** One page per page of each topic list (collections.topicPages, from _config/indexes.ts). */
import { listingTemplate } from "../_config/listing.ts";
import { topicPath } from "../_config/urls.ts";

export const data = listingTemplate("topic", topicPath);

export default function render() {
  return "";
}
