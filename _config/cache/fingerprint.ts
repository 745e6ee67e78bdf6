/**
 * The code fingerprint: one hash of everything that renders or checks a page besides
 * the content itself. Every persistent memo of an incremental build (the search index,
 * the link scans) is keyed by it, so a change to build code, a layout, a component, a
 * page template, the lock file (a dependency upgrade) or Node itself throws the memos
 * away rather than trusting them (DESIGN.md, "Builds that follow the change").
 * Content (stories, photos, `_data/`) is not in it: the memos key on the bytes of the
 * pages that content produced.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Folders of code, whole (relative to the project root). */
const CODE_DIRS = ["_config", "_includes"];
/** Single files of code or configuration that shape output or checks. */
const CODE_FILES = [".eleventy.ts", "package-lock.json", "package.json", "tsconfig.json", ".htmlvalidate.json"];

/**
 * The project whose build code is running (this file's own): a site folder may take its
 * code from elsewhere (the bench's sites link only `.eleventy.ts` and `_includes/`), and
 * the code that runs is what the fingerprint must follow.
 */
// The compiled launcher (build/launcher.ts) names it: its own file lives in .cache/.
declare const NEWSROOM_RUNNING_PROJECT: string | undefined;
const RUNNING_PROJECT = typeof NEWSROOM_RUNNING_PROJECT === "string" ? NEWSROOM_RUNNING_PROJECT : path.resolve(import.meta.dirname, "../..");

/** The files the fingerprint reads: code folders whole (the site's and the running project's), and `*.ts`/`*.tsx` anywhere under the input folder. */
export function codeFiles(root: string, inputDir: string): string[] {
  const files = new Set<string>();
  for (const base of [root, RUNNING_PROJECT]) {
    for (const dir of CODE_DIRS) for (const f of filesIn(path.join(base, dir), () => true)) files.add(f);
    for (const file of CODE_FILES) if (existsSync(path.join(base, file))) files.add(path.join(base, file));
  }
  for (const f of filesIn(inputDir, (name) => /\.tsx?$/.test(name))) files.add(f);
  return [...files].sort();
}

/**
 * SHA-256 over the Node version and every code file's path (relative to its base) and
 * bytes. Files are read through symbolic links (test fixtures link the project's templates).
 */
export function codeFingerprint(root: string, inputDir: string): string {
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  const rootAbs = path.resolve(root);
  const inputAbs = path.resolve(inputDir);
  for (const file of codeFiles(rootAbs, inputAbs)) {
    const base = file.startsWith(inputAbs + path.sep) ? `input:${path.relative(inputAbs, file)}` : file.startsWith(rootAbs + path.sep) ? path.relative(rootAbs, file) : `code:${path.relative(RUNNING_PROJECT, file)}`;
    hash.update(`${base.split(path.sep).join("/")}\0`).update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Every file under `dir` whose name `keep`s (absolute paths; linked folders followed; dot-folders and node_modules left out). */
export function filesIn(dir: string, keep: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full);
    if (rel.split(path.sep).some((part) => part === "node_modules" || part.startsWith("."))) continue;
    // recursive listings report linked folders as links: follow them (fixtures link `assets/`)
    const isFile = entry.isFile() || (entry.isSymbolicLink() && safeIsFile(full));
    if (entry.isSymbolicLink() && safeIsDir(full)) out.push(...filesIn(full, keep).map((f) => path.join(full, path.relative(full, f))));
    else if (isFile && keep(entry.name)) out.push(full);
  }
  return out;
}

const safeIsFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const safeIsDir = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
