import assert from "node:assert/strict";
import { test } from "node:test";
import slugify from "@sindresorhus/slugify";
import { slug } from "../../../_config/content/slug.ts";
import { prng } from "../../../bench/corpus.ts";

const reference = (text: string) => slugify(text, { decamelize: false });

test("slug matches slugify on typical and tricky text", () => {
  const table = [
    "Russia-Ukraine war",
    "Vladimir Putin",
    "It's the economy, stupid",
    "Don't panic -- it's fine",
    "Rock & Roll",
    "C:\\path\\to",
    "  --leading and trailing--  ",
    "a^b`c",
    "Ukraine’s ‘surrender hotline’",
    "Café Müller über straße",
    "Zürich & Genève 🦄",
    "São Paulo ♥",
    "",
    "---",
    "HTML5 & CSS3 APIs",
    "what's 'quoted' text's",
  ];
  for (const text of table) assert.equal(slug(text), reference(text), JSON.stringify(text));
});

test("slug matches slugify on random ASCII strings", () => {
  const rand = prng(42);
  const chars = "abcXYZ019 -_'&^`\\/.,!?ts\t";
  for (let i = 0; i < 3000; i++) {
    const text = Array.from({ length: 1 + Math.floor(rand() * 24) }, () => chars[Math.floor(rand() * chars.length)]).join("");
    assert.equal(slug(text), reference(text), JSON.stringify(text));
  }
});
