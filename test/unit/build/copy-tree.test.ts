/** copyTree (_config/build/copy-tree.ts): a folder copied as hard links, every file and folder there. */
import assert from "node:assert/strict";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { copyTree } from "../../../_config/build/copy-tree.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-copy-tree-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("copyTree", () => {
  it("links every file of a nested folder into a new place, empty folders and links included", async () => {
    const from = path.join(dir, "from");
    mkdirSync(path.join(from, "a/b/c"), { recursive: true });
    mkdirSync(path.join(from, "empty"));
    for (let i = 0; i < 50; i++) writeFileSync(path.join(from, i % 2 ? "a/b" : "a/b/c", `f${i}.txt`), `file ${i}`);
    writeFileSync(path.join(from, "top.txt"), "top");
    symlinkSync("top.txt", path.join(from, "link.txt"));
    const to = path.join(dir, "to/deeper");
    await copyTree(from, to);
    const list = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).map((e) => `${path.relative(d, path.join(e.parentPath, e.name))}${e.isDirectory() ? "/" : ""}`).sort();
    assert.deepEqual(list(to), list(from));
    assert.equal(statSync(path.join(to, "a/b/f1.txt")).ino, statSync(path.join(from, "a/b/f1.txt")).ino, "a hard link, not a copy");
    assert.equal(readFileSync(path.join(to, "a/b/c/f0.txt"), "utf8"), "file 0");
    assert.ok(lstatSync(path.join(to, "link.txt")).isSymbolicLink());
    await copyTree(path.join(from, "top.txt"), path.join(dir, "one/file.txt"));
    assert.equal(readFileSync(path.join(dir, "one/file.txt"), "utf8"), "top");
  });
});
