/**
 * The build room's door. The production build: atomic (temp folder, checks, swap), the page stream, the search index, the checks (checks/).
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import pageStreamPlugin from "./page-stream.ts";

export * from "./build.ts";
export * from "./page-stream.ts";
export * from "./search.ts";
export * from "../cache/index.ts";
export * from "./manifest.ts";
export * from "./copy-tree.ts";
export * from "./checks/index.ts";

/** The build room's plugin. */
export default function buildPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(pageStreamPlugin);
}
export * from "./launcher.ts";
