/** Pure list building (_config/site/indexes.ts): pagination boundaries and grouping. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleItem } from "../../../_config/site/collections.ts";
import { buildIndexes, listingTitle, paginate, storyCount } from "../../../_config/site/indexes.ts";
import { href } from "../../../_config/content/urls.ts";

const item = (slug: string, date: string, data: Partial<ArticleItem["data"]> = {}): ArticleItem =>
  ({ url: `/world/${slug}/`, inputPath: `./src/articles/${slug}.md`, fileSlug: slug, outputPath: false, date: new Date(date), data: { section: "world", ...data } }) as ArticleItem;
const head = { type: "section", key: "world", title: "World", description: "d" } as const;
const path = (p: number) => (p > 1 ? `/world/page/${p}/` : "/world/");

describe("paginate", () => {
  it("gives an empty list one page with no neighbours", () => {
    const pages = paginate(head, [], 2, path);
    assert.deepEqual(pages.map((p) => [p.url, p.pageNumber, p.totalPages, p.items.length, p.prev, p.next]), [["/world/", 1, 1, 0, undefined, undefined]]);
  });

  it("fits exactly pageSize items on one page, and pageSize + 1 on two", () => {
    const items = [1, 2, 3].map((n) => item(`s${n}`, `2026-01-0${n}`));
    assert.equal(paginate(head, items.slice(0, 2), 2, path).length, 1);
    const pages = paginate(head, items, 2, path);
    assert.deepEqual(pages.map((p) => [p.url, p.prev, p.next, p.items.map((i) => i.fileSlug), p.totalItems]), [
      ["/world/", undefined, "/world/page/2/", ["s1", "s2"], 3],
      ["/world/page/2/", "/world/", undefined, ["s3"], 3],
    ]);
  });
});

describe("buildIndexes", () => {
  const input = {
    site: { pageSize: 10, timezone: "America/New_York", language: "en-US" },
    sections: { world: { title: "World", description: "w" }, science: { title: "Science", description: "s" } },
    authors: { ann: { name: "Ann", role: "Reporter", bio: "b" } },
  };
  const articles = [
    item("c", "2026-03-01T04:00:00Z", { tags: ["Étude", "zebra"], authors: ["ann"] }),
    item("b", "2026-02-15T12:00:00Z", { tags: ["Zebra", "zebra"] }),
    item("a", "2026-01-10T12:00:00Z", { tags: ["Apple"] }),
  ];
  const ix = buildIndexes(articles, input);

  it("gives every section a front, empty ones included", () => {
    assert.deepEqual(ix.sectionPages.map((p) => [p.url, p.items.length]), [["/world/", 3], ["/science/", 0]]);
  });

  it("merges tags by slug, counts a story once, and sorts topics by name", () => {
    assert.deepEqual(ix.topicsIndex.map((t) => [t.name, t.url, t.count]), [
      ["Apple", "/topics/apple/", 1],
      ["Étude", "/topics/etude/", 1],
      ["zebra", "/topics/zebra/", 2],
    ]);
  });

  it("lists every registered author and cuts months in the site's zone", () => {
    assert.deepEqual(ix.authorsIndex.map((a) => [a.url, a.count]), [["/authors/ann/", 1]]);
    // 2026-03-01T04:00Z is still February 28 in New York
    assert.deepEqual(ix.archiveIndex, [{ year: "2026", months: [
      { key: "2026/02", name: "February 2026", url: "/archive/2026/02/", count: 2 },
      { key: "2026/01", name: "January 2026", url: "/archive/2026/01/", count: 1 },
    ] }]);
  });

  it("titles later pages distinctly and counts stories in words", () => {
    assert.equal(listingTitle({ title: "World", pageNumber: 1, totalPages: 3 }), "World");
    assert.equal(listingTitle({ title: "World", pageNumber: 2, totalPages: 3 }), "World, page 2 of 3");
    assert.deepEqual([0, 1, 2].map(storyCount), ["0 stories", "1 story", "2 stories"]);
  });
});

describe("href", () => {
  it("prefixes site paths and leaves other URLs alone", () => {
    const site = { url: "https://example.org/news/" };
    assert.equal(href(site, "/world/"), "/news/world/");
    assert.equal(href(site, "//cdn.example.com/x.js"), "//cdn.example.com/x.js");
    assert.equal(href(site, "https://example.com/"), "https://example.com/");
    assert.equal(href(site, "#main"), "#main");
  });
});

describe("sections registry", () => {
  it("rejects a section slug that would collide with the site's own URLs, naming the file and key", async () => {
    const { parseDataFile } = await import("../../../_config/content/data.ts");
    assert.throws(
      () => parseDataFile("topics:\n  title: Topics\n  description: Clash.\n", "/x/_data/sections.yaml"),
      /sections\.yaml topics: expected a section slug other than 404, admin, archive, assets, authors, corrections, feed, follow, img, page, pagefind, search, sitemap, topics/,
    );
  });
});
