/**
 * Page reuse: the part of an incremental production build that keeps Eleventy away
 * from what did not change (docs/performance.md, section 19).
 *
 * Before Eleventy starts, `planReuse` hashes the inputs:
 *  - the **global key**: the code fingerprint, the build mode, the footer's year, and the
 *    bytes of every input that is not a story file (`_data/`, `src/pages/`, assets,
 *    photos, templates). Any change to one re-renders every page;
 *  - each **story's key**: the global key, its path, its bytes (a story that was not
 *    public last time and is now, or the other way round, is rendered whatever its key).
 *
 * A story whose key is the one the last build recorded, and whose page and the images
 * that page references are in dist/ exactly as that build wrote them (size, time and
 * inode, recorded after its swap), is **reused**: Eleventy never reads it (its
 * collection item is rebuilt from the last build's record, _config/site/reuse.ts), and
 * its files are hard-linked from dist/ into the new output. List pages are keyed by the
 * stories they show (`listingKey`) and reused the same way. Every other page renders
 * as before; feeds, sitemaps, the home page and the indexes always do.
 *
 * What this cannot see it does not reuse: no record, another code fingerprint, the clock
 * gone backwards, a file in dist/ touched since, `--clean`. The byte-identity matrix
 * (test/build/incremental.test.ts) compares every incremental output with a clean build.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { link, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { isPublic, loadSite, yearOf, type BuildInfo } from "../content/index.ts";
import { NEWS_WINDOW_DAYS, sitemapHead } from "../pages/index.ts";
import { isArticlePath, storyRecord, storyStub, type ArticleItem, type ReusedPage, type ReusePlan, type StoryRecord } from "../site/index.ts";
import { outputEnv, sha256, type BuildCache, type InputHashes } from "../cache/index.ts";
import { urlOfFile } from "./checks/index.ts";
import type { OutputManifest } from "./manifest.ts";
import { inParallel, ownString } from "../util/index.ts";

const STATE_FILE = "reuse.json";
const REUSE_VERSION = 3;

interface StoryEntry {
  /** SHA-256 of the file's bytes */
  hash: string;
  key: string;
  /** whether it had a page (public) when the key was recorded */
  public: boolean;
  draft: boolean;
  /** page date, ms */
  date: number;
  record: StoryRecord;
}

interface PageEntry {
  /** the key it was rendered under (stories and list pages; none for pages that always render) */
  key?: string;
  /** the files under /img/ it references */
  deps: string[];
  /** what sitemap.xml reads of it (sitemapHead) */
  head: string;
  /** searchable (data-pagefind-body): its search month ("" for none) */
  search?: string;
}

interface ReuseState {
  version: number;
  fingerprint: string;
  production: boolean;
  now: string;
  global: string;
  /** by path relative to the input folder ("articles/2026/x.md") */
  stories: Record<string, StoryEntry>;
  /** by output file ("/world/x/index.html") */
  pages: Record<string, PageEntry>;
  /** output file → [size, mtime ms, inode] in dist/ after the swap */
  stats: Record<string, [number, number, number]>;
}

export interface ReuseSession {
  /** the plan the site room follows (undefined: nothing is reused, only recorded) */
  plan: ReusePlan;
  /** whether Eleventy leaves this template out (a reused story, or anything but the pass's stories), by Eleventy's input path */
  excluded(inputPath: string): boolean;
  /**
   * The stories to render, when they are more than one Eleventy pass should hold: passes
   * of `size` stories (by path) that render those stories only, before the last pass,
   * which renders every other page with all of them as items made from their records.
   * Empty when one pass renders everything.
   */
  passes(size: number): string[][];
  /** how many stories Eleventy will read in this build (the others are reused) */
  storiesToRender(): number;
  /** before each Eleventy pass: the stories of a story pass (absolute paths), or undefined for the last pass */
  beginPass(stories: string[] | undefined): void;
  /**
   * whether a page Eleventy wrote, by its template's input path, is this pass's to report
   * (the page stream, the checks, the manifest): a story pass also renders the newsroom's
   * pages (src/pages/: story pages' footers list them), which the last pass renders again
   */
  reports(inputPath: string): boolean;
  /** a rendered page, from the page stream, and its search month if it is searchable */
  observePage(file: string, content: string, search: { month: string | undefined } | undefined): void;
  /**
   * after Eleventy wrote: hard-links the reused pages and their images from dist/ into
   * `staging`, and tells the manifest their hashes (the last build's: they are its files)
   */
  linkReused(staging: string, manifest: OutputManifest): Promise<void>;
  /** pages reused, stories Eleventy did not read */
  counts(): { pagesReused: number; storiesReused: number };
  /** right after Eleventy's pass: the records of the stories it read (their bodies stored by key) */
  capture(): Promise<void>;
  /** after the swap: writes the next state into the cache's next folder */
  record(output: string): Promise<void>;
  /**
   * after `record`: [size, mtime ms, inode] of the output files it recorded (looked at
   * after the swap, or hard links to files the last build recorded so, proven unchanged
   * by the same figures before they were linked), for the settled state
   */
  stats(): Readonly<ReuseState["stats"]>;
  /** after `record`: the first instant (ms) at which a page could read the clock differently (settled.ts) */
  horizon(): number;
  /** after the cache commit: removes the stored bodies of stories the new state does not name */
  prune(): Promise<void>;
}

