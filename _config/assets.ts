/**
 * Static assets: the stylesheet and SVGs under src/ are copied as they are (photos
 * are processed by images.ts; fingerprints arrive with their own module), and `.ts`
 * data files load through tsx.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "./eleventy-types.ts";

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { parser: async (file: string) => (await import(pathToFileURL(path.resolve(file)).href)).default, read: false });
  const input = eleventyConfig.directories.input;
  eleventyConfig.addPassthroughCopy(`${input}assets`);
  // Photos are not copied: the image transform (images.ts) publishes processed copies under /img/.
  eleventyConfig.addPassthroughCopy(`${input}**/*.svg`);
}
