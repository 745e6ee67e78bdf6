/** The site-wide Atom feed: /feed.xml (the latest stories, full content). */
import type { PageContext } from "../_config/collections.ts";
import { atomFeed } from "../_config/feed-formats.ts";
import { siteFeed } from "../_config/feeds.ts";
import { feedPath } from "../_config/urls.ts";

export const data = {
  permalink: feedPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default async function render(ctx: PageContext): Promise<string> {
  return atomFeed(await siteFeed(ctx, feedPath()));
}
