/** The site-wide Atom feed: /feed.xml (the latest stories, full content). */
import type { PageContext } from "../_config/site/index.ts";
import { atomFeed } from "../_config/pages/index.ts";
import { siteFeed } from "../_config/pages/index.ts";
import { feedPath } from "../_config/content/index.ts";

export const data = {
  permalink: feedPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default async function render(ctx: PageContext): Promise<string> {
  return atomFeed(await siteFeed(ctx, feedPath()));
}
