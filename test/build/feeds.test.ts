/** Atom and JSON feeds over the `good` fixture (plus fresh stories), read by a real feed parser. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { buildFixture, type BuiltSite } from "../helpers/site.ts";
import { EXTRA_STORIES, FRESH, FRESH_TITLE, HIDDEN_STORIES, HOSTILE_HEADLINE, HOSTILE_TITLE, OLDER, PUBLIC_STORIES } from "../helpers/stories.ts";

const BASE = "https://newsroom.example.org";
const HOSTILE = "/world/hostile-headline/";
let site: BuiltSite;

before(async () => {
  site = await buildFixture("good", { files: EXTRA_STORIES });
});
after(() => site.cleanup());

async function atom(path: string) {
  const xml = await site.text(path);
  assert.equal(XMLValidator.validate(xml), true, `${path} is well-formed XML`);
  return { xml, feed: parseAtomFeed(xml) };
}

describe("Atom feed /feed.xml", () => {
  it("has the feed's required fields, with absolute URLs", async () => {
    const { feed } = await atom("/feed.xml");
    assert.equal(feed.id, `${BASE}/feed.xml`);
    assert.equal(feed.title?.value, "Newsroom");
    assert.ok(feed.updated && !Number.isNaN(Date.parse(feed.updated)));
    assert.deepEqual(
      feed.links?.map((l) => [l.rel, l.href]),
      [
        ["self", `${BASE}/feed.xml`],
        ["alternate", `${BASE}/`],
      ],
    );
  });

  it("carries exactly the public stories, newest first, with stable ids", async () => {
    const { feed } = await atom("/feed.xml");
    const ids = feed.entries?.map((e) => e.id);
    assert.deepEqual(ids, [FRESH, OLDER, HOSTILE, "/world/plain-story/"].map((p) => BASE + p));
    assert.deepEqual(new Set(ids), new Set(PUBLIC_STORIES.map((p) => BASE + p)));
    for (const e of feed.entries ?? []) {
      assert.equal(e.links?.find((l) => l.rel === "alternate")?.href, e.id, "id = the story's URL on this site");
      assert.ok(e.title?.value && e.summary?.value && e.content?.value, `${e.id}: title, summary, content`);
      assert.ok(e.published && e.updated && e.authors?.length, `${e.id}: dates and author`);
    }
  });

  it("gives each entry its authors, dates (updated, else date) and categories", async () => {
    const { feed } = await atom("/feed.xml");
    const hostile = feed.entries!.find((e) => e.id === BASE + HOSTILE)!;
    assert.deepEqual(hostile.authors?.map((a) => [a.name, a.uri]), [
      ["Maria Kovacs", `${BASE}/authors/maria-kovacs/`],
      ["James Okafor", `${BASE}/authors/james-okafor/`],
    ]);
    assert.equal(hostile.published, "2024-02-10T08:30:00-05:00");
    assert.equal(hostile.updated, "2024-02-11T10:00:00-05:00");
    assert.deepEqual(hostile.categories?.map((c) => c.term), ["world", "Security", "C++ & Rust"]);
    const plain = feed.entries!.find((e) => e.id === `${BASE}/world/plain-story/`)!;
    assert.equal(plain.updated, plain.published, "no update: updated = date");
    assert.deepEqual(plain.authors?.map((a) => a.name), ["Newsroom Staff"]);
    const older = feed.entries!.find((e) => e.id === BASE + OLDER)!;
    assert.deepEqual(older.authors?.map((a) => [a.name, a.uri]), [["The Other Paper", "https://other.example.com/2026/older"]]);
    assert.equal(older.links?.find((l) => l.rel === "via")?.href, "https://other.example.com/2026/older");
  });

  it("has the full body with the lead photo, every URL absolute", async () => {
    const { feed } = await atom("/feed.xml");
    const html = feed.entries!.find((e) => e.id === BASE + HOSTILE)!.content!.value!;
    // photos become their 1200-px JPEG rendition, with dimensions, never the original
    assert.match(html, /<figure class="figure"><img src="https:\/\/newsroom\.example\.org\/img\/[\w-]+-share-\d+\.jpg" width="\d+" height="\d+"/);
    assert.match(html, /A heading here/);
    assert.match(html, /href="https:\/\/newsroom\.example\.org\/world\/plain-story\/"/);
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(urls.length >= 4);
    for (const url of urls) assert.match(url, /^https:\/\//, `absolute: ${url}`);
  });

  it("escapes a headline holding <script> and </script>", async () => {
    const { xml, feed } = await atom("/feed.xml");
    assert.ok(!xml.includes("<script"), "no raw <script in the XML");
    assert.ok(xml.includes("Alert &lt;script&gt;alert(“x”)&lt;/script&gt;"), "escaped, and typeset like the page");
    assert.equal(feed.entries!.find((e) => e.id === BASE + HOSTILE)!.title!.value, HOSTILE_HEADLINE);
    assert.equal(feed.entries!.find((e) => e.id === BASE + FRESH)!.title!.value, FRESH_TITLE);
  });

  it("leaves drafts and future stories out", async () => {
    const { xml } = await atom("/feed.xml");
    for (const path of HIDDEN_STORIES) assert.ok(!xml.includes(path), `${path} not in the feed`);
    assert.ok(!xml.includes("secretword"));
  });
});

describe("JSON Feed /feed.json", () => {
  it("is JSON Feed 1.1 with the same stories, full content and authors", async () => {
    const raw = JSON.parse(await site.text("/feed.json"));
    assert.equal(raw.version, "https://jsonfeed.org/version/1.1");
    const feed = parseJsonFeed(raw);
    assert.equal(feed.feed_url, `${BASE}/feed.json`);
    assert.equal(feed.home_page_url, `${BASE}/`);
    assert.deepEqual(feed.items?.map((i) => i.id), [FRESH, OLDER, HOSTILE, "/world/plain-story/"].map((p) => BASE + p));
    const hostile = feed.items!.find((i) => i.id === BASE + HOSTILE)!;
    assert.equal(hostile.title, HOSTILE_HEADLINE);
    assert.equal(hostile.url, BASE + HOSTILE);
    assert.equal(hostile.date_published, "2024-02-10T08:30:00-05:00");
    assert.equal(hostile.date_modified, "2024-02-11T10:00:00-05:00");
    assert.deepEqual(hostile.authors?.map((a) => a.name), ["Maria Kovacs", "James Okafor"]);
    assert.match(hostile.content_html!, /src="https:\/\/newsroom\.example\.org\/img\/[\w-]+-share-\d+\.jpg"/);
    assert.equal(feed.items!.find((i) => i.id === BASE + OLDER)!.external_url, "https://other.example.com/2026/older");
    const text = await site.text("/feed.json");
    for (const path of HIDDEN_STORIES) assert.ok(!text.includes(path));
  });
});

describe("section feeds", () => {
  it("carry only their section's stories; an empty section's feed is valid", async () => {
    const world = (await atom("/world/feed.xml")).feed;
    assert.equal(world.id, `${BASE}/world/feed.xml`);
    assert.equal(world.title?.value, "Newsroom: World");
    assert.deepEqual(world.entries?.map((e) => e.id), [BASE + HOSTILE, `${BASE}/world/plain-story/`]);
    assert.deepEqual((await atom("/politics/feed.xml")).feed.entries?.map((e) => e.id), [BASE + FRESH]);
    const opinion = (await atom("/opinion/feed.xml")).feed;
    assert.equal(opinion.entries?.length ?? 0, 0);
    assert.ok(opinion.updated);
    assert.equal((await atom("/us/feed.xml")).feed.entries?.length ?? 0, 0, "the us section has only a draft and a scheduled story");
  });
});

describe("feed discovery", () => {
  const alternates = (path: string) =>
    [...site.page(path).querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute("type"), l.getAttribute("href")]);

  it("advertises the site feeds everywhere and the section feed on its stories", () => {
    const siteFeeds = [
      ["application/atom+xml", `${BASE}/feed.xml`],
      ["application/feed+json", `${BASE}/feed.json`],
    ];
    assert.deepEqual(alternates("/"), siteFeeds);
    assert.deepEqual(alternates("/search/"), siteFeeds);
    assert.deepEqual(alternates(HOSTILE), [...siteFeeds, ["application/atom+xml", `${BASE}/world/feed.xml`]]);
    assert.deepEqual(alternates(FRESH), [...siteFeeds, ["application/atom+xml", `${BASE}/politics/feed.xml`]]);
  });

  it("the promo's /feed.xml link resolves to the feed", () => {
    assert.equal(site.page(HOSTILE).querySelector(".promo a")!.getAttribute("href"), "/feed.xml");
    assert.ok(site.exists("/feed.xml"));
  });
});

describe("an update", () => {
  it("never changes an entry's id, only its updated date", async () => {
    const story = EXTRA_STORIES["src/articles/2026/older-syndicated.md"]!.replace("updated: 2026-11-24T08:00:00-05:00", "updated: 2026-11-25T20:00:00-05:00");
    const again = await buildFixture("good", { files: { ...EXTRA_STORIES, "src/articles/2026/older-syndicated.md": story } });
    try {
      const before = parseAtomFeed(await site.text("/feed.xml")).entries!.find((e) => e.id === BASE + OLDER)!;
      const after = parseAtomFeed(await again.text("/feed.xml")).entries!.find((e) => e.id === BASE + OLDER)!;
      assert.equal(after.id, before.id);
      assert.equal(before.updated, "2026-11-24T08:00:00-05:00");
      assert.equal(after.updated, "2026-11-25T20:00:00-05:00");
    } finally {
      await again.cleanup();
    }
  });
});
