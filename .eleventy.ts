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
}

export default function (eleventyConfig: EleventyConfig): void {
  newsroom(eleventyConfig);
}

export const config = {
  dir: { input: "src", output: "dist", includes: "../_includes", layouts: "../_includes/layouts", data: "../_data" },
  templateFormats: ["md", "11ty.tsx"],
  markdownTemplateEngine: false as const,
  htmlTemplateEngine: false as const,
};
