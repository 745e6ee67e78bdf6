/**
 * Feeds: the site-wide Atom feed and JSON Feed 1.1, and one Atom feed per section.
 * Items are the typed story views plus their full body, with every URL absolute
 * (`convertHtmlToAbsoluteUrls` from @11ty/eleventy-plugin-rss). We use the plugin's
 * helpers, not its `feedPlugin` virtual templates: those are Nunjucks, give every
 * entry the feed's author and no `updated`, and its main plugin turns on the HTML
 * <base> transform, which would prefix links that `href()` already prefixed.
 * Atom: RFC 4287. JSON Feed: https://www.jsonfeed.org/version/1.1/
 */
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { isPublic, type ArticleView, type BuildInfo } from "../content/index.ts";
import { viewOf, type ArticleItem, type PageContext } from "../site/index.ts";
import { isoDate } from "../content/index.ts";
import { photoFileOf } from "../photos/index.ts";
import { renderFigure } from "../markdown/index.ts";
import { shareImage } from "../photos/index.ts";
import { absoluteUrl, absoluteUrlOfHtmlPath, homePath, pathPrefix } from "../content/index.ts";
import type { SiteData } from "../content/index.ts";
import { logoUrl } from "./jsonld.ts";
import { fingerprintHtml } from "./assets.ts";

/**
 * The `updated` of a feed with no entries: the site's newest public story's date, so
 * the feed's bytes change when the site does and not at every build (hosts upload only
 * changed files); the build's now only for a site with no story at all.
 */
export function emptyFeedUpdated(ctx: Pick<PageContext, "collections" | "build" | "site">): string {
  const newest = ctx.collections.articles[0];
  return isoDate(newest ? newest.date : ctx.build.now, ctx.site.timezone);
}

/** How many stories a feed carries (newest first). */
export const FEED_LIMIT = 50;

export interface FeedAuthor {
  name: string;
  url?: string;
}

export interface FeedItem {
  /** stable id: the story's URL on this site, whatever its updates */
  id: string;
  url: string;
  /** a syndicated story's original */
  externalUrl?: string;
  title: string;
  summary: string;
  /** full body (lead photo first), every URL absolute */
  contentHtml: string;
  published: string;
  updated: string;
  authors: FeedAuthor[];
  section: { slug: string; name: string };
  tags: string[];
  image?: string;
  /** the entry's language when it is not the feed's (BCP 47) */
  language?: string;
}

export interface Feed {
  title: string;
  description: string;
  language: string;
  /** absolute URL of this feed (its id) */
  feedUrl: string;
  /** absolute URL of the page the feed follows */
  homeUrl: string;
  icon: string;
  /** newest `updated` of its items (the build's now for an empty feed) */
  updated: string;
  authors: FeedAuthor[];
  items: FeedItem[];
}

/** Stories a feed, sitemap or index may carry: never drafts or scheduled ones, in any build. */
export function syndicated(items: ArticleItem[], build: BuildInfo): ArticleItem[] {
  return items.filter((item) => item.url !== false && isPublic(item.data, item.date, { ...build, production: true }));
}

// The plugin helper resolves every URL against a base; a root-relative one loses the
// path prefix that way (`new URL("/x", "https://example.org/news/")`), and body HTML
// may carry the prefix or not. So we resolve against a placeholder origin (`.invalid`
// is reserved: no real URL uses it), then give each path its place under the site URL.
const PLACEHOLDER = "https://newsroom.invalid";

