/**
 * The oracle of incremental builds (DESIGN.md, "Builds that follow the change"): for
 * every kind of change, `npm run build` on a site that keeps its previous `dist/` and
 * `.cache/` writes exactly the bytes a clean build of the same inputs writes: the same
 * set of files, every file byte for byte.
 *
 * Each case: a copy of one built site (content, dist/, .cache/) gets a change and is
 * built again (incremental); a fresh copy of the same inputs with no dist/ and no build
 * state is built (clean); the two dist/ trees are compared. Content and data changes
 * are built in this process (`buildSite` with the checks, each copy at a new path:
 * Eleventy remembers file bodies by path within a process); changes to code (layouts,
 * CSS, build code, the lock file) are built by real `npm run build` processes in a copy
 * of the whole project (test/helpers/project.ts), so the edit takes effect.
 * The clean side has no `dist/` and no build state. It is given two things, to keep
 * the matrix quick, neither of which can make its output follow the incremental side:
 * the base build's image cache (`.cache/images/`: encodings named by the content hash
 * of their source photo or card text, made before the change) and the html-validate
 * verdicts of the incremental side (keyed by each page's bytes; they decide whether a
 * build passes, never what it writes). Pages, the search index and anything the change
 * needs encoding are made afresh.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, rename, rm } from "node:fs/promises";
import os from "node:os";
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { copyFolder, copyProject, editIn, npmBuild, removeIn, treeDifferences, treeOf, writeIn, type BuildRun } from "../helpers/project.ts";
import { buildSite, postBuildChecks, summaryLine } from "../../_config/build/index.ts";
import { NOW, prepareFixture, ROOT } from "../helpers/site.ts";

let base: string;
let siteBase: string;
let work: string;
let serial = 0;
const folders: string[] = [];
const A = "src/articles/2024";
/** the settled check's record (_config/cache/settled.ts) */
const SETTLED = ".cache/build/settled.json";
const SETTLED_LINE = /\(settled: /;

/** A small photo (the fixture's is 2400 px wide: slow to encode in every clean build). */
const photo = (r: number, g: number, b: number) => sharp({ create: { width: 480, height: 320, channels: 3, background: { r, g, b } } }).jpeg({ quality: 80 }).toBuffer();

const SECOND = `---
title: A second story
description: Another story, with a byline and topics.
date: 2024-02-05T10:00:00-05:00
section: world
authors: [james-okafor]
tags: [Diplomacy, Security]
---
Second story body, first paragraph.

Second paragraph.
`;

function ok(run: BuildRun, what: string): string {
  assert.equal(run.code, 0, `${what} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

before(async () => {
  base = await copyProject("good");
  work = await mkdtemp(path.join(os.tmpdir(), "newsroom-incremental-"));
  folders.push(base, work);
  await writeIn(base, `${A}/photo.placeholder.jpg`, await photo(90, 120, 150));
  await writeIn(base, `${A}/second-story.md`, SECOND);
  ok(await npmBuild(base), "the base build");
  siteBase = await prepareFixture("good", { [`${A}/photo.placeholder.jpg`]: await photo(90, 120, 150), [`${A}/second-story.md`]: SECOND });
  folders.push(siteBase);
  ok(await buildHere(siteBase), "the base build (in process)");
});

/** Runs `fn` with these environment variables set, then puts them back. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  }
}

/** `npm run build` in this process, on a site folder made by prepareFixture (its own .cache/ beside src/). */
async function buildHere(dir: string, _args: string[] = [], env: Record<string, string> = {}): Promise<BuildRun> {
  const vars: Record<string, string> = { NEWSROOM_ENV: "production", NEWSROOM_NOW: NOW, NEWSROOM_IMAGE_CACHE: "", ...env };
  try {
    const result = await withEnv(vars, () => buildSite({ root: ROOT, input: path.join(dir, "src"), output: path.join(dir, "dist"), quiet: true, checks: [postBuildChecks()] }));
    return { stdout: summaryLine(result), stderr: "", code: 0 };
  } catch (error) {
    return { stdout: "", stderr: String((error as Error).stack ?? error), code: 1 };
  }
}
/** A clean build of `dir`'s inputs (no dist/, no build state; its image cache) writes exactly `dir`'s dist/. */
async function assertSameAsCleanBuild(dir: string, env: Record<string, string> = {}): Promise<void> {
  const clean = await copyFolder(dir, ["dist", ".cache"], path.join(work, `clean-of-${path.basename(dir)}`));
  await cp(path.join(dir, ".cache/images"), path.join(clean, ".cache/images"), { recursive: true });
  ok(await buildHere(clean, [], env), "the clean build");
  assert.deepEqual(treeDifferences(treeOf(path.join(dir, "dist")), treeOf(path.join(clean, "dist"))), []);
}

after(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

interface Change {
  name: string;
  apply(dir: string): Promise<void>;
  env?: Record<string, string>;
  /** what the incremental build must say about itself */
  says?: RegExp;
  /** the incremental build starts without dist/ (a fresh CI checkout with the cache restored) */
  noDist?: boolean;
  /** the incremental side is built once before the change (a copied dist/ has new inodes: the settled check needs its own) */
  settle?: boolean;
  /** a change to code: built by `npm run build` processes in a copy of the project */
  code?: boolean;
  /**
   * whether the build may take unchanged pages from the last output instead of rendering
   * them (reuse.ts): true, it must reuse some; false, it must render every page (the
   * change reaches every page, or dist/ is not there to take them from)
   */
  reuses?: boolean;
}

const CHANGES: Change[] = [
  { name: "nothing changed (settled: nothing built)", settle: true, apply: async () => undefined, says: /(\d+) pages: 0 changed, \1 unchanged since the last build \(settled: .*\); 0 files changed \(0 of them in the search index\), 0 removed; 0 pages rendered, \1 reused/ , reuses: true },
  { name: "nothing changed, no settled record (every step runs)", apply: (d) => rm(path.join(d, SETTLED), { force: true }), says: /(\d+) pages: 0 changed, \1 unchanged since the last build \(reused: search index\); 0 files changed \(0 of them in the search index\), 0 removed/ , reuses: true },
  { name: "nothing changed, dist/ absent (cache restored in CI)", apply: async () => undefined, noDist: true, says: /0 changed.*reused: search index/ , reuses: false },
  { name: "a body edit", apply: (d) => editIn(d, `${A}/plain-story.md`, (t) => t.replace("Just one paragraph", "Just one edited paragraph")), says: /: [1-9]\d* changed/ , reuses: true },
  { name: "a headline edit (lists and feeds)", apply: (d) => editIn(d, `${A}/second-story.md`, (t) => t.replace("title: A second story", "title: A second story, retitled")) , reuses: true },
  { name: "a new story", apply: (d) => writeIn(d, `${A}/third-story.md`, SECOND.replace("A second story", "A third story").replace("2024-02-05", "2024-02-06")) , reuses: true },
  { name: "a deleted story", apply: (d) => removeIn(d, `${A}/second-story.md`), says: /[1-9]\d* removed/ , reuses: true },
  { name: "a renamed file", apply: (d) => rename(path.join(d, `${A}/second-story.md`), path.join(d, `${A}/second-story-renamed.md`)) , reuses: true },
  { name: "a section change", apply: (d) => editIn(d, `${A}/second-story.md`, (t) => t.replace("section: world", "section: business")) , reuses: true },
  { name: "a tag added and one removed", apply: (d) => editIn(d, `${A}/second-story.md`, (t) => t.replace("tags: [Diplomacy, Security]", "tags: [Diplomacy, Trade]")) , reuses: true },
  { name: "an author edited in _data/authors", apply: (d) => editIn(d, "_data/authors.yaml", (t) => t.replace("name: James Okafor", "name: James O. Okafor")) , reuses: false },
  { name: "_data/site changed", apply: (d) => editIn(d, "_data/site.yaml", (t) => t.replace("text: Follow Newsroom in your feed reader", "text: Read Newsroom in your feed reader")) , reuses: false },
  { name: "_data/site changed, the stories rendered in passes of two", apply: (d) => editIn(d, "_data/site.yaml", (t) => t.replace("text: Follow Newsroom in your feed reader", "text: Read Newsroom in your feed reader")), env: { NEWSROOM_PASS_STORIES: "2" }, reuses: false },
  { name: "a headline edit, in passes of one story (one story to render: one pass)", apply: (d) => editIn(d, `${A}/second-story.md`, (t) => t.replace("title: A second story", "title: A second story, retitled")), env: { NEWSROOM_PASS_STORIES: "1" }, reuses: true },
  { name: "_data/sections changed", apply: (d) => editIn(d, "_data/sections.yaml", (t) => t.replace("title: Business", "title: Business & Markets")) , reuses: false },
  { name: "a photo replaced under the same name", apply: async (d) => writeIn(d, `${A}/photo.placeholder.jpg`, await photo(200, 80, 40)) , reuses: false },
  { name: "a layout or component change", code: true, apply: (d) => editIn(d, "_includes/components/Footer.tsx", (t) => t.replace('<footer class="site-footer">', '<footer class="site-footer" data-edited="">')), says: /the code changed/ },
  { name: "a CSS change", code: true, apply: (d) => editIn(d, "src/assets/css/site.css", (t) => `${t}\n.incremental-probe { color: inherit; }\n`) },
  { name: "a change to build code", code: true, apply: (d) => editIn(d, "_config/pages/headers.ts", (t) => `${t}\n// a build-code edit with no output of its own\n`), says: /the code changed.*; 0 files changed/ },
  { name: "a dependency upgrade (lock file)", code: true, apply: (d) => editIn(d, "package-lock.json", (t) => t.replace('"name": "newsroom"', '"name": "newsroom" ')), says: /the code changed/ },
  { name: "the clock passing a scheduled story's date", apply: async () => undefined, env: { NEWSROOM_NOW: "2030-01-02T12:00:00Z" }, says: /: [1-9]\d* changed/ , reuses: false },
  { name: "a story made a draft", apply: (d) => editIn(d, `${A}/second-story.md`, (t) => t.replace("section: world", "section: world\ndraft: true")), says: /[1-9]\d* removed/, reuses: true },
  { name: "SITE_URL changed (the same site deployed to another host)", apply: async () => undefined, env: { SITE_URL: "https://news.elsewhere.example" }, says: /: [1-9]\d* changed/, reuses: false },
  { name: "a draft made public", apply: (d) => editIn(d, `${A}/draft-story.md`, (t) => t.replace("draft: true\n", "")) , reuses: true },
];

describe("an incremental build equals a clean build of the same inputs, byte for byte", () => {
  for (const change of CHANGES) {
    it(change.name, async () => {
      // code changes: fixed folder names (tsx's compile cache); in process: new ones each time
      const from = change.code ? base : siteBase;
      const build = change.code ? npmBuild : buildHere;
      const name = change.code ? "" : `-${++serial}`;
      const incremental = await copyFolder(from, change.noDist ? ["dist"] : [], path.join(work, `incremental${name}`));
      const clean = await copyFolder(from, ["dist", ".cache"], path.join(work, `clean${name}`));
      await cp(path.join(from, ".cache/images"), path.join(clean, ".cache/images"), { recursive: true });
      if (change.settle) ok(await build(incremental, [], change.env), "the build before the change");
      await change.apply(incremental);
      await change.apply(clean);
      const said = ok(await build(incremental, [], change.env), "the incremental build");
      if (change.says) assert.match(said, change.says);
      if (change.reuses !== undefined) assert.match(said, change.reuses ? /; [\d,]+ pages rendered, [1-9][\d,]* reused from the last build/ : /; [\d,]+ pages rendered, 0 reused from the last build/);
      await cp(path.join(incremental, ".cache/build/checks"), path.join(clean, ".cache/build/checks"), { recursive: true });
      ok(await build(clean, [], change.env), "the clean build");
      assert.deepEqual(treeDifferences(treeOf(path.join(incremental, "dist")), treeOf(path.join(clean, "dist"))), []);
      if (!change.code) await Promise.all([incremental, clean].map((d) => rm(d, { recursive: true, force: true })));
    });
  }
});

describe("the build cache", () => {
  it("a scheduled story the last build recorded goes public when the clock passes its date (same year, pages reused)", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `scheduled-${++serial}`));
    const story = SECOND.replace("A second story", "A story for tomorrow").replace("2024-02-05T10:00:00-05:00", "2026-11-27T09:00:00Z");
    await writeIn(dir, `${A}/tomorrow-story.md`, story);
    const first = ok(await buildHere(dir), "the build before its date");
    assert.match(first, /[1-9][\d,]* reused from the last build/);
    assert.equal(existsSync(path.join(dir, "dist/world/tomorrow-story/index.html")), false);
    const later = { NEWSROOM_NOW: "2026-11-28T12:00:00Z" };
    const said = ok(await buildHere(dir, [], later), "the build after its date");
    assert.match(said, /; [\d,]+ pages rendered, [1-9][\d,]* reused from the last build/);
    assert.equal(existsSync(path.join(dir, "dist/world/tomorrow-story/index.html")), true);
    await assertSameAsCleanBuild(dir, later);
  });

  it("an unchanged story linking to a story that is deleted: its page is reused, and its link reported", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `linking-${++serial}`));
    const linking = SECOND.replace("A second story", "A story that links").replace("2024-02-05", "2024-02-07").replace("Second story body, first paragraph.", "See [the second story](/world/second-story/#top) and [its note](/world/second-story/).");
    await writeIn(dir, `${A}/linking-story.md`, linking);
    ok(await buildHere(dir), "the build with the link");
    await writeIn(dir, `${A}/unrelated-story.md`, SECOND.replace("A second story", "An unrelated story").replace("2024-02-05", "2024-02-08"));
    assert.match(ok(await buildHere(dir), "a build where the link still resolves"), /[1-9][\d,]* reused from the last build/);
    await removeIn(dir, `${A}/second-story.md`);
    const failed = await buildHere(dir);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /\/world\/linking-story\/index\.html[^\n]*\/world\/second-story\/[^\n]*does not resolve/);
  });

  it("a build an hour later with nothing changed changes no file (stable bytes: only the year and publication times read the clock)", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `later-${++serial}`));
    await rm(path.join(dir, SETTLED)); // every step runs, not the settled check
    const said = ok(await buildHere(dir, [], { NEWSROOM_NOW: "2026-11-26T13:00:00Z" }), "the later build");
    assert.match(said, /; 0 files changed \(0 of them in the search index\), 0 removed; [\d,]+ pages rendered, [1-9][\d,]* reused/);
  });

  it("a page changed by hand in dist/ is rendered again, never reused", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `tampered-${++serial}`));
    const page = path.join(dir, "dist/world/second-story/index.html");
    await editIn(dir, "dist/world/second-story/index.html", (t) => t.replace("Second story body", "Tampered body"));
    const said = ok(await buildHere(dir), "the build after the tampering");
    assert.doesNotMatch(said, SETTLED_LINE);
    assert.match(said, /[1-9][\d,]* reused from the last build/);
    const clean = await copyFolder(siteBase, ["dist", ".cache"], path.join(work, `tampered-clean-${serial}`));
    await cp(path.join(siteBase, ".cache/images"), path.join(clean, ".cache/images"), { recursive: true });
    ok(await buildHere(clean), "the clean build");
    assert.doesNotMatch(readFileSync(page, "utf8"), /Tampered/);
    assert.deepEqual(treeDifferences(treeOf(path.join(dir, "dist")), treeOf(path.join(clean, "dist"))), []);
  });

  it("settles when nothing changed, and when a story was only touched: dist/ is left as it was", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `settled-${++serial}`));
    const dist = path.join(dir, "dist");
    assert.doesNotMatch(ok(await buildHere(dir), "the first build of the copy"), SETTLED_LINE, "a copied dist/ (new inodes) is not trusted");
    const tree = treeOf(dist);
    const folder = statSync(dist);
    assert.match(ok(await buildHere(dir), "a build with nothing changed"), SETTLED_LINE);
    utimesSync(path.join(dir, `${A}/plain-story.md`), new Date(), new Date());
    assert.match(ok(await buildHere(dir, [], { NEWSROOM_NOW: "2026-11-26T18:00:00Z" }), "a build after a touch, hours later"), SETTLED_LINE);
    assert.deepEqual(treeDifferences(treeOf(dist), tree), []);
    assert.equal(statSync(dist).ino, folder.ino, "dist/ was not replaced");
    assert.equal(statSync(dist).mtimeMs, folder.mtimeMs, "nothing was written into dist/");
  });

  it("does not settle when dist/ gained or lost a file by hand: the build puts it right", async () => {
    for (const [what, spoil] of [
      ["a stray file", (d: string) => writeIn(d, "dist/world/stray.html", "<p>not ours</p>")],
      ["a missing page", (d: string) => removeIn(d, "dist/world/second-story/index.html")],
    ] as const) {
      const dir = await copyFolder(siteBase, [], path.join(work, `spoiled-${++serial}`));
      ok(await buildHere(dir), "the first build of the copy");
      await spoil(dir);
      assert.doesNotMatch(ok(await buildHere(dir), `the build after ${what}`), SETTLED_LINE, what);
      assert.deepEqual(treeDifferences(treeOf(path.join(dir, "dist")), treeOf(path.join(siteBase, "dist"))), [], what);
    }
  });

  it("does not settle once a story leaves the news sitemap's two days; settles before", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `news-${++serial}`));
    await writeIn(dir, `${A}/breaking-story.md`, SECOND.replace("A second story", "A breaking story").replace("2024-02-05T10:00:00-05:00", "2026-11-26T10:00:00Z"));
    ok(await buildHere(dir), "the build that publishes it");
    const news = () => readFileSync(path.join(dir, "dist/news-sitemap.xml"), "utf8");
    assert.match(news(), /breaking-story/);
    assert.match(ok(await buildHere(dir, [], { NEWSROOM_NOW: "2026-11-27T12:00:00Z" }), "a day later"), SETTLED_LINE);
    const later = { NEWSROOM_NOW: "2026-11-29T12:00:00Z" };
    assert.doesNotMatch(ok(await buildHere(dir, [], later), "three days later"), SETTLED_LINE);
    assert.doesNotMatch(news(), /breaking-story/);
    await assertSameAsCleanBuild(dir, later);
  });

  it("a build without its checks neither settles nor leaves a record another build settles on", async () => {
    const dir = await copyFolder(siteBase, [], path.join(work, `unchecked-${++serial}`));
    ok(await buildHere(dir), "the first build of the copy");
    await withEnv({ NEWSROOM_ENV: "production", NEWSROOM_NOW: NOW, NEWSROOM_IMAGE_CACHE: "" }, () => buildSite({ root: ROOT, input: path.join(dir, "src"), output: path.join(dir, "dist"), quiet: true, checks: [] }));
    assert.equal(existsSync(path.join(dir, SETTLED)), false);
    assert.doesNotMatch(ok(await buildHere(dir), "the next build"), SETTLED_LINE);
  });

  it("a clean build in story passes (Eleventy holding two stories at a time) equals one in a single pass", async () => {
    const dir = await copyFolder(siteBase, ["dist", ".cache"], path.join(work, `passes-${++serial}`));
    await cp(path.join(siteBase, ".cache/images"), path.join(dir, ".cache/images"), { recursive: true });
    const said = ok(await buildHere(dir, [], { NEWSROOM_PASS_STORIES: "2" }), "the build in passes");
    assert.match(said, /all built afresh/);
    assert.deepEqual(treeDifferences(treeOf(path.join(dir, "dist")), treeOf(path.join(siteBase, "dist"))), []);
    // and the next build reuses what the passes recorded
    assert.match(ok(await buildHere(dir, [], { NEWSROOM_PASS_STORIES: "2" }), "the next build"), SETTLED_LINE);
  });

  it("the project's own site (pages, policies, the edited front) built in passes of one story equals a single pass", async () => {
    const one = await prepareFixture("site");
    const passes = await prepareFixture("site");
    folders.push(one, passes);
    ok(await buildHere(one), "the build in one pass");
    await cp(path.join(one, ".cache/images"), path.join(passes, ".cache/images"), { recursive: true });
    ok(await buildHere(passes, [], { NEWSROOM_PASS_STORIES: "1" }), "the build in passes");
    assert.ok(existsSync(path.join(passes, "dist/about/ethics/index.html")), "the site's pages are there");
    assert.deepEqual(treeDifferences(treeOf(path.join(passes, "dist")), treeOf(path.join(one, "dist"))), []);
  });

  it("story passes still find two stories with one URL in different passes", async () => {
    const dir = await copyFolder(siteBase, ["dist", ".cache"], path.join(work, `passes-clash-${++serial}`));
    await writeIn(dir, "src/articles/2025/second-story.md", SECOND.replace("2024-02-05", "2025-02-05"));
    const failed = await buildHere(dir, [], { NEWSROOM_PASS_STORIES: "1" });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /\/world\/second-story\/ is also the URL of/);
  });

  it("--clean ignores it, and says so", async () => {
    const dir = await copyFolder(base, [], path.join(work, "incremental"));
    const said = ok(await npmBuild(dir, ["--clean"]), "the --clean build");
    assert.match(said, /\d+ pages: all built afresh \(--clean\)/);
    assert.doesNotMatch(said, /reused/);
    assert.deepEqual(treeDifferences(treeOf(path.join(dir, "dist")), treeOf(path.join(base, "dist"))), []);
  });

  it("a failed incremental build leaves dist/ and .cache/ as they were", async () => {
    const dir = await copyFolder(base, [], path.join(work, "incremental"));
    await editIn(dir, `${A}/plain-story.md`, (t) => t.replace("Just one paragraph", "Edited"));
    ok(await npmBuild(dir), "the first incremental build"); // the state now differs from the base's
    const dist = treeOf(path.join(dir, "dist"));
    const cache = treeOf(path.join(dir, ".cache"));
    await editIn(dir, `${A}/second-story.md`, (t) => t.replace("section: world", "section: nowhere"));
    const failed = await npmBuild(dir);
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /second-story\.md:\d+ section/);
    assert.deepEqual(treeDifferences(treeOf(path.join(dir, "dist")), dist), []);
    assert.deepEqual(treeDifferences(treeOf(path.join(dir, ".cache")), cache), []);
    assert.equal(existsSync(path.join(dir, ".cache/build/state.json")), true);
  });
});
