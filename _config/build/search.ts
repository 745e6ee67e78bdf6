/**
 * Site search: Pagefind indexes the built HTML (a post-build step of `buildSite`,
 * run on the staging folder before it replaces dist/) and writes its static bundle
 * to `<output>/pagefind/`. Only story pages carry `data-pagefind-body`, so only
 * public stories' headlines, deks and bodies are indexed: drafts and scheduled
 * stories have no page in production, and are unmarked in the dev server.
 * https://pagefind.app/docs/node-api/
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StepContext } from "./steps.ts";
import { copyTree } from "./copy-tree.ts";

export const SEARCH_BUNDLE = "pagefind";

export interface SearchIndexResult {
  /** pages indexed (those with data-pagefind-body) */
  pages: number;
}

/** The memo's folder in the build cache: the bundle, and `key` (what it was made from). */
const MEMO = "search";

/**
 * Indexes the HTML under `dir` and writes the search bundle into `dir/pagefind/`.
 * In a build (`ctx`), the bundle is a memo: Pagefind reads nothing but the pages that
 * carry `data-pagefind-body` (the others are left out of the index when any page has
 * it), so when those pages' paths and bytes and the code (Pagefind's version is in the
 * lock file) are the same as the previous build's, its bundle is taken as it was
 * instead of running Pagefind; otherwise Pagefind indexes the whole folder and the
 * new bundle is kept for the next build (docs/performance.md, "Search at scale").
 */
export async function indexSearch(dir: string, ctx?: StepContext): Promise<SearchIndexResult> {
  if (!ctx) return runPagefind(dir);
  const pages = ctx.manifest.searchablePages(dir);
  const key = createHash("sha256").update(`${ctx.cache.fingerprint}\n${pages.map(([f, h]) => `${f} ${h}`).join("\n")}`).digest("hex");
  const previous = ctx.cache.previousPath(MEMO);
  const next = ctx.cache.nextPath(MEMO);
  if (previous && existsSync(path.join(previous, "key")) && readFileSync(path.join(previous, "key"), "utf8") === key) {
    await copyTree(path.join(previous, SEARCH_BUNDLE), path.join(dir, SEARCH_BUNDLE));
    await copyTree(path.join(previous, SEARCH_BUNDLE), path.join(next, SEARCH_BUNDLE));
    await copyTree(path.join(previous, "key"), path.join(next, "key"));
    ctx.reused("search index");
    return { pages: pages.length };
  }
  const result = await runPagefind(dir);
  await copyTree(path.join(dir, SEARCH_BUNDLE), path.join(next, SEARCH_BUNDLE));
  await writeFile(path.join(next, "key"), key);
  return result;
}

async function runPagefind(dir: string): Promise<SearchIndexResult> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join("; ")}`);
    // Pagefind indexes every page when no page has data-pagefind-body: a site with no
    // public story gets an empty index instead (the search page still loads).
    let pages = 0;
    if (await hasIndexedPage(dir)) {
      const added = await index.addDirectory({ path: dir });
      if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
      pages = added.page_count;
    }
    const written = await index.writeFiles({ outputPath: path.join(dir, SEARCH_BUNDLE) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/** Whether any HTML page under `dir` marks content for the index (stops at the first). */
async function hasIndexedPage(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith(".html") && (await readFile(path.join(e.parentPath, e.name), "utf8")).includes("data-pagefind-body")) return true;
  }
  return false;
}

/** How many pages the written index holds (Pagefind's entry file, summed over languages). */
export async function indexedPages(dir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(dir, SEARCH_BUNDLE, "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
}

/**
 * The dev server's search index (`npm start`): re-indexed after each successful build,
 * in the background, so an edit's page is served before the index catches up. One run
 * at a time; builds that finish meanwhile ask for one more run, not one each.
 */
export class BackgroundIndexer {
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts indexing now, or once more after the run in progress. Never throws. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** Resolves when no run is in progress or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const started = performance.now();
      try {
        await indexSearch(this.dir);
        const pages = await indexedPages(this.dir);
        this.log(`search index: ${pages} ${pages === 1 ? "story" : "stories"} (${Math.round(performance.now() - started)} ms)`);
      } catch (error) {
        this.log(`search index failed (${(error as Error).message}); the search page says so until the next build`);
      }
    } while (this.again);
  }
}
