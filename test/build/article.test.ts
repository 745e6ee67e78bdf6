/** The article page, built from the `good` fixture with the real config. */
import { HOSTILE_HEADLINE } from "../helpers/stories.ts";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildError, buildFixture, plain, type BuiltSite } from "../helpers/site.ts";

const HOSTILE = "/world/hostile-headline/";
let site: BuiltSite;

before(async () => {
  site = await buildFixture("good");
});
after(() => site.cleanup());

describe("article page", () => {
  it("is served at /<section>/<slug>/ with one h1: the headline, escaped", () => {
    const doc = site.page(HOSTILE);
    const h1s = doc.querySelectorAll("h1");
    assert.equal(h1s.length, 1);
    assert.equal(h1s[0]!.textContent, HOSTILE_HEADLINE);
    // The only scripts are the JSON-LD blocks (one serializer); none comes from content.
    const scripts = [...doc.querySelectorAll("script")];
    assert.deepEqual(scripts.map((s) => s.getAttribute("type")), ["application/ld+json", "application/ld+json"]);
    for (const s of scripts) assert.doesNotThrow(() => JSON.parse(s.textContent!));
  });

  it("escapes the headline in <title> and the dek in attributes", async () => {
    const doc = site.page(HOSTILE);
    assert.equal(doc.querySelector("title")!.textContent, `${HOSTILE_HEADLINE} | Newsroom`);
    assert.equal(doc.querySelector('meta[name="description"]')!.getAttribute("content"), "Dek with </script> and <b>tags</b> & ampersands");
    const raw = await site.text(HOSTILE);
    assert.ok(!raw.includes("<script>alert"), "raw <script> must never reach the HTML");
    assert.ok(raw.includes("&lt;script>") || raw.includes("&lt;script&gt;"));
  });

  it("has the dek, the byline from authors, and both dates as <time datetime>", () => {
    const doc = site.page(HOSTILE);
    assert.equal(plain(doc.querySelector(".story__dek")!.textContent), "Dek with </script> and <b>tags</b> & ampersands");
    assert.equal(plain(doc.querySelector(".byline__names")!.textContent), "By Maria Kovacs and James Okafor");
    assert.deepEqual(
      [...doc.querySelectorAll(".byline time")].map((t) => [t.getAttribute("datetime"), t.textContent]),
      [
        ["2024-02-10T08:30:00-05:00", "Feb. 10, 2024, 8:30 a.m. EST"],
        ["2024-02-11T10:00:00-05:00", "Feb. 11, 2024, 10 a.m. EST"],
      ],
    );
    assert.equal(doc.querySelector('.byline a[rel="author"]')!.getAttribute("href"), "/authors/maria-kovacs/");
  });

  it("falls back to the newsroom's byline and links the section front", () => {
    const doc = site.page("/world/plain-story/");
    assert.equal(plain(doc.querySelector(".byline__names")!.textContent), "By Newsroom Staff");
    assert.equal(doc.querySelector(".story__section a")!.getAttribute("href"), "/world/");
    assert.equal(doc.querySelector('link[rel="canonical"]')!.getAttribute("href"), "https://newsroom.example.org/world/plain-story/");
  });

  it("renders markdown as written: no template language, raw HTML as text, unsafe links dropped", () => {
    const body = site.page(HOSTILE).querySelector(".story__body")!;
    const paragraphs = [...body.querySelectorAll(":scope > p")].map((p) => p.textContent);
    assert.equal(paragraphs[0], "First paragraph with {{ not.a.template }} and {% raw %} kept as written.");
    assert.equal(paragraphs[1], "Raw <b>bold</b> HTML and <script>alert(1)</script> stay text.");
    assert.equal(body.querySelector("b"), null);
    assert.equal(body.querySelector('a[href^="javascript"]'), null);
    assert.equal(body.querySelector('a[href="https://example.com/x"]')!.getAttribute("rel"), "noopener");
    assert.equal(body.querySelector('a[href="/world/plain-story/"]')!.getAttribute("rel"), null);
    assert.equal(body.querySelector("h2")!.id, "a-heading-here");
  });

  it("renders typographic quotes and dashes", () => {
    assert.equal(site.page("/world/plain-story/").querySelector(".story__body p")!.textContent, "Just one paragraph – with “quotes” and dashes — here.");
  });

  it("renders the lead photo and body figures with caption then credit", () => {
    const doc = site.page(HOSTILE);
    const figures = [...doc.querySelectorAll("article figure")];
    assert.equal(figures.length, 2);
    const lead = figures[0]!;
    assert.ok(lead.classList.contains("figure--lead"));
    assert.equal(lead.querySelector("img")!.getAttribute("alt"), 'A lead photo with "quotes" & <angle> brackets');
    const body = figures[1]!;
    assert.equal(plain(body.querySelector(".figure__caption")!.textContent), "Caption <em>with</em> markup-like text");
    assert.equal(plain(body.querySelector(".figure__credit")!.textContent), "Photographer Name");
    assert.equal(body.querySelector("figcaption")!.firstElementChild!.className, "figure__caption");
  });

  it("sets related-story callouts apart, linking the other story", () => {
    const related = site.page(HOSTILE).querySelector(".story__body .related")!;
    assert.equal(related.querySelector("a")!.getAttribute("href"), "/world/plain-story/");
    assert.equal(related.querySelector("a")!.textContent, "The plain story");
  });

  it("places the site promo from _data/site and links topics", () => {
    const doc = site.page(HOSTILE);
    assert.equal(plain(doc.querySelector(".promo")!.textContent), "Follow Newsroom in your feed reader");
    assert.deepEqual(
      [...doc.querySelectorAll(".story__topics a")].map((a) => a.getAttribute("href")),
      ["/topics/security/", "/topics/c-and-rust/"],
    );
  });

  it("has landmarks, a skip link and the document language", () => {
    const doc = site.page(HOSTILE);
    assert.equal(doc.documentElement.getAttribute("lang"), "en-US");
    assert.ok(doc.querySelector("main#main article header"));
    assert.equal(doc.querySelector("a.skip-link")!.getAttribute("href"), "#main");
    assert.ok(doc.querySelector('nav[aria-label="Sections"]'));
    assert.ok(doc.querySelector("footer"));
  });

  it("leaves drafts and scheduled stories out of a production build", () => {
    assert.equal(site.exists("/us/draft-story/"), false);
    assert.equal(site.exists("/us/scheduled-story/"), false);
    const home = site.page("/");
    const titles = [...home.querySelectorAll(".card__title")].map((h) => plain(h.textContent));
    assert.deepEqual(titles, [plain(HOSTILE_HEADLINE), "The plain story"]);
  });
});

describe("home page", () => {
  it("lists the latest stories with section, dek, date and photo", () => {
    const card = site.page("/").querySelector(".card")!;
    assert.equal(card.querySelector(".card__section a")!.getAttribute("href"), "/world/");
    assert.equal(card.querySelector(".card__title a")!.getAttribute("href"), HOSTILE);
    assert.equal(card.querySelector("time")!.getAttribute("datetime"), "2024-02-10T08:30:00-05:00");
    assert.ok(card.querySelector("img[alt]"));
  });
});

describe("the dev build", () => {
  it("shows drafts and scheduled stories, marked as such", async () => {
    const dev = await buildFixture("good", { production: false });
    try {
      assert.match(plain(dev.page("/us/draft-story/").querySelector(".flag")!.textContent), /Draft/);
      assert.match(plain(dev.page("/us/scheduled-story/").querySelector(".flag")!.textContent), /Scheduled/);
    } finally {
      await dev.cleanup();
    }
  });
});

describe("a bad story", () => {
  it("fails the build naming the file and the key", async () => {
    const message = await buildError("bad-story");
    assert.match(message, /src\/articles\/broken-story\.md:6 autors: unknown key \(not in the content contract/);
  });
});
