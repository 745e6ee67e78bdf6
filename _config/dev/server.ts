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
 * the last good pages stay in the dev output and keep being served.
 *
 * Hardening (docs/security.md): the dev output is `.cache/dev-site/`, never `dist/` (which
 * only ever holds a production build); the server binds to localhost unless `host` says
 * otherwise (drafts are visible); every request passes request-guard.ts first; builds
 * run one at a time, and a build that fails for a reason other than content (Eleventy's
 * own races when many files change at once) is followed by a clean full build.
 */
import Eleventy, { type EleventyResult } from "@11ty/eleventy";
import { existsSync, readdirSync, rmSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { currentWriter, incrementalFileOf, indexEleventyLookups, isIncremental, lastTemplateMap, letPassesBreathe, rememberDependencies, reloadWith, sendBuildError, setIncremental, watcherOf, type EleventyConfig } from "../eleventy/index.ts";
import { overlayMiddleware } from "./overlay.ts";
import { requestGuard } from "./request-guard.ts";
import { BuildStatus, explainFailure, isContentFailure } from "./status.ts";
import { FastPath, fastPathOutputs, type TemplateMapSnapshot } from "./fast-path.ts";
import { IncrementalPlanner } from "./incremental.ts";
import { StaleOutputs } from "./stale-outputs.ts";
import { watchingAll } from "./watch-ready.ts";
import { adminHeadersMiddleware, startLocalBackend, type LocalBackend } from "../cms/index.ts";
import { BackgroundIndexer } from "../build/index.ts";

export interface DevOptions {
  /** site folder holding src/ and _data/ (default: cwd) */
  site?: string;
  /** run the dev server (default true); false: watch and rebuild only */
  serve?: boolean;
  port?: number;
  /** the CMS local backend's port (default NEWSROOM_CMS_PORT or 8081); false: no CMS backend (default: on when serving) */
  cmsPort?: number | false;
  /** the interface to listen on (default "localhost": this machine only) */
  host?: string;
  /**
   * after a build failed inside Eleventy (not in content): start afresh. `npm start` ends
   * this process with RESTART_EXIT_CODE and its supervisor starts a new one (Eleventy keeps
   * caches per process: a second instance in the same process still saw deleted files).
   * Default: a fresh Eleventy instance in this process.
   */
  restart?: () => Promise<void>;
  /** empty the dev output before the first build (a fresh process after a restart knows nothing of what the last one wrote) */
  clean?: boolean;
  log?: (line: string) => void;
}

/** The exit code with which a dev server process asks its supervisor for a fresh one. */
export const RESTART_EXIT_CODE = 75;

/** The dev server's output folder, inside a site folder: never `dist/`. */
export const DEV_OUTPUT = path.join(".cache", "dev-site");

/** Eleventy Dev Server 2 internals this file patches (server.js: `_serverListen`, `server`). */
interface DevServerInternals {
  server: import("node:http").Server;
  _serverListen(port: number): void;
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
  const output = path.join(site, DEV_OUTPUT);
  const folders = { input, data: path.join(site, "_data"), now: process.env.NEWSROOM_NOW };
  if (options.clean) rmSync(output, { recursive: true, force: true });
  const status = new BuildStatus();
  const stale = new StaleOutputs();
  /** Eleventy instances replaced by a fresh one: their queued passes do nothing */
  const retired = new WeakSet<Eleventy>();
  // Search works in the dev server too: the index follows each good build, off the edit's
  // path (only when serving: the watch-only loop has no search page to serve).
  const search = options.serve === false ? undefined : new BackgroundIndexer(output, log);
  // The browser editor at /admin/ saves through decap-server into the site folder (_config/cms/).
  // A port already taken (another dev server, `--port 8081`) costs the CMS, not the site.
  let cms: LocalBackend | undefined;
  if (options.serve !== false && options.cmsPort !== false) {
    if (options.cmsPort) process.env.NEWSROOM_CMS_PORT = String(options.cmsPort);
    cms = await startLocalBackend(site, { log }).catch((error: Error) => {
      log(`the CMS is off: ${error.message.split("\n")[0]}`);
      return undefined;
    });
  }
  let elev = await boot();
  let restarting: Promise<void> | undefined;
  // Last line of defence: a late rejection inside Eleventy (a passthrough copy of a pass
  // that already failed) is logged and answered with a clean rebuild, never a crash.
  process.on("unhandledRejection", (error) => {
    log(`error inside Eleventy: ${(error as Error)?.message ?? String(error)}`);
    restart();
  });
  log(options.serve === false ? "watching for changes" : `serving ${output} with live reload`);
  if (cms) log(`the CMS is at /admin/, saving through ${cms.url}`);
  return {
    status,
    stop: async () => {
      cms?.stop();
      await restarting?.catch(() => undefined);
      await elev.stopWatch();
      await search?.idle();
    },
  };

  /**
   * A clean full rebuild with a fresh Eleventy: after a build that failed inside Eleventy
   * (not because of content), its template map can be left half-made (Eleventy 3.1.8:
   * "`templateRender` has not yet initialized", then "TemplateRender needs a call to the
   * init() method" or a TypeError in TemplateLayout on the next pass, when many files
   * were added at once), and every later incremental or full pass on it fails again.
   */
  function restart(): void {
    if (restarting) return;
    restarting = (async () => {
      log("clean full rebuild (a fresh Eleventy: the last build failed inside Eleventy, not in content)");
      retired.add(elev);
      if (options.restart) return options.restart();
      // The old watcher must be closed before the new one opens: chokidar shares fs.watch
      // handles between watchers of one path, and a late close took the new one's events.
      const closed = await Promise.race([elev.stopWatch().then(() => true, () => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000).unref())]);
      if (!closed) log("the old watcher did not close within 15 s; starting the new one anyway");
      elev = await boot();
    })().finally(() => (restarting = undefined));
    restarting.catch((error: unknown) => log(`could not restart the build: ${(error as Error).message}`));
  }

  async function boot(attempt = 0): Promise<Eleventy> {
  // Eleventy's watcher starts after the first build: what changed meanwhile (a pull still
  // running, a restart in the middle of a batch) is replayed to it once it runs. The tree
  // is read before Eleventy lists its files, so nothing falls between the two.
  const before = treeState([input, folders.data]);
  const planner = new IncrementalPlanner();
  const fast = new FastPath();
  const deleted = new Set<string>();
  const added = new Set<string>();
  let passes = 0;
  let forceFull = false;
  let fullBuild = true;
  let unchanged = 0;
  /** the files the running build was started for */
  let building: string[] = [];
  /** the last good pass's template map: the fast path's base for an edit saved while a pass runs */
  let lastGood: TemplateMapSnapshot | undefined;
  /** from the fast path before a pass to the end of its write: file events wait (see the watcher below) */
  let busy = false;
  let release = () => {};
  let aheadRuns: Promise<void> = Promise.resolve();

  const elev: Eleventy = new Eleventy(input, output, {
    configPath: CONFIG,
    source: "script",
    runMode: options.serve === false ? "watch" : "serve",
    quietMode: true,
    config(config: unknown) {
      const eleventyConfig = config as EleventyConfig;
      eleventyConfig.on("eleventy.beforeWatch", async (queue) => {
        busy = true;
        building = queue as string[];
        const reason = forceFull
          ? "the last build failed"
          : building.some((f) => deleted.has(f))
            ? "a file was deleted"
            : building.length > 1
              ? "several files changed"
              : building.some((f) => added.has(f))
                ? "a file was added" // Eleventy 3.1.8's incremental pass races on new templates
                : "";
        setIncremental(elev, !reason);
        if (reason) log(`full rebuild (${reason})`);
        // One edited story: its page and the home page first, then Eleventy's pass (Eleventy awaits this).
        else if (building.length === 1 && deleted.size === 0 && status.state.ok && !retired.has(elev)) {
          const started = performance.now();
          const written = await fast.run(currentWriter(elev), building[0]!);
          if (written.length) {
            log(`story and home page written in ${Math.round(performance.now() - started)} ms; rebuilding the rest`);
            // The browser too: the story page is patched in place, any other page reloads.
            await reloadWith(elev, building, written);
          }
        }
      });
      // Read which kind of build this is, then restore incremental mode for the next queue pop.
      eleventyConfig.on("eleventy.before", () => {
        // the first pass of an instance is full (a fresh instance after a failure included)
        fullBuild = passes++ === 0 || !isIncremental(elev);
        setIncremental(elev, true);
        // The changed story and the home page first; list pages that cannot show it skipped.
        const writer = currentWriter(elev);
        if (writer) planner.begin(writer, { changed: fullBuild ? undefined : incrementalFileOf(writer), full: fullBuild });
      });
      eleventyConfig.on("eleventy.after", async (arg) => {
        const { results } = arg as { results: EleventyResult[] };
        const { kept, skipped } = planner.commit();
        unchanged = skipped;
        for (const file of await stale.update(results, fullBuild, kept)) log(`removed ${file} (no story writes it any more)`);
      });
      // Every page as it is written, for the ledger of outputs (a failing pass's too).
      eleventyConfig.addTransform("newsroom-stale-ledger", function (content) {
        if (typeof this.page.outputPath === "string") stale.note(this.page.inputPath, this.page.outputPath);
        return content;
      });
      eleventyConfig.setServerOptions({ port: options.port ?? 8080, middleware: [requestGuard(log), overlayMiddleware(status, output), ...(cms ? [adminHeadersMiddleware(cms.url)] : [])] });
    },
  });
  await elev.init();
  rememberDependencies(elev); // an incremental pass asks the dependency map per page (internals.ts)
  await indexEleventyLookups(); // … the template map per entry, and rebuilds the dependency graph every pass
  await letPassesBreathe(); // a save during a pass is heard, and written ahead, at once
  elev.setIncrementalBuild(true);

  // Every build goes through write(): record its outcome, explain failures.
  const write = elev.write.bind(elev);
  let first = true;
  elev.write = async () => {
    if (retired.has(elev)) return [[], []];
    const started = performance.now();
    const isFirst = first;
    first = false;
    busy = true;
    try {
      const result = await write();
      const wasBroken = !status.state.ok;
      status.succeed();
      fast.commit();
      lastGood = lastTemplateMap(currentWriter(elev));
      forceFull = false;
      for (const file of building) deleted.delete(file);
      for (const file of building) added.delete(file);
      search?.request();
      log(`${wasBroken ? "fixed: " : ""}built in ${Math.round(performance.now() - started)} ms${unchanged ? ` (${unchanged} list pages could not show the change: left as they were)` : ""}`);
      unchanged = 0;
      return result;
    } catch (error) {
      planner.abort();
      stale.abandon();
      lastGood = undefined;
      await fast.restore();
      status.fail(explainFailure(error, folders));
      forceFull = true;
      log(`build failed; still serving the last good pages. Fix and save:\n  ${status.state.problems.join("\n  ")}`);
      // Never handed back to Eleventy: its watch loop ends the process on an error that is
      // not its own kind (a content error from eleventy.before, a TypeError of its own race).
      // The browser hears of it (overlay.ts reads the status on this message).
      await sendBuildError(elev, error);
      if (!isFirst && !isContentFailure(error)) restart();
      return [[], []];
    } finally {
      busy = false;
      release();
    }
  };

  try {
    await elev.watch();
  } catch (error) {
    // The first build of this instance failed before Eleventy listed the templates (the
    // tree changed under it: files of a branch switch vanishing while it read them), and
    // Eleventy 3.1.8 then cannot watch ("Watching requires `.getFiles()`"). Start another
    // instance once the tree has had a moment to settle.
    retired.add(elev);
    if (attempt >= 4) throw error;
    log(`could not start watching (${(error as Error).message.split("\n")[0]}); starting again`);
    await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
    return boot(attempt + 1);
  }
  const watcher = watcherOf(elev);
  // A file saved while a pass runs reaches Eleventy when the pass has written everything.
  // Eleventy 3.1.8 handles a change at once, even mid-pass: its layout cache and the
  // file's cached source are dropped under the running pass (LayoutCache.js and
  // TemplateContent.js on `eleventy.resourceModified`), which then fails inside Eleventy
  // ("Cannot read properties of undefined (reading 'engine')") and costs a clean full
  // rebuild. Held, the changes are handed over in order; Eleventy queues its next pass.
  // Added and deleted files go through at once: Eleventy's list of files must follow the
  // disk (a rename's new name arriving first starts a pass that must not list the old).
  // A story saved again while a pass runs is written ahead (below) at once.
  if (watcher) {
    /** the arguments of "change" events held while busy, in order */
    const held: unknown[][] = [];
    const emit = watcher.emit.bind(watcher) as (event: string, ...args: unknown[]) => boolean;
    (watcher as { emit(event: string, ...args: unknown[]): boolean }).emit = (event, ...args) => {
      if (!busy || event !== "change") return emit(event, ...args);
      held.push(args);
      if (typeof args[0] === "string") void ahead(queuePath(args[0]));
      return true;
    };
    release = () => {
      for (const args of held.splice(0)) emit("change", ...args);
    };
  }
  async function ahead(file: string): Promise<void> {
    // a file added or deleted meanwhile: the lists change, the pass decides
    if (!lastGood || deleted.size || added.has(file) || !status.state.ok || retired.has(elev)) return;
    const base = lastGood;
    const outputs = fastPathOutputs(base, file);
    if (!outputs.length) return;
    // The running pass leaves the two pages to this save, or it has begun them: then they
    // are written after its own (a pass of this story writes them first), or by the next pass.
    const superseded = planner.supersede(outputs);
    if (!superseded && !(await planner.leadWritten(file))) return;
    // one save at a time, the newest read last
    aheadRuns = aheadRuns.then(async () => {
      const started = performance.now();
      const written = await fast.run(currentWriter(elev), file, base);
      if (!written.length) {
        if (superseded) planner.unsupersede(outputs); // left to the passes (a new URL, an error)
        return;
      }
      log(`story and home page written in ${Math.round(performance.now() - started)} ms, ahead of the pass queued behind the running one`);
      await reloadWith(elev, [file], written);
    }).catch(() => undefined);
    await aheadRuns;
  }
  watcher?.on("add", (file) => void added.add(queuePath(file)));
  watcher?.on("unlink", (file) => {
    deleted.add(queuePath(file));
    watcher.emit("change", file);
  });
  // chokidar may say "ready" before every file is watched (watch-ready.ts): what changes
  // before the last watch is made is replayed below.
  if (watcher) {
    const wait = await watchingAll(watcher, [...before.keys()].filter((file) => existsSync(file)));
    if (wait.missing) log(`${wait.missing} files are not watched (after ${wait.ms} ms)`);
  }
  // A file that is new since the listing is replayed as "add": Eleventy keeps its own list
  // of input files (FileSystemSearch caches each glob's result; only "add" extends it),
  // and a "change" of a file it never listed builds nothing (a fresh instance started in
  // the middle of a branch switch never built the files added after its listing).
  const after = treeState([input, folders.data]);
  for (const [file, state] of after) {
    if (!before.has(file)) watcher?.emit("add", file);
    else if (before.get(file) !== state) watcher?.emit("change", file);
  }
  for (const file of before.keys()) if (!after.has(file)) watcher?.emit("unlink", file);
  if (options.serve !== false) {
    await listenOn(elev, options.host ?? "localhost");
    await elev.serve(options.port);
  }
  return elev;
  }
}

