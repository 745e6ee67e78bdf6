/** `dist/_headers`: HTTP headers for Netlify / Cloudflare Pages (rules in _config/headers.ts). */
import type { PageContext } from "../_config/collections.ts";
import { headerRules, headersFile } from "../_config/headers.ts";

export const data = {
  permalink: "/_headers",
  eleventyExcludeFromCollections: true,
};

export default function render(data: PageContext): string {
  return headersFile(headerRules(data.site));
}
