/**
 * The cms room's door. The browser editor (Decap CMS at /admin/): its configuration
 * generated from the content schemas (config.ts, fields.ts), the admin page and the
 * self-hosted bundle (admin.ts, admin-script.js), and the dev server's local backend
 * (local-backend.ts). Sits above content and markdown; pages and dev use it.
 * Other rooms import this file only; see docs/architecture.md.
 */
import type { EleventyConfig } from "../eleventy/index.ts";
import { loadSite } from "../content/index.ts";
import { cmsMode, writeAdminAssets } from "./admin.ts";

export * from "./admin.ts";
export * from "./config.ts";
export * from "./fields.ts";
export * from "./headers.ts";
export * from "./local-backend.ts";

/** The cms room's plugin: copies the CMS app into /admin/ when the CMS is on (the pages are src/admin*.11ty.tsx). */
export default function cmsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async (arg) => {
    const { directories, outputMode } = arg as { directories: { output: string }; outputMode: string };
    if (outputMode === "fs" && cmsMode(loadSite(eleventyConfig.directories.data)) !== "off") await writeAdminAssets(directories.output);
  });
}
