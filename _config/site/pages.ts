/**
 * The `pages` collection (src/pages/**\/*.md, ordered by path) and what the site shows
 * of it: the footer's links. Computing it also checks `_data/site` `policies`: a
 * policy path that no page has fails the build naming `_data/site` and the key.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ContentError, lineOfKey, loadSite, policyProblems, type SiteData } from "../content/index.ts";
import type { CollectionApi, EleventyConfig } from "../eleventy/index.ts";
import type { PageItem } from "./types.ts";

export interface FooterLink {
  title: string;
  /** site path */
  url: string;
}

/** Pages Eleventy publishes, ordered by path (/about/ before /about/ethics/). */
export function publishedPages(items: PageItem[]): PageItem[] {
  return items.filter((p) => typeof p.url === "string").sort((a, b) => String(a.url).localeCompare(String(b.url)));
}

/** The footer's links to the newsroom's pages (about, policies, contact), by path. */
export function footerLinks(pages: PageItem[] | undefined): FooterLink[] {
  return (pages ?? []).map((p) => ({ title: p.data.title, url: p.url as string }));
}

/** Throws when a policy of `_data/site` names a path no page has (with the key's line). */
export function assertPolicies(site: Pick<SiteData, "policies">, pagePaths: string[], dataDir: string): void {
  const file = path.join(dataDir, "site.yaml");
  const shown = path.relative(process.cwd(), file) || file;
  const problems = policyProblems(site, pagePaths, shown);
  if (!problems.length) return;
  const lines = existsSync(file) ? readFileSync(file, "utf8").split(/\r?\n/) : [];
  // lineOfKey counts from the line after a front-matter fence; a data file has none
  throw new ContentError(
    problems.map((p) => {
      const line = lineOfKey(lines, p.key);
      return { ...p, line: line === undefined ? undefined : line - 1 };
    }),
  );
}

export function addPagesCollection(eleventyConfig: EleventyConfig): void {
  const memo = new WeakMap<CollectionApi, PageItem[]>();
  eleventyConfig.addCollection("pages", (api) => {
    let pages = memo.get(api);
    if (!pages) {
      pages = publishedPages(api.getFilteredByGlob(`${eleventyConfig.directories.input}pages/**/*.md`) as PageItem[]);
      const dir = eleventyConfig.directories.data;
      assertPolicies(loadSite(dir), pages.map((p) => p.url as string), dir);
      memo.set(api, pages);
    }
    return pages;
  });
}
