/**
 * `npm start`: the dev server on http://localhost:8080 with live reload and
 * incremental rebuilds; drafts and scheduled stories are shown. `--watch-only`
 * rebuilds without serving; `--port N` picks another port. Run from the site
 * folder (holding src/ and _data/). See docs/editor-loop.md.
 */
import { parseArgs } from "node:util";
import { startDev } from "../_config/dev/index.ts";

const USAGE = "usage: npm start [-- --port <number>] [-- --cms-port <number>] [-- --no-cms] [-- --watch-only]";
let values: { port?: string; "cms-port"?: string; "no-cms"?: boolean; "watch-only"?: boolean };
try {
  ({ values } = parseArgs({ options: { port: { type: "string" }, "cms-port": { type: "string" }, "no-cms": { type: "boolean" }, "watch-only": { type: "boolean" } } }));
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new Error(`--port expects a number, got "${values.port}"`);
  if (values["cms-port"] !== undefined && !/^\d+$/.test(values["cms-port"])) throw new Error(`--cms-port expects a number, got "${values["cms-port"]}"`);
} catch (error) {
  console.error(`start: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const session = await startDev({
  serve: !values["watch-only"],
  port: values.port ? Number(values.port) : undefined,
  cmsPort: values["no-cms"] ? false : values["cms-port"] ? Number(values["cms-port"]) : undefined,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void session.stop().finally(() => process.exit(0));
  });
}
