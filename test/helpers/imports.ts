/**
 * The import graph of the project's own code, read from the sources: which file imports
 * which (static `import`/`export … from`, side-effect and dynamic `import()`), for the
 * rooms test (test/unit/rooms/doors.test.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type ImportGraph = Map<string, string[]>;

const STATIC = /^[ \t]*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm;
const SIDE_EFFECT = /^[ \t]*import\s*["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** Relative specifiers a source imports (package imports are left out). */
export function importsOf(source: string): string[] {
  const found = new Set<string>();
  for (const re of [STATIC, SIDE_EFFECT, DYNAMIC]) for (const m of source.matchAll(re)) if (m[1]!.startsWith(".")) found.add(m[1]!);
  return [...found];
}

/** Every .ts/.tsx file under the given folders (and single files), as paths relative to root. */
export function sourceFiles(root: string, entries: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs)) if (name !== "node_modules") walk(path.join(rel, name));
    } else if (/\.tsx?$/.test(rel) && !rel.endsWith(".d.ts")) out.push(rel.split(path.sep).join("/"));
  };
  for (const e of entries) walk(e);
  return out.sort();
}

/** The graph of the given files: file → the project files it imports (relative to root). */
export function importGraph(root: string, files: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const dir = path.dirname(path.join(root, file));
    const targets = importsOf(readFileSync(path.join(root, file), "utf8")).map((spec) => path.relative(root, path.resolve(dir, spec)).split(path.sep).join("/"));
    graph.set(file, targets);
  }
  return graph;
}

/** The room of a file under _config/ (its first folder), else undefined. */
export function roomOf(file: string): string | undefined {
  const m = /^_config\/([^/]+)\//.exec(file);
  return m?.[1];
}

/** Imports of another room that do not go through its door (`_config/<room>/index.ts`). */
export function doorViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const room = roomOf(target);
      if (room && room !== roomOf(file) && target !== `_config/${room}/index.ts`) out.push(`${file} imports ${target}: import _config/${room}/index.ts instead`);
    }
  }
  return out;
}

/** Every import cycle, each as the list of files around it (first file repeated at the end). */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}
