/**
 * Newsroom's Eleventy configuration: directories, and one addPlugin per _config
 * module. Features live in _config/, not here. Run through tsx:
 *   tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts
 */
import type { EleventyConfig } from "./_config/eleventy-types.ts";
import collectionsPlugin from "./_config/collections.ts";
import dataPlugin from "./_config/data.ts";
import datesPlugin from "./_config/dates.ts";
import markdownPlugin from "./_config/markdown.ts";
import renderPlugin from "./_config/render.ts";
import assetsPlugin from "./_config/assets.ts";
import imagesPlugin from "./_config/images.ts";
import sitemapsPlugin from "./_config/sitemaps.ts";
import watchPlugin from "./_config/watch.ts";
import pageStreamPlugin from "./_config/page-stream.ts";

export interface NewsroomOptions {
  /** production build (drafts and scheduled stories left out); default from NEWSROOM_ENV / run mode */
  production?: boolean;
  /** the build's "now" (ISO 8601); default: the clock, or NEWSROOM_NOW */
  now?: string;
}

/** The whole Newsroom build as one plugin, so tests run it on fixture sites. */
export function newsroom(eleventyConfig: EleventyConfig, options: NewsroomOptions = {}): void {
  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(datesPlugin);
  eleventyConfig.addPlugin(renderPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(collectionsPlugin, options);
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(imagesPlugin);
  eleventyConfig.addPlugin(sitemapsPlugin);
  eleventyConfig.addPlugin(watchPlugin);
  eleventyConfig.addPlugin(pageStreamPlugin); // last: sees each page as written
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
