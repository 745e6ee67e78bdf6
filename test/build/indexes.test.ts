/**
 * Index pages (section fronts, topics, authors, monthly archive) over the `archive`
 * fixture: page size 2, seven public stories, a draft and a scheduled story.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildFixture, plain, type BuiltSite } from "../helpers/site.ts";
import { pagePath, pageUrls } from "../helpers/links.ts";

let site: BuiltSite;
let dev: BuiltSite;

before(async () => {
  site = await buildFixture("archive");
  dev = await buildFixture("archive", { production: false });
});
after(async () => {
  await site.cleanup();
  await dev.cleanup();
});

const titles = (doc: Document) => [...doc.querySelectorAll(".card__title")].map((h) => plain(h.textContent));
const pager = (doc: Document) => {
  const nav = doc.querySelector('nav.pagination[aria-label="Pagination"]');
  return nav && {
    prev: nav.querySelector('a[rel="prev"]')?.getAttribute("href") ?? null,
    next: nav.querySelector('a[rel="next"]')?.getAttribute("href") ?? null,
    status: plain(nav.querySelector(".pagination__status")?.textContent),
  };
};
const htmlPages = async (s: BuiltSite) => (await s.files()).filter((f) => f.endsWith(".html"));

describe("section fronts", () => {
  it("paginate at site.pageSize with stable URLs, rel=prev/next and 'page N of M'", () => {
    const expected = [
      { url: "/world/", titles: ["World one", "World two"], pager: { prev: null, next: "/world/page/2/", status: "Page 1 of 3" } },
      { url: "/world/page/2/", titles: ["World four at midnight", "World three"], pager: { prev: "/world/", next: "/world/page/3/", status: "Page 2 of 3" } },
      { url: "/world/page/3/", titles: ["World five"], pager: { prev: "/world/page/2/", next: null, status: "Page 3 of 3" } },
    ];
    for (const page of expected) {
      const doc = site.page(page.url);
      assert.equal(plain(doc.querySelector("h1")!.textContent), "World", page.url);
      assert.deepEqual(titles(doc), page.titles, page.url);
      assert.deepEqual(pager(doc), page.pager, page.url);
    }
    assert.equal(site.exists("/world/page/4/"), false, "no page past the last");
    assert.equal(site.exists("/world/page/1/"), false, "page 1 is the front itself");
    assert.equal(site.page("/world/page/2/").querySelector("title")!.textContent, "World, page 2 of 3 | Archive Fixture");
    assert.equal(site.page("/world/page/2/").querySelector('link[rel="canonical"]')!.getAttribute("href"), "https://fixture.example.org/world/page/2/");
  });

  it("fit one page exactly without pagination when the list is pageSize long", () => {
    const doc = site.page("/business/");
    assert.deepEqual(titles(doc), ["Business one", "Business two"]);
    assert.equal(pager(doc), null);
    assert.equal(site.exists("/business/page/2/"), false);
  });

  it("render for an empty section, saying there are no stories yet", () => {
    const doc = site.page("/science/");
    assert.equal(plain(doc.querySelector("h1")!.textContent), "Science");
    assert.equal(plain(doc.querySelector(".page-intro")!.textContent), "An empty section.");
    assert.equal(plain(doc.querySelector(".empty-list")!.textContent), "There are no stories in Science yet.");
    assert.equal(doc.querySelectorAll(".card").length, 0);
  });

  it("are marked current in the masthead, which also links Topics", () => {
    const nav = site.page("/world/page/2/").querySelector('nav[aria-label="Sections"]')!;
    assert.deepEqual(
      [...nav.querySelectorAll("a")].map((a) => [a.getAttribute("href"), a.getAttribute("aria-current")]),
      [["/world/", "page"], ["/business/", null], ["/science/", null], ["/topics/", null]],
    );
  });
});

/** An index page's entries: [link, text]. */
const indexItems = (path: string) =>
  [...site.page(path).querySelectorAll(".index-list li")].map((li) => [li.querySelector("a")!.getAttribute("href"), plain(li.textContent)]);

