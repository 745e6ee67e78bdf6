/**
 * The settled answer of `npm run build` (docs/performance.md, section 26): when nothing a
 * page reads has changed and dist/ stands as the last build left it, say so. Shared by
 * scripts/build.ts and the compiled launcher (`.cache/launch/`, made by
 * `_config/build/launcher.ts`), which runs this file with plain Node, without tsx.
 */
import { prepareBuild, settledResult, summaryLine, type BuildPrelude } from "../_config/cache/index.ts";
import { timingEntries } from "../_config/util/index.ts";

/** performance.now() counts from the process's start: the time includes loading the code. */
export const took = (): string => `${(performance.now() / 1000).toFixed(2)} s`;

/** Prints the settled lines when the prelude is settled; returns whether it was. */
export function reportSettled(prelude: BuildPrelude): boolean {
  if (!prelude.settled) return false;
  console.log(summaryLine(settledResult(prelude.settled.pages)));
  console.log(`Nothing to build: ${prelude.output} stands as the last build left it (${took()})`);
  return true;
}

/**
 * The compiled launcher's entry: answers only for the code it was compiled from (its
 * fingerprint, `compiledFor`), so a launcher left from other code never answers.
 * "build" means: run the full build (scripts/build.ts).
 */
export async function settle(compiledFor: string): Promise<"settled" | "build"> {
  process.env.ELEVENTY_RUN_MODE ??= "build";
  const prelude = await prepareBuild({ clean: false, complete: true });
  if (prelude.fingerprint !== compiledFor) return "build";
  if (reportSettled(prelude)) return "settled";
  handoff = { prelude, phases: timingEntries() };
  return "build";
}

/**
 * What the launcher read, for the full build in the same process (scripts/build.mjs,
 * scripts/build-main.ts): the inputs are then read and hashed once, not twice (at 20,000
 * stories 0.6 s). Only after `settle` said "build" for the code it was compiled from: its
 * prelude is then the one this code makes.
 */
export interface Handoff {
  prelude: BuildPrelude;
  /** the phases the launcher timed (code fingerprint, input hashes, settled check) */
  phases: [string, number][];
}
let handoff: Handoff | undefined;

/** The launcher's prelude once `settle` answered "build" for its own code, else undefined. */
export function handedOver(): Handoff | undefined {
  return handoff;
}
