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

/** The YAML engine for front matter (Eleventy's `setFrontMatterParsingOptions`). */
export function eleventyFrontMatterYaml(source: string): unknown {
  const data = parseYaml(source);
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const tags = (data as { tags?: unknown }).tags;
    if (Array.isArray(tags) && tags.length && !("eleventyExcludeFromCollections" in data)) {
      return { ...data, eleventyExcludeFromCollections: tags.map(String) };
    }
  }
  return data;
}
