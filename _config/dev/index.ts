/**
 * The dev room's door. The editor's loop: the dev server (npm start), its fast path and incremental planner, the overlay, stale outputs, and the check and new commands.
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import watchPlugin from "./watch.ts";

export * from "./check-links.ts";
export * from "./check.ts";
export * from "./fast-path.ts";
export * from "./incremental.ts";
export * from "./overlay.ts";
export * from "./scaffold.ts";
export * from "./server.ts";
export * from "./stale-outputs.ts";
export * from "./status.ts";
export * from "./watch.ts";
export * from "./watch-ready.ts";

/** The dev room's plugin. */
export default function devPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(watchPlugin);
}
