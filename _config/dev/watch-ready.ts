/**
 * Waiting until the dev server's watcher really watches every file.
 *
 * chokidar 4 (through Eleventy 3.1.8's @11ty/chokidar-with-glob-support) can say
 * "ready" before it has watched every file: it counts the files it has still to set up
 * as a folder's listing streams in, and the count can be caught up mid-listing. At
 * 20,000 stories the watches of a year's folder were made 1–2 s after "ready", and a
 * story saved in between was never heard (docs/performance.md §27). Each watch of a
 * file is listed in `getWatched()` as it is made, so the dev server waits until every
 * file of its tree is listed there (or the list has stopped growing for `quietMs`: a
 * file the watcher ignores never is), then replays what changed meanwhile, and only
 * then says it is watching.
 */
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface WatchedTree {
  /** folder (relative to `options.cwd`, if set) → the names watched in it */
  getWatched(): Record<string, string[]>;
  options?: { cwd?: string };
}

export interface WatchWait {
  /** files of `files` still not watched when the wait ended */
  missing: number;
  ms: number;
}

export async function watchingAll(watcher: WatchedTree, files: Iterable<string>, { pollMs = 50, quietMs = 1000, maxMs = 120_000 } = {}): Promise<WatchWait> {
  const started = performance.now();
  const want = new Set([...files].map((f) => path.resolve(f)));
  const base = watcher.options?.cwd ?? process.cwd();
  let count = -1;
  let grewAt = started;
  for (;;) {
    const watched = new Set<string>();
    for (const [dir, names] of Object.entries(watcher.getWatched())) {
      const abs = path.resolve(base, dir);
      for (const name of names) watched.add(path.join(abs, name));
    }
    let missing = 0;
    for (const file of want) if (!watched.has(file)) missing++;
    const now = performance.now();
    if (watched.size !== count) {
      count = watched.size;
      grewAt = now;
    }
    if (missing === 0 || now - grewAt >= quietMs || now - started >= maxMs) return { missing, ms: Math.round(now - started) };
    await sleep(pollMs);
  }
}
