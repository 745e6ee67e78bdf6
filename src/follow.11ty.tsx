/** The "Follow" page (/follow/): what feeds are, and every feed's address. The promo points here. */
import { followPath } from "../_config/content/index.ts";

export const data = {
  layout: "follow.11ty.tsx",
  permalink: followPath(),
};

export default function render() {
  return "";
}
