/**
 * The site room's door. The site's lists: collections (public stories newest first), indexes, listings and their pagination.
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import collectionsPlugin from "./collections.ts";

export * from "./collections.ts";
export * from "./corrections.ts";
export * from "./correction-lines.ts";
export * from "./front.ts";
export * from "./indexes.ts";
export * from "./listing.ts";
export * from "./pages.ts";
export * from "./reuse.ts";
export * from "./types.ts";

/** The site room's plugin: the collections (public stories, indexes, list pages). */
export default function sitePlugin(eleventyConfig: EleventyConfig, options: { production?: boolean; now?: string } = {}): void {
  eleventyConfig.addPlugin(collectionsPlugin, options);
}
