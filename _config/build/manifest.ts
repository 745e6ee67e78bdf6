/**
 * The manifest of a build's output: every file's site path and the SHA-256 of its bytes.
 * HTML pages are hashed as Eleventy writes them (from the page stream, no second read);
 * every other file (XML, JSON, images, the search bundle) is read back once. The
 * incremental build compares it with the previous build's manifest (what changed),
 * and keys its memos by it (the search bundle: the bytes of the pages it indexes).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { publishedMonth, type SearchablePage } from "./search-parts.ts";

/** Pages Pagefind indexes carry this attribute (src/search, the article layout). */
const SEARCH_MARK = "data-pagefind-body";

export class OutputManifest {
  readonly #hashes = new Map<string, string>();
  /** files taken unchanged from the last build's output (addKnown) */
  readonly #known = new Set<string>();
  /** searchable page → its publication month (the search part it goes to), read as it is added */
  readonly #searchable = new Map<string, string | undefined>();

  /** A page as written: site path ("/world/x/index.html") and its final text. */
  addPage(file: string, content: string): void {
    this.#add(file, content);
  }

  /**
   * A file taken unchanged from the last build's output (reuse.ts): its hash from the
   * last manifest, and for a page whether it is searchable and its search month, as
   * recorded when it was rendered. Nothing is read again.
   */
  addKnown(file: string, hash: string, search?: { month: string | undefined }): void {
    this.#hashes.set(file, hash);
    this.#known.add(file);
    if (search) this.#searchable.set(file, search.month);
    else this.#searchable.delete(file);
  }

  /** The hash of a file taken unchanged from the last build's output (its bytes passed that build's checks), else undefined. */
  knownHash(file: string): string | undefined {
    return this.#known.has(file) ? this.#hashes.get(file) : undefined;
  }

  /** The SHA-256 of a file added so far (written by Eleventy, or taken unchanged), else undefined. */
  hashOf(file: string): string | undefined {
    return this.#hashes.get(file);
  }

  /** Whether an added page is searchable, and its search month. */
  searchOf(file: string): { month: string | undefined } | undefined {
    return this.#searchable.has(file) ? { month: this.#searchable.get(file) } : undefined;
  }

  #add(file: string, content: string | Buffer): void {
    this.#hashes.set(file, createHash("sha256").update(content).digest("hex"));
    if (file.endsWith(".html") && content.includes(SEARCH_MARK)) this.#searchable.set(file, publishedMonth(content.toString()));
    else this.#searchable.delete(file);
  }

  /** Every file now under `dir` (`files`: its listing, if already made) → its hash (files not streamed are read); sorted by path. */
  complete(dir: string, files: string[] = siteFiles(dir)): Record<string, string> {
    const out: Record<string, string> = {};
    for (const file of files) {
      if (!this.#hashes.has(file)) this.#add(file, readFileSync(path.join(dir, file)));
      out[file] = this.#hashes.get(file)!;
    }
    return out;
  }

  /** The pages of `dir` that mark content for the search index, with their hashes and months, sorted by path. */
  searchablePages(dir: string, files?: string[]): SearchablePage[] {
    const all = this.complete(dir, files);
    return Object.entries(all)
      .filter(([file]) => this.#searchable.has(file))
      .map(([file, hash]) => ({ file, hash, month: this.#searchable.get(file) }));
  }
}

/**
 * Every file under `dir` as a site path ("/index.html"), sorted; `under`: only those in
 * that subfolder ("pagefind"). One recursive listing; each path is cut from the listing's
 * own folder string (path.relative per file cost 0.3 s for 46,000 files).
 */
export function siteFiles(dir: string, under?: string): string[] {
  const base = path.resolve(dir);
  const root = under === undefined ? base : path.join(base, under);
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (under !== undefined && (error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = e.parentPath === base ? "" : e.parentPath.slice(base.length + 1);
    out.push(`/${(rel ? `${rel}${path.sep}${e.name}` : e.name).split(path.sep).join("/")}`);
  }
  return out.sort();
}

/**
 * The listing after the post-build steps, from the one made before them: the steps say
 * which top-level folders they write (`PostBuildStep.writes`), and only those are listed
 * again. A step that does not say means the whole folder.
 */
export function filesAfterSteps(dir: string, before: string[], writes: (readonly string[] | undefined)[]): string[] {
  if (writes.some((w) => w === undefined)) return siteFiles(dir);
  const folders = [...new Set(writes.flatMap((w) => w!))];
  if (!folders.length) return before;
  const inFolders = (file: string) => folders.some((f) => file.startsWith(`/${f}/`));
  return [...before.filter((f) => !inFolders(f)), ...folders.flatMap((f) => siteFiles(dir, f))].sort();
}
