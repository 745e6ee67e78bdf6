/**
 * The editor's loop: `npm start --watch-only` on a temporary copy of a fixture.
 * Every wait polls the output on disk with a generous deadline (no timing
 * assertions); the watcher's whole process group is always killed in after().
 */
import assert from "node:assert/strict";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { saveUntilSeen, startWatcher, warmUp, type Watcher } from "../helpers/watch.ts";

async function edit(file: string, from: RegExp, to: string): Promise<void> {
  const text = await readFile(file, "utf8");
  assert.match(text, from);
  await writeFile(file, text.replace(from, to));
}

describe("watch: the editor's loop", { timeout: 180_000 }, () => {
  let w: Watcher;
  const story = (name: string) => path.join(w.dir, "src/articles/2024", name);
  before(async () => {
    w = await startWatcher("good");
    await warmUp(w, story("scheduled-story.md"));
  });
  after(() => w?.stop());

  it("a changed headline reaches the story's page and the home page", async () => {
    assert.match(w.html("/"), /The plain story/);
    await edit(story("plain-story.md"), /^title: The plain story$/m, "title: Talks resume after a long pause");
    await w.waitFor("the new headline is on the story page and the home page", () =>
      w.html("/world/plain-story/").includes("Talks resume after a long pause") && w.html("/").includes("Talks resume after a long pause"),
    );
    assert.doesNotMatch(w.html("/"), /The plain story/);
  });

  it("a new story appears on the home page", async () => {
    await writeFile(story("brand-new.md"), "---\ntitle: A brand new story\ndescription: Just added.\ndate: 2024-06-01\nsection: science\n---\nBody.\n");
    await w.waitFor("the new story has a page and is on the home page", () => w.html("/science/brand-new/").includes("A brand new story") && w.html("/").includes("/science/brand-new/"));
  });

  it("a renamed story moves: the home page links the new URL, the old page is gone", async () => {
    await rename(story("plain-story.md"), story("renamed-story.md"));
    await w.waitFor("the home page links the new URL only", () => w.html("/").includes("/world/renamed-story/") && !w.html("/").includes("/world/plain-story/"));
    await w.waitFor("the story is at its new URL", () => w.html("/world/renamed-story/").includes("Talks resume after a long pause"));
    await w.waitFor("the old page is removed", () => !w.pageExists("/world/plain-story/"));
  });

  it("a story moved to another section leaves its old URL", async () => {
    await edit(story("brand-new.md"), /^section: science$/m, "section: business");
    await w.waitFor("the story is at its new URL and listed there", () => w.html("/business/brand-new/").includes("A brand new story") && w.html("/").includes("/business/brand-new/"));
    await w.waitFor("the old URL is gone", () => !w.pageExists("/science/brand-new/"));
    await edit(story("brand-new.md"), /^section: business$/m, "section: science");
    await w.waitFor("it is back", () => w.html("/science/brand-new/").includes("A brand new story") && !w.pageExists("/business/brand-new/"));
  });

  it("a deleted story disappears from the home page and its page is removed", async () => {
    await rm(story("renamed-story.md"));
    await w.waitFor("the deleted story is gone", () => !w.html("/").includes("/world/renamed-story/") && !w.pageExists("/world/renamed-story/"));
    assert.match(w.html("/"), /A brand new story/, "the other stories stay listed");
  });

  it("a change in _data reaches every page that shows it", async () => {
    await edit(path.join(w.dir, "_data/sections.yaml"), /^  title: World$/m, "  title: World Desk");
    await w.waitFor("the new section name is on the story page", () => w.html("/world/hostile-headline/").includes("World Desk"));
  });

  it("a broken story is reported with its file, line and key; the last good page stays; fixing it recovers", async () => {
    const good = w.html("/world/hostile-headline/");
    assert.ok(good.includes("story__title"));
    w.clearLog();
    await edit(story("hostile-headline.md"), /^section: world$/m, "section: wrld");
    await w.waitFor("the error is reported", () => w.log().includes("build failed"));
    assert.match(w.log(), /src\/articles\/2024\/hostile-headline\.md:6 section: unknown section "wrld"/);
    assert.equal(w.html("/world/hostile-headline/"), good, "the last good page is still on disk, unchanged");
    w.clearLog();
    await edit(story("hostile-headline.md"), /^section: wrld$/m, "section: world");
    await edit(story("hostile-headline.md"), /^description: .*$/m, "description: Fixed and rebuilt");
    await w.waitFor("the fixed story is rebuilt and the recovery reported", () => w.html("/world/hostile-headline/").includes("Fixed and rebuilt") && w.log().includes("fixed: built"));
  });

  it("a story whose YAML or photo is broken, and a broken _data file, are reported and recover", async () => {
    const cases: [string, RegExp, string, RegExp][] = [
      [story("brand-new.md"), /^section: science$/m, "section: science\n  oops: [", /brand-new\.md:\d+ \(front matter\): malformed YAML/],
      [story("hostile-headline.md"), /^src: photo\.placeholder\.jpg$/m, "src: missing.jpg", /hostile-headline\.md:\d+ figure\.src: photo file not found/],
      [path.join(w.dir, "_data/sections.yaml"), /^world:$/m, "world:\n  nonsense: true", /_data\/sections\.yaml world\.nonsense: unknown key/],
    ];
    for (const [file, from, to, reported] of cases) {
      const before = await readFile(file, "utf8");
      w.clearLog();
      await edit(file, from, to);
      await w.waitFor(`the mistake in ${path.basename(file)} is reported`, () => reported.test(w.log()));
      w.clearLog();
      await writeFile(file, before);
      await w.waitFor(`the fix of ${path.basename(file)} is rebuilt`, () => w.log().includes("fixed: built"));
    }
    assert.match(w.html("/"), /A brand new story/);
  });
});

