/** The dev loop's incremental plan (which pages a rebuild writes, in which order) and the fast path's list. */
import type { MapEntry, PageEntry, TemplateWriterInternals } from "@11ty/eleventy";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleItem } from "../../../_config/site/collections.ts";
import { isArticlePath } from "../../../_config/site/collections.ts";
import { withItem } from "../../../_config/dev/fast-path.ts";
import { IncrementalPlanner, listingSignature } from "../../../_config/dev/incremental.ts";
import type { ListingPage } from "../../../_config/site/listing.ts";

const item = (inputPath: string, date = "2024-01-01", url: string | false = `/${inputPath}/`) => ({ inputPath, url, date: new Date(date), data: {} }) as unknown as ArticleItem;

function listing(key: string, stories: string[], extra: Partial<ListingPage> = {}): ListingPage {
  return { type: "topic", key, title: key, description: "", url: `/topics/${key}/`, pageNumber: 1, totalPages: 1, totalItems: stories.length, items: stories.map((s) => item(s)), first: `/topics/${key}/`, ...extra };
}

const page = (url: string, inputPath: string, data: Record<string, unknown> = {}): PageEntry => ({ url, outputPath: `dist${url}index.html`, inputPath, data });
const entry = (inputPath: string, pages: PageEntry[]) => ({ inputPath, _pages: pages }) as unknown as MapEntry;

/** A TemplateWriter stand-in: records which pages it was asked to write, in order, each job finishing a tick later. */
function fakeWriter() {
  const order: string[] = [];
  const writer = {
    _generateTemplate: async (e: MapEntry) => {
      await new Promise((resolve) => setImmediate(resolve));
      for (const p of e._pages) order.push(String(p.url));
      return e._pages;
    },
  } as unknown as TemplateWriterInternals;
  return { writer, order };
}

/** Runs one build through the planner, as Eleventy's generateTemplates does (every entry started in one loop). */
async function build(planner: IncrementalPlanner, entries: MapEntry[], plan: { changed?: string; full: boolean }) {
  const { writer, order } = fakeWriter();
  planner.begin(writer, plan);
  await Promise.all(entries.map((e) => writer._generateTemplate(e, "fs")));
  return { order, ...planner.commit() };
}

const site = (stories: Record<string, string[]>) => [
  entry("./src/topic.11ty.tsx", Object.entries(stories).map(([key, list]) => page(`/topics/${key}/`, "./src/topic.11ty.tsx", { listing: listing(key, list) }))),
  entry("./src/articles/a.md", [page("/world/a/", "./src/articles/a.md")]),
  entry("./src/index.11ty.tsx", [page("/", "./src/index.11ty.tsx")]),
  entry("./src/feed.xml.11ty.tsx", [page("/feed.xml", "./src/feed.xml.11ty.tsx")]),
];

/** A planner after a full build, with an edit of story a begun (nothing generated yet). */
async function editBegun() {
  const planner = new IncrementalPlanner();
  const stories = { x: ["./src/articles/a.md"] };
  await build(planner, site(stories), { full: true });
  const { writer, order } = fakeWriter();
  planner.begin(writer, { changed: "./src/articles/a.md", full: false });
  return { planner, stories, writer, order };
}

