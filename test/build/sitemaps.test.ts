/** sitemap.xml, the Google News sitemap, robots.txt and the 404 page, over the `good` fixture. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { EXTRA_STORIES, FRESH, FRESH_TITLE, HIDDEN_STORIES, OLDER, PUBLIC_STORIES } from "../helpers/stories.ts";

const BASE = "https://newsroom.example.org";
let site: BuiltSite;

before(async () => {
  site = await buildFixture("good", { files: EXTRA_STORIES });
});
after(() => site.cleanup());

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" });

async function parse(path: string) {
  const xml = await site.text(path);
  assert.equal(XMLValidator.validate(xml), true, `${path} is well-formed XML`);
  return { xml, doc: parser.parse(xml) };
}

/** Site paths of every HTML page in the output that does not ask to stay out of indexes and is its own canonical. */
async function indexablePages(): Promise<string[]> {
  const html = (await site.files()).filter((f) => f.endsWith(".html"));
  return html
    .filter((f) => site.page(f).querySelector('meta[name="robots"][content*="noindex"]') === null)
    .map((f) => f.replace(/index\.html$/, ""))
    .filter((p) => site.page(p).querySelector('link[rel="canonical"]')!.getAttribute("href") === BASE + p)
    .sort();
}

describe("sitemap.xml", () => {
  it("lists exactly the public pages of the output, with absolute URLs", async () => {
    const { doc } = await parse("/sitemap.xml");
    assert.equal(doc.urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs: string[] = doc.urlset.url.map((u: { loc: string }) => u.loc);
    assert.deepEqual([...locs].sort(), (await indexablePages()).map((p) => BASE + p));
    for (const story of PUBLIC_STORIES.filter((p) => p !== OLDER)) assert.ok(locs.includes(BASE + story), `${story} listed`);
    // a syndicated copy's canonical is its original: a sitemap lists only canonical URLs
    assert.ok(!locs.includes(BASE + OLDER), "the syndicated story is left out");
    assert.ok(locs.includes(`${BASE}/`));
  });

  it("leaves out the 404 and search pages, drafts and future stories", async () => {
    const { xml } = await parse("/sitemap.xml");
    assert.ok(site.exists("/404.html") && site.exists("/search/"));
    assert.ok(!xml.includes("404"));
    assert.ok(!xml.includes("/search/"));
    for (const path of HIDDEN_STORIES) assert.ok(!xml.includes(path), `${path} not in the sitemap`);
  });

  it("gives every page a lastmod: a story's update, else its date", async () => {
    const { doc } = await parse("/sitemap.xml");
    const lastmod = new Map<string, string>(doc.urlset.url.map((u: { loc: string; lastmod: string }) => [u.loc, u.lastmod]));
    assert.equal(lastmod.get(`${BASE}/world/hostile-headline/`), "2024-02-11T10:00:00-05:00");
    assert.equal(lastmod.get(`${BASE}/world/plain-story/`), "2024-02-01T00:00:00-05:00");
    assert.equal(lastmod.get(`${BASE}/`), "2026-11-25T09:00:00-05:00", "an index page: the newest story");
    for (const value of lastmod.values()) assert.match(value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });
});

describe("news-sitemap.xml", () => {
  it("lists the stories of the two days before the build, with publication, date and title", async () => {
    const { doc } = await parse("/news-sitemap.xml");
    assert.equal(doc.urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
    const urls = doc.urlset.url as { loc: string; "news:news": Record<string, unknown> }[];
    assert.deepEqual(urls.map((u) => u.loc), [BASE + FRESH], "older stories, drafts and future stories are left out");
    const news = urls[0]!["news:news"] as { "news:publication": Record<string, string>; "news:publication_date": string; "news:title": string };
    assert.deepEqual(news["news:publication"], { "news:name": "Newsroom", "news:language": "en" });
    assert.equal(news["news:publication_date"], "2026-11-25T09:00:00-05:00");
    assert.equal(news["news:title"], FRESH_TITLE);
  });

  it("escapes a headline holding </script>", async () => {
    const { xml } = await parse("/news-sitemap.xml");
    assert.ok(!xml.includes("<script") && !xml.includes("</script"));
    assert.ok(xml.includes("Fresh &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; news"));
  });

  it("is valid and empty when no story is that recent", async () => {
    const later = await buildFixture("good", { files: EXTRA_STORIES, now: "2026-12-20T12:00:00Z" });
    try {
      const xml = await later.text("/news-sitemap.xml");
      assert.equal(XMLValidator.validate(xml), true);
      const doc = parser.parse(xml);
      assert.ok("urlset" in doc);
      assert.equal(doc.urlset.url, undefined);
      assert.ok(later.exists("/politics/tomorrow-story/"), "a later build publishes the scheduled story");
    } finally {
      await later.cleanup();
    }
  });
});

describe("robots.txt and 404", () => {
  it("robots.txt names both sitemaps", async () => {
    const robots = await site.text("/robots.txt");
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, new RegExp(`^Sitemap: ${BASE}/sitemap\\.xml$`, "m"));
    assert.match(robots, new RegExp(`^Sitemap: ${BASE}/news-sitemap\\.xml$`, "m"));
  });

  it("the 404 page is noindex and links home", () => {
    const doc = site.page("/404.html");
    assert.equal(doc.querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex");
    assert.equal(doc.querySelector("h1")!.textContent, "Page not found");
    assert.ok(doc.querySelector('main a[href="/"]'));
  });
});

describe("a build under a path prefix", () => {
  it("keeps every feed, sitemap and JSON-LD URL under SITE_URL", async () => {
    const prefixed = await buildFixture("good", { files: EXTRA_STORIES, env: { SITE_URL: "https://example.org/news/" } });
    try {
      const texts = await Promise.all(["/sitemap.xml", "/news-sitemap.xml", "/feed.xml", "/feed.json", "/world/feed.xml", "/robots.txt"].map((p) => prefixed.text(p)));
      const story = prefixed.page("/world/hostile-headline/");
      const heads = [...story.querySelectorAll('script[type="application/ld+json"], link[rel="alternate"], link[rel="canonical"], meta[property^="og:"]')]
        .map((e) => e.textContent || e.getAttribute("href") || e.getAttribute("content") || "")
        .join("\n");
      const urls = [...(texts.join("\n") + heads).matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map((m) => m[0]);
      const own = urls.filter((u) => u.includes("example.org") && !u.includes("other.example.com") && !u.startsWith("https://example.com"));
      assert.ok(own.length > 20);
      for (const url of own) assert.ok(url.startsWith("https://example.org/news/"), `under the prefix: ${url}`);
      assert.match(texts[2]!, /src=&quot;https:\/\/example\.org\/news\/img\/[\w-]+-share-\d+\.jpg&quot;/, "body photo under the prefix");
      assert.ok(texts[0]!.includes("<loc>https://example.org/news/world/hostile-headline/</loc>"));
    } finally {
      await prefixed.cleanup();
    }
  });
});

describe("a dev build", () => {
  it("shows drafts as pages, but keeps them out of feeds, sitemaps and the search index", async () => {
    const dev = await buildFixture("good", { files: EXTRA_STORIES, production: false });
    try {
      assert.ok(dev.exists("/politics/fresh-draft/") && dev.exists("/us/draft-story/"), "drafts have pages in the dev server");
      assert.equal(dev.page("/politics/fresh-draft/").querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex");
      assert.equal(dev.page("/politics/fresh-draft/").querySelector("[data-pagefind-body]"), null);
      const outputs = await Promise.all(["/feed.xml", "/feed.json", "/politics/feed.xml", "/sitemap.xml", "/news-sitemap.xml"].map((p) => dev.text(p)));
      for (const text of outputs) for (const hidden of HIDDEN_STORIES) assert.ok(!text.includes(hidden), `${hidden} left out`);
    } finally {
      await dev.cleanup();
    }
  });
});
