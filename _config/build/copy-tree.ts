/**
 * Copies a file or folder by hard links (no bytes copied: the build cache and `dist/`
 * share the files; neither is ever written in place, only replaced), falling back to a
 * real copy where links cannot be made (another file system).
 */
import { copyFile, link, lstat, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

export async function copyTree(from: string, to: string): Promise<void> {
  const stat = await lstat(from);
  if (stat.isDirectory()) {
    await mkdir(to, { recursive: true });
    const entries = await readdir(from);
    await Promise.all(entries.map((name) => copyTree(path.join(from, name), path.join(to, name))));
    return;
  }
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