const IMG_REF = /\/img\/([A-Za-z0-9._-]+\.(?:jpe?g|png|webp|avif|gif|svg))/g;

/** "/world/x/" → "/world/x/index.html" */
export function outputFileOf(url: string): string {
  return url.endsWith("/") ? `${url}index.html` : url;
}

function readState(cache: BuildCache): ReuseState | undefined {
  if (!cache.previous) return undefined; // --clean, no cache, or other code
  try {
    const state = JSON.parse(readFileSync(path.join(cache.dir, STATE_FILE), "utf8")) as ReuseState;
    return state.version === REUSE_VERSION && state.fingerprint === cache.fingerprint ? state : undefined;
  } catch {
    return undefined;
  }
}


export function planReuse(options: { inputDir: string; dataDir: string; output: string; cache: BuildCache; build: BuildInfo; inputs: InputHashes }): ReuseSession {
  const { inputDir, dataDir, output, cache, build, inputs } = options;
  const contentDir = path.join(path.dirname(cache.dir), "build-content");
  let previous = readState(cache);
  if (previous && (previous.production !== build.production || Date.parse(build.now) < Date.parse(previous.now))) previous = undefined;

  // The global key: everything but the stories' own files (the environment too: SITE_URL).
  const site = loadSite(dataDir);
  const globalHash = createHash("sha256").update(`${cache.fingerprint}\0${build.production}\0${yearOf(build.now, site.timezone)}\0${outputEnv()}\0`);
  for (const [rel, hash] of inputs.data) globalHash.update(`data:${rel}\0${hash}\0`);
  const isStoryFile = (rel: string) => isArticlePath(path.join(inputDir, rel), inputDir);
  /** a page of src/pages/ (the `pages` collection: the footer of every page lists them) */
  const isPagesFile = (inputPath: string) => {
    const rel = path.relative(inputDir, path.resolve(inputPath)).split(path.sep);
    return rel[0] === "pages" && rel.at(-1)!.endsWith(".md");
  };
  for (const [rel, hash] of inputs.input) if (!isStoryFile(rel)) globalHash.update(`input:${rel}\0${hash}\0`);
  const global = globalHash.digest("hex");

  // Each story's hash and key; the reusable ones.
  const hashes = new Map<string, string>(); // absolute path → hash
  const keys = new Map<string, string>(); // rel → key
  // A file is as the last build wrote it when its size, time and inode are those recorded
  // after that build's swap (the fast proof, as git's index does), else when its bytes
  // hash to the last manifest's (a copied dist/: new inodes and times).
  const verified = new Map<string, boolean>();
  /** files proven by their size, time and inode (not by their bytes): a hard link to one has those figures */
  const sameStats = new Set<string>();
  const intact = (file: string) => {
    let ok = verified.get(file);
    if (ok === undefined) {
      const was = previous?.stats[file];
      const now = statSync(path.join(output, file), { throwIfNoEntry: false });
      ok = !!was && !!now && was[0] === now.size && was[1] === now.mtimeMs && was[2] === now.ino;
      if (ok) sameStats.add(file);
      if (!ok && now && cache.lastFiles?.[file]) ok = sha256(readFileSync(path.join(output, file))) === cache.lastFiles[file];
      verified.set(file, ok);
    }
    return ok;
  };
  const pageIntact = (file: string) => {
    const page = previous?.pages[file];
    return !!page && intact(file) && page.deps.every(intact);
  };
  const reusedStories = new Map<string, StoryEntry>(); // rel → entry
  const reusedPages = new Set<string>(); // output files
  const stubs: ArticleItem[] = [];
  const excluded = new Set<string>();
  /** the stored bodies (`<key>.html`), listed once rather than asked for one by one */
  const storedBodies = new Set(existsSync(contentDir) ? readdirSync(contentDir) : []);
  /** the stories of the story pass running (passes): Eleventy reads those only, and no list */
  let pass: Set<string> | undefined;
  /** story pages rendered by an earlier pass of this build (their heads, for the sitemap) */
  const earlier = new Set<string>();
  for (const [rel, hash] of inputs.input) {
    if (!isStoryFile(rel)) continue;
    const abs = path.join(inputDir, rel);
    hashes.set(abs, hash);
    const key = sha256(`${global}\0${rel}\0${hash}`);
    keys.set(rel, key);
    const last = previous?.stories[rel];
    if (!last || last.key !== key) continue;
    const nowPublic = isPublic({ draft: last.draft }, new Date(last.date), build);
    if (nowPublic !== last.public) continue; // scheduled → public: render it
    let contentFile: string | undefined;
    if (nowPublic) {
      if (typeof last.record.url !== "string") continue;
      const file = outputFileOf(last.record.url);
      contentFile = path.join(contentDir, `${key}.html`);
      if (!pageIntact(file) || !storedBodies.has(`${key}.html`)) continue;
      reusedPages.add(file);
    }
    reusedStories.set(rel, last);
    stubs.push(storyStub(last.record, contentFile));
    excluded.add(abs);
  }

  const listingKeys = new Map<string, string>(); // output file → key
  const hashByInputPath = new Map<string, string | undefined>();
  const seenItems: ArticleItem[] = [];
  const plan: ReusePlan = {
    global,
    // a story pass renders its stories only: no list needs the others
    get stubs() {
      return pass ? [] : stubs;
    },
    get storyPass() {
      return pass !== undefined;
    },
    // asked for every story on every list page: by Eleventy's own path string, resolved once
    storyHash: (inputPath) => {
      let hash = hashByInputPath.get(inputPath);
      if (hash === undefined && !hashByInputPath.has(inputPath)) hashByInputPath.set(inputPath, (hash = hashes.get(path.resolve(inputPath))));
      return hash;
    },
    listing(url, key) {
      if (pass) return false; // lists render in the last pass only (their templates are left out anyway)
      const file = outputFileOf(url);
      listingKeys.set(file, key);
      if (previous?.pages[file]?.key === key && pageIntact(file)) {
        reusedPages.add(file);
        return false;
      }
      reusedPages.delete(file);
      return true;
    },
    seen: (items) => {
      seenItems.length = 0;
      seenItems.push(...items);
    },
    reusedPages: () => [
      ...[...reusedPages].map((file): ReusedPage => ({ url: urlOfFile(file), outputPath: file, content: previous!.pages[file]!.head })),
      ...[...earlier].map((file): ReusedPage => ({ url: urlOfFile(file), outputPath: file, content: rendered.get(file)!.head })),
    ],
  };

  const rendered = new Map<string, PageEntry>();
  /** files hard-linked from dist/ into the new output (linkReused) */
  const linked = new Set<string>();
  /** output file → [size, mtime ms, inode], as `record` wrote them into the next state */
  let recordedStats: ReuseState["stats"] = {};
  const storyKeyByFile = new Map<string, string>();
  const stories: Record<string, StoryEntry> = {};
  return {
    plan,
    excluded: (inputPath) => (pass ? !pass.has(path.resolve(inputPath)) && !isPagesFile(inputPath) : excluded.has(path.resolve(inputPath))),
    reports: (inputPath) => !pass || pass.has(path.resolve(inputPath)),
    storiesToRender: () => keys.size - reusedStories.size,
    passes(size) {
      const todo = [...keys.keys()].map((rel) => path.join(inputDir, rel)).filter((abs) => !excluded.has(abs)).sort();
      if (todo.length <= size) return [];
      return Array.from({ length: Math.ceil(todo.length / size) }, (_, i) => todo.slice(i * size, (i + 1) * size));
    },
    beginPass(stories) {
      pass = stories && new Set(stories);
    },
    observePage(file, content, search) {
      const deps = new Set<string>();
      for (const m of content.matchAll(IMG_REF)) deps.add(ownString(`/img/${m[1]}`)); // kept all build: not a cut of the page
      rendered.set(file, { deps: [...deps].sort(), head: sitemapHead(content), ...(search && { search: search.month ?? "" }) });
    },
    async linkReused(staging, manifest) {
      const files = new Set<string>();
      for (const page of reusedPages) {
        if (rendered.has(page)) continue; // rendered after all (never both; kept safe)
        files.add(page);
        for (const dep of previous!.pages[page]!.deps) files.add(dep);
      }
      const list = [...files].filter((f) => !existsSync(path.join(staging, f)));
      for (const f of list) {
        linked.add(f);
        const page = previous!.pages[f];
        const search = page?.search === undefined ? undefined : { month: page.search || undefined };
        const hash = cache.lastFiles?.[f];
        if (hash) manifest.addKnown(f, hash, search);
      }
      // Folders first (a story folder each: 20,000 at 20,000 stories), many at once: a
      // recursive mkdir takes a parent another one made meanwhile as it finds it.
      const dirs = new Set(list.map((f) => path.dirname(path.join(staging, f))));
      await inParallel([...dirs], (dir) => mkdir(dir, { recursive: true }), 256);
      await inParallel(list, (f) => link(path.join(output, f), path.join(staging, f)), 256);
    },
    counts: () => ({ pagesReused: [...reusedPages].filter((p) => !rendered.has(p)).length, storiesReused: reusedStories.size }),
    async capture() {
      await mkdir(contentDir, { recursive: true });
      for (const item of seenItems) {
        const abs = path.resolve(item.inputPath);
        const rel = path.relative(inputDir, abs).split(path.sep).join("/");
        const key = keys.get(rel);
        const hash = hashes.get(abs);
        if (!key || !hash) continue;
        const hasPage = typeof item.url === "string";
        if (hasPage) {
          const content = (item as { templateContent?: unknown }).templateContent;
          if (typeof content !== "string") continue; // not rendered: nothing to reuse next time
          const file = path.join(contentDir, `${key}.html`);
          if (!existsSync(file)) await writeFile(file, content);
          storyKeyByFile.set(outputFileOf(item.url as string), key);
        }
        const entry: StoryEntry = { hash, key, public: hasPage, draft: (item.data as { draft?: unknown }).draft === true, date: item.date.getTime(), record: storyRecord(item) };
        stories[rel] = entry;
        if (pass) {
          // rendered in a story pass: an item made from its record in the passes after
          stubs.push(storyStub(entry.record, hasPage ? path.join(contentDir, `${key}.html`) : undefined));
          excluded.add(abs);
          if (hasPage) earlier.add(outputFileOf(item.url as string));
        }
      }
      seenItems.length = 0; // Eleventy's items (and every page they hold) are not kept past this
    },
    async record(finalOutput) {
      for (const [rel, entry] of reusedStories) stories[rel] = entry;
      const pages: Record<string, PageEntry> = {};
      for (const [file, entry] of rendered) {
        const key = storyKeyByFile.get(file) ?? listingKeys.get(file);
        pages[file] = key ? { ...entry, key } : entry;
      }
      for (const file of reusedPages) if (!rendered.has(file)) pages[file] = previous!.pages[file]!;
      const statsOut: ReuseState["stats"] = (recordedStats = {});
      const wanted = new Set<string>();
      for (const [file, page] of Object.entries(pages)) {
        if (!page.key) continue;
        wanted.add(file);
        for (const dep of page.deps) wanted.add(dep);
      }
      for (const file of [...wanted].sort()) {
        // a hard link made from a file proven by these figures has them: not asked again
        const was = linked.has(file) && sameStats.has(file) ? previous?.stats[file] : undefined;
        if (was) statsOut[file] = was;
        else {
          const s = statSync(path.join(finalOutput, file), { throwIfNoEntry: false });
          if (s) statsOut[file] = [s.size, s.mtimeMs, s.ino];
        }
      }
      const state: ReuseState = { version: REUSE_VERSION, fingerprint: cache.fingerprint, production: build.production, now: build.now, global, stories, pages, stats: statsOut };
      await writeFile(cache.nextPath(STATE_FILE), JSON.stringify(state));
    },
    stats: () => recordedStats,
    // a story file without a record (not rendered) could be anything: never settled
    horizon: () => (Object.keys(stories).length === keys.size ? clockHorizon(Object.values(stories), build, site.timezone) : Date.parse(build.now)),
    async prune() {
      const keep = new Set(Object.values(stories).map((s) => `${s.key}.html`));
      const names = await readdir(contentDir).catch(() => [] as string[]);
      await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(path.join(contentDir, n), { force: true })));
    },
  };
}

const HOUR = 3_600_000;

/**
 * The first instant after `build.now` at which a page of this output could read the
 * clock differently (settled.ts): a new year (the footer), a scheduled story's date (it
 * goes public), a story leaving the news sitemap's days (taken an hour early: the window
 * counts days in the machine's zone, and an early answer only means a normal build).
 * A site with no public story shows the build's time itself: never settled. So is a
 * build that is not a production one (it shows drafts and scheduled stories).
 */
export function clockHorizon(stories: Pick<StoryEntry, "public" | "draft" | "date">[], build: BuildInfo, zone: string): number {
  const now = Date.parse(build.now);
  if (!build.production) return now;
  let horizon = DateTime.fromMillis(now, { zone }).startOf("year").plus({ years: 1 }).toMillis();
  let anyPublic = false;
  const recent = now - (NEWS_WINDOW_DAYS + 1) * 24 * HOUR;
  for (const story of stories) {
    if (story.draft) continue;
    if (story.date > now) horizon = Math.min(horizon, story.date);
    else if (story.public) {
      anyPublic = true;
      if (story.date >= recent) horizon = Math.min(horizon, story.date + NEWS_WINDOW_DAYS * 24 * HOUR - HOUR);
    }
  }
  return anyPublic ? horizon : now;
}
