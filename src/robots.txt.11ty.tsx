/**
 * /robots.txt: everything may be crawled; both sitemaps are named. Crawlers read
 * robots.txt only at a host's root, so a site under a path prefix needs its host to
 * serve this file (or its lines) at /robots.txt.
 */
import type { PageContext } from "../_config/site/index.ts";
import { absoluteUrl, newsSitemapPath, sitemapPath } from "../_config/content/index.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export default function render({ site }: PageContext): string {
  return ["User-agent: *", "Allow: /", "", `Sitemap: ${absoluteUrl(site, sitemapPath())}`, `Sitemap: ${absoluteUrl(site, newsSitemapPath())}`, ""].join("\n");
}
