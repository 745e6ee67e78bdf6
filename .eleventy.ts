/**
 * Newsroom's Eleventy configuration: directories, and one addPlugin per _config
 * room (each room's index.ts). Features live in _config/, not here. Run through tsx:
 *   tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts
 */
import type { EleventyConfig } from "./_config/eleventy/index.ts";
import contentPlugin from "./_config/content/index.ts";
import markdownPlugin from "./_config/markdown/index.ts";
import sitePlugin from "./_config/site/index.ts";
import pagesPlugin from "./_config/pages/index.ts";
import photosPlugin from "./_config/photos/index.ts";
import devPlugin from "./_config/dev/index.ts";
import buildPlugin from "./_config/build/index.ts";
import cmsPlugin from "./_config/cms/index.ts";

export interface NewsroomOptions {
  /** production build (drafts and scheduled stories left out); default from NEWSROOM_ENV / run mode */
  production?: boolean;
  /** the build's "now" (ISO 8601); default: the clock, or NEWSROOM_NOW */
  now?: string;
}

/** The whole Newsroom build as one plugin, so tests run it on fixture sites. */
export function newsroom(eleventyConfig: EleventyConfig, options: NewsroomOptions = {}): void {
  eleventyConfig.addPlugin(contentPlugin); // data files, date parsing
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(sitePlugin, options); // collections
  eleventyConfig.addPlugin(pagesPlugin); // .11ty.tsx, fingerprinted assets, sitemap.xml
  eleventyConfig.addPlugin(photosPlugin); // after assets: its transform sees fingerprinted pages
  eleventyConfig.addPlugin(devPlugin); // npm start's watch targets
  eleventyConfig.addPlugin(cmsPlugin); // /admin/: the browser editor's app, when the CMS is on
  eleventyConfig.addPlugin(buildPlugin); // last: the page stream sees each page as written
}

export default function (eleventyConfig: EleventyConfig): void {
  // src → dist, with _includes and _data beside src. Set here (not in `config.dir`,
  // which would override them) only when no input/output was given on the command
  // line or to `new Eleventy(input, output)`: the atomic build and tests pass theirs.
  const dirs = eleventyConfig.directories;
  if (dirs.input === "./") eleventyConfig.setInputDirectory("src");
  if (dirs.output === "./_site/") eleventyConfig.setOutputDirectory("dist");
  eleventyConfig.setIncludesDirectory("../_includes");
  eleventyConfig.setLayoutsDirectory("../_includes/layouts");
  eleventyConfig.setDataDirectory("../_data");
  newsroom(eleventyConfig);
}

export const config = {
  templateFormats: ["md", "11ty.tsx"],
  markdownTemplateEngine: false as const,
  htmlTemplateEngine: false as const,
};