describe("watch: a site that is broken when the server starts", { timeout: 120_000 }, () => {
  let w: Watcher;
  before(async () => {
    w = await startWatcher("bad-story");
  });
  after(() => w?.stop());

  it("keeps watching, reports the problem, and builds once it is fixed", async () => {
    assert.match(w.log(), /build failed/);
    assert.match(w.log(), /src\/articles\/broken-story\.md:6 autors: unknown key/);
    assert.equal(w.pageExists("/world/broken-story/"), false);
    const file = path.join(w.dir, "src/articles/broken-story.md");
    const fixed = (await readFile(file, "utf8")).replace(/^autors:/m, "authors:");
    await saveUntilSeen(w, file, fixed, () => w.log().includes("fixed: built"));
    await w.waitFor("the story page exists", () => w.html("/world/broken-story/").includes("A broken story"));
  });
});

describe("serve: build errors in the browser", { timeout: 120_000 }, () => {
  let w: Watcher;
  let base: string;
  before(async () => {
    w = await startWatcher("good", { port: 20000 + Math.floor(Math.random() * 20000) });
    base = /Server at (http:\/\/localhost:\d+)\//.exec(w.log())![1]!;
  });
  after(() => w?.stop());
  const status = async () => (await (await fetch(`${base}/.newsroom/status.json`)).json()) as { ok: boolean; problems: string[] };

  it("pages carry the overlay script; a failed rebuild is in the status they read, until it is fixed", async () => {
    const home = await (await fetch(`${base}/`)).text();
    assert.match(home, /<script type="module" src="\/\.newsroom\/errors\.js"><\/script>/);
    assert.match(await (await fetch(`${base}/.newsroom/errors.js`)).text(), /newsroom-build-errors/);
    assert.equal((await status()).ok, true);
    const file = path.join(w.dir, "src/articles/2024/plain-story.md");
    const good = await readFile(file, "utf8");
    // the status is set before the failure is logged
    await saveUntilSeen(w, file, good.replace("section: world", "section: wrld"), () => w.log().includes("build failed"));
    const state = await status();
    assert.equal(state.ok, false);
    assert.ok(state.problems.some((p) => /plain-story\.md:5 section: unknown section "wrld"/.test(p)), state.problems.join("\n"));
    assert.match(await (await fetch(`${base}/world/plain-story/`)).text(), /The plain story/, "the last good page is still served");
    w.clearLog();
    await writeFile(file, good);
    await w.waitFor("the fix is built", () => w.log().includes("fixed: built"));
    assert.equal((await status()).ok, true);
  });
});
