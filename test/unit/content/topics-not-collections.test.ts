import assert from "node:assert/strict";
import { test } from "node:test";
import { eleventyFrontMatterYaml } from "../../../_config/content/topics-not-collections.ts";

test("story tags stay data.tags and are kept out of Eleventy's per-tag collections", () => {
  assert.deepEqual(eleventyFrontMatterYaml("title: A\ntags:\n  - Russia\n  - Ukraine war\n"), {
    title: "A",
    tags: ["Russia", "Ukraine war"],
    eleventyExcludeFromCollections: ["Russia", "Ukraine war"],
  });
});

test("front matter without tags, or not a mapping, is left as parsed", () => {
  assert.deepEqual(eleventyFrontMatterYaml("title: A\ndate: 2022-10-04\n"), { title: "A", date: "2022-10-04" });
  assert.deepEqual(eleventyFrontMatterYaml("title: A\ntags: []\n"), { title: "A", tags: [] });
  assert.deepEqual(eleventyFrontMatterYaml("- a\n- b\n"), ["a", "b"]);
  assert.deepEqual(eleventyFrontMatterYaml(""), {});
});
