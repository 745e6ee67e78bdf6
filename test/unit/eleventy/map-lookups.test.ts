/**
 * Two adaptations of Eleventy's pass for archives of thousands of stories
 * (_config/eleventy/internals.ts): the template map's lookups by input path, indexed
 * (`indexTemplateMapLookups`: the same answers as Eleventy's linear search, as the map
 * grows or is replaced), and a pass that lets the event loop turn between templates
 * (`letPassesBreathe`: a timer set during a chain of templates fires during it, not
 * after it; every call still runs, in order, with its own `this` and result).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { eleventyModule, indexTemplateMapLookups, letPassesBreathe } from "../../../_config/eleventy/internals.ts";

type Lookup = (this: { map: { inputPath: string; n: number }[] }, inputPath: string) => unknown;
const TemplateMap = await eleventyModule<{ prototype: { getMapEntryForInputPath: Lookup } }>("TemplateMap.js");
const Template = await eleventyModule<{ prototype: { getTemplates(data: unknown): Promise<unknown> } }>("Template.js");

describe("the template map's lookups, indexed", () => {
  it("answers as Eleventy's search does: first match of the path or its absolute form, as the map grows or is replaced", async () => {
    const eleventys = TemplateMap.prototype.getMapEntryForInputPath;
    await indexTemplateMapLookups();
    const indexed = TemplateMap.prototype.getMapEntryForInputPath;
    assert.notEqual(indexed, eleventys, "the lookup is replaced");
    const abs = (p: string) => path.join(process.cwd(), p);
    let n = 0;
    const entry = (inputPath: string) => ({ inputPath, n: n++ });
    const tm = { map: [entry("./src/a.md"), entry("./src/b.md"), entry("./src/a.md"), entry(abs("src/c.md")), entry("./src/c.md"), entry("./src/pages/about.md")] };
    const asked = ["./src/a.md", abs("src/a.md"), "./src/b.md", "./src/c.md", abs("src/c.md"), "./src/pages/about.md", "./src/missing.md", "src/a.md", ""];
    const same = (when: string) => {
      for (const p of asked) assert.equal(indexed.call(tm, p), eleventys.call(tm, p), `${when}: ${p}`);
    };
    same("first lookups");
    assert.equal((indexed.call(tm, "./src/a.md") as { n: number }).n, 0, "the first of two entries with one path");
    assert.equal((indexed.call(tm, "./src/c.md") as { n: number }).n, 3, "an absolute entry before a relative one for the same file");
    tm.map.push(entry("./src/missing.md"), entry(abs("src/b.md")));
    same("after pushes");
    assert.ok(indexed.call(tm, "./src/missing.md"), "an entry pushed after the first lookup is found");
    tm.map = [entry("./src/pages/about.md"), entry("./src/d.md")];
    same("after the map was replaced");
    assert.equal(indexed.call(tm, "./src/a.md"), undefined);
    tm.map.length = 1;
    same("after the map got shorter");
    const other = { map: [entry("./src/a.md")] };
    assert.equal((indexed.call(other, "./src/a.md") as { n: number }).n, other.map[0]!.n, "each map has its own index");
    await indexTemplateMapLookups();
    assert.equal(TemplateMap.prototype.getMapEntryForInputPath, indexed, "installed once");
  });
});

describe("a pass that lets the event loop turn", () => {
  it("fires a timer set during a chain of templates before the chain ends; every call runs in order", async () => {
    const original = Template.prototype.getTemplates;
    const calls: unknown[] = [];
    // a template that takes 3 ms of CPU and settles at once, as one whose file is cached
    Template.prototype.getTemplates = async function (this: unknown, data: unknown) {
      const until = performance.now() + 3;
      while (performance.now() < until);
      calls.push(this);
      return [data];
    };
    try {
      await letPassesBreathe(20);
      const templates = Array.from({ length: 150 }, (_, i) => ({ i }));
      let firedAt = -1;
      setTimeout(() => (firedAt = calls.length), 0);
      const results: unknown[] = [];
      for (const t of templates) results.push(await Template.prototype.getTemplates.call(t, t.i));
      assert.ok(firedAt >= 0, "the timer fired during the chain");
      assert.ok(firedAt < 30, `the timer fired after ${firedAt} of 150 templates (each 3 ms; a turn every 20 ms)`);
      assert.deepEqual(calls, templates, "every template, in order, with its own this");
      assert.deepEqual(results, templates.map((t) => [t.i]), "each call's own result");
    } finally {
      Template.prototype.getTemplates = original;
    }
  });
});
