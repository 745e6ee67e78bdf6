/**
 * Static assets: the stylesheet and photos under src/ are copied as they are
 * (photo processing and fingerprints arrive with their own modules), and `.ts`
 * data files load through tsx.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "./eleventy-types.ts";

// Eleventy asks for a directory data file once per template below it: 4,000 stories meant
// 4,000 `import()`s of articles.11tydata.ts, each a round trip to tsx's loader thread
// (docs/performance.md). Node caches the module anyway, so remember the promise.
const dataModules = new Map<string, Promise<unknown>>();
function importDataFile(file: string): Promise<unknown> {
  const url = pathToFileURL(path.resolve(file)).href;
  let data = dataModules.get(url);
  if (!data) {
    data = import(url).then((m: { default: unknown }) => m.default);
    dataModules.set(url, data);
  }
  return data;
}

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { parser: importDataFile, read: false });
  const input = eleventyConfig.directories.input;
  eleventyConfig.addPassthroughCopy(`${input}assets`);
  eleventyConfig.addPassthroughCopy(`${input}**/*.{jpg,jpeg,png,webp,avif,gif,svg}`);
}
