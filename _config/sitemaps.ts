/**
 * sitemap.xml (every public HTML page, with lastmod) and the Google News sitemap
 * (stories of the two days before the build's now). Both come from Eleventy's
 * collections, so index pages added later are listed without touching this file.
 * https://www.sitemaps.org/protocol.html
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import { DateTime } from "luxon";
import type { BuildInfo } from "./articles.ts";
import type { ArticleItem } from "./collections.ts";
import { isoDate } from "./dates.ts";
import type { CollectionItem } from "./eleventy-types.ts";
import { syndicated } from "./feeds.ts";
import type { SiteData } from "./schema.ts";
import { absoluteUrl } from "./urls.ts";
import { el, xmlDocument } from "./xml.ts";

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
  build: BuildInfo;
}

type PageData = { layout?: unknown; sitemap?: unknown; noindex?: unknown; updated?: unknown };

/**
 * Every public HTML page: Eleventy's full collection, less pages that opt out
 * (`sitemap: false` or `noindex: true` in their data, like the 404 and search pages)
 * and less stories that are not public (drafts, scheduled), whatever the build mode.
 * A story's lastmod is its update (else its date); any other page's is the newest story's.
 */
export function sitemapEntries(all: CollectionItem[], articles: ArticleItem[], ctx: SitemapContext): SitemapEntry[] {
  const { site, build } = ctx;
  const stories = new Map(syndicated(articles, build).map((item) => [item.inputPath, item]));
  const storyDate = (item: ArticleItem) => item.data.updated ?? item.date;
  const newest = [...stories.values()].map((s) => isoDate(storyDate(s), site.timezone)).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const entries: SitemapEntry[] = [];
  for (const item of all) {
    const data = item.data as PageData;
    if (typeof item.url !== "string" || typeof item.outputPath !== "string" || !item.outputPath.endsWith(".html")) continue;
    if (data.sitemap === false || data.noindex === true) continue;
    const story = stories.get(item.inputPath);
    if (data.layout === "article.11ty.tsx" && !story) continue;
    const lastmod = story ? isoDate(storyDate(story), site.timezone) : (newest ?? isoDate(build.now, site.timezone));
    entries.push({ loc: absoluteUrl(site, item.url), lastmod });
  }
  return entries.sort((a, b) => a.loc.localeCompare(b.loc));
}

export function sitemapXml(entries: SitemapEntry[]): string {
  return xmlDocument(el("urlset", { xmlns: SITEMAP_NS }, entries.map((e) => el("url", null, el("loc", null, e.loc), el("lastmod", null, e.lastmod)))));
}

/** Stories published in the two days up to the build's now, newest first, at most 1,000. */
export function newsEntries(articles: ArticleItem[], ctx: SitemapContext): NewsEntry[] {
  const { site, build } = ctx;
  const now = DateTime.fromISO(build.now);
  const from = now.minus({ days: NEWS_WINDOW_DAYS }).toMillis();
  return syndicated(articles, build)
    .filter((item) => item.date.getTime() >= from && item.date.getTime() <= now.toMillis())
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, NEWS_LIMIT)
    .map((item) => ({ loc: absoluteUrl(site, item.url as string), title: item.data.title, published: isoDate(item.date, site.timezone) }));
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
