/** The corrections column's Atom feed: /corrections/feed.xml (_config/pages/corrections-feed.ts). */
import type { PageContext } from "../_config/site/index.ts";
import { atomFeed, correctionsFeed } from "../_config/pages/index.ts";
import { correctionsFeedPath } from "../_config/content/index.ts";

export const data = {
  permalink: correctionsFeedPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default function render(ctx: PageContext): string {
  return atomFeed(correctionsFeed(ctx));
}
