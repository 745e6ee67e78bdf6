/**
 * `npm run build` through tsx (`node --import tsx scripts/build.ts [--clean]`): the full
 * build, scripts/build-main.ts. `npm run build` itself starts in plain Node
 * (scripts/build.mjs), which runs the same function.
 */
import { main } from "./build-main.ts";

await main(process.argv.slice(2));
