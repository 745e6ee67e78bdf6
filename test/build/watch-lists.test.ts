/**
 * The editor's loop after an edit: every list page that shows the story carries the
 * change, list pages that cannot show it are left as they were (and stay), and a story
 * that joins or leaves a list updates that list. Polls the output on disk (no timing
 * assertions); the watcher's process group is always killed in after().
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startWatcher, warmUp, type Watcher } from "../helpers/watch.ts";
import { DEV_OUTPUT } from "../../_config/dev/server.ts";

describe("watch: list pages after an edit", { timeout: 180_000 }, () => {
  let w: Watcher;
  let file: string;
  let original: string;
  const stamp = (url: string) => statSync(path.join(w.dir, DEV_OUTPUT, url, "index.html")).mtimeMs;
  const builds = () => w.log().match(/built in \d+ ms/g)?.length ?? 0;
  before(async () => {
    w = await startWatcher("good");
    file = path.join(w.dir, "src/articles/2024/plain-story.md");
    original = await readFile(file, "utf8");
    await warmUp(w, path.join(w.dir, "src/articles/2024/scheduled-story.md"));
  });
  after(() => w?.stop());

  it("every page that shows the edited story carries the change; pages that cannot show it are not rewritten", async () => {
    const untouched = ["/topics/security/", "/authors/maria-kovacs/", "/us/"];
    const before = untouched.map((url) => [w.html(url), stamp(url)] as const);
    for (const [html] of before) assert.ok(html.includes("<h1") && !html.includes("The plain story"));
    w.clearLog();
    const count = builds();
    await writeFile(file, original.replace(/^title: The plain story$/m, "title: Ceasefire talks resume"));
    const showing = ["/world/plain-story/", "/", "/world/", "/archive/2024/02/"];
    await w.waitFor("the story, home, section and archive pages carry the new headline", () => showing.every((url) => w.html(url).includes("Ceasefire talks resume")));
    await w.waitFor("the rebuild is done", () => builds() > count);
    assert.match(w.log(), /story and home page written in \d+ ms/, "the story and the home page were written ahead of the rebuild");
    assert.match(w.log(), /list pages could not show the change/);
    for (const url of showing) assert.doesNotMatch(w.html(url), /The plain story/, url);
    untouched.forEach((url, i) => {
      assert.equal(w.html(url), before[i]![0], `${url} is unchanged`);
      assert.equal(stamp(url), before[i]![1], `${url} was not rewritten`);
    });
  });

  it("a story that gets a topic joins that topic's page; removing the topic takes it off again, the page stays", async () => {
    let count = builds();
    await writeFile(file, original.replace(/^title: The plain story$/m, "title: Ceasefire talks resume").replace(/^section: world$/m, "section: world\ntags: [Security]"));
    await w.waitFor("the topic page lists the story", () => w.html("/topics/security/").includes("Ceasefire talks resume"));
    await w.waitFor("the rebuild is done", () => builds() > count);
    assert.match(w.html("/topics/"), /Security/);
    count = builds();
    await writeFile(file, original.replace(/^title: The plain story$/m, "title: Ceasefire talks resume"));
    await w.waitFor("the topic page no longer lists the story", () => !w.html("/topics/security/").includes("Ceasefire talks resume"));
    await w.waitFor("the rebuild is done", () => builds() > count);
    assert.ok(w.html("/topics/security/").includes("<h1"), "the topic page is still there (its other story)");
  });

  it("a story moved to another month leaves the old month's page and joins the new one", async () => {
    const count = builds();
    await writeFile(file, original.replace(/^title: The plain story$/m, "title: Ceasefire talks resume").replace(/^date: 2024-02-01$/m, "date: 2024-03-05"));
    await w.waitFor("the new month's page lists the story", () => w.html("/archive/2024/03/").includes("Ceasefire talks resume"));
    await w.waitFor("the rebuild is done", () => builds() > count);
    assert.doesNotMatch(w.html("/archive/2024/02/"), /Ceasefire talks resume/);
  });
});
