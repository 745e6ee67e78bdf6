/**
 * Site search: Pagefind indexes the built HTML (a post-build step of `buildSite`,
 * run on the staging folder before it replaces dist/). Only story pages carry
 * `data-pagefind-body`, so only public stories' headlines, deks and bodies are
 * indexed: drafts and scheduled stories have no page in production, and are unmarked
 * in the dev server. https://pagefind.app/docs/node-api/
 *
 * The index comes in parts (search-parts.ts: a part per past year, a part per month
 * of the newest story's year), each a Pagefind bundle of its own under
 * `<output>/pagefind/parts/<name>/`, listed newest first in `<output>/pagefind/parts.json`.
 * `<output>/pagefind/` also holds Pagefind UI's script and style sheet, which the
 * search page loads, and the `pagefind.js` Pagefind UI imports: ours
 * (search-browser.js), which loads the first part's Pagefind and merges the others
 * into it (Pagefind's `mergeIndex`), giving the results of one index. Each part is a memo: a part
 * whose pages and code are those of the previous build is taken as it was, so a
 * publish re-indexes its month only (docs/performance.md, "Search at scale").
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StepContext } from "./steps.ts";
import { copyTree } from "./copy-tree.ts";
import { siteFiles } from "./manifest.ts";
import { assignParts, pageUrl, partFolder, partsFile, publishedMonth, type SearchablePage, type SearchPart } from "./search-parts.ts";

export const SEARCH_BUNDLE = "pagefind";
/** The list of parts in the search folder. */
export const PARTS_FILE = "parts.json";

/** Pagefind UI's files, kept once at the top of the search folder (the search page loads them). */
const UI_FILES = ["pagefind-ui.js", "pagefind-ui.css"];
/**
 * Files every Pagefind bundle carries that no part needs (the UIs, kept once at the top,
 * or not used by the site). A part keeps its search runtime (pagefind.js, its worker and
 * WebAssembly), which the browser loads from the first part.
 */
const NOT_IN_PARTS = new Set([...UI_FILES, "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"]);

/** Pages Pagefind indexes carry this attribute (the article layout). */
const SEARCH_MARK = "data-pagefind-body";

/** The Pagefind that Pagefind UI loads (`<output>/pagefind/pagefind.js`): it merges the parts. */
const MERGING_PAGEFIND = path.join(import.meta.dirname, "search-browser.js");

/** Parts indexed at once: Pagefind is one process; two runs keep the machine's two cores busy. */
const CONCURRENCY = 2;

export interface SearchIndexResult {
  /** pages indexed (those with data-pagefind-body) */
  pages: number;
  /** every part, newest first */
  parts: string[];
  /** the parts Pagefind indexed in this run (the others were reused) */
  indexed: string[];
}

/** The memo folder in the build cache: `parts/<key>/` (one bundle per part, named by its key) and `ui/` (Pagefind UI's files, with the code fingerprint they came with in `ui/key`). */
const MEMO = "search";

/** Where an unchanged part's bundle (and Pagefind UI's files) can be taken from, and where they are kept. */
interface PartMemo {
  /** a folder holding the bundle made from the same pages and code, if any */
  find(part: SearchPart, key: string): string | undefined;
  /** the part's bundle, now in `folder`, is kept for the next run */
  keep(part: SearchPart, key: string, folder: string): Promise<void>;
  /** the part's bundle was found (`find`) and is kept for the next run as it is there */
  carry(part: SearchPart, key: string): Promise<void>;
  /** a folder holding Pagefind UI's files of this code, if any */
  ui(): string | undefined;
  /** Pagefind UI's files, now in `folder`, are kept for the next run */
  keepUi(folder: string): Promise<void>;
}

/** A part's key: SHA-256 over the code fingerprint and its pages' paths and hashes. */
export function partKey(fingerprint: string, part: SearchPart): string {
  return createHash("sha256").update(`${fingerprint}\n${part.pages.map((p) => `${p.file} ${p.hash}`).join("\n")}`).digest("hex");
}

/**
 * Indexes the HTML under `dir` into `dir/pagefind/`, part by part. In a build (`ctx`),
 * every part is a memo of the build cache; without one, every part is indexed (the dev
 * server's `BackgroundIndexer` keeps a memo of its own).
 */
