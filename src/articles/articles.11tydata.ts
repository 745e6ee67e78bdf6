/**
 * Every story: its layout, its URL (/<section>/<slug>/), its contract check, and the
 * views its layout lays out (the article view and its head metadata), computed once
 * per page before rendering. Drafts and scheduled stories get no page in a
 * production build.
 */
import { articlePath, assertArticleFile, isPublic, type BuildInfo } from "../../_config/content/index.ts";
import type { ArticleData, ArticleView, AuthorsData, SectionsData, SiteData } from "../../_config/content/index.ts";
import { articleView } from "../../_config/content/index.ts";
import { computedView } from "../../_config/eleventy/index.ts";
import { articleMeta } from "../../_config/pages/index.ts";

interface StoryCascade extends ArticleData {
  page: { inputPath: string; date: Date; url: string | false };
  article?: ArticleView;
  build: BuildInfo;
  site: SiteData;
  sections: SectionsData;
  staff: AuthorsData;
  eleventy: { directories: { input: string } };
}

/** The story's own front matter against the contract; throws a ContentError listing every problem. */
function checkStory(data: StoryCascade): void {
  assertArticleFile(data.page.inputPath.replace(/^\.\//, ""), {
    site: data.site,
    sections: data.sections,
    authors: data.staff,
    inputDir: data.eleventy.directories.input,
    now: data.build.now,
  });
}

const slugOf = (inputPath: string) => inputPath.replace(/^.*\//, "").replace(/\.md$/, "");

export default {
  layout: "article.11ty.tsx",
  // A story's byline slugs; without this, a story with no `authors` would inherit the
  // global authors registry (_data/authors) under the same key. The registry is `staff`.
  authors: [] as string[],
  permalink: (data: StoryCascade) => (isPublic(data, data.page.date, data.build) ? articlePath(data.section, slugOf(data.page.inputPath)) : false),
  eleventyComputed: {
    // A view of invalid data would fail with a confusing error: the contract check comes
    // first (once per build: the data schema below then reuses its result). A story that
    // gets no page (a draft in production) gets no view.
    article: computedView(["page.url", "page.inputPath", "page.date"], (data: StoryCascade) => {
      checkStory(data);
      if (data.page.url === false) return undefined;
      return articleView(data, { ...data.page, url: data.page.url }, { ...data, authors: data.staff, inputDir: data.eleventy.directories.input });
    }),
    meta: computedView(["article"], (data: StoryCascade) => (data.article ? articleMeta(data.article, data) : undefined)),
  },
  eleventyDataSchema: (data: StoryCascade) => {
    checkStory(data);
  },
};
