/**
 * Many files at once while `npm start` runs (a `git pull`, a copy, a branch switch):
 * 30 stories with photos added in one batch, 10 deleted in one batch, then a swap of
 * many files. The watcher stays alive, and its output then equals a fresh dev build of
 * the same files (the oracle is a clean build: shared/DESIGN.md).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DEV_OUTPUT } from "../../_config/dev/server.ts";
import { FIXTURES } from "../helpers/site.ts";
import { startWatcher, warmUp, type Watcher } from "../helpers/watch.ts";

/** a batch means a few full rebuilds, each many seconds on a busy 2-core machine */
const BATCH_DEADLINE_MS = 240_000;
const PHOTO = readFileSync(path.join(FIXTURES, "good/src/articles/2024/photo.placeholder.jpg"));
const story = (n: number, title = `Batch story ${n}`) =>
  `---\ntitle: ${title}\ndescription: Story ${n} of a batch.\ndate: 2024-05-${String((n % 28) + 1).padStart(2, "0")}T09:00:00-04:00\nsection: world\ntags: [Batch]\n---\nText of story ${n}.\n\n::: figure\nsrc: batch-${n}.jpg\nalt: Photo ${n}\ncaption: Caption ${n}\ncredit: Newsroom\n:::\n`;
const file = (dir: string, n: number, ext: "md" | "jpg") => path.join(dir, "src/articles/2024", `batch-${n}.${ext}`);

/** path → hash of every file of a dev output */
function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[path.relative(out, path.join(e.parentPath, e.name))] = createHash("sha256").update(readFileSync(path.join(e.parentPath, e.name))).digest("hex");
  }
  return files;
}

describe("watch: many files at once", { timeout: 900_000 }, () => {
  let w: Watcher;
  before(async () => {
    w = await startWatcher("good");
    await warmUp(w, path.join(w.dir, "src/articles/2024/plain-story.md"));
  });
  after(() => w?.stop());

  it("30 stories with photos added in one batch: all built, the watcher alive", async () => {
    for (let n = 1; n <= 30; n++) {
      writeFileSync(file(w.dir, n, "jpg"), PHOTO);
      writeFileSync(file(w.dir, n, "md"), story(n));
    }
    await w.waitFor("every new story has its page and the topic lists all 30", () =>
      Array.from({ length: 30 }, (_, i) => i + 1).every((n) => w.html(`/world/batch-${n}/`).includes(`Batch story ${n}`)) && w.html("/world/batch-30/").includes("<picture"),
      BATCH_DEADLINE_MS,
    );
  });

  it("10 deleted in one batch: gone from every page", async () => {
    for (let n = 1; n <= 10; n++) {
      rmSync(file(w.dir, n, "md"));
      rmSync(file(w.dir, n, "jpg"));
    }
    const left = () => Array.from({ length: 10 }, (_, i) => i + 1).filter((n) => w.pageExists(`/world/batch-${n}/`) || w.html("/").includes(`/world/batch-${n}/`));
    await w.waitFor("the deleted stories' pages are gone and no list links them", () => left().length === 0, BATCH_DEADLINE_MS).catch((error: Error) => {
      throw new Error(`still there: ${left().map((n) => `batch-${n} (page ${w.pageExists(`/world/batch-${n}/`)}, home ${w.html("/").includes(`/world/batch-${n}/`)})`).join(", ")}\n${error.message}`);
    });
  });

  it("a branch switch (10 changed, 10 deleted, 10 added at once): the output equals a fresh dev build", async () => {
    for (let n = 11; n <= 20; n++) writeFileSync(file(w.dir, n, "md"), story(n, `Switched story ${n}`));
    for (let n = 21; n <= 30; n++) {
      rmSync(file(w.dir, n, "md"));
      rmSync(file(w.dir, n, "jpg"));
    }
    for (let n = 31; n <= 40; n++) {
      writeFileSync(file(w.dir, n, "jpg"), PHOTO);
      writeFileSync(file(w.dir, n, "md"), story(n));
    }
    const expected = () =>
      [11, 20].every((n) => w.html(`/world/batch-${n}/`).includes(`Switched story ${n}`)) &&
      [31, 40].every((n) => w.html(`/world/batch-${n}/`).includes(`Batch story ${n}`)) &&
      [21, 30].every((n) => !w.pageExists(`/world/batch-${n}/`));
    await w.waitFor("the switched files are built", expected, BATCH_DEADLINE_MS).catch((error: Error) => {
      const wrong = [
        ...[11, 20].filter((n) => !w.html(`/world/batch-${n}/`).includes(`Switched story ${n}`)).map((n) => `batch-${n} not switched`),
        ...[31, 40].filter((n) => !w.html(`/world/batch-${n}/`).includes(`Batch story ${n}`)).map((n) => `batch-${n} not built`),
        ...[21, 30].filter((n) => w.pageExists(`/world/batch-${n}/`)).map((n) => `batch-${n} not removed`),
      ];
      throw new Error(`${wrong.join(", ")}\n${error.message}`);
    });

    // A fresh dev build of the same files, in a folder of its own.
    const copy = await mkdtemp(path.join(os.tmpdir(), "newsroom-fresh-"));
    let fresh: Watcher | undefined;
    try {
      // the image cache is content-addressed (sharing it changes no output); the dev output is not copied
      cpSync(w.dir, copy, { recursive: true, verbatimSymlinks: true, filter: (p) => !p.includes(`${path.sep}dev-site`) });
      fresh = await startWatcher("", { site: copy, readyDeadlineMs: BATCH_DEADLINE_MS });
      const want = snapshot(path.join(fresh.dir, DEV_OUTPUT));
      let got: Record<string, string> = {};
      // the watcher may still be finishing its last pass: poll until its output settles on the fresh build's
      await w.waitFor("the output equals a fresh dev build", () => {
        got = snapshot(path.join(w.dir, DEV_OUTPUT));
        return JSON.stringify(got) === JSON.stringify(want);
      }, BATCH_DEADLINE_MS).catch(() => undefined);
      assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), "the same files");
      assert.deepEqual(got, want, "the same bytes");
      assert.ok(existsSync(path.join(w.dir, DEV_OUTPUT, "world/batch-40/index.html")));
      // Eleventy's own races may still happen ("`templateRender` has not yet initialized");
      // each is followed by a clean rebuild, never by the end of the dev server
      assert.doesNotMatch(w.log(), /fatal watch error|Node\.js v\d+/i);
    } finally {
      await fresh?.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