export async function indexSearch(dir: string, ctx?: StepContext): Promise<SearchIndexResult> {
  if (!ctx) return writeSearch(dir, await readSearchablePages(dir), "", undefined);
  const previous = ctx.cache.previousPath(MEMO);
  const next = ctx.cache.nextPath(MEMO);
  const fingerprint = ctx.cache.fingerprint;
  const memo: PartMemo = {
    find: (_part, key) => (previous && existsSync(path.join(previous, "parts", key)) ? path.join(previous, "parts", key) : undefined),
    keep: (_part, key, folder) => copyTree(folder, path.join(next, "parts", key)),
    // found in the last state: moved into the next one when it is committed (not linked twice)
    carry: async (_part, key) => ctx.cache.carry(path.join(MEMO, "parts", key)),
    ui: () => (previous && readText(path.join(previous, "ui", "key")) === fingerprint ? path.join(previous, "ui") : undefined),
    keepUi: async (folder) => {
      for (const file of UI_FILES) await copyTree(path.join(folder, file), path.join(next, "ui", file));
      await writeFile(path.join(next, "ui", "key"), fingerprint);
    },
  };
  const result = await writeSearch(dir, ctx.manifest.searchablePages(dir, ctx.files), fingerprint, memo);
  if (result.indexed.length === 0) ctx.reused("search index");
  else if (result.indexed.length < result.parts.length) ctx.reused(`search index: ${result.parts.length - result.indexed.length} of ${result.parts.length} parts`);
  return result;
}

/** The search step writes under `pagefind/` only (the listing after the steps: manifest.ts `filesAfterSteps`). */
indexSearch.writes = [SEARCH_BUNDLE] as readonly string[];

async function writeSearch(dir: string, pages: SearchablePage[], fingerprint: string, memo: PartMemo | undefined): Promise<SearchIndexResult> {
  const parts = assignParts(pages);
  const root = path.join(dir, SEARCH_BUNDLE);
  await clearStale(root, new Set(parts.map((p) => partFolder(p.name))));
  const keys = new Map(parts.map((p) => [p.name, partKey(fingerprint, p)]));
  const todo: SearchPart[] = [];
  for (const part of parts) {
    const folder = path.join(root, partFolder(part.name));
    const key = keys.get(part.name)!;
    const from = memo?.find(part, key);
    if (from === undefined) {
      todo.push(part);
      continue;
    }
    if (path.resolve(from) !== path.resolve(folder)) {
      await rm(folder, { recursive: true, force: true });
      await copyTree(from, folder);
    }
    await memo?.carry(part, key);
  }
  let ui = false;
  if (todo.length) {
    await runPagefind(dir, todo, async (part, folder) => {
      // Pagefind UI's files are the same in every bundle of one Pagefind version: taken
      // from the first part indexed; every part drops them.
      if (!ui) {
        ui = true;
        for (const file of UI_FILES) await moveFile(path.join(folder, file), path.join(root, file));
      }
      await pruneBundle(folder);
      await memo?.keep(part, keys.get(part.name)!, folder);
    });
  }
  if (!ui) {
    const from = memo?.ui();
    if (from !== undefined && path.resolve(from) !== path.resolve(root)) {
      for (const file of UI_FILES) {
        await rm(path.join(root, file), { force: true });
        await copyTree(path.join(from, file), path.join(root, file));
      }
    } else if (from === undefined) {
      // No part was indexed and no copy is kept: an empty index's bundle has them.
      const scratch = path.join(root, ".ui");
      await runPagefind(dir, [{ name: "", pages: [] }], async () => {}, scratch);
      for (const file of UI_FILES) await moveFile(path.join(scratch, file), path.join(root, file));
      await rm(scratch, { recursive: true, force: true });
    }
  }
  await memo?.keepUi(root);
  await writeFile(path.join(root, PARTS_FILE), partsFile(parts));
  await writeFile(path.join(root, "pagefind.js"), await readFile(MERGING_PAGEFIND, "utf8"));
  return { pages: pages.length, parts: parts.map((p) => p.name), indexed: todo.map((p) => p.name) };
}

/**
 * Runs Pagefind over `parts` (one index each, `CONCURRENCY` at a time, in one Pagefind
 * process), writing each bundle into its part folder (or `only`), then `written`.
 * Each part's pages are added one after the other, in path order: the same pages give
 * the same bytes.
 */
