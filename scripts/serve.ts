/**
 * `npm start`: the dev server on http://localhost:8080 with live reload and
 * incremental rebuilds; drafts and scheduled stories are shown. `--watch-only`
 * rebuilds without serving; `--port N` picks another port; `--host` listens on every
 * network interface (others on the network see the drafts too: a warning says so).
 * Output goes to .cache/dev-site/, never dist/. SIGINT and SIGTERM stop it and free the
 * port. Run from the site folder (holding src/ and _data/). See docs/editor-loop.md.
 */
import { parseArgs } from "node:util";
import { startDev } from "../_config/dev/index.ts";

const USAGE = "usage: npm start [-- --port <number>] [-- --host] [-- --watch-only]";
let values: { port?: string; host?: boolean; "watch-only"?: boolean };
try {
  ({ values } = parseArgs({ options: { port: { type: "string" }, host: { type: "boolean" }, "watch-only": { type: "boolean" } } }));
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new Error(`--port expects a number, got "${values.port}"`);
} catch (error) {
  console.error(`start: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.host) {
  console.warn("[newsroom] WARNING: --host shares the dev server with every machine on this network; drafts and scheduled stories are visible to them.");
}
// Registered before the server starts, so a signal during the first build stops it too.
let stop: (() => Promise<void>) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // Closing waits for open connections; never longer than 3 s: then the process ends (and the port is free).
    const timeout = new Promise((resolve) => setTimeout(resolve, 3000).unref());
    void Promise.race([stop?.().catch(() => undefined), timeout]).finally(() => process.exit(0));
  });
}
const session = await startDev({ serve: !values["watch-only"], port: values.port ? Number(values.port) : undefined, host: values.host ? "0.0.0.0" : "localhost" });
stop = session.stop;
