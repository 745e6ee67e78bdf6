/**
 * The settled build: a build that finds nothing to do does nothing (docs/performance.md,
 * section 22). When every input's bytes, the code, the environment that shapes pages and
 * the clock as the pages read it are what the last good build saw, and `dist/` is still
 * exactly what that build left, the output of a clean build would be the same bytes: the
 * build says so and stops, before Eleventy is even loaded.
 *
 * - **Inputs**: the SHA-256 of every file under the input and data folders (read, never
 *   trusted by time), the code fingerprint, the build mode and `OUTPUT_ENV`: one key.
 * - **The clock**: pages read it only through the year in the footer, which stories are
 *   public (a scheduled story goes public at its date), the news sitemap's two days, and
 *   a site with no story at all. The last build recorded the first instant at which any
 *   of these could read differently (`clockHorizon`); a build before it, and not before
 *   the last build's own time, sees the same.
 * - **`dist/`**: every file of the last output, and every folder holding one, has the
 *   size, time and inode recorded after that build's swap (a file edited, added or
 *   removed by hand changes its folder's or its own). Anything else: a normal build.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "./build-cache.ts";
import { filesIn } from "./fingerprint.ts";

const SETTLED_FILE = "settled.json";
const SETTLED_VERSION = 1;

/**
 * Environment variables that change pages besides the files: `SITE_URL` replaces
 * `_data/site`'s `url`; `TZ` is the zone the news sitemap's days are counted in.
 */
const OUTPUT_ENV = ["SITE_URL", "TZ"];

/** The SHA-256 of each input file, by path relative to its folder ("articles/2026/x.md"). */
export interface InputHashes {
  data: Map<string, string>;
  input: Map<string, string>;
}

interface SettledState {
  version: number;
  /** `settledKey` of the inputs the build read */
  key: string;
  /** the build's now (ms) */
  now: number;
  /** the first instant (ms) at which a page could read the clock differently */
  horizon: number;
  /** HTML pages in the output */
  pages: number;
  /** every output file: [site path, size, mtime ms, inode] after the swap */
  files: [string, number, number, number][];
  /** every folder holding one ("" for the output folder itself): [path, mtime ms, inode] */
  dirs: [string, number, number][];
}

function hashFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const files = filesIn(dir)
    .map((f) => [path.relative(dir, f).split(path.sep).join("/"), f] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [rel, abs] of files) out.set(rel, sha256(readFileSync(abs)));
  return out;
}

/** Reads and hashes every input file once (the settled check and the reuse plan share it). */
export function hashInputs(inputDir: string, dataDir: string): InputHashes {
  return { data: hashFolder(dataDir), input: hashFolder(inputDir) };
}

/** The environment variables in OUTPUT_ENV, as one string for a key. */
export function outputEnv(): string {
  return OUTPUT_ENV.map((name) => `${name}=${process.env[name] ?? ""}`).join("\0");
}

/**
 * One key over everything a page can read but the clock: the inputs' bytes, the code,
 * the mode, the environment, and whether the build was a whole one (prelude.ts).
 */
export function settledKey(inputs: InputHashes, fingerprint: string, production: boolean, complete: boolean): string {
  const hash = createHash("sha256").update(`${SETTLED_VERSION}\0${fingerprint}\0${production}\0${complete}\0${outputEnv()}\0`);
  for (const [label, files] of [["data", inputs.data], ["input", inputs.input]] as const) {
    for (const [rel, h] of files) hash.update(`${label}:${rel}\0${h}\0`);
  }
  return hash.digest("hex");
}

/** What a settled build reports (buildSite's result, the summary line): every page unchanged, none rendered. */
export function settledResult(pages: number) {
  return { changes: { pages, changedPages: 0, changed: [] as string[], removed: [] as string[] }, reused: [] as string[], compared: true, pagesReused: pages, settled: true };
}

const statOf = (file: string) => statSync(file, { throwIfNoEntry: false });

/**
 * Whether the last good build's output stands as it is for these inputs at `now`:
 * its page count if so, else undefined (then build). `cacheDir`: `<cache>/build/`.
 */
export function settledOutput(options: { cacheDir: string; output: string; key: string; now: string }): { pages: number } | undefined {
  let state: SettledState;
  try {
    state = JSON.parse(readFileSync(path.join(options.cacheDir, SETTLED_FILE), "utf8")) as SettledState;
  } catch {
    return undefined;
  }
  if (state.version !== SETTLED_VERSION || state.key !== options.key || !Array.isArray(state.files) || !Array.isArray(state.dirs)) return undefined;
  const now = Date.parse(options.now);
  if (!(now >= state.now && now < state.horizon)) return undefined;
  for (const [dir, mtime, ino] of state.dirs) {
    const s = statOf(path.join(options.output, dir));
    if (!s?.isDirectory() || s.mtimeMs !== mtime || s.ino !== ino) return undefined;
  }
  for (const [file, size, mtime, ino] of state.files) {
    const s = statOf(path.join(options.output, file));
    if (!s?.isFile() || s.size !== size || s.mtimeMs !== mtime || s.ino !== ino) return undefined;
  }
  return { pages: state.pages };
}

/**
 * After the swap: records what the next build compares with, into the next cache state
 * (`into`, committed with it). `files`: the output's files (site paths, "/world/x/index.html").
 * `known`: [size, mtime ms, inode] of files already looked at since the swap, or proven
 * to be the very files (hard links to the same inodes) the last build recorded so (the
 * reuse state's, _config/build/reuse.ts): not asked again.
 */
export async function recordSettled(into: string, options: { output: string; key: string; now: string; horizon: number; files: string[]; known?: Readonly<Record<string, [number, number, number]>> }): Promise<void> {
  const files: SettledState["files"] = [];
  const dirs = new Set<string>([""]);
  for (const file of options.files) {
    const known = options.known?.[file];
    if (known) files.push([file, ...known]);
    else {
      const s = statOf(path.join(options.output, file));
      if (!s) return; // the output changed under us: record nothing (the next build builds)
      files.push([file, s.size, s.mtimeMs, s.ino]);
    }
    for (let d = path.posix.dirname(file); d !== "/"; d = path.posix.dirname(d)) dirs.add(d);
  }
  const dirStats: SettledState["dirs"] = [];
  for (const dir of [...dirs].sort()) {
    const s = statOf(path.join(options.output, dir));
    if (!s) return;
    dirStats.push([dir, s.mtimeMs, s.ino]);
  }
  const pages = options.files.filter((f) => f.endsWith(".html")).length;
  const state: SettledState = { version: SETTLED_VERSION, key: options.key, now: Date.parse(options.now), horizon: options.horizon, pages, files, dirs: dirStats };
  await writeFile(path.join(into, SETTLED_FILE), JSON.stringify(state));
}
