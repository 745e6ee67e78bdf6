/** The site-wide Atom feed: /feed.xml (the latest stories, full content). */
import type { PageContext } from "../_config/collections.ts";
import { atomFeed } from "../_config/feed-formats.ts";
import { buildFeed } from "../_config/feeds.ts";
import { feedPath, homePath } from "../_config/urls.ts";

export const data = {
  permalink: feedPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default async function render(ctx: PageContext): Promise<string> {
  const { site } = ctx;
  const feed = await buildFeed(ctx, { items: ctx.collections.articles, title: site.name, description: site.description, feedPath: feedPath(), homePath: homePath() });
  return atomFeed(feed);
}
