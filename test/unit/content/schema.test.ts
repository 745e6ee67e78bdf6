/** The content contract: each bad front matter → the exact problem text. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateFrontMatter, type ValidationContext } from "../../../_config/content/articles.ts";
import { splitFrontMatter } from "../../../_config/content/frontmatter.ts";
import { formatProblem, siteSchema } from "../../../_config/content/schema.ts";

const ctx: ValidationContext = {
  site: siteSchema.parse({
    name: "Test",
    newsroom: "Test Staff",
    url: "https://test.example/",
    language: "en-US",
    timezone: "America/New_York",
    description: "Test site",
    logo: "/logo.svg",
    pageSize: 10,
  }),
  sections: { world: { title: "World", description: "World news" } },
  authors: { "jane-doe": { name: "Jane Doe", role: "Reporter", bio: "Bio." } },
  inputDir: "test/fixtures/good/src",
};

const FILE = "test/fixtures/good/src/articles/2024/a-story.md";
const VALID = `title: A headline
description: A dek
date: 2022-10-04
section: world`;

function problems(frontMatter: string, file = FILE): string[] {
  const fm = splitFrontMatter(`---\n${frontMatter}\n---\nBody.\n`);
  return validateFrontMatter(file, fm.data, fm.lines, ctx).map(formatProblem);
}

describe("article schema", () => {
  it("accepts a valid story, with every optional key", () => {
    assert.deepEqual(problems(VALID), []);
    assert.deepEqual(
      problems(`${VALID}
updated: 2022-10-05T10:00:00-04:00
tags: [Russia, Ukraine]
authors: [jane-doe]
source:
  name: Fox News
  url: https://www.foxnews.com/world/x
draft: false`),
      [],
    );
  });

  const cases: [string, string, string[]][] = [
    ["missing title", "description: D\ndate: 2022-10-04\nsection: world", [`${FILE} title: required: expected string`]],
    ["missing date", "title: T\ndescription: D\nsection: world", [`${FILE} date: required: expected string`]],
    ["unknown key", `${VALID}\nautors: [jane-doe]`, [`${FILE}:6 autors: unknown key (not in the content contract; a typo?)`]],
    ["unknown section", "title: T\ndescription: D\ndate: 2022-10-04\nsection: sport", [`${FILE}:5 section: unknown section "sport"; expected one of world (from _data/sections)`]],
    ["unknown author", `${VALID}\nauthors: [john-roe]`, [`${FILE}:6 authors.0: unknown author "john-roe"; expected a slug from _data/authors`]],
    ["impossible date", "title: T\ndescription: D\ndate: 2022-02-30\nsection: world", [`${FILE}:4 date: "2022-02-30" is not a real calendar date`]],
    [
      "relative date",
      "title: T\ndescription: D\ndate: yesterday\nsection: world",
      [`${FILE}:4 date: expected an ISO 8601 date-time with offset (2022-10-04T09:00:00-04:00) or a date (2022-10-04)`],
    ],
    [
      "updated before date",
      `${VALID}\nupdated: 2022-10-03T09:00:00-04:00`,
      [`${FILE}:6 updated: 2022-10-03T09:00:00-04:00 is before date 2022-10-04T00:00:00-04:00; expected the same moment or later`],
    ],
    ["tags not a list", `${VALID}\ntags: Russia`, [`${FILE}:6 tags: expected array, got "Russia"`]],
    ["draft not a boolean", `${VALID}\ndraft: "yes"`, [`${FILE}:6 draft: expected boolean, got "yes"`]],
    ["title a number", "title: 42\ndescription: D\ndate: 2022-10-04\nsection: world", [`${FILE}:2 title: expected string, got number 42`]],
    ["image without alt", `${VALID}\nimage:\n  src: photo.placeholder.jpg`, [`${FILE}:6 image.alt: required: expected string`]],
    ["source without url", `${VALID}\nsource:\n  name: Fox News`, [`${FILE}:6 source.url: required: expected string`]],
    ["source url not http", `${VALID}\nsource:\n  name: Fox News\n  url: ftp://x.example/`, [`${FILE}:8 source.url: expected an absolute http(s) URL`]],
  ];
  for (const [name, fm, expected] of cases) {
    it(`rejects ${name}`, () => assert.deepEqual(problems(fm), expected));
  }

  it("rejects a file name that is not a slug", () => {
    assert.deepEqual(problems(VALID, "src/articles/My Story.md"), [
      `src/articles/My Story.md (file name): "My Story" is not a slug: lowercase ASCII letters, digits and single hyphens`,
    ]);
  });

  it("rejects a file without front matter", () => {
    const fm = splitFrontMatter("Just a body.\n");
    assert.deepEqual(validateFrontMatter(FILE, fm.data, fm.lines, ctx).map(formatProblem), [
      `${FILE}:1 (front matter): expected front matter between --- lines with title, description, date and section`,
    ]);
  });

  it("reports malformed YAML with its line", () => {
    assert.throws(() => splitFrontMatter("---\ntitle: [unclosed\ndate: 2022-10-04\n---\n"), (e: Error & { line?: number }) => {
      assert.match(e.message, /^malformed YAML: /);
      assert.ok(typeof e.line === "number" && e.line >= 2);
      return true;
    });
  });
});
