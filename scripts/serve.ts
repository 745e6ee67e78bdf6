/**
 * `npm start`: the dev server on http://localhost:8080 with live reload and
 * incremental rebuilds; drafts and scheduled stories are shown. `--watch-only`
 * rebuilds without serving; `--port N` picks another port; `--host` listens on every
 * network interface (others on the network see the drafts too: a warning says so).
 * Output goes to .cache/dev-site/, never dist/. SIGINT and SIGTERM stop it and free the
 * port. Run from the site folder (holding src/ and _data/). See docs/editor-loop.md.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { RESTART_EXIT_CODE, startDev } from "../_config/dev/index.ts";

const USAGE = "usage: npm start [-- --port <number>] [-- --host] [-- --cms-port <number>] [-- --no-cms] [-- --watch-only]";
let values: { port?: string; host?: boolean; "cms-port"?: string; "no-cms"?: boolean; "watch-only"?: boolean };
try {
  ({ values } = parseArgs({ options: { port: { type: "string" }, host: { type: "boolean" }, "cms-port": { type: "string" }, "no-cms": { type: "boolean" }, "watch-only": { type: "boolean" } } }));
  if (values["cms-port"] !== undefined && !/^\d+$/.test(values["cms-port"])) throw new Error(`--cms-port expects a number, got "${values["cms-port"]}"`);
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new Error(`--port expects a number, got "${values.port}"`);
} catch (error) {
  console.error(`start: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!process.env.NEWSROOM_DEV_WORKER) {
  // The supervisor: runs the dev server in a child process and starts a fresh one when it
  // asks (exit code RESTART_EXIT_CODE: a build failed inside Eleventy, whose in-process
  // state, caches included, cannot be trusted any more). Signals are passed on.
  if (values.host) console.warn("[newsroom] WARNING: --host shares the dev server with every machine on this network; drafts and scheduled stories are visible to them.");
  let child: ReturnType<typeof spawn> | undefined;
  let stopping = false;
  const run = (clean = false) => {
    const started = Date.now();
    const env = { ...process.env, NEWSROOM_DEV_WORKER: "1", ...(clean ? { NEWSROOM_DEV_CLEAN: "1" } : {}) };
    child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env });
    child.on("exit", (code, signal) => {
      // asked for (a build failed inside Eleventy), or a crash once it was running (not at
      // start-up, where a fresh one would crash the same way)
      if (!stopping && (code === RESTART_EXIT_CODE || (code !== 0 && Date.now() - started > 10_000))) {
        console.log("[newsroom] starting a fresh dev server (clean full rebuild)");
        return run(true);
      }
      process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
    });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      child?.kill(signal);
    });
  }
  run();
} else {
  await worker();
}

async function worker(): Promise<void> {
// Registered before the server starts, so a signal during the first build stops it too.
let stop: (() => Promise<void>) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // Closing waits for open connections; never longer than 3 s: then the process ends (and the port is free).
    const timeout = new Promise((resolve) => setTimeout(resolve, 3000).unref());
    void Promise.race([stop?.().catch(() => undefined), timeout]).finally(() => process.exit(0));
  });
}
const session = await startDev({
  serve: !values["watch-only"],
  port: values.port ? Number(values.port) : undefined,
  host: values.host ? "0.0.0.0" : "localhost",
  cmsPort: values["no-cms"] ? false : values["cms-port"] ? Number(values["cms-port"]) : undefined,
  clean: process.env.NEWSROOM_DEV_CLEAN === "1",
  // a fresh process, not a fresh Eleventy in this one: Eleventy keeps caches per process
  restart: async () => {
    await Promise.race([stop?.().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    process.exit(RESTART_EXIT_CODE);
  },
});
stop = session.stop;
}
