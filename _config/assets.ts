/**
 * Static assets: the stylesheet and photos under src/ are copied as they are
 * (photo processing and fingerprints arrive with their own modules), and `.ts`
 * data files load through tsx.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "./eleventy-types.ts";

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { parser: async (file: string) => (await import(pathToFileURL(path.resolve(file)).href)).default, read: false });
  const input = eleventyConfig.directories.input;
  eleventyConfig.addPassthroughCopy(`${input}assets`);
  eleventyConfig.addPassthroughCopy(`${input}**/*.{jpg,jpeg,png,webp,avif,gif,svg}`);
}
