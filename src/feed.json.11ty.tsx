/** The site-wide JSON Feed 1.1: /feed.json (the same stories as /feed.xml). */
import type { PageContext } from "../_config/site/index.ts";
import { jsonForScript } from "../_config/markdown/index.ts";
import { jsonFeed } from "../_config/pages/index.ts";
import { siteFeed } from "../_config/pages/index.ts";
import { jsonFeedPath } from "../_config/content/index.ts";

export const data = {
  permalink: jsonFeedPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default async function render(ctx: PageContext): Promise<string> {
  return `${jsonForScript(jsonFeed(await siteFeed(ctx, jsonFeedPath())), 2)}\n`;
}
