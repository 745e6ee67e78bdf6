import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { removeTree } from "../../../_config/build/build.ts";

test("removeTree removes a nested folder, and never what its symbolic links point to", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "newsroom-remove-"));
  try {
    const outside = path.join(root, "outside");
    mkdirSync(outside);
    writeFileSync(path.join(outside, "keep.txt"), "kept");
    const site = path.join(root, "site");
    for (let i = 0; i < 50; i++) {
      mkdirSync(path.join(site, "world", `story-${i}`, "deep"), { recursive: true });
      writeFileSync(path.join(site, "world", `story-${i}`, "index.html"), `<p>${i}</p>`);
      writeFileSync(path.join(site, "world", `story-${i}`, "deep", "x.json"), "{}");
    }
    mkdirSync(path.join(site, "empty"));
    symlinkSync(outside, path.join(site, "linked-dir"));
    symlinkSync(path.join(outside, "keep.txt"), path.join(site, "linked-file"));
    await removeTree(site);
    assert.equal(existsSync(site), false);
    assert.equal(readFileSync(path.join(outside, "keep.txt"), "utf8"), "kept");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("removeTree of a folder that does not exist is not an error", async () => {
  await removeTree(path.join(tmpdir(), "newsroom-remove-missing-" + process.pid));
});

test("publish: a cached image published twice into the same folder keeps its bytes, in the cache too", async () => {
  const { publish, resetShareImages } = await import("../../../_config/photos/share-images.ts");
  const root = mkdtempSync(path.join(tmpdir(), "newsroom-publish-"));
  try {
    const cached = path.join(root, "cache", "card-abc.jpg");
    mkdirSync(path.dirname(cached), { recursive: true });
    writeFileSync(cached, "JPEG bytes");
    const out = path.join(root, "dist");
    for (let build = 0; build < 2; build++) {
      resetShareImages();
      await publish(cached, out);
    }
    assert.equal(readFileSync(path.join(out, "img", "card-abc.jpg"), "utf8"), "JPEG bytes");
    assert.equal(readFileSync(cached, "utf8"), "JPEG bytes");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
