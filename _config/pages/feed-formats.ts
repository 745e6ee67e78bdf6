/**
 * A `Feed` written out: Atom 1.0 (RFC 4287) through the escaping XML builder, and
 * JSON Feed 1.1 through JSON.stringify.
 */
import type { Feed, FeedAuthor } from "./feeds.ts";
import { el, xmlDocument } from "./xml.ts";

const ATOM_NS = "http://www.w3.org/2005/Atom";

function atomAuthor(a: FeedAuthor) {
  return el("author", null, el("name", null, a.name), a.url ? el("uri", null, a.url) : null);
}

export function atomFeed(feed: Feed): string {
  return xmlDocument(
    el(
      "feed",
      { xmlns: ATOM_NS, "xml:lang": feed.language },
      el("id", null, feed.feedUrl),
      el("title", { type: "text" }, feed.title),
      el("subtitle", { type: "text" }, feed.description),
      el("link", { rel: "self", type: "application/atom+xml", href: feed.feedUrl }),
      el("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
      el("updated", null, feed.updated),
      el("icon", null, feed.icon),
      feed.authors.map(atomAuthor),
      el("generator", null, "Newsroom"),
      feed.items.map((item) =>
        el(
          "entry",
          item.language ? { "xml:lang": item.language } : null,
          el("id", null, item.id),
          el("title", { type: "text" }, item.title),
          el("link", { rel: "alternate", type: "text/html", href: item.url }),
          item.externalUrl ? el("link", { rel: "via", type: "text/html", href: item.externalUrl }) : null,
          el("published", null, item.published),
          el("updated", null, item.updated),
          item.authors.map(atomAuthor),
          el("category", { term: item.section.slug, label: item.section.name }),
          item.tags.map((tag) => el("category", { term: tag })),
          el("summary", { type: "text" }, item.summary),
          el("content", { type: "html" }, item.contentHtml),
        ),
      ),
    ),
  );
}

/** JSON Feed 1.1 as an object (serialize with JSON.stringify). */
export function jsonFeed(feed: Feed): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    description: feed.description,
    icon: feed.icon,
    language: feed.language,
    authors: feed.authors,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      ...(item.image ? { image: item.image } : {}),
      date_published: item.published,
      date_modified: item.updated,
      authors: item.authors,
      tags: [item.section.name, ...item.tags],
      language: item.language ?? feed.language,
    })),
  };
}
