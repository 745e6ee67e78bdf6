// @ts-check
/**
 * `npm run build` starts here, in plain Node (docs/performance.md, section 26). When the
 * last good build left a compiled launcher for this code (`.cache/launch/build.mjs`,
 * _config/build/launcher.ts), it asks it first: "nothing to build" is then answered
 * without loading tsx. Anything else (a change, `--clean`, no launcher, a launcher for
 * other code, or any failure of it) runs the full build, scripts/build.ts, through tsx,
 * which decides and reports as always.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const launcher = path.resolve(".cache/launch/build.mjs");
if (!args.includes("--clean") && process.env.NEWSROOM_NO_LAUNCHER !== "1" && existsSync(launcher)) {
  try {
    const { run } = await import(pathToFileURL(launcher).href);
    if ((await run()) === "settled") process.exit(0);
  } catch {
    // The full build below reads the same inputs and reports any problem with them.
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(here, "build.ts"), ...args], { stdio: "inherit" });
// Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15) : 1);
});
