/** /news-sitemap.xml: the Google News sitemap (stories of the two days before the build). */
import type { PageContext } from "../_config/site/index.ts";
import { newsEntries, newsSitemapXml } from "../_config/pages/index.ts";
import { newsSitemapPath } from "../_config/content/index.ts";

export const data = {
  permalink: newsSitemapPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default function render(ctx: PageContext): string {
  return newsSitemapXml(newsEntries(ctx.collections.articles, ctx), ctx.site);
}