/** file → "size:mtime" of every file below some folders (symbolic links not followed). */
function treeState(dirs: string[]): Map<string, string> {
  const state = new Map<string, string>();
  for (const dir of dirs) {
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile()) continue;
      const file = path.join(e.parentPath, e.name);
      try {
        const s = statSync(file);
        state.set(file, `${s.size}:${s.mtimeMs}`);
      } catch {
        // deleted meanwhile: absent
      }
    }
  }
  return state;
}

/**
 * Eleventy Dev Server 2 listens on every interface (`listen({ port })`): make it listen
 * on `host`, and answer a request Node itself refuses (a URL over Node's 16 KB header
 * limit) with a plain 400 instead of 431 and a dropped connection.
 */
async function listenOn(elev: Eleventy, host: string): Promise<void> {
  const serve = (elev as unknown as { eleventyServe: { init(): Promise<void>; initServerInstance(): Promise<void>; server: DevServerInternals } }).eleventyServe;
  await serve.init();
  await serve.initServerInstance();
  const dev = serve.server;
  let guarded = false;
  dev._serverListen = function (this: DevServerInternals, port: number) {
    if (!guarded) {
      guarded = true;
      this.server.on("clientError", (_error: Error, socket: import("node:stream").Duplex) => {
        if (!socket.writable) return void socket.destroy();
        const status = "400 Bad Request";
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nBad request\n`);
      });
    }
    this.server.listen({ port, host });
  };
}
