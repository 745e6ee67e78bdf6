/**
 * Atomic production builds: Eleventy writes into a fresh temporary folder beside
 * `dist/`, the post-build steps write into it (the search index), the checks run on it,
 * and only then does it replace `dist/`
 * (two renames). A failed build or check leaves the previous `dist/` exactly as it was.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout } from "node:timers/promises";
import { loadSite } from "../content/index.ts";
import { onPage } from "./page-stream.ts";
import { isStandardCheck } from "./checks/index.ts";
import { indexSearch } from "./search.ts";
import { holdHeapTight, markMemory, recordPhase, TIGHT_HEAP_STORIES, timePhase, withBuild } from "../util/index.ts";
import { commitBuildCache, discardBuildCache, openBuildCache, outputChanges, type BuildCache, type OutputChanges } from "../cache/index.ts";
import { filesAfterSteps, OutputManifest, siteFiles } from "./manifest.ts";
import type { PostBuildStep, StepContext } from "./steps.ts";
import { planReuse } from "./reuse.ts";
import { prepareBuild, recordSettled, settledResult, type BuildPrelude } from "../cache/index.ts";
import { currentWriter, excludeTemplates, forgetTemplateSources, indexEleventyLookups } from "../eleventy/index.ts";
import { setReusePlan } from "../site/index.ts";

export { removeTree } from "../util/index.ts";

export interface BuildOptions {
  /** project folder holding .eleventy.ts (defaults to cwd) */
  root?: string;
  /** content folder (default `<root>/src`) */
  input?: string;
  /** final output folder (default `<root>/dist`) */
  output?: string;
  /**
   * steps that add to the output after Eleventy wrote it, before the checks see it
   * (default: DEFAULT_STEPS, the Pagefind search index; `[]` skips them)
   */
  steps?: PostBuildStep[];
  /**
   * checks to run on the temporary output before it replaces `output` (e.g.
   * `postBuildChecks()` from _config/checks). They are called before Eleventy renders,
   * so they can take each page as it is written (`ctx.onPage`); they must await
   * `ctx.written` before they read the folder, and `ctx.stepsDone` before they look at
   * anything other than the HTML pages Eleventy wrote.
   */
  checks?: ((dir: string, ctx: CheckStart) => Promise<unknown>)[];
  quiet?: boolean;
  /** extra Eleventy configuration (tests: data folder of a fixture site) */
  configure?: (eleventyConfig: unknown) => void;
  /**
   * the build cache folder (default `.cache/` beside the input folder, where the image
   * cache is too): the previous build's state and memos, under `<cache>/build/`
   */
  cache?: string;
  /** ignore the previous build's state and memos (`npm run build -- --clean`); the new state is still kept */
  clean?: boolean;
  /** what `prepareBuild` found, if the caller asked first (`npm run build`); else the build asks */
  prelude?: BuildPrelude;
}

/** What a build did, for its summary line. */
export interface BuildResult {
  output: string;
  /** pages Eleventy rendered */
  files: number;
  /** the output compared with the previous build's (everything is "changed" without one) */
  changes: OutputChanges;
  /** why nothing of a previous build was reused, if so ("--clean", "no cache", "the code changed") */
  coldReason?: string;
  /** memos reused: names of the steps whose previous result was taken as it was */
  reused: string[];
  /** whether a previous build's manifest was there to compare with */
  compared: boolean;
  /** pages taken from the last build's output instead of rendered (reuse.ts) */
  pagesReused?: number;
  /** stories Eleventy did not read (their items came from the last build) */
  storiesReused?: number;
  /** nothing to build: the last output stands as it is for these inputs and this time (settled.ts) */
  settled?: boolean;
}

export interface CheckStart {
  /** the site's absolute base URL (SITE_URL applied): the path prefix of every link */
  siteUrl: string;
  /** settles when Eleventy has written every page (rejects if it failed) */
  written: Promise<unknown>;
  /** `listener` gets each HTML page as Eleventy writes it: site path ("/world/x/index.html") and content */
  onPage(listener: (file: string, html: string) => void): void;
  /** settles when every post-build step has finished writing (rejects if one failed) */
  stepsDone: Promise<unknown>;
  /** the project folder */
  root: string;
  /** the incremental build's cache: memos of the previous build to read, and where to write this one's */
  cache: BuildCache;
  /** SHA-256 of each HTML page Eleventy wrote, by site path (complete once `written` settles) */
  manifest: OutputManifest;
  /** the hash of a file taken unchanged from the last build's output, else undefined (complete once `written` settles) */
  unchanged(file: string): string | undefined;
  /** the SHA-256 of a page Eleventy wrote (from the page stream) or taken unchanged, else undefined */
  pageHash(file: string): string | undefined;
  /** the staging folder's files (sorted site paths) once Eleventy is done, and once the steps are */
  listings: { written: Promise<string[]>; final: Promise<string[]> };
}

