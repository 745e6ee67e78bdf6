/**
 * The editor's loop: `npm start --watch-only` on a temporary copy of the good
 * fixture. Every wait polls the output on disk (no timing assertions) and gives up
 * after a generous deadline; the watcher's whole process group is always killed.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { NOW, prepareFixture, ROOT } from "../helpers/site.ts";

const DEADLINE_MS = 30_000;
let dir: string;
let watcher: ChildProcess | undefined;
let log = "";

const story = (name: string) => path.join(dir, "src/articles/2024", name);
const page = (urlPath: string) => path.join(dir, "dist", urlPath, "index.html");
const html = (urlPath: string) => (existsSync(page(urlPath)) ? readFileSync(page(urlPath), "utf8") : "");

async function waitFor(what: string, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}\n--- watcher output ---\n${log.slice(-3000)}`);
    if (watcher?.exitCode !== null && watcher?.exitCode !== undefined) throw new Error(`the watcher exited (${watcher.exitCode}) before ${what}\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function edit(file: string, from: RegExp, to: string): Promise<void> {
  const text = await readFile(file, "utf8");
  assert.match(text, from);
  await writeFile(file, text.replace(from, to));
}

before(async () => {
  dir = await prepareFixture("good");
  await symlink(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  watcher = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/serve.ts"), "--watch-only"], {
    cwd: dir,
    detached: true, // its own process group, killed as a whole in after()
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), NEWSROOM_NOW: NOW, NEWSROOM_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  watcher.stdout!.on("data", (chunk) => (log += chunk));
  watcher.stderr!.on("data", (chunk) => (log += chunk));
  await waitFor("the first build is done and the watcher is ready", () => log.includes("watching for changes"));
  // chokidar can miss a save made the instant it reports ready: save an unchanged
  // story until a rebuild is seen, so the tests below start from a settled watcher.
  const unchanged = await readFile(story("scheduled-story.md"), "utf8");
  const builds = () => log.match(/built in \d+ ms/g)?.length ?? 0;
  const first = builds();
  const deadline = Date.now() + DEADLINE_MS;
  while (builds() === first) {
    if (Date.now() > deadline) throw new Error(`the watcher never rebuilt after a save\n${log}`);
    await writeFile(story("scheduled-story.md"), unchanged);
    const retry = Date.now() + 2_000;
    while (builds() === first && Date.now() < retry) await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

after(async () => {
  if (watcher?.pid && watcher.exitCode === null) {
    try {
      process.kill(-watcher.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("watch: the editor's loop", { timeout: 180_000 }, () => {
  it("a changed headline reaches the story's page and the home page", async () => {
    assert.match(html("/"), /The plain story/);
    await edit(story("plain-story.md"), /^title: The plain story$/m, "title: Talks resume after a long pause");
    await waitFor("the new headline is on the story page and the home page", () =>
      html("/world/plain-story/").includes("Talks resume after a long pause") && html("/").includes("Talks resume after a long pause"),
    );
    assert.doesNotMatch(html("/"), /The plain story/);
  });

  it("a new story appears on the home page", async () => {
    await writeFile(story("brand-new.md"), "---\ntitle: A brand new story\ndescription: Just added.\ndate: 2024-06-01\nsection: science\n---\nBody.\n");
    await waitFor("the new story has a page and is on the home page", () => html("/science/brand-new/").includes("A brand new story") && html("/").includes("/science/brand-new/"));
  });

  it("a renamed story moves: the home page links the new URL, the old page is gone", async () => {
    await rename(story("plain-story.md"), story("renamed-story.md"));
    await waitFor("the home page links the new URL only", () => html("/").includes("/world/renamed-story/") && !html("/").includes("/world/plain-story/"));
    await waitFor("the story is at its new URL", () => html("/world/renamed-story/").includes("Talks resume after a long pause"));
    await waitFor("the old page is removed", () => !existsSync(page("/world/plain-story/")));
  });

  it("a deleted story disappears from the home page and its page is removed", async () => {
    await rm(story("renamed-story.md"));
    await waitFor("the deleted story is gone", () => !html("/").includes("/world/renamed-story/") && !existsSync(page("/world/renamed-story/")));
    assert.match(html("/"), /A brand new story/, "the other stories stay listed");
  });

  it("a broken story is reported with its file, line and key; the last good page stays; fixing it recovers", async () => {
    const good = html("/world/hostile-headline/");
    assert.ok(good.includes("story__title"));
    log = "";
    await edit(story("hostile-headline.md"), /^section: world$/m, "section: wrld");
    await waitFor("the error is reported", () => log.includes("build failed"));
    assert.match(log, /src\/articles\/2024\/hostile-headline\.md:6 section: unknown section "wrld"/);
    assert.equal(html("/world/hostile-headline/"), good, "the last good page is still on disk, unchanged");
    log = "";
    await edit(story("hostile-headline.md"), /^section: wrld$/m, "section: world");
    await edit(story("hostile-headline.md"), /^description: .*$/m, "description: Fixed and rebuilt");
    await waitFor("the fixed story is rebuilt and the recovery reported", () => html("/world/hostile-headline/").includes("Fixed and rebuilt") && log.includes("fixed: built"));
  });

  it("a story whose YAML or photo is broken, and a broken _data file, are reported and recover", async () => {
    const cases: [string, RegExp, string, RegExp][] = [
      [story("brand-new.md"), /^section: science$/m, "section: science\n  oops: [", /brand-new\.md:\d+ \(front matter\): malformed YAML/],
      [story("hostile-headline.md"), /^src: photo\.placeholder\.jpg$/m, "src: missing.jpg", /hostile-headline\.md:\d+ figure\.src: photo file not found/],
      [path.join(dir, "_data/sections.yaml"), /^world:$/m, "world:\n  nonsense: true", /_data\/sections\.yaml world\.nonsense: unknown key/],
    ];
    for (const [file, from, to, reported] of cases) {
      const before = await readFile(file, "utf8");
      log = "";
      await edit(file, from, to);
      await waitFor(`the mistake in ${path.basename(file)} is reported`, () => reported.test(log));
      log = "";
      await writeFile(file, before);
      await waitFor(`the fix of ${path.basename(file)} is rebuilt`, () => log.includes("fixed: built"));
    }
    assert.match(html("/"), /A brand new story/);
  });
});
