/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by
 * package/file, and total (inclusive) time of the project's own functions.
 *   tsx bench/profile.ts <file.cpuprofile> [top=25] [fromMs-toMs]
 * With a window, only samples taken between those times (ms from the profile's
 * start) count, e.g. one watch-mode rebuild; `timeline` prints busy time per second.
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg, windowArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
const [from, to] = windowArg && windowArg !== "timeline" ? windowArg.split("-").map(Number) : [0, Infinity];
const busy = new Map<number, number>();
let clock = 0;
prof.samples.forEach((id, i) => {
  const dt = (prof.timeDeltas[i] ?? 0) / 1000;
  clock += dt;
  if (byId.get(id)!.callFrame.functionName !== "(idle)") busy.set(Math.floor(clock / 1000), (busy.get(Math.floor(clock / 1000)) ?? 0) + dt);
  if (clock >= from! && clock <= to!) self.set(id, (self.get(id) ?? 0) + dt);
});
if (windowArg === "timeline") {
  for (const [s, ms] of busy) console.log(`${String(s).padStart(4)} s ${"#".repeat(Math.round(ms / 20))} ${ms.toFixed(0)}`);
  process.exit(0);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (!url) return "(native/gc)";
  return url.replace(/^file:\/\//, "").replace(/^.*\/wt\/[^/]+\//, "");
};
const add = (map: Map<string, number>, key: string, v: number) => map.set(key, (map.get(key) ?? 0) + v);
const fnSelf = new Map<string, number>();
const pkgSelf = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, ms] of self) {
  const n = byId.get(id)!;
  add(fnSelf, `${n.callFrame.functionName || "(anon)"} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`, ms);
  add(pkgSelf, where(n.callFrame.url), ms);
  const seen = new Set<string>();
  for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
    const f = byId.get(p)!.callFrame;
    const key = `${f.functionName || "(anon)"} ${where(f.url)}:${f.lineNumber + 1}`;
    if (!seen.has(key)) add(inclusive, key, ms);
    seen.add(key);
  }
}
const show = (title: string, map: Map<string, number>, filter = (_k: string) => true) => {
  console.log(`\n## ${title}`);
  for (const [k, v] of [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`total sampled: ${total.toFixed(0)} ms`);
show("self time by package/file", pkgSelf);
show("self time by function", fnSelf);
show("inclusive time", inclusive, (k) => !/\(root\)|\(program\)/.test(k));
