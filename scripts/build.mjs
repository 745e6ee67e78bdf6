// @ts-check
/**
 * `npm run build` starts here, in plain Node (docs/performance.md, sections 26 and 29).
 * When the last good build left a compiled launcher for this code
 * (`.cache/launch/build.mjs`, _config/build/launcher.ts), it asks it first: "nothing to
 * build" is then answered without loading tsx. Anything else (a change, `--clean`, no
 * launcher, a launcher for other code, or any failure of it) runs the full build,
 * scripts/build-main.ts, in this same process with tsx's loader registered, which
 * decides and reports as always. When the launcher was compiled from this very code and
 * said "build", it hands over what it read (the inputs' hashes), so they are read once.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const launcher = path.resolve(".cache/launch/build.mjs");
/** @type {unknown} */
let handed;
if (!args.includes("--clean") && process.env.NEWSROOM_NO_LAUNCHER !== "1" && existsSync(launcher)) {
  try {
    const compiled = await import(pathToFileURL(launcher).href);
    if ((await compiled.run()) === "settled") process.exit(0);
    handed = typeof compiled.handoff === "function" ? compiled.handoff() : undefined;
  } catch {
    // The full build below reads the same inputs and reports any problem with them.
    handed = undefined;
  }
}

// tsx's loader, registered for what this process imports from here on (as `--import tsx` would).
await import(import.meta.resolve("tsx"));
const { main } = await import("./build-main.ts");
await main(args, /** @type {import("./settle.ts").Handoff | undefined} */ (handed));
