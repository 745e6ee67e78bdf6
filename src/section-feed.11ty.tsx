/** One Atom feed per section: /<section>/feed.xml (an empty section gets an empty feed). */
import type { PageContext } from "../_config/site/index.ts";
import { atomFeed } from "../_config/pages/index.ts";
import { buildFeed } from "../_config/pages/index.ts";
import { sectionFeedPath, sectionPath } from "../_config/content/index.ts";

type Props = PageContext & { sectionSlug: string };

export const data = {
  pagination: { data: "sections", size: 1, alias: "sectionSlug" },
  permalink: (d: Props) => sectionFeedPath(d.sectionSlug),
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["articles"] },
};

export default async function render(ctx: Props): Promise<string> {
  const { site, sectionSlug } = ctx;
  const section = ctx.sections[sectionSlug]!;
  const feed = await buildFeed(ctx, {
    items: ctx.collections.articles.filter((item) => item.data.section === sectionSlug),
    title: `${site.name}: ${section.title}`,
    description: section.description,
    feedPath: sectionFeedPath(sectionSlug),
    homePath: sectionPath(sectionSlug),
  });
  return atomFeed(feed);
}
