/** Head metadata, JSON-LD, XML and sitemap rules as pure functions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderToStaticMarkup } from "preact-render-to-string";
import { h } from "preact";
import { articleView, type ArticleView, type BuildInfo } from "../../../_config/content/articles.ts";
import type { ArticleItem } from "../../../_config/site/collections.ts";
import type { CollectionItem } from "../../../_config/eleventy/eleventy-types.ts";
import { atomFeed } from "../../../_config/pages/feed-formats.ts";
import { newsArticle } from "../../../_config/pages/jsonld.ts";
import { absoluteHtml } from "../../../_config/pages/feeds.ts";
import { absoluteUrlOfHtmlPath } from "../../../_config/content/urls.ts";
import { articleMeta, feedLinks, pageMeta } from "../../../_config/pages/metadata.ts";
import type { ArticleData, SiteData } from "../../../_config/content/schema.ts";
import { newsEntries, newsLanguage, sitemapEntries } from "../../../_config/pages/sitemaps.ts";
import { el, xmlDocument } from "../../../_config/pages/xml.ts";
import { JsonLd } from "../../../_includes/components/JsonLd.tsx";

const site: SiteData = {
  name: "Newsroom",
  newsroom: "Newsroom Staff",
  url: "https://example.org/news/",
  language: "en-US",
  timezone: "America/New_York",
  description: "Independent news.",
  logo: "/assets/logo.svg",
  pageSize: 20,
};
const sections = { world: { title: "World", description: "News from around the world." } };
const authors = { "jane-doe": { name: "Jane Doe", role: "Reporter", bio: "Writes." } };
const build: BuildInfo = { production: true, now: "2026-11-26T12:00:00Z" };
const ctx = { site, sections };

function view(data: Partial<ArticleData> = {}, date = "2026-11-25T09:00:00-05:00"): ArticleView {
  const full: ArticleData = { title: "A <b>headline</b>", description: "The dek", date, section: "world", ...data };
  return articleView(full, { url: "/world/a-story/", inputPath: "src/articles/a-story.md", date: new Date(date) }, { site, sections, authors, build, inputDir: "src" });
}

describe("feedLinks", () => {
  it("site feeds always, the section's feed when the page has a section", () => {
    assert.deepEqual(feedLinks(ctx).map((f) => f.url), ["https://example.org/news/feed.xml", "https://example.org/news/feed.json"]);
    assert.deepEqual(feedLinks(ctx, "world").at(-1), { type: "application/atom+xml", title: "Newsroom: World", url: "https://example.org/news/world/feed.xml" });
    assert.equal(feedLinks(ctx, "nope").length, 2);
  });
});

describe("articleMeta", () => {
  it("builds article tags, canonical and JSON-LD for a story", () => {
    const meta = articleMeta(view({ authors: ["jane-doe"], tags: ["Elections"], updated: "2026-11-25T12:00:00-05:00" }), ctx);
    assert.equal(meta.type, "article");
    assert.equal(meta.canonical, "https://example.org/news/world/a-story/");
    assert.deepEqual(meta.article, {
      published: "2026-11-25T09:00:00-05:00",
      modified: "2026-11-25T12:00:00-05:00",
      section: "World",
      tags: ["Elections"],
      authors: ["https://example.org/news/authors/jane-doe/"],
    });
    assert.deepEqual(meta.jsonLd.map((d) => d["@type"]), ["NewsArticle", "BreadcrumbList"]);
    assert.equal(meta.noindex, false);
  });

  it("points a syndicated story's canonical at its source; marks drafts noindex", () => {
    assert.equal(articleMeta(view({ source: { name: "Wire", url: "https://wire.example.com/a" } }), ctx).canonical, "https://wire.example.com/a");
    assert.equal(articleMeta(view({ draft: true }), ctx).noindex, true);
    assert.equal(articleMeta(view({}, "2027-01-01T00:00:00Z"), ctx).noindex, true, "scheduled");
  });
});

describe("newsArticle authors", () => {
  it("Persons, else the source, else the newsroom, as Organizations", () => {
    const img = "https://example.org/i.jpg";
    assert.deepEqual(newsArticle(view({ authors: ["jane-doe"] }), site, img).author, [
      { "@type": "Person", name: "Jane Doe", url: "https://example.org/news/authors/jane-doe/", jobTitle: "Reporter" },
    ]);
    assert.deepEqual(newsArticle(view({ source: { name: "Wire", url: "https://wire.example.com/a" } }), site, img).author, [
      { "@type": "Organization", name: "Wire", url: "https://wire.example.com/a" },
    ]);
    assert.deepEqual(newsArticle(view(), site, img).author, [{ "@type": "Organization", name: "Newsroom Staff", url: "https://example.org/news/" }]);
  });
});

describe("pageMeta", () => {
  it("home: WebSite with SearchAction and NewsMediaOrganization", () => {
    const meta = pageMeta(ctx, { description: "d", path: "/" });
    assert.deepEqual(meta.jsonLd.map((d) => d["@type"]), ["WebSite", "NewsMediaOrganization"]);
    assert.equal((meta.jsonLd[0]!.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate, "https://example.org/news/search/?q={search_term_string}");
  });

  it("index pages: Home › Section (› page), the section feed advertised", () => {
    const front = pageMeta(ctx, { title: "World", description: "d", path: "/world/", section: "world" });
    const crumbs = (m: typeof front) => (m.jsonLd[0]!.itemListElement as { name: string; item: string }[]).map((i) => [i.name, i.item]);
    assert.deepEqual(crumbs(front), [
      ["Newsroom", "https://example.org/news/"],
      ["World", "https://example.org/news/world/"],
    ]);
    assert.equal(front.feeds.length, 3);
    const page2 = pageMeta(ctx, { title: "World, page 2", description: "d", path: "/world/page/2/", section: "world" });
    assert.deepEqual(crumbs(page2).at(-1), ["World, page 2", "https://example.org/news/world/page/2/"]);
    const topic = pageMeta(ctx, { title: "Elections", description: "d", path: "/topics/elections/" });
    assert.deepEqual(crumbs(topic), [
      ["Newsroom", "https://example.org/news/"],
      ["Elections", "https://example.org/news/topics/elections/"],
    ]);
  });

  it("noindex pages carry no JSON-LD", () => {
    assert.deepEqual(pageMeta(ctx, { title: "Search", description: "d", path: "/search/", noindex: true }).jsonLd, []);
  });
});

describe("JsonLd component", () => {
  it("writes JSON that no content can end the script element with", () => {
    const html = renderToStaticMarkup(h(JsonLd, { data: [newsArticle(view({ title: "</script><script>alert(1)</script><!--" }), site, "https://example.org/i.jpg")] }));
    const inner = /^<script type="application\/ld\+json">([\s\S]*)<\/script>$/.exec(html)![1]!;
    assert.ok(!/[<>]/.test(inner));
    assert.equal(JSON.parse(inner).headline, "</script><script>alert(1)</script><!–", "typeset, like the page");
  });
});

describe("xml", () => {
  it("escapes text and attributes and drops characters XML cannot carry", () => {
    const doc = xmlDocument(el("a", { href: 'x?a=1&b="2"' }, "<b> & \u0001ok", el("empty", null)));
    assert.equal(doc, '<?xml version="1.0" encoding="utf-8"?>\n<a href="x?a=1&amp;b=&quot;2&quot;">&lt;b&gt; &amp; ok<empty/></a>\n');
  });

  it("an Atom feed with no stories is still a feed", () => {
    const xml = atomFeed({ title: "T", description: "D", language: "en", feedUrl: "https://e.org/feed.xml", homeUrl: "https://e.org/", icon: "https://e.org/i.svg", updated: "2026-01-01T00:00:00Z", authors: [{ name: "N" }], items: [] });
    assert.match(xml, /^<\?xml[^>]*>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.ok(!xml.includes("<entry>"));
  });
});

function item(url: string | false, data: Record<string, unknown>, date: string, outputPath: string | false = url ? `dist${url}index.html` : false): CollectionItem & ArticleItem {
  return { url, inputPath: `src/${String(url)}.md`, fileSlug: "x", outputPath, date: new Date(date), data: { build, ...data } } as CollectionItem & ArticleItem;
}

describe("sitemaps", () => {
  const story = (url: string, date: string, extra: Record<string, unknown> = {}) =>
    item(url, { layout: "article.11ty.tsx", title: `T ${url}`, description: "d", date, section: "world", ...extra }, date);

  it("lists the HTML pages written, less noindex ones; a story's lastmod is its modified time", () => {
    const page = (url: string | false, head = "", outputPath: string | false = url ? `dist${url}index.html` : false) => ({ url, outputPath, content: `<html><head>${head}</head></html>` });
    const pages = [
      page("/"),
      page("/world/a/", '<meta property="article:modified_time" content="2026-11-21T05:00:00-05:00"/>'),
      page("/world/b/", '<meta property="article:modified_time" content="2026-11-20T05:00:00-05:00"/>'),
      page("/world/page/2/"),
      page("/world/draft/", '<meta name="robots" content="noindex"/><meta property="article:modified_time" content="2026-11-25T05:00:00-05:00"/>'),
      page("/404.html", '<meta name="robots" content="noindex"/>', "dist/404.html"),
      page("/feed.xml", "", "dist/feed.xml"),
      page(false),
    ];
    assert.deepEqual(sitemapEntries(pages, site, build.now), [
      { loc: "https://example.org/news/", lastmod: "2026-11-21T05:00:00-05:00" },
      { loc: "https://example.org/news/world/a/", lastmod: "2026-11-21T05:00:00-05:00" },
      { loc: "https://example.org/news/world/b/", lastmod: "2026-11-20T05:00:00-05:00" },
      { loc: "https://example.org/news/world/page/2/", lastmod: "2026-11-21T05:00:00-05:00" },
    ]);
    assert.deepEqual(sitemapEntries([page("/")], site, build.now), [{ loc: "https://example.org/news/", lastmod: "2026-11-26T07:00:00-05:00" }], "no story: the build's now");
  });

  it("news: the two days before now, newest first, never a future story", () => {
    const list = [
      story("/world/now/", "2026-11-26T12:00:00Z"),
      story("/world/edge/", "2026-11-24T12:00:00Z"),
      story("/world/old/", "2026-11-24T11:59:59Z"),
      story("/world/later/", "2026-11-26T12:00:01Z"),
      story("/world/draft/", "2026-11-26T10:00:00Z", { draft: true }),
    ];
    assert.deepEqual(newsEntries(list, { site, build }).map((e) => e.loc), ["https://example.org/news/world/now/", "https://example.org/news/world/edge/"]);
  });

  it("news: at most 1,000 stories", () => {
    const many = Array.from({ length: 1005 }, (_, i) => story(`/world/s${i}/`, new Date(Date.parse("2026-11-26T00:00:00Z") - i * 1000).toISOString()));
    assert.equal(newsEntries(many, { site, build }).length, 1000);
  });

  it("news:language is ISO 639 (Chinese keeps its script)", () => {
    assert.equal(newsLanguage("en-US"), "en");
    assert.equal(newsLanguage("fr"), "fr");
    assert.equal(newsLanguage("zh-TW"), "zh-tw");
  });
});

describe("absolute URLs in feed content", () => {
  it("a path with or without the prefix lands once under the site URL", () => {
    assert.equal(absoluteUrlOfHtmlPath(site, "/world/x/"), "https://example.org/news/world/x/");
    assert.equal(absoluteUrlOfHtmlPath(site, "/news/world/x/"), "https://example.org/news/world/x/");
    assert.equal(absoluteUrlOfHtmlPath(site, "https://other.example/x"), "https://other.example/x");
    assert.equal(absoluteUrlOfHtmlPath({ url: "https://example.org/" }, "/world/x/"), "https://example.org/world/x/");
  });

  it("absoluteHtml resolves relative, root-relative and prefixed URLs; leaves others", async () => {
    const html = '<a href="/world/a/">a</a><a href="/news/world/b/">b</a><a href="../c/">c</a><img src="pic.jpg" alt=""><a href="https://x.example/y?a=1&amp;b=2">x</a><a href="#n">n</a>';
    const out = await absoluteHtml(html, site, "/world/story/");
    assert.deepEqual([...out.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]), [
      "https://example.org/news/world/a/",
      "https://example.org/news/world/b/",
      "https://example.org/news/world/c/",
      "https://example.org/news/world/story/pic.jpg",
      "https://x.example/y?a=1&amp;b=2",
      "https://example.org/news/world/story/#n",
    ]);
  });

  it("articleMeta shares a photo-less story's generated social card", () => {
    const meta = articleMeta(view(), ctx);
    assert.match(meta.image.url, /^https:\/\/example\.org\/news\/img\/[\w-]+\.jpg$/);
    assert.deepEqual([meta.image.width, meta.image.height], [1200, 630]);
    assert.deepEqual(meta.jsonLd[0]!.image, [meta.image.url]);
  });
});
