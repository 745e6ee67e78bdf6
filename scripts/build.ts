/**
 * `npm run build`: a production build of the site into dist/, atomically and
 * incrementally: it reuses what the previous build left in `.cache/build/` wherever it
 * can prove the result the same, and says what it did. `npm run build -- --clean`
 * ignores the cache. On any error (content, a check, a crash) it prints why, exits 1,
 * and leaves the previous dist/ and .cache/ untouched.
 */
import { buildSite, summaryLine } from "../_config/build/index.ts";
import { errorMessages } from "../_config/dev/index.ts";
import { postBuildChecks } from "../_config/build/index.ts";
import { timingLines } from "../_config/util/index.ts";

process.env.ELEVENTY_RUN_MODE ??= "build";
const started = performance.now();
try {
  const clean = process.argv.slice(2).includes("--clean");
  const result = await buildSite({ quiet: true, clean, checks: [postBuildChecks((line) => console.log(line))] });
  console.log(summaryLine(result));
  console.log(`Built ${result.files} pages into ${result.output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  if (process.env.NEWSROOM_TIMINGS === "1") console.log(["Phases (wall time; some overlap):", ...timingLines()].join("\n"));
} catch (error) {
  console.error(`\nBuild failed; the previous dist/ is unchanged.\n`);
  console.error(errorMessages(error).join("\n"));
  process.exitCode = 1;
}