export type { PostBuildStep, StepContext } from "./steps.ts";

export const DEFAULT_STEPS: PostBuildStep[] = [indexSearch];

/**
 * Stories one Eleventy pass renders at most (`NEWSROOM_PASS_STORIES`, default 4,000):
 * Eleventy holds every page of a pass until it ends. The output is the same for any
 * value (test/build/incremental.test.ts builds with 2).
 */
export function storiesPerPass(): number {
  const n = Number(process.env.NEWSROOM_PASS_STORIES);
  return Number.isInteger(n) && n > 0 ? n : 4000;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  // Whole builds only can stand for another (prelude.ts): default steps, the project's own checks, no extra configuration.
  const complete = options.steps === undefined && (options.checks?.length ?? 0) > 0 && options.checks!.every(isStandardCheck) && !options.configure;
  const prelude = options.prelude ?? (await prepareBuild({ root: options.root, input: options.input, output: options.output, cache: options.cache, clean: options.clean, complete }));
  // One build, one now: every pass, the sitemap and the plan read the prelude's (util/build-info.ts).
  return withBuild(prelude.build, () => buildPrepared(options, prelude, complete));
}

async function buildPrepared(options: BuildOptions, prelude: BuildPrelude, complete: boolean): Promise<BuildResult> {
  const { root, output, inputDir: inputAbs, dataDir, cacheRoot, build, fingerprint, inputs, key } = prelude;
  // Nothing to build (settled.ts): the last good output stands.
  if (prelude.settled && complete) {
    await removeAbandonedStaging(output);
    return { output, files: 0, ...settledResult(prelude.settled.pages) };
  }
  const cache = await timePhase("cache open", () => openBuildCache(cacheRoot, fingerprint, options.clean ?? false));
  const manifest = new OutputManifest();
  const reused: string[] = [];
  const passthrough: { copy?: Promise<unknown>; events?: { emit(event: string): unknown } } = {};
  await timePhase("abandoned folders", () => removeAbandonedStaging(output));
  // The staging folder's name carries this process's id, so a later build can tell an
  // abandoned one (its process is gone: killed, out of memory) from a running one.
  const staging = await mkdtemp(path.join(path.dirname(output), `.${path.basename(output)}-build-${process.pid}-`));
  await chmod(staging, 0o755);
  let stopListening = () => {};
  let checks: Promise<unknown> = Promise.resolve();
  let releaseHeap = () => {};
  try {
    // What the last build proves unchanged is not rendered again (reuse.ts).
    const session = await timePhase("reuse plan", async () => planReuse({ inputDir: inputAbs, dataDir, output, cache, build, inputs }));
    // A build that renders much keeps little garbage (util/heap.ts): released in `finally`.
    if (session.storiesToRender() >= TIGHT_HEAP_STORIES) releaseHeap = holdHeapTight();
    setReusePlan(session.plan);
    // Eleventy resolves passthrough copies and directory data best from cwd-relative paths.
    const input = path.relative(process.cwd(), inputAbs) || ".";
    const { default: Eleventy } = await timePhase("eleventy (import)", () => import("@11ty/eleventy"));
    await indexEleventyLookups(); // a story pass asks the template map per entry, and the dependency graph per story (internals.ts)
    /** One Eleventy pass into the staging folder, of the templates the session does not leave out; its page count. */
    const eleventyPass = async (stories?: string[]): Promise<number> => {
      let elev: InstanceType<typeof Eleventy> | undefined = new Eleventy(input, path.relative(process.cwd(), staging), {
        configPath: path.join(root, ".eleventy.ts"),
        quietMode: options.quiet ?? false,
        config: (eleventyConfig: unknown) => {
          passthrough.events = eleventyConfig as typeof passthrough.events;
          options.configure?.(eleventyConfig);
        },
      });
      elev.setIsVerbose?.(false);
      await timePhase("eleventy (load)", () => trackPassthroughCopy(elev, passthrough));
      const writer = currentWriter(elev);
      if (writer) excludeTemplates(writer, (p) => session.excluded(p));
      // Only the count is kept: Eleventy's results hold every page's HTML and the instance
      // every template, rendered page and collection (≈ 220 MB of heap at 4,000 stories).
      // Nothing after a pass reads them: dropped before the next pass, the search index and
      // the checks allocate their own (docs/performance.md).
      const [, pages] = (await elev.write()) as [unknown, unknown[]];
      markMemory(`end of an Eleventy pass (${session.plan.storyPass ? "stories" : "the last"})`);
      // a story pass's stories are never read again in this build: Eleventy need not keep their sources
      if (stories && writer) {
        const done = new Set(stories);
        forgetTemplateSources(writer, (p) => done.has(p));
      }
      elev = undefined;
      await session.capture();
      return Array.isArray(pages) ? pages.length : 0;
    };
    // The checks start now, so they can take the pages as Eleventy writes them.
    const listeners: ((file: string, html: string) => void)[] = [];
    stopListening = onPage(staging, ({ file, content, inputPath }) => {
      if (!session.reports(inputPath)) return; // rendered again, and reported, by the last pass
      manifest.addPage(file, content);
      session.observePage(file, content, manifest.searchOf(file));
      listeners.forEach((l) => l(file, content));
    });
    // Memory follows a pass, not the archive: more stories to render than one pass should
    // hold are rendered in story passes first, the lists and the rest in the last (reuse.ts).
    const written = timePhase("eleventy (render, write, images)", async () => {
      let pages = 0;
      for (const stories of session.passes(storiesPerPass())) {
        session.beginPass(stories);
        pages += await eleventyPass(stories);
      }
      session.beginPass(undefined);
      pages += await eleventyPass();
      await session.linkReused(staging, manifest);
      return pages;
    });
    written.catch(() => undefined); // awaited below
    // The steps (Pagefind: a separate process) and the checks run side by side once
    // Eleventy is done; a check waits for `stepsDone` before it reads what the steps write.
    // The staging folder is listed once when Eleventy is done (the steps and the early
    // checks read that listing) and once when the steps are (the checks and the manifest).
    const writtenFiles = written.then(() => siteFiles(staging));
    writtenFiles.catch(() => undefined);
    const stepsDone = written.then(() => timePhase("post-build steps (search index)", async () => {
      const ctx: StepContext = { cache, manifest, reused: (name) => reused.push(name), files: await writtenFiles };
      for (const step of options.steps ?? DEFAULT_STEPS) await step(staging, ctx);
    }));
    stepsDone.catch(() => undefined); // reported by the await below
    const finalFiles = stepsDone.then(async () => filesAfterSteps(staging, await writtenFiles, (options.steps ?? DEFAULT_STEPS).map((step) => step.writes)));
    finalFiles.catch(() => undefined);
    const siteUrl = loadSite(dataDir).url;
    checks = (async () => {
      const ctx: CheckStart = { siteUrl, written, onPage: (l) => listeners.push(l), stepsDone, root, cache, manifest, unchanged: (f) => manifest.knownHash(f), pageHash: (f) => manifest.hashOf(f), listings: { written: writtenFiles, final: finalFiles } };
      const all = Promise.all((options.checks ?? []).map((check) => check(staging, ctx)));
      all.catch(() => undefined); // awaited below, once Eleventy is done
      await written.catch(() => undefined);
      const after = performance.now();
      await all;
      recordPhase("checks (after Eleventy)", performance.now() - after);
    })();
    checks.catch(() => undefined); // reported below
    const files = await written;
    stopListening();
    // Both settle before anything is cleaned up; the steps' failure comes first.
    for (const r of await Promise.allSettled([stepsDone, checks])) if (r.status === "rejected") throw r.reason;
    markMemory("checks and search index done");
    const hashes = await timePhase("output manifest", async () => manifest.complete(staging, await finalFiles));
    const changes = outputChanges(hashes, cache.lastFiles);
    await timePhase("swap", async () => {
      const previous = `${staging}-previous`;
      if (existsSync(output)) await rename(output, previous);
      try {
        await rename(staging, output);
      } catch (error) {
        if (existsSync(previous)) await rename(previous, output); // put the old site back
        throw error;
      }
      // The previous site is garbage now: a detached process removes it (tens of thousands
      // of files at 20,000 stories take seconds), so the build ends when the new site is
      // in place. Renamed first out of the staging pattern; a removal cut short (the
      // machine stops) is finished by the next build (`removeAbandonedStaging`).
      if (existsSync(previous)) {
        const trash = path.join(path.dirname(output), `.${path.basename(output)}-old-${process.pid}-${path.basename(staging).slice(-6)}`);
        await rename(previous, trash);
        removeDetached(trash);
      }
    });
    await timePhase("cache commit", async () => {
      await session.record(output);
      if (complete) await recordSettled(cache.next, { output, key, now: build.now, horizon: session.horizon(), files: await finalFiles, known: session.stats() });
      await commitBuildCache(cache, hashes);
      await session.prune();
    });
    return { output, files, changes, coldReason: cache.coldReason, reused, compared: cache.lastFiles !== undefined, ...session.counts() };
  } catch (error) {
    stopListening();
    await discardBuildCache(cache).catch(() => undefined);
    await checks.catch(() => undefined); // a check still reading the staging folder stops first
    // When a template fails, Eleventy rejects while its passthrough copies still run into
    // the staging folder, and its copy step waits for an "all templates rendered" signal
    // that will never come: send it, let the copies settle (their own failure is not the
    // story; wait a little, not for ever), then clean up. A cleanup problem never hides
    // the build's own error.
    if (passthrough.copy) {
      passthrough.events?.emit("eleventy#render");
      await Promise.race([passthrough.copy.catch(() => undefined), setTimeout(2000)]);
    }
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    throw error;
  } finally {
    setReusePlan(undefined);
    releaseHeap();
  }
}

