/** The search page (/search/): noindex, and not in the sitemap (result pages are not for crawlers). */
import { searchPath } from "../_config/urls.ts";

export const data = {
  layout: "search.11ty.tsx",
  permalink: searchPath(),
  sitemap: false,
  noindex: true,
};

export default function render() {
  return "";
}
