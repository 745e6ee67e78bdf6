/** One page per page of each topic list (collections.topicPages, from _config/site/indexes.ts). */
import { listingTemplate } from "../_config/site/index.ts";
import { topicPath } from "../_config/content/index.ts";

export const data = listingTemplate("topic", topicPath);

export default function render() {
  return "";
}
