/**
 * The editor's loop when a story is saved again while its rebuild still runs
 * (_config/dev/fast-path.ts, "ahead"): the second save's story and home page are written
 * while the running pass still runs, with the second save's text, and the output ends as
 * the last save left it everywhere. The fixture gets a few hundred
 * stories so the pass after the first save outlasts the second save.
 */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { prepareFixture } from "../helpers/site.ts";
import { startWatcher, warmUp, type Watcher } from "../helpers/watch.ts";

const EXTRA = 400;

function story(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (i % 12)).padStart(2, "0");
  return `---\ntitle: Filler story number ${i}\ndescription: One of many.\ndate: 2023-${month}-${day}T08:00:00-05:00\nsection: world\nauthors: [maria-kovacs]\ntags: [Filler ${i % 20}]\n---\nA paragraph of filler ${i}.\n`;
}

describe("watch: a story saved again while its rebuild runs", { timeout: 300_000 }, () => {
  let w: Watcher;
  let file: string;
  let original: string;
  before(async () => {
    const dir = await prepareFixture("good");
    await mkdir(path.join(dir, "src/articles/2023"), { recursive: true });
    for (let i = 0; i < EXTRA; i++) await writeFile(path.join(dir, "src/articles/2023", `filler-${i}.md`), story(i));
    w = await startWatcher("good", { site: dir, readyDeadlineMs: 240_000 });
    file = path.join(w.dir, "src/articles/2024/plain-story.md");
    original = await readFile(file, "utf8");
    await warmUp(w, path.join(w.dir, "src/articles/2024/scheduled-story.md"));
  });
  after(() => w?.stop());

  it("writes the second save's pages ahead of the queued pass, and ends as the last save", async () => {
    /** the pass after the last file event has ended */
    const settled = () => {
      const log = w.log();
      const at = log.lastIndexOf("File changed");
      return at >= 0 && log.indexOf("built in", at) > at;
    };
    await w.waitFor("the warm-up's passes are over", () => w.log().endsWith("watching for changes\n") || settled(), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    w.clearLog();
    await writeFile(file, original.replace(/^title: The plain story$/m, "title: First save of the story"));
    const deadline = Date.now() + 60_000;
    while (!/story and home page written in \d+ ms; rebuilding the rest/.test(w.log())) {
      assert.ok(Date.now() < deadline, `the first save's fast path ran\n${w.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await writeFile(file, original.replace(/^title: The plain story$/m, "title: Second save of the story"));
    // Written ahead while the first pass still runs (the pass lets the event loop turn),
    // from the file as saved (not Eleventy's cached text of the first save).
    while (!/ahead of the pass queued behind the running one/.test(w.log())) {
      assert.ok(Date.now() < deadline, `the second save was written ahead\n${w.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const atAhead = w.log();
    const [storyNow, homeNow] = [w.html("/world/plain-story/"), w.html("/")];
    const firstPass = atAhead.indexOf("rebuilding the rest");
    assert.ok(firstPass >= 0, "the first save's fast path is in the log");
    assert.doesNotMatch(atAhead.slice(firstPass), /built in/, `the first pass was still running when the second save was written\n${atAhead}`);
    assert.ok(storyNow.includes("Second save of the story"), "the story page written ahead carries the second save");
    assert.ok(homeNow.includes("Second save of the story"), "the home page written ahead carries the second save");
    const showing = ["/world/plain-story/", "/", "/world/", "/archive/2024/02/"];
    await w.waitFor("every page showing the story carries the second save", () => showing.every((url) => w.html(url).includes("Second save of the story")), 60_000);
    await w.waitFor("the pass queued behind the first one is done", settled, 60_000);
    assert.match(w.log(), /ahead of the pass queued behind the running one/, "the second save did not wait for the first pass");
    assert.doesNotMatch(w.log(), /build failed|clean full rebuild/, "no pass failed");
    for (const url of showing) {
      const html = w.html(url);
      assert.ok(html.includes("Second save of the story"), `${url} shows the last save\n${w.log()}`);
      assert.ok(!html.includes("First save of the story"), `${url} no longer shows the first save`);
    }
  });
});
