/** The 404 page (/404.html, what static hosts serve for a missing path): noindex, not in the sitemap. */
import { notFoundPath } from "../_config/content/index.ts";

export const data = {
  layout: "not-found.11ty.tsx",
  permalink: notFoundPath(),
};

export default function render() {
  return "";
}
