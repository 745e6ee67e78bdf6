/**
 * sitemap.xml (every public HTML page, with lastmod) and the Google News sitemap
 * (stories of the two days before the build's now). sitemap.xml is written after
 * Eleventy wrote the pages, from what it wrote (`eleventy.after`): collections do not
 * hold every page of a template that paginates over a collection (section fronts,
 * topics…), the written pages do. The news sitemap is a template over the stories.
 * https://www.sitemaps.org/protocol.html
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import { DateTime } from "luxon";
import type { BuildInfo } from "../content/index.ts";
import type { ArticleItem } from "../site/index.ts";
import { typeset } from "../content/index.ts";
import { isoDate } from "../content/index.ts";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { resolveBuild, reusePlan } from "../site/index.ts";
import { loadSite } from "../content/index.ts";
import type { EleventyConfig } from "../eleventy/index.ts";
import { syndicated } from "./feeds.ts";
import type { SectionsData, SiteData } from "../content/index.ts";
import { absoluteUrl, kindOf, sitemapPath } from "../content/index.ts";
import { el, xmlDocument } from "./xml.ts";
import { ownString } from "../util/index.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
/** Google News sitemaps: stories of the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_DAYS = 2;
export const NEWS_LIMIT = 1000;

export interface SitemapEntry {
  loc: string;
  lastmod: string;
}

export interface NewsEntry {
  loc: string;
  title: string;
  published: string;
}

interface SitemapContext {
  site: SiteData;
  /** sections' default kinds (a sponsored desk); none given: each story's own kind */
  sections?: SectionsData;
  build: BuildInfo;
}

/** A page Eleventy wrote, as its `eleventy.after` event reports it. */
export interface WrittenPage {
  url: string | false;
  outputPath: string | false;
  content: string;
}

const NOINDEX = /<meta name="robots" content="[^"]*noindex/;
const CANONICAL = /<link rel="canonical" href="([^"]+)"/;
const MODIFIED = /<meta property="article:modified_time" content="([^"]+)"/;

/**
 * Every public HTML page of a build: each page written as HTML, less those that ask
 * search engines to stay away (`noindex`: the 404 and search pages, drafts and
 * scheduled stories in the dev server; production builds give those no page at all)
 * and those whose canonical URL is another (a syndicated copy: a sitemap lists only
 * canonical URLs).
 * A story's lastmod is its `article:modified_time` (its update, else its date); any
 * other page's is the newest story's, else the build's now.
 */
export function sitemapEntries(pages: WrittenPage[], site: SiteData, now: string): SitemapEntry[] {
  const html = pages.filter((p): p is WrittenPage & { url: string } => typeof p.url === "string" && typeof p.outputPath === "string" && p.outputPath.endsWith(".html"));
  const listed = html.filter((p) => !NOINDEX.test(p.content) && isOwnCanonical(p, site));
  const modified = new Map(listed.map((p) => [p.url, MODIFIED.exec(p.content)?.[1]]));
  const newest = [...modified.values()].filter((d): d is string => !!d).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return listed
    .map((p) => ({ loc: absoluteUrl(site, p.url), lastmod: modified.get(p.url) ?? newest ?? isoDate(now, site.timezone) }))
    .sort((a, b) => a.loc.localeCompare(b.loc));
}

/**
 * The tags of a page's head that sitemap.xml reads (robots, canonical, modified), as
 * they appear in it: what an incremental build keeps of a page it may reuse, so the
 * sitemap lists it without reading it again.
 */
export function sitemapHead(content: string): string {
  // kept for the whole build (reuse.ts): a copy, never a cut that keeps the page alive
  return ownString([NOINDEX, CANONICAL, MODIFIED].map((re) => re.exec(content)?.[0] ?? "").filter(Boolean).join("\n"));
}

function isOwnCanonical(page: WrittenPage & { url: string }, site: SiteData): boolean {
  const canonical = CANONICAL.exec(page.content)?.[1]?.replace(/&amp;/g, "&");
  return !canonical || canonical === absoluteUrl(site, page.url);
}

export function sitemapXml(entries: SitemapEntry[]): string {
  return xmlDocument(el("urlset", { xmlns: SITEMAP_NS }, entries.map((e) => el("url", null, el("loc", null, e.loc), el("lastmod", null, e.lastmod)))));
}

/**
 * Stories published in the two days up to the build's now, newest first, at most 1,000;
 * never a syndicated copy (its original is the news) nor sponsored content (not news).
 */
export function newsEntries(articles: ArticleItem[], ctx: SitemapContext): NewsEntry[] {
  const { site, build } = ctx;
  const now = DateTime.fromISO(build.now);
  const from = now.minus({ days: NEWS_WINDOW_DAYS }).toMillis();
  return syndicated(articles, build)
    .filter((item) => !item.data.source && kindOf(item.data, ctx.sections ?? {}) !== "sponsored")
    .filter((item) => item.date.getTime() >= from && item.date.getTime() <= now.toMillis())
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, NEWS_LIMIT)
    .map((item) => ({ loc: absoluteUrl(site, item.url as string), title: typeset(item.data.title), published: isoDate(item.date, site.timezone) }));
}

/** ISO 639 language for news:language: en-US → en; Chinese keeps its script (zh-cn, zh-tw). */
export function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  return lower.startsWith("zh-") ? lower : lower.split("-")[0]!;
}

export function newsSitemapXml(entries: NewsEntry[], site: SiteData): string {
  return xmlDocument(
    el(
      "urlset",
      { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS },
      entries.map((e) =>
        el(
          "url",
          null,
          el("loc", null, e.loc),
          el(
            "news:news",
            null,
            el("news:publication", null, el("news:name", null, site.name), el("news:language", null, newsLanguage(site.language))),
            el("news:publication_date", null, e.published),
            el("news:title", null, e.title),
          ),
        ),
      ),
    ),
  );
}

interface AfterBuild {
  directories: { output: string };
  outputMode: string;
  incremental: boolean;
  results?: WrittenPage[];
}

/**
 * Eleventy plugin: writes sitemap.xml after every full build. An incremental rebuild
 * (the dev server) reports only the pages it rewrote, so it leaves the file alone.
 */
export default function sitemapsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async (arg: unknown) => {
    const { directories, outputMode, incremental, results } = arg as AfterBuild;
    if (outputMode !== "fs" || incremental || !results) return;
    const site = loadSite(eleventyConfig.directories.data);
    // An incremental production build renders only what changed: the pages it reused
    // come from its plan (their head's tags as the last build wrote them).
    const reused = reusePlan()?.reusedPages() ?? [];
    const xml = sitemapXml(sitemapEntries(reused.length ? [...results, ...reused] : results, site, resolveBuild().now));
    await writeFile(path.join(directories.output, sitemapPath()), xml);
  });
}