describe("dev loop: incremental plan", () => {
  it("a full build writes every page and remembers each list page", async () => {
    const { order, skipped } = await build(new IncrementalPlanner(), site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md"] }), { full: true });
    assert.deepEqual(order.sort(), ["/", "/feed.xml", "/topics/x/", "/topics/y/", "/world/a/"]);
    assert.equal(skipped, 0);
  });

  it("after an edit: the story and the home page first, list pages that show the story, none that cannot", async () => {
    const planner = new IncrementalPlanner();
    const stories = { x: ["./src/articles/a.md"], y: ["./src/articles/b.md"] };
    await build(planner, site(stories), { full: true });
    const { order, kept, skipped } = await build(planner, site(stories), { changed: "./src/articles/a.md", full: false });
    assert.deepEqual(order.slice(0, 2).sort(), ["/", "/world/a/"], "the story and the home page are written before anything else");
    assert.deepEqual(order.slice(2).sort(), ["/feed.xml", "/topics/x/"], "topic y cannot show story a: not rewritten");
    assert.equal(skipped, 1);
    assert.deepEqual([...kept.get("./src/topic.11ty.tsx")!], ["dist/topics/y/index.html"], "the skipped page still belongs to its template (not stale)");
  });

  it("pages written ahead of the next build are left by the running one, and kept as its template's", async () => {
    const { planner, stories, writer, order } = await editBegun();
    assert.equal(planner.supersede(["dist/world/a/index.html", "dist/index.html"]), true, "nothing begun yet: the running build leaves them");
    await Promise.all(site(stories).map((e) => writer._generateTemplate(e, "fs")));
    const { kept } = planner.commit();
    assert.deepEqual(order.sort(), ["/feed.xml", "/topics/x/"], "the story and the home page were not written again");
    assert.deepEqual([...kept.get("./src/articles/a.md")!], ["dist/world/a/index.html"]);
    assert.deepEqual([...kept.get("./src/index.11ty.tsx")!], ["dist/index.html"]);
    // the next build writes them as always
    const next = await build(planner, site(stories), { changed: "./src/articles/a.md", full: false });
    assert.deepEqual(next.order.slice(0, 2).sort(), ["/", "/world/a/"]);
  });

  it("a page the running build has begun is not superseded: the save waits for the build's lead", async () => {
    const { planner, stories, writer, order } = await editBegun();
    const writes = Promise.all(site(stories).map((e) => writer._generateTemplate(e, "fs")));
    assert.equal(planner.supersede(["dist/world/a/index.html", "dist/index.html"]), false);
    const lead = planner.leadWritten("./src/articles/a.md");
    assert.equal(await lead, true, "the build of this story wrote its lead");
    assert.ok(order.includes("/") && order.includes("/world/a/"), "by then the story and home page are written");
    assert.equal(await planner.leadWritten("./src/articles/b.md"), false, "a build of another file has no lead for it");
    await writes;
    planner.commit();
    assert.equal(await planner.leadWritten("./src/articles/a.md"), false, "no build running");
    assert.equal(planner.supersede(["dist/world/a/index.html"]), false, "no build running: nothing to supersede");
    const after = await build(planner, site(stories), { changed: "./src/articles/a.md", full: false });
    assert.ok(after.order.includes("/world/a/"), "a request made between builds does not reach the next one");
  });

  it("a list page whose stories, order or counts changed is written even when the story is not on it", async () => {
    const planner = new IncrementalPlanner();
    await build(planner, site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md", "./src/articles/c.md"] }), { full: true });
    // a.md left topic x's page 1 and pushed c.md down a page of y: both lists differ from what is on disk
    const { order } = await build(planner, site({ x: [], y: ["./src/articles/b.md"] }), { changed: "./src/articles/a.md", full: false });
    assert.ok(order.includes("/topics/x/") && order.includes("/topics/y/"), order.join(" "));
  });

  it("a list page that disappeared and comes back is written again", async () => {
    const planner = new IncrementalPlanner();
    await build(planner, site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md"] }), { full: true });
    await build(planner, site({ x: ["./src/articles/a.md"] }), { changed: "./src/articles/b.md", full: false });
    const { order } = await build(planner, site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md"] }), { changed: "./src/articles/a.md", full: false });
    assert.ok(order.includes("/topics/y/"), order.join(" "));
  });

  it("changes that are not one markdown file, and full builds, skip nothing", async () => {
    for (const plan of [{ changed: "./_includes/layouts/topic.11ty.tsx", full: false }, { changed: "./_data/site.yaml", full: false }, { changed: "./src/articles/a.md", full: true }]) {
      const planner = new IncrementalPlanner();
      const stories = { x: ["./src/articles/a.md"], y: ["./src/articles/b.md"] };
      await build(planner, site(stories), { full: true });
      const { order, skipped } = await build(planner, site(stories), plan);
      assert.equal(skipped, 0, plan.changed);
      assert.equal(order.length, 5, plan.changed);
    }
  });

  it("after a failed build nothing it saw is remembered", async () => {
    const planner = new IncrementalPlanner();
    await build(planner, site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md"] }), { full: true });
    const { writer } = fakeWriter();
    planner.begin(writer, { changed: "./src/articles/b.md", full: false });
    await writer._generateTemplate(site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md", "./src/articles/c.md"] })[0]!, "fs");
    planner.abort();
    const { order } = await build(planner, site({ x: ["./src/articles/a.md"], y: ["./src/articles/b.md", "./src/articles/c.md"] }), { changed: "./src/articles/a.md", full: false });
    assert.ok(order.includes("/topics/y/"), "y differs from what was last written, not from what the failed build saw");
  });

  it("a list page's signature covers its heading, counts, neighbours and stories in order", () => {
    const base = listing("x", ["a", "b"]);
    assert.equal(listingSignature(base), listingSignature(listing("x", ["a", "b"])));
    for (const other of [listing("x", ["b", "a"]), listing("x", ["a", "b"], { title: "X" }), listing("x", ["a", "b"], { totalItems: 3 }), listing("x", ["a", "b"], { next: "/topics/x/page/2/" })]) {
      assert.notEqual(listingSignature(base), listingSignature(other));
    }
  });
});

describe("dev loop: the fast path's home page list", () => {
  const ctx = { build: { production: false, now: "2024-06-01T00:00:00Z" }, eleventy: { directories: { input: "./src/" } } };
  it("replaces the edited story's item and keeps the list newest first", () => {
    const list = [item("./src/articles/b.md", "2024-03-01"), item("./src/articles/a.md", "2024-02-01")];
    const moved = withItem(list, "./src/articles/a.md", [item("./src/articles/a.md", "2024-04-01") as unknown as PageEntry], ctx);
    assert.deepEqual(moved.map((i) => [i.inputPath, i.date.toISOString().slice(0, 10)]), [["./src/articles/a.md", "2024-04-01"], ["./src/articles/b.md", "2024-03-01"]]);
  });

  it("drops a story that is no longer public; leaves the list alone for a file that is no story", () => {
    const list = [item("./src/articles/b.md", "2024-03-01"), item("./src/articles/a.md", "2024-02-01")];
    const production = { ...ctx, build: { ...ctx.build, production: true } };
    const scheduled = withItem(list, "./src/articles/a.md", [item("./src/articles/a.md", "2030-01-01") as unknown as PageEntry], production);
    assert.deepEqual(scheduled.map((i) => i.inputPath), ["./src/articles/b.md"]);
    assert.equal(withItem(list, "./src/about.md", [item("./src/about.md") as unknown as PageEntry], ctx), list);
  });

  it("knows a story's path as the articles collection's glob does", () => {
    assert.equal(isArticlePath("./src/articles/2024/a.md", "./src/"), true);
    assert.equal(isArticlePath("src/articles/a.md", "src"), true);
    assert.equal(isArticlePath("./src/articles/2024/a.txt", "./src/"), false);
    assert.equal(isArticlePath("./src/about/articles/a.md", "./src/"), false);
    assert.equal(isArticlePath("./src/articles/.drafts/a.md", "./src/"), false);
  });
});
