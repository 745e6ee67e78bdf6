/**
 * The house in rooms (docs/architecture.md): code in _config/, _includes/, scripts/ and
 * src/ enters a room of _config/ only through its index.ts, and no import goes round
 * in a circle.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { doorViolations, importCycles, importGraph, importsOf, sourceFiles, type ImportGraph } from "../../helpers/imports.ts";
import { ROOT } from "../../helpers/paths.ts";

const files = sourceFiles(ROOT, ["_config", "_includes", "scripts", "src", ".eleventy.ts"]);
const graph = importGraph(ROOT, files);

describe("rooms of _config/", () => {
  it("reads the imports of every source file, static, re-exported and dynamic", () => {
    assert.ok(files.length > 80, `only ${files.length} files found`);
    assert.deepEqual(
      importsOf(`import a from "./a.ts";\nimport type { B } from "../b/index.ts";\nexport * from "./c.ts";\nimport {\n  d,\n  e,\n} from "./d.ts";\nimport "./side.ts";\nconst f = await import("./f.ts");\nimport x from "node:fs";\n`),
      ["./a.ts", "../b/index.ts", "./c.ts", "./d.ts", "./side.ts", "./f.ts"],
    );
    // every import resolves to a file: the graph is the real one
    for (const [file, targets] of graph) for (const t of targets) assert.ok(existsSync(path.join(ROOT, t)), `${file} imports missing ${t}`);
  });

  it("has only rooms at its top level, each with a door (index.ts)", () => {
    const top = readdirSync(path.join(ROOT, "_config"), { withFileTypes: true });
    assert.deepEqual(top.filter((e) => !e.isDirectory()).map((e) => e.name), []);
    for (const room of top) assert.ok(existsSync(path.join(ROOT, "_config", room.name, "index.ts")), `_config/${room.name}/ has no index.ts`);
  });

  it("keeps each room small enough to read in one sitting (about 12 files)", () => {
    for (const room of readdirSync(path.join(ROOT, "_config"))) {
      const own = files.filter((f) => f.startsWith(`_config/${room}/`) && !f.slice(`_config/${room}/`.length).includes("/"));
      assert.ok(own.length <= 13, `_config/${room}/ has ${own.length} files`);
    }
  });

  it("enters another room only through its index.ts", () => {
    assert.deepEqual(doorViolations(graph), []);
  });

  it("has no import cycle", () => {
    assert.deepEqual(importCycles(graph).map((c) => c.join(" → ")), []);
  });

  it("would catch an inner import and a cycle", () => {
    const bad: ImportGraph = new Map([
      ["_includes/layouts/x.11ty.tsx", ["_config/site/collections.ts"]],
      ["_config/site/collections.ts", ["_config/site/listing.ts"]],
      ["_config/site/listing.ts", ["_config/content/index.ts"]],
      ["_config/content/index.ts", ["_config/site/index.ts"]],
      ["_config/site/index.ts", ["_config/site/collections.ts"]],
    ]);
    assert.deepEqual(doorViolations(bad), ["_includes/layouts/x.11ty.tsx imports _config/site/collections.ts: import _config/site/index.ts instead"]);
    assert.deepEqual(importCycles(bad), [["_config/site/collections.ts", "_config/site/listing.ts", "_config/content/index.ts", "_config/site/index.ts", "_config/site/collections.ts"]]);
  });
});
