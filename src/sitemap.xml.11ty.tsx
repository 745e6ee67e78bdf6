/** /sitemap.xml: every public HTML page of the build, with lastmod. */
import type { PageContext } from "../_config/collections.ts";
import type { CollectionItem } from "../_config/eleventy-types.ts";
import { sitemapEntries, sitemapXml } from "../_config/sitemaps.ts";
import { sitemapPath } from "../_config/urls.ts";

type Props = PageContext & { collections: { all: CollectionItem[] } };

export const data = {
  permalink: sitemapPath(),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["all", "articles"] },
};

export default function render(ctx: Props): string {
  return sitemapXml(sitemapEntries(ctx.collections.all, ctx.collections.articles, ctx));
}
