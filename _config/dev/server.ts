/**
 * The editor's loop (`npm start`): Eleventy's watcher and dev server with incremental
 * rebuilds (listing pages declare `eleventyImport: { collections: ["articles"] }`, so a
 * changed story re-renders them too), plus what Eleventy 3.1.8 does not do itself
 * (read in node_modules/@11ty/eleventy/src/Eleventy.js):
 *
 * - A deleted file triggers no rebuild (chokidar's `unlink` only forgets the path), so
 *   a deleted or renamed story stayed in every list. Here a deletion queues a full build.
 * - Output is never removed, so a deleted story's page (or its old URL after a rename or
 *   a section change, or a list page that lost a page) kept being served: outputs that
 *   no template writes any more are deleted (stale-outputs.ts).
 * - A failed first build ends `eleventy --serve`; here it keeps watching.
 * - After a failed build, the next one is full: edits saved while the build was broken
 *   were never written, and an incremental build would only render the last file saved.
 *
 * Errors print as `file:line key: message` and show in the browser (dev-overlay.ts);
 * the last good pages stay in dist/ and keep being served.
 */
import Eleventy, { type EleventyResult } from "@11ty/eleventy";
import path from "node:path";
import type { EleventyConfig } from "../eleventy/index.ts";
import { overlayMiddleware } from "./overlay.ts";
import { BuildStatus, explainFailure } from "./status.ts";
import { FastPath } from "./fast-path.ts";
import { IncrementalPlanner } from "./incremental.ts";
import { StaleOutputs } from "./stale-outputs.ts";
import { BackgroundIndexer } from "../build/index.ts";

export interface DevOptions {
  /** site folder holding src/ and _data/ (default: cwd) */
  site?: string;
  /** run the dev server (default true); false: watch and rebuild only */
  serve?: boolean;
  port?: number;
  log?: (line: string) => void;
}

export interface DevSession {
  status: BuildStatus;
  stop(): Promise<void>;
}

const CONFIG = path.resolve(import.meta.dirname, "../../.eleventy.ts");

/** "./src/x.md", as Eleventy names files in its watch queue. */
const queuePath = (p: string) => `./${path.relative(process.cwd(), path.resolve(p)).split(path.sep).join("/")}`;

export async function startDev(options: DevOptions = {}): Promise<DevSession> {
  process.env.NEWSROOM_ENV ??= "development";
  const log = options.log ?? ((line: string) => console.log(`[newsroom] ${line}`));
  const site = path.relative(process.cwd(), path.resolve(options.site ?? ".")) || ".";
  const input = path.join(site, "src");
  const output = path.join(site, "dist");
  const folders = { input, data: path.join(site, "_data"), now: process.env.NEWSROOM_NOW };
  const status = new BuildStatus();
  const stale = new StaleOutputs();
  const planner = new IncrementalPlanner();
  const fast = new FastPath();
  // Search works in the dev server too: the index follows each good build, off the edit's
  // path (only when serving: the watch-only loop has no search page to serve).
  const search = options.serve === false ? undefined : new BackgroundIndexer(output, log);
  const deleted = new Set<string>();
  let forceFull = false;
  let fullBuild = true;
  let unchanged = 0;
  /** the files the running build was started for */
  let building: string[] = [];

  const elev: Eleventy = new Eleventy(input, output, {
    configPath: CONFIG,
    source: "script",
    runMode: options.serve === false ? "watch" : "serve",
    quietMode: true,
    config(config: unknown) {
      const eleventyConfig = config as EleventyConfig;
      eleventyConfig.on("eleventy.beforeWatch", async (queue) => {
        building = queue as string[];
        const reason = forceFull ? "the last build failed" : building.some((f) => deleted.has(f)) ? "a file was deleted" : building.length > 1 ? "several files changed" : "";
        if (elev.watchManager) elev.watchManager.incremental = !reason;
        if (reason) log(`full rebuild (${reason})`);
        // One edited story: its page and the home page first, then Eleventy's pass (Eleventy awaits this).
        else if (building.length === 1 && deleted.size === 0 && status.state.ok) {
          const started = performance.now();
          const written = await fast.run(elev.writer, building[0]!);
          if (written.length) {
            log(`story and home page written in ${Math.round(performance.now() - started)} ms; rebuilding the rest`);
            // The browser too: the story page is patched in place, any other page reloads.
            await elev.eleventyServe?.reload({ files: building, build: { templates: written } }).catch(() => undefined);
          }
        }
      });
      // Read which kind of build this is, then restore incremental mode for the next queue pop.
      eleventyConfig.on("eleventy.before", () => {
        fullBuild = !elev.watchManager?.incremental;
        if (elev.watchManager) elev.watchManager.incremental = true;
        // The changed story and the home page first; list pages that cannot show it skipped.
        if (elev.writer) planner.begin(elev.writer, { changed: fullBuild ? undefined : elev.writer.incrementalFile, full: fullBuild });
      });
      eleventyConfig.on("eleventy.after", async (arg) => {
        const { results } = arg as { results: EleventyResult[] };
        const { kept, skipped } = planner.commit();
        unchanged = skipped;
        for (const file of await stale.update(results, fullBuild, kept)) log(`removed ${file} (no story writes it any more)`);
      });
      eleventyConfig.setServerOptions({ port: options.port ?? 8080, middleware: [overlayMiddleware(status, output)] });
    },
  });
  await elev.init();
  elev.setIncrementalBuild(true);

  // Every build goes through write(): record its outcome, explain failures.
  const write = elev.write.bind(elev);
  let first = true;
  elev.write = async () => {
    const started = performance.now();
    const isFirst = first;
    first = false;
    try {
      const result = await write();
      const wasBroken = !status.state.ok;
      status.succeed();
      fast.commit();
      forceFull = false;
      for (const file of building) deleted.delete(file);
      search?.request();
      log(`${wasBroken ? "fixed: " : ""}built in ${Math.round(performance.now() - started)} ms${unchanged ? ` (${unchanged} list pages could not show the change: left as they were)` : ""}`);
      unchanged = 0;
      return result;
    } catch (error) {
      planner.abort();
      await fast.restore();
      status.fail(explainFailure(error, folders));
      forceFull = true;
      log(`build failed; still serving the last good pages. Fix and save:\n  ${status.state.problems.join("\n  ")}`);
      if (isFirst) return [[], []]; // let watch() start anyway
      throw error; // Eleventy sends it to the browser
    }
  };

  await elev.watch();
  elev.watcher?.on("unlink", (file) => {
    deleted.add(queuePath(file));
    elev.watcher?.emit("change", file);
  });
  if (options.serve !== false) await elev.serve(options.port);
  log(options.serve === false ? "watching for changes" : `serving ${output} with live reload`);
  return {
    status,
    stop: async () => {
      await elev.stopWatch();
      await search?.idle();
    },
  };
}
