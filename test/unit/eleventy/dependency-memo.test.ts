/**
 * The dependency map's remembered answers (_config/eleventy/internals.ts,
 * `rememberDependencyQueries`): on Eleventy's own GlobalDependencyMap, the same answers
 * as a twin map without the memo, before and after every kind of change to the graph,
 * and one walk of the graph per template instead of one per question.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEPENDENCY_MAP_WRITERS, eleventyModule, rememberDependencyQueries } from "../../../_config/eleventy/internals.ts";

interface DepMap {
  addNewNodeRelationships(from: string, consumes?: string[], publishes?: string[]): void;
  addDependency(from: string, to: string[]): void;
  addLayoutsToMap(layouts: Record<string, string[]>): Promise<void>;
  resetNode(node: string): void;
  restore(persisted: string): void;
  stringify(): string;
  getDependencies(node: string, includeLayouts?: boolean): string[] | false;
  hasDependency(from: string, to: string, includeLayouts?: boolean): boolean;
  isFileRelevantTo(template: string, changed: string, includeLayouts?: boolean): boolean;
  isFileUsedBy(parent: string, child: string, includeLayouts?: boolean): boolean;
  map: { dependenciesOf(node: string): string[] };
}

const GlobalDependencyMap = await eleventyModule<new () => DepMap>("GlobalDependencyMap.js");

const stories = Array.from({ length: 12 }, (_, i) => `./src/articles/s${i}.md`);
const lists = ["./src/section.11ty.tsx", "./src/topic.11ty.tsx", "./src/index.11ty.tsx"];
const page = "./src/pages/about.md";
const files = [...stories, ...lists, page, "./_includes/layouts/Story.tsx", "./_config/pages/render.ts", "./src/articles/new.md", "./nowhere.md"];

/** The same graph twice: one remembered, one as Eleventy answers. */
async function twins(): Promise<[DepMap, DepMap]> {
  const maps: [DepMap, DepMap] = [new GlobalDependencyMap(), new GlobalDependencyMap()];
  rememberDependencyQueries(maps[0]);
  for (const m of maps) {
    for (const s of stories) m.addNewNodeRelationships(s, [], ["articles"]);
    for (const l of lists) m.addNewNodeRelationships(l, ["articles"], []);
    m.addNewNodeRelationships(page, [], []);
    m.addDependency(lists[0]!, ["./_config/pages/render.ts"]);
    await m.addLayoutsToMap({ "./_includes/layouts/Story.tsx": stories.slice(0, 6) });
  }
  return maps;
}

function sameAnswers([memo, plain]: [DepMap, DepMap], when: string): void {
  for (const a of files) {
    for (const layouts of [undefined, true, false]) {
      const got = memo.getDependencies(a, layouts);
      const want = plain.getDependencies(a, layouts);
      assert.deepEqual(got === false ? false : [...got].sort(), want === false ? false : [...want].sort(), `${when}: getDependencies(${a}, ${layouts})`);
      for (const b of files) {
        assert.equal(memo.hasDependency(a, b, layouts), plain.hasDependency(a, b, layouts), `${when}: hasDependency(${a}, ${b}, ${layouts})`);
        assert.equal(memo.isFileRelevantTo(a, b, layouts), plain.isFileRelevantTo(a, b, layouts), `${when}: isFileRelevantTo(${a}, ${b}, ${layouts})`);
        assert.equal(memo.isFileUsedBy(a, b, layouts), plain.isFileUsedBy(a, b, layouts), `${when}: isFileUsedBy(${a}, ${b}, ${layouts})`);
      }
    }
  }
}

describe("the dependency map's remembered answers", () => {
  it("answers as Eleventy does, before and after each change to the graph", async () => {
    const maps = await twins();
    sameAnswers(maps, "as built");
    // a list depends on every story through the collection
    assert.equal(maps[0].isFileRelevantTo(lists[1]!, stories[3]!, false), true);
    assert.equal(maps[0].isFileRelevantTo(page, stories[3]!, false), false);
    const changes: [string, (m: DepMap) => unknown][] = [
      ["a new story publishing to the list", (m) => m.addNewNodeRelationships("./src/articles/new.md", [], ["articles"])],
      ["a page that starts consuming the list", (m) => m.addNewNodeRelationships(page, ["articles"], [])],
      ["a dependency added", (m) => m.addDependency(lists[2]!, ["./nowhere.md"])],
      ["a node's dependencies reset", (m) => m.resetNode(lists[0]!)],
      ["the layouts changed", (m) => m.addLayoutsToMap({ "./_includes/layouts/Story.tsx": stories.slice(6) })],
      ["the graph restored whole", (m) => m.restore(new GlobalDependencyMap().stringify())],
    ];
    for (const [when, change] of changes) {
      for (const m of maps) await change(m);
      sameAnswers(maps, `after ${when}`);
    }
  });

  it("walks a template's dependencies once until the graph changes", async () => {
    const [memo] = await twins();
    let walks = 0;
    const graph = memo.map;
    const walk = graph.dependenciesOf.bind(graph);
    graph.dependenciesOf = (node) => (walks++, walk(node));
    for (let i = 0; i < 500; i++) for (const s of stories) memo.isFileRelevantTo(lists[1]!, s, false);
    assert.equal(walks, 1, "one walk for 6,000 questions about one template");
    memo.addDependency(lists[1]!, ["./nowhere.md"]);
    assert.equal(memo.isFileRelevantTo(lists[1]!, "./nowhere.md", false), true, "a change is seen at once");
    assert.equal(walks, 2);
  });

  it("names every writer it watches as a method of Eleventy's map", () => {
    const proto = GlobalDependencyMap.prototype as unknown as Record<string, unknown>;
    for (const name of DEPENDENCY_MAP_WRITERS) assert.equal(typeof proto[name], "function", name);
  });
});
