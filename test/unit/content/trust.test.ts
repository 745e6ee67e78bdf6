/** The kind of work, corrections and page paths: pure functions of the content room. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  articleSchema,
  correctionNotice,
  correctionsView,
  kindLabel,
  kindOf,
  KINDS,
  lastModified,
  lineOfPath,
  pagePath,
  pageSchema,
  policyProblems,
  toDateTime,
} from "../../../_config/content/index.ts";

const ZONE = "America/New_York";
const base = { title: "T", description: "D", date: "2026-01-01", section: "world" };

describe("kind", () => {
  it("labels every kind but news", () => {
    assert.deepEqual(
      KINDS.map((k) => kindLabel(k)),
      [undefined, "Analysis", "Opinion", "Review", "Background", "Explainer", "Sponsored content"],
    );
  });

  it("is the story's own, else its section's, else news", () => {
    const sections = { opinion: { title: "O", description: "d", kind: "opinion" as const }, world: { title: "W", description: "d" } };
    assert.equal(kindOf({ section: "opinion" }, sections), "opinion");
    assert.equal(kindOf({ section: "opinion", kind: "analysis" }, sections), "analysis");
    assert.equal(kindOf({ section: "world" }, sections), "news");
  });

  it("the schema accepts the contract's kinds, a dateline, a language tag and corrections, and nothing else", () => {
    assert.ok(articleSchema.safeParse({ ...base, kind: "explainer", dateline: "KYIV, Ukraine", language: "uk", corrections: [{ date: "2026-01-02", text: "x", type: "clarification" }] }).success);
    assert.ok(!articleSchema.safeParse({ ...base, kind: "satire" }).success);
    assert.ok(!articleSchema.safeParse({ ...base, language: "not a tag" }).success);
    assert.ok(!articleSchema.safeParse({ ...base, corrections: [{ date: "2026-01-02", text: " " }] }).success);
    assert.ok(!articleSchema.safeParse({ ...base, corrections: [{ date: "2026-01-02", text: "x", by: "me" }] }).success);
    assert.ok(!articleSchema.safeParse({ ...base, dateline: "two\nlines" }).success);
  });
});

describe("corrections", () => {
  const view = correctionsView(
    [
      { date: "2026-01-05", text: "second", type: "clarification" },
      { date: "2026-01-03T10:00:00-05:00", text: "first" },
    ],
    ZONE,
  );

  it("are ordered oldest first, labelled in so many words, with ids for their notes", () => {
    assert.deepEqual(
      view.map((c) => [c.id, c.label, c.type, c.text]),
      [
        ["correction-1", "Correction", "correction", "first"],
        ["correction-2", "Clarification", "clarification", "second"],
      ],
    );
  });

  it("say when the story was last corrected (clarified, when all are clarifications)", () => {
    assert.equal(correctionNotice(view), "This story was corrected on Jan. 5, 2026.");
    assert.equal(correctionNotice(view.slice(1)), "This story was clarified on Jan. 5, 2026.");
    assert.equal(correctionNotice([]), undefined);
  });

  it("make dateModified the latest of publication, updated and corrections", () => {
    const published = toDateTime("2026-01-01", ZONE);
    assert.equal(lastModified(published, undefined, view).toISODate(), "2026-01-05");
    assert.equal(lastModified(published, toDateTime("2026-02-01", ZONE), view).toISODate(), "2026-02-01");
    assert.equal(lastModified(published, undefined, []).toISODate(), "2026-01-01");
  });

  it("problems inside a list name the item's line, and the key's line in it", () => {
    const lines = ["title: T", "corrections:", "  - date: 2026-01-02", "    text: a", "  - date: 2026-01-03", "    type: x", "section: world"];
    assert.equal(lineOfPath(lines, "corrections.0.date"), 4);
    assert.equal(lineOfPath(lines, "corrections.1.type"), 7);
    assert.equal(lineOfPath(lines, "corrections.1.text"), 6); // missing: the item's line
    assert.equal(lineOfPath(lines, "section"), 8);
  });
});

describe("pages", () => {
  it("are published at their path under src/pages/", () => {
    assert.equal(pagePath("about/ethics.md"), "/about/ethics/");
    assert.equal(pagePath("about.md"), "/about/");
    assert.equal(pagePath("about/index.md"), "/about/");
  });

  it("have their own schema: title, description, optional updated", () => {
    assert.ok(pageSchema.safeParse({ title: "About", description: "Us", updated: "2026-01-01" }).success);
    assert.ok(!pageSchema.safeParse({ title: "About", description: "Us", section: "world" }).success);
    assert.ok(!pageSchema.safeParse({ title: "About" }).success);
  });

  it("a policy naming no page is a problem naming _data/site and the key", () => {
    assert.deepEqual(policyProblems({ policies: { ethics: "/about/ethics/", masthead: "/masthead/" } }, ["/about/ethics/"]), [
      { file: "_data/site.yaml", key: "policies.masthead", message: "/masthead/ is no page of the site; expected the path of a page in src/pages/ (/about/ethics/)" },
    ]);
    assert.deepEqual(policyProblems({}, []), []);
  });
});
