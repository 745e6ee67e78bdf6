/**
 * The markdown room's door. The one markdown-it instance, the ::: blocks as HTML, and escaping.
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import markdownItPlugin from "./markdown.ts";

export * from "./blocks-html.ts";
export * from "./escape.ts";
export * from "./markdown.ts";
export * from "./story-env.ts";

/** The markdown room's plugin. */
export default function markdownPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(markdownItPlugin);
}