/**
 * A folder removed by a detached child process that outlives this one (the previous
 * site after a swap). Its name carries this build's id: once this process is gone, the
 * next build removes whatever is left of it.
 */
function removeDetached(dir: string): void {
  const child = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })", dir], { detached: true, stdio: "ignore" });
  child.on("error", () => undefined); // the next build removes it
  child.unref();
}

/**
 * Clears away the staging folders (`.dist-build-<pid>-*`, and `-previous` ones) and the
 * previous sites left to a detached removal (`.dist-old-<pid>-*`) of builds whose process
 * no longer runs: a build killed or out of memory never cleaned up after itself. Each is
 * renamed at once out of the way (a new `-old-` name carrying this build's id) and
 * removed by a detached process, as the previous site after a swap is: removing the last
 * build's 46,000 files at 20,000 stories, while that build's own detached removal is still
 * at it, held the next build 7 s (docs/performance.md, section 29). Folders of a build
 * still running (another terminal, a test) are left alone. Returns the names cleared away.
 */
export async function removeAbandonedStaging(output: string): Promise<string[]> {
  const prefixes = [`.${path.basename(output)}-build-`, `.${path.basename(output)}-old-`];
  const parent = path.dirname(output);
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => prefixes.some((p) => name.startsWith(p)));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p))!;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid && isRunning(pid)) continue;
    const trash = path.join(parent, `.${path.basename(output)}-old-${process.pid}-${randomBytes(6).toString("hex")}`);
    try {
      await rename(path.join(parent, name), trash);
    } catch {
      continue; // gone meanwhile (its own removal finished), or not ours to move: the next build looks again
    }
    removeDetached(trash);
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The promise of Eleventy's passthrough copy for this build. Eleventy starts it beside
 * the templates and, if a template fails first, leaves it running with nobody
 * listening: its late rejection would crash the process as an unhandled rejection.
 */
async function trackPassthroughCopy(elev: unknown, into: { copy?: Promise<unknown> }): Promise<void> {
  const e = elev as { init(): Promise<void>; writer?: { writePassthroughCopy?: (...args: unknown[]) => Promise<unknown> } };
  await e.init();
  const writer = e.writer;
  const original = writer?.writePassthroughCopy;
  if (!writer || !original) return;
  writer.writePassthroughCopy = (...args: unknown[]) => {
    const copy = original.apply(writer, args);
    copy.catch(() => undefined); // handled here; Eleventy still sees the rejection
    into.copy = copy;
    return copy;
  };
}
