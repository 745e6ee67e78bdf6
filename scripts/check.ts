/**
 * `npm run check [site-folder]`: validates every story and `_data` file without
 * building (no Eleventy, nothing written). Prints each problem as
 * `file:line key: message`, then a summary; exits 1 when there is any problem.
 * The site folder (default: the current one) holds `src/` and `_data/`.
 */
import { checkSiteWithPhotos, siteFolders } from "../_config/dev/index.ts";
import { formatProblem } from "../_config/content/index.ts";

const started = performance.now();
const { problems, stories } = await checkSiteWithPhotos({ ...siteFolders(process.argv[2] ?? "."), now: process.env.NEWSROOM_NOW });
const ms = Math.round(performance.now() - started);
for (const p of problems) console.log(formatProblem(p));
const files = new Set(problems.map((p) => p.file)).size;
if (problems.length) {
  console.log(`\n✗ ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} (${stories} stories checked in ${ms} ms)`);
  process.exitCode = 1;
} else {
  console.log(`✓ ${stories} stories checked, no problems (${ms} ms)`);
}
