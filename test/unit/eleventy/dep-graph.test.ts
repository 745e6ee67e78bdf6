/**
 * indexDependencyEdges (_config/eleventy/internals.ts): dependency-graph's
 * addDependency and overallOrder asking Sets instead of lists give the library's own
 * answers, in the same order, through every kind of change the graph allows.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { eleventyDepGraph, eleventyRequire, indexDependencyEdges, type DepGraphInternals } from "../../../_config/eleventy/internals.ts";

type Graph = DepGraphInternals & { removeDependency(a: string, b: string): void; removeNode(n: string): void };

/** A second, unpatched copy of the library Eleventy runs (its file evaluated afresh). */
function pristineDepGraph(): new (opts?: { circular?: boolean }) => Graph {
  const file = eleventyRequire.resolve("dependency-graph");
  const exports: { DepGraph?: new (opts?: { circular?: boolean }) => Graph } = {};
  new Function("exports", "module", readFileSync(file, "utf8"))(exports, { exports });
  assert.ok(exports.DepGraph, `no DepGraph in ${path.basename(file)}`);
  return exports.DepGraph;
}

const snapshot = (g: Graph) => ({
  nodes: [...g.nodes.keys()],
  out: [...g.outgoingEdges.entries()],
  inc: [...g.incomingEdges.entries()],
  order: g.overallOrder(),
  leaves: g.overallOrder(true),
});

describe("dependency graph with indexed edges", () => {
  it("is the dependency-graph it was written for (1.0.0): on another version, re-check indexDependencyEdges", () => {
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(eleventyRequire.resolve("dependency-graph")), "../package.json"), "utf8")) as { version: string };
    assert.equal(pkg.version, "1.0.0");
  });

  for (const circular of [true, false]) {
    it(`gives the library's edges and order after random changes (${circular ? "circular, as Eleventy's" : "acyclic"})`, () => {
      const Original = pristineDepGraph();
      indexDependencyEdges();
      const Patched = eleventyDepGraph() as unknown as new (opts?: { circular?: boolean }) => Graph;
      assert.notEqual(Patched.prototype.addDependency, Original.prototype.addDependency);
      let seed = circular ? 11 : 5;
      const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
      for (let round = 0; round < 20; round++) {
        const [a, b] = [new Original({ circular }), new Patched({ circular })];
        const names = Array.from({ length: 5 + random(60) }, (_, i) => `n${i}`);
        for (const n of names) [a, b].forEach((g) => g.addNode(n));
        for (let step = 0; step < 400; step++) {
          const op = random(10);
          const [x, y] = [names[random(names.length)]!, names[random(names.length)]!];
          // an acyclic graph only gets edges from a later node to an earlier one
          const [from, to] = circular || Number(x.slice(1)) > Number(y.slice(1)) ? [x, y] : [y, x];
          if (!circular && from === to) continue;
          const results = [a, b].map((g) => {
            try {
              if (op < 7) g.addDependency(from, to);
              else if (op < 9) g.removeDependency(from, to);
              else if (g.hasNode(x)) g.removeNode(x);
              else g.addNode(x);
              return "ok";
            } catch (error) {
              return String(error);
            }
          });
          assert.equal(results[1], results[0]);
          if (step % 50 === 49) assert.deepEqual(snapshot(b), snapshot(a), `round ${round}, step ${step}`);
        }
        assert.deepEqual(snapshot(b), snapshot(a));
      }
    });
  }

  it("orders a circular graph of many stories and one collection as the library does", () => {
    const Original = pristineDepGraph();
    indexDependencyEdges();
    const Patched = eleventyDepGraph() as unknown as new (opts?: { circular?: boolean }) => Graph;
    const [a, b] = [new Original({ circular: true }), new Patched({ circular: true })];
    for (const g of [a, b]) {
      for (const n of ["__collection:all", "__collection:articles", "home", "feed"]) g.addNode(n);
      for (let i = 0; i < 3000; i++) {
        g.addNode(`story${i}`);
        g.addDependency("__collection:articles", `story${i}`);
        g.addDependency("__collection:all", `story${i}`);
        g.addDependency(`story${i}`, "__collection:all"); // a cycle, as Eleventy's graph has
      }
      g.addDependency("home", "__collection:articles");
      g.addDependency("feed", "__collection:articles");
    }
    assert.deepEqual(b.overallOrder(), a.overallOrder());
    assert.deepEqual(b.overallOrder(true), a.overallOrder(true));
  });
});
