/** JSON-LD and social metadata in the head of each page, over the `good` fixture. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { EXTRA_STORIES, FRESH, HOSTILE_HEADLINE, HOSTILE_TITLE, OLDER } from "../helpers/stories.ts";

const BASE = "https://newsroom.example.org";
const HOSTILE = "/world/hostile-headline/";
const OFFSET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
let site: BuiltSite;

before(async () => {
  site = await buildFixture("good", { files: EXTRA_STORIES });
});
after(() => site.cleanup());

type Ld = Record<string, any>; // JSON-LD is open-ended JSON

function jsonLd(path: string): Ld[] {
  return [...site.page(path).querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!) as Ld);
}
const ofType = (path: string, type: string) => jsonLd(path).filter((d) => d["@type"] === type);
const meta = (path: string, key: string) =>
  [...site.page(path).querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) => m.getAttribute("content"));

describe("NewsArticle on stories", () => {
  it("has the required properties, dates with offsets, Persons with URLs", () => {
    const [article] = ofType(HOSTILE, "NewsArticle");
    assert.ok(article);
    assert.equal(article["@context"], "https://schema.org");
    assert.equal(article.headline, HOSTILE_HEADLINE);
    assert.equal(article.description, "Dek with </script> and <b>tags</b> & ampersands");
    // 16x9, 4x3 and 1x1 crops of the lead photo, made by the photos module
    assert.equal(article.image.length, 3);
    for (const url of article.image as string[]) {
      assert.match(url, /^https:\/\/newsroom\.example\.org\/img\/[\w-]+\.jpg$/);
      assert.ok(site.exists(url.slice(BASE.length)), url);
    }
    assert.equal(article.datePublished, "2024-02-10T08:30:00-05:00");
    assert.equal(article.dateModified, "2024-02-11T10:00:00-05:00");
    assert.deepEqual(
      article.author.map((a: Ld) => [a["@type"], a.name, a.url]),
      [
        ["Person", "Maria Kovacs", `${BASE}/authors/maria-kovacs/`],
        ["Person", "James Okafor", `${BASE}/authors/james-okafor/`],
      ],
    );
    // the publisher is the home page's NewsMediaOrganization, by its @id
    assert.equal(article.publisher["@type"], "NewsMediaOrganization");
    assert.equal(article.publisher["@id"], `${BASE}/#organization`);
    assert.equal(article.publisher.name, "Newsroom");
    assert.deepEqual(article.mainEntityOfPage, { "@type": "WebPage", "@id": BASE + HOSTILE });
    assert.equal(article.isAccessibleForFree, true);
    assert.equal(article.articleSection, "World");
    assert.deepEqual(article.keywords, ["Security", "C++ & Rust"]);
  });

  it("credits the source, else the newsroom, as an Organization", () => {
    const [older] = ofType(OLDER, "NewsArticle");
    assert.deepEqual(older!.author, [{ "@type": "Organization", name: "The Other Paper", url: "https://other.example.com/2026/older" }]);
    const [plain] = ofType("/world/plain-story/", "NewsArticle");
    assert.deepEqual(plain!.author, [{ "@type": "Organization", name: "Newsroom Staff", url: `${BASE}/` }]);
    assert.equal(plain!.dateModified, plain!.datePublished);
    for (const path of [OLDER, "/world/plain-story/", FRESH]) {
      const [a] = ofType(path, "NewsArticle");
      assert.match(a!.datePublished, OFFSET_DATE);
      assert.match(a!.dateModified, OFFSET_DATE);
    }
  });

  it("has a BreadcrumbList Home › Section › Story", () => {
    const [crumbs] = ofType(HOSTILE, "BreadcrumbList");
    assert.deepEqual(
      crumbs!.itemListElement.map((i: Ld) => [i.position, i.name, i.item]),
      [
        [1, "Newsroom", `${BASE}/`],
        [2, "World", `${BASE}/world/`],
        [3, HOSTILE_HEADLINE, BASE + HOSTILE],
      ],
    );
  });

  it("cannot be ended by content: the raw script text has no < or >", async () => {
    const raw = await site.text(HOSTILE);
    const blocks = [...raw.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    assert.equal(blocks.length, 2);
    for (const block of blocks) {
      assert.ok(!/[<>]/.test(block), "no < or > inside a JSON-LD block");
      assert.ok(block.includes("\\u003c/script\\u003e"));
    }
  });
});

describe("social tags on stories", () => {
  it("Open Graph article tags and a Twitter card", () => {
    assert.deepEqual(meta(HOSTILE, "og:type"), ["article"]);
    assert.deepEqual(meta(HOSTILE, "og:title"), [HOSTILE_HEADLINE]);
    assert.deepEqual(meta(HOSTILE, "og:url"), [BASE + HOSTILE]);
    assert.equal(meta(HOSTILE, "og:image").length, 1);
    assert.match(meta(HOSTILE, "og:image")[0]!, /^https:\/\/newsroom\.example\.org\/img\/[\w-]+-share-1200\.jpg$/);
    assert.deepEqual(meta(HOSTILE, "og:image:width"), ["1200"]);
    assert.deepEqual(meta(HOSTILE, "article:published_time"), ["2024-02-10T08:30:00-05:00"]);
    assert.deepEqual(meta(HOSTILE, "article:modified_time"), ["2024-02-11T10:00:00-05:00"]);
    assert.deepEqual(meta(HOSTILE, "article:section"), ["World"]);
    assert.deepEqual(meta(HOSTILE, "article:tag"), ["Security", "C++ & Rust"]);
    assert.deepEqual(meta(HOSTILE, "twitter:card"), ["summary_large_image"]);
    assert.deepEqual(meta(HOSTILE, "twitter:image"), meta(HOSTILE, "og:image"));
  });

  it("og:image falls back to the first body figure, then to the story's generated card", () => {
    const [figure] = meta(FRESH, "og:image");
    assert.match(figure!, /^https:\/\/newsroom\.example\.org\/img\/[\w-]+-share-\d+\.jpg$/);
    assert.deepEqual(meta(FRESH, "og:image:alt"), ['The body photo\'s "alt" & more']);
    const [card] = meta("/world/plain-story/", "og:image");
    assert.match(card!, /^https:\/\/newsroom\.example\.org\/img\/card-[\w-]+\.jpg$/);
    for (const url of [figure!, card!]) assert.ok(site.exists(url.slice(BASE.length)), url);
  });

  it("a syndicated story's canonical and og:url are its source's", () => {
    assert.equal(site.page(OLDER).querySelector('link[rel="canonical"]')!.getAttribute("href"), "https://other.example.com/2026/older");
    assert.deepEqual(meta(OLDER, "og:url"), ["https://other.example.com/2026/older"]);
  });
});

describe("the home page", () => {
  it("has WebSite with a SearchAction and NewsMediaOrganization", () => {
    const [website] = ofType("/", "WebSite");
    assert.equal(website!.url, `${BASE}/`);
    assert.equal(website!.name, "Newsroom");
    assert.equal(website!.potentialAction["@type"], "SearchAction");
    assert.equal(website!.potentialAction.target.urlTemplate, `${BASE}/search/?q={search_term_string}`);
    assert.equal(website!.potentialAction["query-input"], "required name=search_term_string");
    const [org] = ofType("/", "NewsMediaOrganization");
    assert.equal(org!.name, "Newsroom");
    assert.equal(org!["@id"], `${BASE}/#organization`);
    // the fingerprinted logo the build writes, not the plain /assets/logo.svg
    assert.match(org!.logo.url, /^https:\/\/newsroom\.example\.org\/assets\/logo\.[0-9a-f]{10}\.svg$/);
    assert.ok(site.exists(org!.logo.url.slice(BASE.length)), org!.logo.url);
    assert.deepEqual(meta("/", "og:type"), ["website"]);
    const [card] = meta("/", "og:image");
    assert.match(card!, /^https:\/\/newsroom\.example\.org\/img\/card-[\w-]+\.jpg$/);
    assert.ok(site.exists(card!.slice(BASE.length)));
  });
});

describe("every page", () => {
  it("has a title, description, absolute canonical, og and twitter tags; indexable non-home pages have breadcrumbs", async () => {
    const pages = (await site.files()).filter((f) => f.endsWith(".html"));
    assert.ok(pages.length >= 7);
    for (const file of pages) {
      const doc = site.page(file);
      assert.ok(doc.querySelector("title")!.textContent!.includes("Newsroom"), `${file}: title`);
      assert.ok(doc.querySelector('meta[name="description"]')!.getAttribute("content"), `${file}: description`);
      assert.match(doc.querySelector('link[rel="canonical"]')!.getAttribute("href")!, /^https:\/\//, `${file}: canonical`);
      for (const key of ["og:title", "og:description", "og:url", "og:image", "og:type", "twitter:card"]) {
        assert.equal(meta(file, key).length, 1, `${file}: ${key}`);
      }
      const types = jsonLd(file).map((d) => d["@type"]);
      const noindex = doc.querySelector('meta[name="robots"][content*="noindex"]') !== null;
      if (file !== "/index.html" && !noindex) assert.ok(types.includes("BreadcrumbList"), `${file}: BreadcrumbList`);
    }
  });
});