/** An HTML fragment of a page at `pagePath` with every URL absolute under the site URL. */
export async function absoluteHtml(html: string, site: Pick<SiteData, "url">, pagePath: string): Promise<string> {
  const resolved = await convertHtmlToAbsoluteUrls(html, PLACEHOLDER + pagePath);
  return resolved.replace(/https:\/\/newsroom\.invalid(\/[^"'\s<>]*)?/g, (_, path: string | undefined) => absoluteUrlOfHtmlPath(site, path ?? "/"));
}

/**
 * Photos in a feed body become their 1200-px JPEG share rendition (made by the photos
 * module, cached like the rest): feed readers want one plain <img>, not <picture>,
 * and never the editor's full-size original.
 */
export function feedPhotos(html: string, site: SiteData, inputDir: string): string {
  const state = { inputDir: inputDir.replace(/\/$/, ""), prefix: pathPrefix(site) };
  return html.replace(/<img src="([^"]*)" alt="([^"]*)"/g, (tag, src: string, alt: string) => {
    const file = photoFileOf(src.replace(/&amp;/g, "&"), state);
    if (!file) return tag;
    const image = shareImage(file, { site, alt });
    return `<img src="${image.url}" width="${image.width}" height="${image.height}" alt="${alt}"`;
  });
}

export function feedAuthors(view: ArticleView, site: SiteData): FeedAuthor[] {
  if (view.authors.length) return view.authors.map((a) => ({ name: a.name, url: absoluteUrl(site, a.url) }));
  if (view.source) return [{ name: view.source.name, url: view.source.url }];
  return [{ name: site.newsroom, url: absoluteUrl(site, homePath()) }];
}

// A story is in the site's Atom feed, its JSON Feed and its section's feed: make its
// item (body made absolute, photos swapped) once per build. The entry is reused only
// while the item's data and rendered body are the same objects (incremental rebuilds).
const items = new WeakMap<ArticleItem, { data: unknown; content: unknown; item: Promise<FeedItem> }>();

/** A story's feed item, made once per build however many feeds carry it. */
export function feedItem(item: ArticleItem, ctx: PageContext): Promise<FeedItem> {
  const hit = items.get(item);
  if (hit && hit.data === item.data && hit.content === item.templateContent) return hit.item;
  const made = makeFeedItem(item, ctx);
  items.set(item, { data: item.data, content: item.templateContent, item: made });
  return made;
}

async function makeFeedItem(item: ArticleItem, ctx: PageContext): Promise<FeedItem> {
  const { site } = ctx;
  const view = viewOf(item, ctx);
  const lead = view.image ? renderFigure({ ...view.image, url: view.image.url }, site.url) : "";
  const inputDir = ctx.eleventy.directories.input;
  const url = absoluteUrl(site, view.url);
  return {
    id: url,
    url,
    externalUrl: view.source?.url,
    title: view.title,
    summary: view.description,
    // assets named in the body get their fingerprinted names, as on the page (the files the build writes)
    contentHtml: fingerprintHtml(await absoluteHtml(feedPhotos(lead + (item.templateContent ?? ""), site, inputDir), site, view.url)),
    published: isoDate(view.published, site.timezone),
    // a correction changes the entry: readers and aggregators see it again
    updated: isoDate(view.modified, site.timezone),
    authors: feedAuthors(view, site),
    section: { slug: view.section.slug, name: view.section.name },
    tags: view.tags.map((t) => t.name),
    image: view.photo ? shareImage(view.photo.file, { site, alt: view.photo.alt }).url : undefined,
    language: view.language,
  };
}

/** A feed of the given stories (already newest first), at most FEED_LIMIT of them. */
export async function buildFeed(
  ctx: PageContext,
  options: { items: ArticleItem[]; title: string; description: string; feedPath: string; homePath: string },
): Promise<Feed> {
  const { site } = ctx;
  const entries = await Promise.all(syndicated(options.items, ctx.build).slice(0, FEED_LIMIT).map((item) => feedItem(item, ctx)));
  const newest = entries.map((i) => i.updated).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return {
    title: options.title,
    description: options.description,
    language: site.language,
    feedUrl: absoluteUrl(site, options.feedPath),
    homeUrl: absoluteUrl(site, options.homePath),
    icon: logoUrl(site),
    updated: newest ?? emptyFeedUpdated(ctx),
    authors: [{ name: site.newsroom, url: absoluteUrl(site, homePath()) }],
    items: entries,
  };
}

/** The site-wide feed (Atom at /feed.xml, JSON Feed at /feed.json: the same stories). */
export function siteFeed(ctx: PageContext, feedPath: string): Promise<Feed> {
  const { site } = ctx;
  return buildFeed(ctx, { items: ctx.collections.articles, title: site.name, description: site.description, feedPath, homePath: homePath() });
}
