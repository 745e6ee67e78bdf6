/**
 * The pages room's door. What pages say besides their layout: the .11ty.tsx format, head metadata, JSON-LD, feeds, sitemaps, _headers, fingerprinted assets.
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import renderPlugin from "./render.ts";
import assetsPlugin from "./assets.ts";
import sitemapsPlugin from "./sitemaps.ts";

export * from "./assets.ts";
export * from "./corrections-feed.ts";
export * from "./feed-formats.ts";
export * from "./feeds.ts";
export * from "./follow.ts";
export * from "./headers.ts";
export * from "./jsonld.ts";
export * from "./metadata.ts";
export * from "./render.ts";
export * from "./sitemaps.ts";
export * from "./xml.ts";

/** The pages room's plugin. */
export default function pagesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(renderPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(sitemapsPlugin);
}
