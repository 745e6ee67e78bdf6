/**
 * What an incremental production build keeps of the previous one, under
 * `<cache>/build/` (`.cache/` by default: the folder hosts' build caches keep between
 * deploys): the manifest of the previous output (site path → SHA-256 of its bytes), the
 * code fingerprint it was built with, and the memos keyed by content (the search
 * bundle, the link scans, html-validate's results).
 *
 * A build reads the previous state and writes the next one into a fresh folder beside
 * it; only once the new `dist/` is in place does that folder replace `build/`
 * (`commit`). A failed build removes its folder (`discard`): `.cache/` stays as it
 * was. `--clean` reads nothing (the next state is still written, for the next build).
 * Nothing here trusts times: every entry is found by a hash of what it was made from.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { removeTree } from "../util/index.ts";

/** Bumped whenever the state's shape or meaning changes: an older state is ignored. */
const STATE_VERSION = 1;
const STATE_FILE = "state.json";

export interface BuildState {
  version: number;
  fingerprint: string;
  /** every output file (site path, "/world/x/index.html") → SHA-256 (hex) of its bytes */
  files: Record<string, string>;
}

export interface BuildCache {
  /** `<cache>/build/`: the committed state of the last good build (may not exist) */
  dir: string;
  /** the state of the last good build, if it was made by the same code (and not `--clean`) */
  previous?: BuildState;
  /** the output manifest of the last committed build (unless `--clean`), whatever code made it */
  lastFiles?: Record<string, string>;
  /** why there is no previous state ("--clean", "no cache", "code changed", …) */
  coldReason?: string;
  /** where this build writes its state and memos (a fresh folder beside `dir`) */
  next: string;
  fingerprint: string;
  /**
   * the folder of a memo in the last committed state (read), unless `--clean` or there is
   * none. Each memo checks its own key (made from what its entries were made from, the
   * fingerprint included where code matters), so it may outlive a code change: the
   * html-validate results depend only on the page's bytes and html-validate's version and
   * configuration.
   */
  previousPath(name: string): string | undefined;
  /** the folder of a memo in the next state (write) */
  nextPath(name: string): string;
  /**
   * Keeps a folder of the last committed state (a path inside it, "search/parts/<key>")
   * in the next one as it is: moved across when the next state is committed, instead of
   * linked file by file now. Until then it is the last state's, so a failed build loses
   * nothing; a commit cut short leaves it out, and the memo is made again.
   */
  carry(relPath: string): void;
  /** the paths `carry` was given */
  readonly carried: string[];
}

export async function openBuildCache(cacheRoot: string, fingerprint: string, clean: boolean): Promise<BuildCache> {
  const dir = path.join(cacheRoot, "build");
  await mkdir(cacheRoot, { recursive: true });
  const next = await mkdtemp(path.join(cacheRoot, ".build-next-"));
  let previous: BuildState | undefined;
  let coldReason: string | undefined;
  let lastFiles: Record<string, string> | undefined;
  if (clean) coldReason = "--clean";
  else {
    const state = readState(dir);
    lastFiles = state?.files;
    if (!state) coldReason = existsSync(dir) ? "the cached state is unreadable" : "no cache";
    else if (state.fingerprint !== fingerprint) coldReason = "the code changed";
    else previous = state;
  }
  const carried: string[] = [];
  return {
    dir,
    previous,
    lastFiles,
    coldReason,
    next,
    fingerprint,
    carried,
    carry: (relPath) => void carried.push(relPath),
    previousPath: (name) => (!clean && existsSync(path.join(dir, name)) ? path.join(dir, name) : undefined),
    nextPath: (name) => path.join(next, name),
  };
}

function readState(dir: string): BuildState | undefined {
  try {
    const state = JSON.parse(readFileSync(path.join(dir, STATE_FILE), "utf8")) as Partial<BuildState>;
    if (state.version !== STATE_VERSION || typeof state.fingerprint !== "string" || !state.files || typeof state.files !== "object") return undefined;
    return state as BuildState;
  } catch {
    return undefined; // no state, or a damaged one: a cold build
  }
}

