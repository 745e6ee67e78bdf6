/**
 * Removing a whole output folder fast (the previous site after a swap, an old cache state).
 */
import { readdirSync } from "node:fs";
import { rm, rmdir, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * Removes a folder the build owns (the previous site, ~10,000 files at 4,000 stories):
 * one recursive listing (entry types included: no stat per file), every file unlinked
 * with many unlinks in flight, then the folders, deepest level first, likewise. Any
 * trouble (a file that vanished, permissions) finishes the job with `fs.rm` instead.
 */
export async function removeTree(dir: string): Promise<void> {
  try {
    const files: string[] = [];
    const byDepth = new Map<number, string[]>();
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (!entry.isDirectory()) files.push(full);
      else {
        const depth = full.split(path.sep).length;
        const level = byDepth.get(depth) ?? [];
        level.push(full);
        byDepth.set(depth, level);
      }
    }
    await inParallel(files, unlink);
    for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) await inParallel(byDepth.get(depth)!, rmdir);
    await rmdir(dir);
  } catch {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** `fn` on every item, at most `limit` in flight (file system calls on libuv's threads). */
export async function inParallel<T>(items: T[], fn: (item: T) => Promise<unknown>, limit = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
