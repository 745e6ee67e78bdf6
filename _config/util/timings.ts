/**
 * Phase timings of a build, printed by `npm run build` when NEWSROOM_TIMINGS=1
 * (docs/performance.md). Recording is always on and costs one clock read per phase;
 * phases may overlap (the share-image encoder runs beside Eleventy's rendering, the
 * html-validate worker beside Pagefind), so the figures are wall times, not shares.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeHeapSnapshot } from "node:v8";

const phases = new Map<string, number>();

/** Forgets the last build's figures. */
export function resetTimings(): void {
  phases.clear();
  marks.length = 0;
}

/** Adds `ms` to a phase (a phase reached several times sums). */
export function recordPhase(name: string, ms: number): void {
  phases.set(name, (phases.get(name) ?? 0) + ms);
}

/** Runs `fn` and records its wall time under `name`. */
export async function timePhase<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    recordPhase(name, performance.now() - start);
  }
}

/** The phases recorded so far, [name, ms], in the order first recorded (the launcher hands them on: scripts/settle.ts). */
export function timingEntries(): [string, number][] {
  return [...phases];
}

/** One line per phase, in the order first recorded: "  eleventy   8.12 s". */
export function timingLines(): string[] {
  const width = Math.max(0, ...[...phases.keys()].map((k) => k.length));
  return [...phases].map(([name, ms]) => `  ${name.padEnd(width)}  ${(ms / 1000).toFixed(2).padStart(7)} s`);
}

// ── memory, for the same diagnostics ─────────────────────────────────────────

const marks: string[] = [];

/**
 * Notes the main thread's memory at a point of the build (`NEWSROOM_TIMINGS=1` prints
 * them: resident set, V8 heap used), and with `NEWSROOM_HEAP_SNAPSHOTS=<folder>` writes
 * a V8 heap snapshot of the main thread there, named after the point (open it in
 * Chrome's DevTools, Memory tab). Snapshots take seconds and about twice the heap.
 */
export function markMemory(point: string): void {
  const { rss, heapUsed } = process.memoryUsage();
  marks.push(`  ${point}: resident ${Math.round(rss / 2 ** 20)} MB, heap used ${Math.round(heapUsed / 2 ** 20)} MB`);
  const dir = process.env.NEWSROOM_HEAP_SNAPSHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeHeapSnapshot(path.join(path.resolve(dir), `${String(marks.length).padStart(2, "0")}-${point.replace(/[^a-z0-9]+/gi, "-")}.heapsnapshot`));
  }
}

/** The memory marks of this build, one line each. */
export function memoryLines(): string[] {
  return [...marks];
}
