/**
 * A story's `tags` are Newsroom topics, not Eleventy collections.
 *
 * Eleventy makes a collection of every tag it sees: for each of them it re-sorts the
 * whole site and filters it (TemplateCollection#getFilteredByTag → getAllSorted), so
 * ~200 topics over 4,000 stories cost about a quarter of a stock Eleventy build
 * (docs/performance.md). Newsroom never reads `collections[<tag>]`: topic pages are
 * built from `collections.articles`, grouped by `topicSlug` (collections.ts). So the
 * front matter Eleventy reads gets `eleventyExcludeFromCollections: <its tags>`:
 * the story stays in `collections.all` and every collection of ours, and `data.tags`
 * is unchanged. Validation reads the file itself, so editors never see this key (and
 * one typed in front matter is still an unknown-key error).
 */
import { parseFrontMatterYaml as parseYaml } from "./frontmatter.ts";

/**
 * Keys Eleventy acts on before any schema runs (a `layout: x` in a story crashed inside
 * Eleventy with "reading 'aliasKey'"). Content never sets them: they are kept out of what
 * Eleventy sees, and validation (which reads the file itself) reports each as an
 * unknown key. Project templates set them in code, never in YAML front matter.
 */
export const ELEVENTY_KEYS = [
  "layout",
  "permalink",
  "permalinkBypassOutputDir",
  "dynamicPermalink",
  "eleventyComputed",
  "eleventyExcludeFromCollections",
  "eleventyImport",
  "eleventyDataSchema",
  "eleventyNavigation",
  "eleventyAllowMissingExtension",
  "pagination",
  "templateEngineOverride",
  "collections",
  "page",
  "eleventy",
  "pkg",
];

/** The YAML engine for front matter (Eleventy's `setFrontMatterParsingOptions`). */
export function eleventyFrontMatterYaml(source: string): unknown {
  let data = parseYaml(source);
  if (data && typeof data === "object" && !Array.isArray(data)) {
    data = Object.fromEntries(Object.entries(data).filter(([key]) => !ELEVENTY_KEYS.includes(key)));
  }
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const tags = (data as { tags?: unknown }).tags;
    if (Array.isArray(tags) && tags.length && !("eleventyExcludeFromCollections" in data)) {
      return { ...data, eleventyExcludeFromCollections: tags.map(String) };
    }
  }
  return data;
}