describe("topics", () => {
  it("index lists every topic alphabetically, with counts, merging tags with the same slug", () => {
    const items = indexItems("/topics/");
    assert.deepEqual(items, [
      ["/topics/climate/", "Climate (3 stories)"],
      ["/topics/middle-east/", "Middle East (2 stories)"],
      ["/topics/trade/", "Trade (1 story)"],
    ]);
  });

  it("pages list their stories newest first, paginated", () => {
    assert.deepEqual(titles(site.page("/topics/climate/")), ["World one", "World two"]);
    assert.deepEqual(pager(site.page("/topics/climate/")), { prev: null, next: "/topics/climate/page/2/", status: "Page 1 of 2" });
    assert.deepEqual(titles(site.page("/topics/climate/page/2/")), ["World four at midnight"]);
    assert.equal(site.exists("/topics/climate/page/3/"), false);
    // "Middle East" and "middle-east" are one topic, named by the spelling of the newest story
    assert.equal(plain(site.page("/topics/middle-east/").querySelector("h1")!.textContent), "Middle East");
    assert.deepEqual(titles(site.page("/topics/middle-east/")), ["World one", "World three"]);
  });

  it("are linked from every story that carries them", () => {
    const links = [...site.page("/world/w1/").querySelectorAll(".story__topics a")].map((a) => a.getAttribute("href"));
    assert.deepEqual(links, ["/topics/climate/", "/topics/middle-east/"]);
    assert.equal(site.page("/world/w3/").querySelector(".story__topics a")!.getAttribute("href"), "/topics/middle-east/");
  });
});

describe("authors", () => {
  it("page has name, role, bio, link and photo, and their stories paginated", () => {
    const doc = site.page("/authors/alice-ng/");
    assert.equal(plain(doc.querySelector("h1")!.textContent), "Alice Ng");
    assert.equal(plain(doc.querySelector(".author__role")!.textContent), "Climate reporter");
    assert.equal(plain(doc.querySelector(".author__bio")!.textContent), "Alice Ng writes about climate and energy.");
    assert.equal(doc.querySelector(".author__url a")!.getAttribute("href"), "https://alice.example.com/");
    assert.equal(doc.querySelector("img.author__photo")!.getAttribute("alt"), "Alice Ng");
    assert.deepEqual(titles(doc), ["World one", "World two"]);
    assert.deepEqual(titles(site.page("/authors/alice-ng/page/2/")), ["World four at midnight", "World three"]);
    assert.deepEqual(pager(site.page("/authors/alice-ng/page/2/")), { prev: "/authors/alice-ng/", next: null, status: "Page 2 of 2" });
    assert.equal(site.exists("/authors/alice-ng/page/3/"), false);
  });

  it("page exists for an author with no public story, and says so", () => {
    const doc = site.page("/authors/carol-li/");
    assert.equal(plain(doc.querySelector(".author__role")!.textContent), "Intern");
    assert.equal(plain(doc.querySelector(".empty-list")!.textContent), "There are no stories by Carol Li yet.");
  });

  it("index lists every author with role and count; bylines link to author pages", () => {
    const items = indexItems("/authors/");
    assert.deepEqual(items, [
      ["/authors/alice-ng/", "Alice Ng, Climate reporter (4 stories)"],
      ["/authors/bob-diaz/", "Bob Diaz, Business editor (2 stories)"],
      ["/authors/carol-li/", "Carol Li, Intern (0 stories)"],
    ]);
    const byline = [...site.page("/world/w2/").querySelectorAll('.byline a[rel="author"]')].map((a) => a.getAttribute("href"));
    assert.deepEqual(byline, ["/authors/alice-ng/", "/authors/bob-diaz/"]);
  });
});

describe("monthly archive", () => {
  it("index groups months by year, newest first, with counts", () => {
    const doc = site.page("/archive/");
    const years = [...doc.querySelectorAll(".archive-year")].map((y) => [
      plain(y.querySelector("h2")!.textContent),
      [...y.querySelectorAll("li")].map((li) => [li.querySelector("a")!.getAttribute("href"), plain(li.textContent)]),
    ]);
    assert.deepEqual(years, [
      ["2026", [["/archive/2026/02/", "February 2026 (2 stories)"], ["/archive/2026/01/", "January 2026 (3 stories)"]]],
      ["2025", [["/archive/2025/12/", "December 2025 (2 stories)"]]],
    ]);
  });

  it("months are cut in the site's time zone and paginated", () => {
    // w4 is 2026-02-01T02:00Z: still January 31 in New York
    assert.deepEqual(titles(site.page("/archive/2026/01/")), ["World four at midnight", "World three"]);
    assert.deepEqual(titles(site.page("/archive/2026/01/page/2/")), ["Business one"]);
    assert.deepEqual(pager(site.page("/archive/2026/01/page/2/")), { prev: "/archive/2026/01/", next: null, status: "Page 2 of 2" });
    assert.equal(site.exists("/archive/2026/01/page/3/"), false);
    assert.deepEqual(titles(site.page("/archive/2026/02/")), ["World one", "World two"]);
    assert.equal(plain(site.page("/archive/2026/02/").querySelector("h1")!.textContent), "February 2026");
  });
});

