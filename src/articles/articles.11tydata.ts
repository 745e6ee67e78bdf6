/**
 * Every story: its layout, its URL (/<section>/<slug>/), and its contract check.
 * Drafts and scheduled stories get no page in a production build.
 */
import { articlePath, assertArticleFile, isPublic, type BuildInfo } from "../../_config/content/index.ts";
import type { ArticleData, AuthorsData, SectionsData, SiteData } from "../../_config/content/index.ts";

interface StoryCascade extends ArticleData {
  page: { inputPath: string; date: Date };
  build: BuildInfo;
  site: SiteData;
  sections: SectionsData;
  staff: AuthorsData;
  eleventy: { directories: { input: string } };
}

const slugOf = (inputPath: string) => inputPath.replace(/^.*\//, "").replace(/\.md$/, "");

export default {
  layout: "article.11ty.tsx",
  // A story's byline slugs; without this, a story with no `authors` would inherit the
  // global authors registry (_data/authors) under the same key. The registry is `staff`.
  authors: [] as string[],
  permalink: (data: StoryCascade) => (isPublic(data, data.page.date, data.build) ? articlePath(data.section, slugOf(data.page.inputPath)) : false),
  eleventyDataSchema: (data: StoryCascade) => {
    assertArticleFile(data.page.inputPath.replace(/^\.\//, ""), {
      site: data.site,
      sections: data.sections,
      authors: data.staff,
      inputDir: data.eleventy.directories.input,
      now: data.build.now,
    });
  },
};
