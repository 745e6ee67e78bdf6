import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { validateFrontMatter } from "../../../_config/content/articles.ts";
import { parseDataFile } from "../../../_config/content/data.ts";
import { splitFrontMatter } from "../../../_config/content/frontmatter.ts";
import type { AuthorsData, SectionsData, SiteData } from "../../../_config/content/schema.ts";
import { authorsYaml, generateCorpus } from "../../../bench/corpus.ts";
import { ROOT } from "../../helpers/paths.ts";

const data = (name: string) => parseDataFile(readFileSync(path.join(ROOT, "_data", `${name}.yaml`), "utf8"), `${name}.yaml`);
const sections = data("sections") as SectionsData;
const site = data("site") as SiteData;

test("the bench corpus is deterministic for a seed, and differs for another", () => {
  const a = generateCorpus({ stories: 50, sections: Object.keys(sections) });
  const b = generateCorpus({ stories: 50, sections: Object.keys(sections) });
  assert.deepEqual(a, b);
  const c = generateCorpus({ stories: 50, sections: Object.keys(sections), seed: 7 });
  assert.notDeepEqual(a.stories.map((s) => s.text), c.stories.map((s) => s.text));
});

test("every bench story passes the content contract, with 500–1,000 words and the body elements", () => {
  const corpus = generateCorpus({ stories: 300, sections: Object.keys(sections) });
  const authors = parseDataFile(authorsYaml(corpus.authors), "authors.yaml") as AuthorsData;
  assert.equal(Object.keys(authors).length, 30);
  assert.equal(new Set(corpus.topics).size, 200);
  const ctx = { site, sections, authors, inputDir: "src/" };
  const slugs = new Set<string>();
  for (const story of corpus.stories) {
    const fm = splitFrontMatter(story.text);
    assert.deepEqual(validateFrontMatter(`src/${story.path}`, fm.data, fm.lines, ctx), [], story.path);
    assert.ok(story.words >= 500 && story.words <= 1000, `${story.path}: ${story.words} words`);
    assert.match(fm.body, /^## /m);
    assert.match(fm.body, /^> /m);
    assert.match(fm.body, /^- /m);
    assert.match(fm.body, /^1\. /m);
    assert.match(fm.body, /\]\(https:\/\//);
    assert.ok(!slugs.has(story.slug), `duplicate slug ${story.slug}`);
    slugs.add(story.slug);
  }
  assert.ok(new Set(corpus.stories.map((s) => s.section)).size === Object.keys(sections).length);
});
