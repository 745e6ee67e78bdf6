/** The search page (/search/): noindex (result pages are not for crawlers), so not in the sitemap. */
import { searchPath } from "../_config/content/index.ts";

export const data = {
  layout: "search.11ty.tsx",
  permalink: searchPath(),
};

export default function render() {
  return "";
}
