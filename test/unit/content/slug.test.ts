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

test("Ukrainian headlines follow the national romanization of 2010 (the resolution's own examples)", async () => {
  const { slugForLanguage } = await import("../../../_config/content/slug.ts");
  // Cabinet of Ministers of Ukraine resolution 55 (27 January 2010), the table's examples
  const OFFICIAL: [string, string][] = [
    ["Згорани", "zghorany"],
    ["Розгон", "rozghon"],
    ["Гайворон", "haivoron"],
    ["Ґалаґан", "galagan"],
    ["Єнакієве", "yenakiieve"],
    ["Житомир", "zhytomyr"],
    ["Їжакевич", "yizhakevych"],
    ["Кадиївка", "kadyivka"],
    ["Йосипівка", "yosypivka"],
    ["Стрий", "stryi"],
    ["Олексій", "oleksii"],
    ["Харків", "kharkiv"],
    ["Щербухи", "shcherbukhy"],
    ["Юрій", "yurii"],
    ["Корюківка", "koriukivka"],
    ["Яготин", "yahotyn"],
    ["Костянтин", "kostiantyn"],
    ["Знам'янка", "znamianka"],
    ["Феодосія", "feodosiia"],
  ];
  for (const [uk, latin] of OFFICIAL) assert.equal(slugForLanguage(uk, "uk"), latin, uk);
  assert.equal(slugForLanguage("Тисячі російських військових звернулися на «гарячу лінію»", "uk-UA"), "tysiachi-rosiiskykh-viiskovykh-zvernulysia-na-hariachu-liniiu");
  // other languages and scripts: slugify's transliteration, as before
  assert.equal(slugForLanguage("Тисячі російських військових", "en-US"), "tisyachi-rosiyskikh-viyskovikh");
  assert.equal(slugForLanguage("Café Müller", "de"), slug("Café Müller"));
  assert.equal(slugForLanguage("Plain English", undefined), "plain-english");
});
