/**
 * Every URL rule in one place. Paths (what permalinks write) never carry the
 * path prefix; `href` adds it for links, `absoluteUrl` makes feed/sitemap/canonical URLs.
 */
import { slug } from "./slug.ts";

export interface UrlSite {
  /** absolute base URL, ending in "/", e.g. https://example.org/news/ */
  url: string;
}

/**
 * First path segments the build writes itself (or that the host, the CMS and the
 * tools own): a section, a page or a story may not take one, or its pages would land
 * inside (or replace) the site's own. One list: features that add a top-level path
 * (a corrections page, /admin/, a follow page) add it here. `about` is not reserved:
 * it is an ordinary page path (policies live under it).
 */
export const RESERVED_PATHS: readonly string[] = [
  "404",
  "admin",
  "archive",
  "assets",
  "authors",
  "corrections",
  "feed",
  "follow",
  "img",
  "page",
  "pagefind",
  "search",
  "sitemap",
  "topics",
];

/** Whether a path segment (a section slug, a page's first segment) is the build's own. */
export function isReservedPath(segment: string): boolean {
  return RESERVED_PATHS.includes(segment.toLowerCase());
}

/**
 * A path inside this site: starts with one "/" and can never be read as another host
 * (`//evil.example/` and `/\evil.example/` are protocol-relative URLs to browsers),
 * and holds no control characters or backslashes.
 */
export function isSitePath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//") && !/[\\\u0000-\u0020\u007f]/.test(url);
}

/** An absolute http(s) URL or a site path: what `::: related`, `promo` and `logo` accept. */
export function isLinkTarget(url: string): boolean {
  return isSitePath(url) || /^https?:\/\/[^\s/\\]+(?:[/?#]\S*)?$/i.test(url);
}

export function slugifyText(text: string): string {
  return slug(text) || "section";
}

/** Element ids the layouts write themselves (`<main id="main">`, the search form, …). */
export const LAYOUT_IDS: readonly string[] = ["main", "search", "search-q", "latest-heading", "newsroom-build-errors"];

/** A heading's id in a story body: its slug, never one of the layout's own ids (`## Main` → `main-section`). */
export function headingId(text: string): string {
  const s = slugifyText(text);
  return LAYOUT_IDS.includes(s) || /^year-\d+$/.test(s) ? `${s}-section` : s;
}

export function topicSlug(tag: string): string {
  return slug(tag) || "topic";
}

/** `/<section>/<slug>/` */
export function articlePath(section: string, slug: string): string {
  return `/${section}/${slug}/`;
}

function paged(base: string, page: number): string {
  return page > 1 ? `${base}page/${page}/` : base;
}

export const sectionPath = (section: string, page = 1) => paged(`/${section}/`, page);
export const topicPath = (tag: string, page = 1) => paged(`/topics/${topicSlug(tag)}/`, page);
export const topicsIndexPath = () => "/topics/";
export const authorPath = (slug: string, page = 1) => paged(`/authors/${slug}/`, page);
export const authorsIndexPath = () => "/authors/";
export const archivePath = (month: string, page = 1) => paged(`/archive/${month}/`, page);
export const archiveIndexPath = () => "/archive/";
export const homePath = () => "/";
export const correctionsPath = (page = 1) => paged("/corrections/", page);
export const correctionsFeedPath = () => "/corrections/feed.xml";

/**
 * A page of `src/pages/` is published at its path there: `about/ethics.md` →
 * `/about/ethics/`, `about.md` → `/about/`, `about/index.md` → `/about/`.
 */
export function pagePath(relativeFile: string): string {
  const parts = relativeFile.replace(/\\/g, "/").replace(/\.md$/, "").split("/").filter(Boolean);
  if (parts.at(-1) === "index") parts.pop();
  return parts.length ? `/${parts.join("/")}/` : "/";
}

/** The path prefix the site is served under: "/" or "/news/". */
export function pathPrefix(site: UrlSite): string {
  // every link of every page asks: parse each site URL once
  let prefix = prefixes.get(site.url);
  if (prefix === undefined) {
    const p = new URL(site.url).pathname;
    prefix = p.endsWith("/") ? p : `${p}/`;
    prefixes.set(site.url, prefix);
  }
  return prefix;
}
const prefixes = new Map<string, string>();

/** A link inside the site, with the path prefix: "/world/x/" → "/news/world/x/". */
export function href(site: UrlSite, path: string): string {
  // other schemes, protocol-relative URLs and fragments are not site paths
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || (path.startsWith("/") && !isSitePath(path)) || path.startsWith("#")) return path;
  return pathPrefix(site) + path.replace(/^\//, "");
}

/** Absolute URL of a site path: "/world/x/" → "https://example.org/news/world/x/". */
export function absoluteUrl(site: UrlSite, path: string): string {
  if (/^[a-z]+:/i.test(path)) return path;
  return new URL(path.replace(/^\//, ""), site.url.endsWith("/") ? site.url : `${site.url}/`).href;
}

/** Output path → URL path (Eleventy's page.url is already this; for files we write). */
export function isExternalUrl(url: string, site: UrlSite): boolean {
  return /^https?:\/\//i.test(url) && new URL(url).host !== new URL(site.url).host;
}

/* Feeds, sitemaps, search: the machine-readable outputs (paths, like every permalink). */
export const feedPath = () => "/feed.xml";
export const jsonFeedPath = () => "/feed.json";
export const sectionFeedPath = (section: string) => `/${section}/feed.xml`;
export const sitemapPath = () => "/sitemap.xml";
export const newsSitemapPath = () => "/news-sitemap.xml";
export const searchPath = () => "/search/";
/** the human page about following the site (what feeds are, and their addresses) */
export const followPath = () => "/follow/";
export const notFoundPath = () => "/404.html";

/**
 * Absolute URL of a root-relative path found in rendered HTML, which may already
 * carry the path prefix (links written through `href()`) or not (a bare site path):
 * "/news/world/x/" and "/world/x/" both → "https://example.org/news/world/x/".
 */
export function absoluteUrlOfHtmlPath(site: UrlSite, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return path;
  const prefix = pathPrefix(site);
  return path.startsWith(prefix) ? new URL(path, site.url).href : absoluteUrl(site, path);
}
