/**
 * `npm start`: the dev server on http://localhost:8080 with live reload and
 * incremental rebuilds; drafts and scheduled stories are shown. `--watch-only`
 * rebuilds without serving; `--port N` picks another port. Run from the site
 * folder (holding src/ and _data/). See docs/editor-loop.md.
 */
import { parseArgs } from "node:util";
import { startDev } from "../_config/dev.ts";

const { values } = parseArgs({ options: { port: { type: "string" }, "watch-only": { type: "boolean" } } });
const session = await startDev({ serve: !values["watch-only"], port: values.port ? Number(values.port) : undefined });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void session.stop().finally(() => process.exit(0));
  });
}
