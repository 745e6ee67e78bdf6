/**
 * Copies a file or folder by hard links (no bytes copied: the build cache and `dist/`
 * share the files; neither is ever written in place, only replaced), falling back to a
 * real copy where links cannot be made (another file system).
 */
import { copyFile, link, lstat, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

export async function copyTree(from: string, to: string): Promise<void> {
  if ((await lstat(from)).isDirectory()) return copyFolder(from, to);
  await mkdir(path.dirname(to), { recursive: true });
  await linkOrCopy(from, to);
}

/** A folder: made once, its entries read with their types (no `lstat` and no `mkdir` per file: a search part has thousands). */
async function copyFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(entries.map((e) => (e.isDirectory() ? copyFolder : linkOrCopy)(path.join(from, e.name), path.join(to, e.name))));
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
