/**
 * A whole copy of the project in a temporary folder, with a fixture's content, built by
 * the real `npm run build` command (scripts/build.ts) in a child process: each build is
 * a fresh process, as in production, so edits to the copy's code (layouts, build code,
 * the lock file) take effect, and nothing is remembered in memory between builds
 * (Eleventy caches file bodies by path within one process).
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, symlink } from "node:fs/promises";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { FIXTURES, NOW, ROOT } from "./site.ts";

const run = promisify(execFile);

/** The project's own files a build reads (content comes from the fixture). */
const PROJECT = ["_config", "_includes", "scripts", ".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json", ".htmlvalidate.json"];

/** Copies the project's code and a fixture's `src/` content and `_data/` into a new folder. */
export async function copyProject(fixture: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `newsroom-project-${fixture}-`));
  for (const entry of PROJECT) await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  // the project's templates and assets under src/, then the fixture's content over them
  await cp(path.join(ROOT, "src"), path.join(dir, "src"), { recursive: true, filter: (p) => !p.startsWith(path.join(ROOT, "src", "articles")) || /\.tsx?$/.test(p) || p === path.join(ROOT, "src", "articles") });
  await cp(path.join(FIXTURES, fixture, "src"), path.join(dir, "src"), { recursive: true });
  await cp(path.join(FIXTURES, fixture, "_data"), path.join(dir, "_data"), { recursive: true });
  return dir;
}

/**
 * A copy of a folder (a built project: its dist/ and .cache/ too, but not the entries
 * in `exclude`), into `to` (emptied first) or a new temporary folder. Builds in a folder
 * at the same path reuse tsx's compile cache (keyed by path): tests copy into fixed names.
 */
export async function copyFolder(from: string, exclude: string[] = [], to?: string): Promise<string> {
  const dir = to ?? mkdtempSync(path.join(os.tmpdir(), "newsroom-project-copy-"));
  if (to) {
    await rm(to, { recursive: true, force: true });
    await mkdir(to, { recursive: true });
  }
  for (const entry of await readdir(from)) {
    // a previous site still being removed in the background after a build's swap is garbage
    if (exclude.includes(entry) || /^\.dist-(old|build)-/.test(entry)) continue;
    await cp(path.join(from, entry), path.join(dir, entry), { recursive: true, verbatimSymlinks: true });
  }
  return dir;
}

export interface BuildRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** `npm run build` (with `args`) in a project copy; never throws for a failed build. */
export async function npmBuild(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<BuildRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/build.mjs", ...args], {
      cwd: dir,
      env: { ...process.env, NEWSROOM_ENV: "production", NEWSROOM_NOW: NOW, NEWSROOM_IMAGE_CACHE: "", NEWSROOM_TIMINGS: "", ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? "", stderr: e.stderr ?? "", code: typeof e.code === "number" ? e.code : 1 };
  }
}

/** Every file under a folder (site paths, sorted) with its bytes. */
export function treeOf(folder: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(folder)) return out;
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) out.set(`/${path.relative(folder, file).split(path.sep).join("/")}`, readFileSync(file));
  return out;
}

/** The differences between two trees, for a failure message (empty when byte-identical). */
export function treeDifferences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const file of a.keys()) if (!b.has(file)) problems.push(`only in the incremental build: ${file}`);
  for (const file of b.keys()) if (!a.has(file)) problems.push(`only in the clean build: ${file}`);
  for (const [file, bytes] of a) {
    const other = b.get(file);
    if (!other || other.equals(bytes)) continue;
    const x = bytes.toString("utf8");
    const y = other.toString("utf8");
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    problems.push(`differs: ${file} at character ${i}: incremental …${JSON.stringify(x.slice(Math.max(0, i - 40), i + 60))}… clean …${JSON.stringify(y.slice(Math.max(0, i - 40), i + 60))}…`);
  }
  return problems;
}

export async function writeIn(dir: string, file: string, content: string | Buffer): Promise<void> {
  const { writeFile } = await import("node:fs/promises");
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), content);
}

export async function editIn(dir: string, file: string, edit: (text: string) => string): Promise<void> {
  const before = await readFile(path.join(dir, file), "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing (the fixture changed?)`);
  await writeIn(dir, file, after);
}

export const removeIn = (dir: string, file: string) => rm(path.join(dir, file), { force: false });
