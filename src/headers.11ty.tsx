/** `dist/_headers`: HTTP headers for Netlify / Cloudflare Pages (rules in _config/pages/headers.ts). */
import type { PageContext } from "../_config/site/index.ts";
import { headerRules, headersFile } from "../_config/pages/index.ts";

export const data = {
  permalink: "/_headers",
  eleventyExcludeFromCollections: true,
};

export default function render(data: PageContext): string {
  return headersFile(headerRules(data.site));
}