async function runPagefind(dir: string, parts: SearchPart[], written: (part: SearchPart, folder: string) => Promise<void>, only?: string): Promise<void> {
  const pagefind = await import("pagefind");
  try {
    const queue = [...parts];
    let failed = false;
    const worker = async () => {
      for (let part = queue.shift(); part; part = failed ? undefined : queue.shift()) {
        const folder = only ?? path.join(dir, SEARCH_BUNDLE, partFolder(part.name));
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join("; ")}`);
        for (const page of part.pages) {
          const added = await index.addHTMLFile({ url: pageUrl(page.file), content: await readFile(path.join(dir, page.file), "utf8") });
          if (added.errors.length) throw new Error(`search index (${page.file}): ${added.errors.join("; ")}`);
        }
        await rm(folder, { recursive: true, force: true });
        const out = await index.writeFiles({ outputPath: folder });
        if (out.errors.length) throw new Error(`search index (${part.name}): ${out.errors.join("; ")}`);
        await index.deleteIndex();
        await written(part, folder);
      }
    };
    const guarded = () => worker().catch((error: unknown) => {
      failed = true;
      throw error;
    });
    // Every run settles before Pagefind is closed; the first failure is reported.
    const runs = await Promise.allSettled(Array.from({ length: Math.min(CONCURRENCY, parts.length) }, guarded));
    for (const r of runs) if (r.status === "rejected") throw r.reason;
  } finally {
    await pagefind.close();
  }
}

/** Removes from the search folder what this run does not write: parts no longer there, anything else but the UI files. */
async function clearStale(root: string, partFolders: Set<string>): Promise<void> {
  if (!existsSync(root)) return;
  for (const name of await readdir(root)) {
    if (name === "parts" || UI_FILES.includes(name)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
  }
  if (!existsSync(path.join(root, "parts"))) return;
  for (const name of await readdir(path.join(root, "parts"))) {
    if (!partFolders.has(partFolder(name))) await rm(path.join(root, "parts", name), { recursive: true, force: true });
  }
}

/** Drops the files a part does not need (`NOT_IN_PARTS`). */
async function pruneBundle(folder: string): Promise<void> {
  for (const name of await readdir(folder)) if (NOT_IN_PARTS.has(name)) await rm(path.join(folder, name), { force: true });
}

async function moveFile(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  await copyTree(from, to);
  await rm(from, { force: true });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The searchable pages under `dir` (read from disk: the dev server has no manifest). */
export async function readSearchablePages(dir: string): Promise<SearchablePage[]> {
  const pages: SearchablePage[] = [];
  for (const file of siteFiles(dir)) {
    if (!file.endsWith(".html") || file.startsWith(`/${SEARCH_BUNDLE}/`)) continue;
    const content = await readFile(path.join(dir, file), "utf8");
    if (!content.includes(SEARCH_MARK)) continue;
    pages.push({ file, hash: createHash("sha256").update(content).digest("hex"), month: publishedMonth(content) });
  }
  return pages;
}

/** How many pages the written index holds (every part's entry file, summed over languages). */
export async function indexedPages(dir: string): Promise<number> {
  const root = path.join(dir, SEARCH_BUNDLE);
  const list = JSON.parse(await readFile(path.join(root, PARTS_FILE), "utf8")) as { parts: { bundle: string }[] };
  let pages = 0;
  for (const part of list.parts) {
    const entry = JSON.parse(await readFile(path.join(root, part.bundle, "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { page_count?: number }> };
    pages += Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
  }
  return pages;
}

/**
 * The dev server's search index (`npm start`): re-indexed after each successful build,
 * in the background, so an edit's page is served before the index catches up. One run
 * at a time; builds that finish meanwhile ask for one more run, not one each. Its memo
 * is the served folder itself: a part whose pages are those of its last run is left as
 * it is, so an edit re-indexes the edited story's part only.
 */
export class BackgroundIndexer {
  private running?: Promise<void>;
  private again = false;
  /** part name → the key of the pages it was last indexed from (this process) */
  private keys = new Map<string, string>();
  private uiWritten = false;

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
      const root = path.join(this.dir, SEARCH_BUNDLE);
      // What the last run left is trusted only once a run completes: a failed run may
      // have left any part half-written, so the next one indexes every part again.
      const last = this.keys;
      const lastUi = this.uiWritten;
      const done = new Map<string, string>();
      let ui = false;
      this.keys = new Map();
      this.uiWritten = false;
      const memo: PartMemo = {
        find: (part, key) => {
          const folder = path.join(root, partFolder(part.name));
          return last.get(part.name) === key && existsSync(path.join(folder, "pagefind-entry.json")) ? folder : undefined;
        },
        keep: async (part, key) => void done.set(part.name, key),
        carry: async (part, key) => void done.set(part.name, key),
        ui: () => (lastUi && UI_FILES.every((f) => existsSync(path.join(root, f))) ? root : undefined),
        keepUi: async () => void (ui = true),
      };
      try {
        const result = await writeSearch(this.dir, await readSearchablePages(this.dir), "", memo);
        this.keys = done;
        this.uiWritten = ui;
        const pages = await indexedPages(this.dir);
        const indexed = result.indexed.length === result.parts.length ? "" : `; ${result.indexed.length} of ${result.parts.length} parts indexed${result.indexed.length ? `: ${result.indexed.join(", ")}` : ""}`;
        this.log(`search index: ${pages} ${pages === 1 ? "story" : "stories"} (${Math.round(performance.now() - started)} ms${indexed})`);
      } catch (error) {
        this.log(`search index failed (${(error as Error).message}); the search page says so until the next build`);
      }
    } while (this.again);
  }
}
