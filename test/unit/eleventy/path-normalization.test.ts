/**
 * rememberPathNormalization (_config/eleventy/internals.ts): Eleventy's
 * PathNormalizer.fullNormalization, remembered, gives Eleventy's own answers: for
 * relative, dot-slash, absolute and file-URL paths, for non-strings, and again after
 * the working folder changes.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";
import { eleventyModule, rememberPathNormalization, type PathNormalizerInternals } from "../../../_config/eleventy/internals.ts";

const PathNormalizer = await eleventyModule<PathNormalizerInternals>("Util/PathNormalizer.js");
const original = PathNormalizer.fullNormalization;
await rememberPathNormalization(1000);
const remembered = PathNormalizer.fullNormalization;
const start = process.cwd();
const elsewhere = mkdtempSync(path.join(os.tmpdir(), "newsroom-normalize-"));
after(() => {
  process.chdir(start);
  rmSync(elsewhere, { recursive: true, force: true });
});

const inputs = (): unknown[] => [
  "src/articles/2025/a.md",
  "./src/articles/2025/a.md",
  path.join(process.cwd(), "src/articles/2025/a.md"),
  pathToFileURL(path.join(process.cwd(), "_includes/layouts/story.tsx")).href,
  path.join(elsewhere, "x.md"),
  "/somewhere/else/b.md",
  "eleventy.collection:news",
  "",
  undefined,
  42,
];

describe("remembered path normalization", () => {
  it("replaced Eleventy's function (the one the dependency map calls)", () => {
    assert.notEqual(remembered, original);
  });

  it("answers as Eleventy does, asked once or many times, past the memo's limit", () => {
    for (let round = 0; round < 3; round++) {
      for (const input of inputs()) assert.deepEqual(remembered.call(PathNormalizer, input), original.call(PathNormalizer, input), String(input));
    }
    for (let i = 0; i < 2500; i++) {
      const input = i % 2 ? `./src/articles/${i % 700}.md` : path.join(process.cwd(), `src/${i % 900}.md`);
      assert.equal(remembered.call(PathNormalizer, input), original.call(PathNormalizer, input), input);
    }
  });

  it("answers for the new working folder after a chdir", () => {
    const file = path.join(elsewhere, "src/story.md");
    const before = remembered.call(PathNormalizer, file);
    process.chdir(elsewhere);
    const afterChdir = remembered.call(PathNormalizer, file);
    assert.equal(afterChdir, "src/story.md");
    assert.notEqual(before, afterChdir);
    for (const input of inputs()) assert.deepEqual(remembered.call(PathNormalizer, input), original.call(PathNormalizer, input), String(input));
    process.chdir(start);
    assert.equal(remembered.call(PathNormalizer, file), before);
  });
});
