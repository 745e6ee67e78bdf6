/**
 * The dev server's wait for its watcher (_config/dev/watch-ready.ts): it ends when every
 * file of the tree is watched, not when chokidar first says "ready"; it also ends when
 * the watched list stops growing (files the watcher ignores), and names what is missing.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { watchingAll, type WatchedTree } from "../../../_config/dev/watch-ready.ts";

const root = path.resolve("/site");
const files = Array.from({ length: 300 }, (_, i) => path.join(root, "src/articles", String(2020 + (i % 3)), `story-${i}.md`));

/** A watcher that makes `perPoll` more watches each time it is asked, folders relative to its cwd. */
function growing(perPoll: number, upTo = files.length): WatchedTree & { asked: number } {
  const tree = {
    asked: 0,
    options: { cwd: root },
    getWatched() {
      tree.asked++;
      const made = files.slice(0, Math.min(upTo, tree.asked * perPoll));
      const out: Record<string, string[]> = {};
      for (const f of made) (out[path.relative(root, path.dirname(f))] ??= []).push(path.basename(f));
      return out;
    },
  };
  return tree;
}

describe("waiting until every file is watched", () => {
  it("waits for the last watch, however late after the first", async () => {
    const w = growing(40);
    const r = await watchingAll(w, files, { pollMs: 1, quietMs: 500 });
    assert.equal(r.missing, 0);
    assert.equal(w.asked, Math.ceil(files.length / 40), "it asked until the last file was watched, and no longer");
  });
  it("ends when the watched list stops growing, saying how many files are not watched", async () => {
    const w = growing(100, 250);
    const r = await watchingAll(w, files, { pollMs: 2, quietMs: 60 });
    assert.equal(r.missing, 50);
    assert.ok(r.ms >= 60, `it waited for the list to be quiet (${r.ms} ms)`);
  });
  it("returns at once when every file is already watched; paths relative to the process are resolved", async () => {
    const w = growing(files.length);
    const relative = files.map((f) => path.relative(process.cwd(), f));
    const r = await watchingAll(w, relative, { pollMs: 1000, quietMs: 5000 });
    assert.deepEqual([r.missing, w.asked], [0, 1]);
  });
});