describe("links between pages", () => {
  it("every page links the topics, authors, archive and corrections indexes, and cards link stories and sections", () => {
    const doc = site.page("/archive/2025/12/");
    const footer = [...doc.querySelectorAll('footer nav[aria-label="Browse"] a')].map((a) => a.getAttribute("href"));
    assert.deepEqual(footer, ["/topics/", "/authors/", "/archive/", "/corrections/"]);
    const card = doc.querySelector(".card")!;
    assert.equal(card.querySelector(".card__title a")!.getAttribute("href"), "/world/w5/");
    assert.equal(card.querySelector(".card__section a")!.getAttribute("href"), "/world/");
  });

  it("no internal link or asset on any page points at a missing file", async () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of await htmlPages(site)) {
      const pageUrl = `https://fixture.example.org${pagePath(file)}`;
      for (const { url, raw, where } of pageUrls(site.page(file), pageUrl)) {
        if (url.host !== "fixture.example.org") continue;
        checked++;
        if (!site.exists(url.pathname)) missing.push(`${file}: ${where} ${raw}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.ok(checked > 200, `checked ${checked} internal URLs`);
  });
});

describe("production rules", () => {
  const hidden = /Secret draft|secret-draft|Future scheduled|future-story|Future topic|future-topic|2027/;

  it("a draft and a scheduled story appear in no page of a production build", async () => {
    const leaks: string[] = [];
    for (const file of await htmlPages(site)) {
      if (hidden.test(await site.text(file))) leaks.push(file);
    }
    assert.deepEqual(leaks, []);
    for (const url of ["/world/secret-draft/", "/business/future-story/", "/topics/secret-draft-topic/", "/topics/future-topic/", "/archive/2027/01/"]) {
      assert.equal(site.exists(url), false, url);
    }
  });

  it("the dev build lists them, marked as draft and scheduled", () => {
    const world = dev.page("/world/page/3/");
    const draft = [...world.querySelectorAll(".card")].find((c) => plain(c.querySelector(".card__title")!.textContent) === "Secret draft story");
    assert.ok(draft, "the draft is listed on its section front");
    assert.match(plain(draft.querySelector(".flag")!.textContent), /Draft/);
    const future = dev.page("/business/").querySelector(".card")!;
    assert.equal(plain(future.querySelector(".card__title")!.textContent), "Future scheduled story");
    assert.match(plain(future.querySelector(".flag")!.textContent), /Scheduled/);
    assert.ok(dev.exists("/topics/secret-draft-topic/"));
    assert.ok(dev.exists("/archive/2027/01/"));
    assert.equal(plain(dev.page("/authors/carol-li/").querySelector(".card__title")!.textContent), "Future scheduled story");
  });
});

describe("the demo site (src/)", () => {
  it("has every page type, each linked from the page above it", async () => {
    const real = await buildFixture("site");
    try {
      const expected = ["/", "/world/", "/us/", "/topics/", "/topics/europe/", "/authors/", "/authors/maria-kovacs/", "/archive/", "/archive/2022/10/"];
      for (const url of expected) assert.ok(real.exists(url), url);
      const hrefs = (url: string, selector: string) => [...real.page(url).querySelectorAll(selector)].map((a) => a.getAttribute("href"));
      assert.ok(hrefs("/", "main a").includes("/archive/"), "home links the archive");
      assert.ok(hrefs("/archive/", "main a").includes("/archive/2022/10/"));
      assert.ok(hrefs("/topics/", "main a").includes("/topics/europe/"));
      assert.ok(hrefs("/authors/", "main a").includes("/authors/maria-kovacs/"));
      assert.match(plain(real.page("/us/").querySelector(".empty-list")!.textContent), /no stories in U\.S\. yet/);
    } finally {
      await real.cleanup();
    }
  });
});
