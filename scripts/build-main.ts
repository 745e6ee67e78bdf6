/**
 * The full `npm run build` (scripts/build.ts runs it; so does scripts/build.mjs, in its
 * own process, when the compiled launcher handed it the prelude it computed): a
 * production build of the site into dist/, atomically and incrementally: it reuses what
 * the previous build left in `.cache/build/` wherever it can prove the result the same,
 * and says what it did. `--clean` ignores the cache. On any error (content, a check, a
 * crash) it prints why, sets exit code 1, and leaves the previous dist/ and .cache/
 * untouched.
 *
 * It asks the cache room first (Node built-ins only): when nothing a page reads has
 * changed and dist/ is as the last build left it, it says so and stops, without loading
 * Eleventy (docs/performance.md, section 22).
 */
import { prepareBuild, summaryLine, type BuildPrelude } from "../_config/cache/index.ts";
import { memoryLines, recordPhase, resetTimings, timingLines } from "../_config/util/index.ts";
import { reportSettled, took, type Handoff } from "./settle.ts";

export async function main(args: string[], handed?: Handoff): Promise<void> {
  process.env.ELEVENTY_RUN_MODE ??= "build";
  const timings = () => {
    if (process.env.NEWSROOM_TIMINGS === "1") console.log(["Phases (wall time; some overlap):", ...timingLines(), "Memory of the main thread:", ...memoryLines()].join("\n"));
  };
  try {
    const clean = args.includes("--clean");
    let prelude: BuildPrelude;
    if (handed && !clean) {
      // the launcher read the inputs already, with this very code (its fingerprint is this code's)
      resetTimings();
      for (const [name, ms] of handed.phases) recordPhase(name, ms);
      recordPhase("inputs read once: by the launcher", 0);
      prelude = handed.prelude;
    } else prelude = await prepareBuild({ clean, complete: true });
    if (!reportSettled(prelude)) {
      const { buildSite, postBuildChecks } = await import("../_config/build/index.ts");
      const result = await buildSite({ quiet: true, clean, checks: [postBuildChecks((line) => console.log(line))], prelude });
      console.log(summaryLine(result));
      console.log(`Built ${result.files} pages into ${result.output} in ${took()}`);
    }
    // The next "nothing to build" is answered without tsx (scripts/build.mjs). Best effort:
    // without it, the next build only starts slower.
    await import("../_config/build/index.ts")
      .then(({ compileLauncher }) => compileLauncher(prelude))
      .catch((error: unknown) => console.warn(`(the compiled launcher was not written: ${error instanceof Error ? error.message : String(error)})`));
    timings();
  } catch (error) {
    const { errorMessages } = await import("../_config/dev/index.ts");
    console.error(`\nBuild failed; the previous dist/ is unchanged.\n`);
    console.error(errorMessages(error).join("\n"));
    process.exitCode = 1;
  }
}
