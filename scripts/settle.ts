/**
 * The settled answer of `npm run build` (docs/performance.md, section 26): when nothing a
 * page reads has changed and dist/ stands as the last build left it, say so. Shared by
 * scripts/build.ts and the compiled launcher (`.cache/launch/`, made by
 * `_config/build/launcher.ts`), which runs this file with plain Node, without tsx.
 */
import { prepareBuild, settledResult, summaryLine, type BuildPrelude } from "../_config/cache/index.ts";

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
  return reportSettled(prelude) ? "settled" : "build";
}