/** Writes the next state and puts it in place of the previous one (after `dist/` was swapped). */
export async function commitBuildCache(cache: BuildCache, files: Record<string, string>): Promise<void> {
  const state: BuildState = { version: STATE_VERSION, fingerprint: cache.fingerprint, files: sortedRecord(files) };
  await writeFile(path.join(cache.next, STATE_FILE), JSON.stringify(state));
  const old = `${cache.next}-old`;
  if (existsSync(cache.dir)) await rename(cache.dir, old);
  await rename(cache.next, cache.dir);
  for (const rel of cache.carried) {
    const [from, to] = [path.join(old, rel), path.join(cache.dir, rel)];
    if (!existsSync(from) || existsSync(to)) continue;
    await mkdir(path.dirname(to), { recursive: true });
    await rename(from, to);
  }
  if (existsSync(old)) await removeTree(old);
}

/** Drops what a failed build wrote: the committed state is untouched. */
export async function discardBuildCache(cache: BuildCache): Promise<void> {
  await rm(cache.next, { recursive: true, force: true, maxRetries: 3 });
}

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function sortedRecord(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k]!]));
}

export interface OutputChanges {
  /** HTML pages in the new output */
  pages: number;
  /** HTML pages whose bytes differ from the previous build's (or that are new) */
  changedPages: number;
  /** every file whose bytes differ or that is new */
  changed: string[];
  /** files of the previous output that are gone */
  removed: string[];
}

/** Compares the new output's manifest with the previous one (none: everything changed). */
export function outputChanges(files: Record<string, string>, previous?: Record<string, string>): OutputChanges {
  const changed = Object.keys(files).filter((f) => previous?.[f] !== files[f]).sort();
  const removed = previous ? Object.keys(previous).filter((f) => !(f in files)).sort() : [];
  const isPage = (f: string) => f.endsWith(".html");
  return { pages: Object.keys(files).filter(isPage).length, changedPages: changed.filter(isPage).length, changed, removed };
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * The build's account of itself: "4,000 pages: 12 changed, 3,988 unchanged since the last
 * build; 15 files changed (3 of them in the search index), 0 removed; 14 pages rendered,
 * 3,986 reused from the last build". A page is "changed" when its bytes differ from the
 * last build's (what hosts upload); "reused" when it was not rendered at all (reuse.ts).
 */
export function summaryLine(result: {
  changes: OutputChanges;
  coldReason?: string;
  reused: string[];
  /** a previous manifest was there to compare with */
  compared: boolean;
  /** pages taken from the last build's output, not rendered (reuse.ts) */
  pagesReused?: number;
  /** nothing was built: the last output stands (settled.ts) */
  settled?: boolean;
}): string {
  const c = result.changes;
  if (result.settled) return `${count(c.pages)} pages: 0 changed, ${count(c.pages)} unchanged since the last build (settled: no input, no code and no date a page reads has changed, and dist/ is as that build left it: nothing rendered, nothing checked again); 0 files changed (0 of them in the search index), 0 removed; 0 pages rendered, ${count(c.pages)} reused from the last build`;
  const reused = result.reused.length ? ` (reused: ${result.reused.join(", ")})` : "";
  if (!result.compared) return `${count(c.pages)} pages: all built afresh (${result.coldReason ?? "no previous build"})${reused}`;
  const why = result.coldReason ? ` (${result.coldReason}: nothing reused that depends on it)` : "";
  const search = c.changed.filter((f) => f.startsWith("/pagefind/")).length;
  const rendering = `; ${count(c.pages - (result.pagesReused ?? 0))} pages rendered, ${count(result.pagesReused ?? 0)} reused from the last build`;
  return `${count(c.pages)} pages: ${count(c.changedPages)} changed, ${count(c.pages - c.changedPages)} unchanged since the last build${why}${reused}; ${count(c.changed.length)} files changed (${count(search)} of them in the search index), ${count(c.removed.length)} removed${rendering}`;
}
