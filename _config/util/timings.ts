/**
 * Phase timings of a build, printed by `npm run build` when NEWSROOM_TIMINGS=1
 * (docs/performance.md). Recording is always on and costs one clock read per phase;
 * phases may overlap (the share-image encoder runs beside Eleventy's rendering, the
 * html-validate worker beside Pagefind), so the figures are wall times, not shares.
 */
const phases = new Map<string, number>();

/** Forgets the last build's figures. */
export function resetTimings(): void {
  phases.clear();
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

/** One line per phase, in the order first recorded: "  eleventy   8.12 s". */
export function timingLines(): string[] {
  const width = Math.max(0, ...[...phases.keys()].map((k) => k.length));
  return [...phases].map(([name, ms]) => `  ${name.padEnd(width)}  ${(ms / 1000).toFixed(2).padStart(7)} s`);
}
