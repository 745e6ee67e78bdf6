/** How the search index is cut into parts: the publication month read from a page, and the parts (pure functions). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignParts, EMPTY_PART, pageUrl, partsFile, publishedMonth, UNDATED_PART, type SearchablePage } from "../../../_config/build/search-parts.ts";

const page = (body: string, head = "") => `<!doctype html><html lang="en"><head><title>x</title>${head}</head><body>${body}</body></html>`;

describe("publishedMonth", () => {
  it("reads the datetime of the <time> that is Pagefind's date metadata, as written (the site's zone)", () => {
    const html = page(`<article data-pagefind-body><p>Published <time datetime="2024-12-31T23:30:00-05:00" data-pagefind-meta="date">Dec. 31, 2024</time></p></article>`);
    assert.equal(publishedMonth(html), "2024-12", "not January 2025 (UTC)");
  });

  it("skips other <time> elements (cards, the updated date) and finds any attribute order, quoting and case", () => {
    const html = page(`<time datetime="2020-01-01">a card</time><p>Updated <time datetime="2026-03-01">x</time> <TIME DATA-PAGEFIND-META='date' DATETIME='2025-07-04'>July 4</TIME></p>`);
    assert.equal(publishedMonth(html), "2025-07");
  });

  it("accepts Pagefind's other forms of the date key, and no other key", () => {
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="date[datetime]" datetime="2023-02-03">x</time>`)), "2023-02");
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="section:World, date" datetime="2023-04-03">x</time>`)), "2023-04");
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="dates" datetime="2023-04-03">x</time>`)), undefined);
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="updated" datetime="2023-04-03">x</time>`)), undefined);
  });

  it("is not fooled by the attribute's text in the body or head (escaped there)", () => {
    const html = page(`<p>Use &lt;time data-pagefind-meta="date" datetime="1999-01-01"&gt;</p><time data-pagefind-meta="date" datetime="2022-10-04">x</time>`, `<meta name="description" content='&lt;time data-pagefind-meta="date" datetime="1998-01-01"&gt;'>`);
    assert.equal(publishedMonth(html), "2022-10");
  });

  it("finds the element past the first chunk the parser reads (a long head)", () => {
    const head = `<meta name="x" content="${"a".repeat(20_000)}">`;
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="date" datetime="2021-06-30T10:00:00Z">x</time>`, head)), "2021-06");
  });

  it("is undefined without a usable date", () => {
    assert.equal(publishedMonth(page("<p>No date</p>")), undefined);
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="date">Oct. 4</time>`)), undefined);
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="date" datetime="2024-13-01">x</time>`)), undefined);
    assert.equal(publishedMonth(page(`<time data-pagefind-meta="date" datetime="yesterday">x</time>`)), undefined);
  });
});

const p = (file: string, month?: string): SearchablePage => ({ file, hash: `h-${file}`, ...(month ? { month } : {}) });

describe("assignParts", () => {
  const pages = [
    p("/world/b/index.html", "2026-11"),
    p("/world/a/index.html", "2026-11"),
    p("/us/c/index.html", "2026-02"),
    p("/us/d/index.html", "2025-12"),
    p("/us/e/index.html", "2025-01"),
    p("/opinion/f/index.html", "2019-05"),
    p("/about/index.html"),
  ];

  it("makes a part per past year, per month of the newest story's year, and one for undated pages; newest first", () => {
    const parts = assignParts(pages);
    assert.deepEqual(
      parts.map((x) => [x.name, x.pages.map((y) => y.file)]),
      [
        ["2026-11", ["/world/a/index.html", "/world/b/index.html"]],
        ["2026-02", ["/us/c/index.html"]],
        ["2025", ["/us/d/index.html", "/us/e/index.html"]],
        ["2019", ["/opinion/f/index.html"]],
        [UNDATED_PART, ["/about/index.html"]],
      ],
    );
  });

  it("depends on the pages only, not on their order (and never on the clock)", () => {
    const shuffled = [...pages].reverse();
    assert.deepEqual(assignParts(shuffled), assignParts(pages));
    assert.equal(partsFile(assignParts(shuffled)), partsFile(assignParts(pages)));
  });

  it("splits the newest year by month even with one story; a new year turns the old months into one part", () => {
    assert.deepEqual(assignParts([p("/a/index.html", "2024-03")]).map((x) => x.name), ["2024-03"]);
    const before = assignParts([p("/a/index.html", "2026-03"), p("/b/index.html", "2026-12")]).map((x) => x.name);
    const after = assignParts([p("/a/index.html", "2026-03"), p("/b/index.html", "2026-12"), p("/c/index.html", "2027-01")]).map((x) => x.name);
    assert.deepEqual(before, ["2026-12", "2026-03"]);
    assert.deepEqual(after, ["2027-01", "2026"]);
  });

  it("has one empty part when nothing is searchable, and only undated pages make one undated part", () => {
    assert.deepEqual(assignParts([]), [{ name: EMPTY_PART, pages: [] }]);
    assert.deepEqual(assignParts([p("/x/index.html")]).map((x) => x.name), [UNDATED_PART]);
  });

  it("lists the parts' bundles newest first in parts.json", () => {
    const list = JSON.parse(partsFile(assignParts(pages))) as { parts: { name: string; bundle: string; pages: number }[] };
    assert.deepEqual(list.parts[0], { name: "2026-11", bundle: "parts/2026-11/", pages: 2 });
    assert.deepEqual(list.parts.map((x) => x.bundle), ["parts/2026-11/", "parts/2026-02/", "parts/2025/", "parts/2019/", `parts/${UNDATED_PART}/`]);
  });

  it("gives pages the URLs Pagefind's addDirectory gives them", () => {
    assert.equal(pageUrl("/world/a/index.html"), "/world/a/");
    assert.equal(pageUrl("/index.html"), "/");
    assert.equal(pageUrl("/404.html"), "/404.html");
    assert.equal(pageUrl("/a/notindex.html"), "/a/notindex.html");
  });
});
