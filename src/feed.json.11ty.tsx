/** The site-wide JSON Feed 1.1: /feed.json (the same stories as /feed.xml). */
import type { PageContext } from "../_config/collections.ts";
import { jsonForScript } from "../_config/escape.ts";
import { jsonFeed } from "../_config/feed-formats.ts";
import { siteFeed } from "../_config/feeds.ts";
import { jsonFeedPath } from "../_config/urls.ts";

export const data = {
  permalink: jsonFeedPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default async function render(ctx: PageContext): Promise<string> {
  return `${jsonForScript(jsonFeed(await siteFeed(ctx, jsonFeedPath())), 2)}\n`;
}
