/**
 * The dev loop's incremental rebuild, cut to what an edit can change (docs/performance.md §12).
 *
 * When one story is saved, Eleventy 3.1.8's `--incremental` re-renders and rewrites
 * every page that imports `articles`: every page of every section, topic, author and
 * archive list (≈ 400 files at 1,000 stories), all started at once, so the story's own
 * page and the home page land on disk together with the last of them. Here, in an
 * incremental build started by one markdown file:
 *
 * 1. The changed file's pages and the home page are rendered and written first; every
 *    other page starts after they are on disk.
 * 2. A list page (`data.listing`, src/section|topic|author|archive.11ty.tsx) is skipped
 *    when it cannot show the change: the changed file is not among its stories and its
 *    signature (title, counts, neighbours, and which stories in which order) is the one
 *    it had when it was last written. Such a page renders only from its stories' own
 *    files and global data, none of which changed, so its output would be identical.
 *    Any other change (data, layouts, config, a deletion, a failed build) renders what
 *    Eleventy renders.
 *
 * Skipped pages still count as written by their template for stale-outputs.ts.
 */
import { entryWithPages, interceptEntryWrites, pagesOfEntry, type MapEntry, type PageEntry, type TemplateWriterInternals } from "../eleventy/index.ts";
import type { ListingPage } from "../site/index.ts";

const normal = (p: string) => p.replace(/^\.\//, "");

/** What a list page shows, as a string: equal strings, equal pages (given unchanged stories). */
export function listingSignature(listing: ListingPage): string {
  const { items, front: _front, ...head } = listing; // the front is cut from the items
  return JSON.stringify([head, items.map((item) => item.inputPath)]);
}

const listingOf = (page: PageEntry): ListingPage | undefined => {
  const listing = page.data?.listing as ListingPage | undefined;
  return listing && Array.isArray(listing.items) ? listing : undefined;
};

export interface BuildPlan {
  /** the file that started an incremental build (Eleventy's `./src/…` path), if any */
  changed?: string;
  /** a full build: render everything, record every signature */
  full: boolean;
}

export class IncrementalPlanner {
  /** output path → signature of the list page last written there */
  private written = new Map<string, string>();
  private pending = new Map<string, string>();
  /** list pages in this build's template map, written or not */
  private seen = new Set<string>();
  private kept = new Map<string, Set<string>>();
  private skippedCount = 0;
  /** settles once this build's changed story and home page are on disk (or the build ended) */
  private leadDone: Promise<void> = Promise.resolve();
  private endLead = () => {};
  /** the file this build was started for, when it is an incremental build of one file */
  private building: string | undefined;
  /** output paths this build has started to write */
  private started = new Set<string>();
  /** output paths written ahead of the next build (fast-path.ts): this build leaves them */
  private superseded = new Set<string>();
  /** between `begin` and the build's end: only then can a page be superseded */
  private active = false;

  /** Whether list pages may be skipped in this build. */
  static canSkip(plan: BuildPlan): boolean {
    return !plan.full && plan.changed !== undefined && plan.changed.endsWith(".md");
  }

  /** Wraps the build's TemplateWriter (a new one each build) so it writes in this plan's order. */
  begin(writer: TemplateWriterInternals, plan: BuildPlan): void {
    this.pending = new Map();
    this.seen = new Set();
    this.kept = new Map();
    this.skippedCount = 0;
    const skip = IncrementalPlanner.canSkip(plan);
    const changed = plan.changed ? normal(plan.changed) : undefined;
    this.building = plan.full ? undefined : changed;
    this.leadDone = new Promise<void>((resolve) => (this.endLead = resolve));
    const first: Promise<unknown>[] = [];
    let gate: Promise<unknown> | undefined;
    this.started = new Set();
    this.active = true;
    interceptEntryWrites(writer, (entry: MapEntry, generate) => {
      const pages = this.select(entry, skip, changed);
      for (const page of pages) if (typeof page.outputPath === "string") this.started.add(page.outputPath);
      if (pages.length === 0) return Promise.resolve([]);
      const job = entryWithPages(entry, pages);
      if (!changed) return generate(job);
      if (normal(entry.inputPath) === changed || pages.some((p) => p.url === "/")) {
        const done = generate(job);
        first.push(done);
        return done;
      }
      // Eleventy starts every page in one synchronous loop: once it has run, `first` is complete.
      if (!gate) {
        gate = new Promise((resolve) => setImmediate(resolve)).then(() => Promise.allSettled(first));
        void gate.then(() => this.endLead());
      }
      return gate.then(() => generate(job));
    });
  }

  /**
   * When a running incremental build of `file` has written that file's pages and the home
   * page (the pages it writes first), so that pages written ahead of the next build
   * (fast-path.ts) are not overwritten by this one: resolves true then, false at once
   * when no such build runs (a full build writes any page at any time).
   */
  async leadWritten(file: string): Promise<boolean> {
    if (this.building !== normal(file)) return false;
    await this.leadDone;
    return this.building === normal(file);
  }

  /**
   * Asks the running build to leave `outputs` as they are (they are being written ahead
   * of the next build, from a newer save): true when it has started to write none of
   * them, so none of its writes can land after the ones ahead; false (nothing asked) else.
   */
  supersede(outputs: string[]): boolean {
    if (!this.active || outputs.some((file) => this.started.has(file))) return false;
    for (const file of outputs) this.superseded.add(file);
    return true;
  }

  /** The pages asked for were not written ahead after all: the running build writes them if it has not passed them. */
  unsupersede(outputs: string[]): void {
    for (const file of outputs) this.superseded.delete(file);
  }

  /** The pages of an entry to render; records list signatures; keeps the rest. */
  private select(entry: MapEntry, skip: boolean, changed: string | undefined): PageEntry[] {
    return pagesOfEntry(entry).filter((page) => {
      if (typeof page.outputPath === "string" && this.superseded.has(page.outputPath)) return this.keep(entry, page.outputPath);
      const listing = listingOf(page);
      if (!listing || typeof page.outputPath !== "string") return true;
      this.seen.add(page.outputPath);
      if (page.template?.isRenderable?.() === false) return true; // Eleventy will not write it: keep its old signature
      const signature = listingSignature(listing);
      this.pending.set(page.outputPath, signature);
      const shows = changed !== undefined && listing.items.some((item) => normal(item.inputPath) === changed);
      if (!skip || shows || this.written.get(page.outputPath) !== signature) return true;
      this.skippedCount++;
      return this.keep(entry, page.outputPath);
    });
  }

  /** Leaves a page as it is on disk, still its template's (stale-outputs.ts); false, for `filter`. */
  private keep(entry: MapEntry, file: string): false {
    const kept = this.kept.get(entry.inputPath) ?? new Set<string>();
    kept.add(file);
    this.kept.set(entry.inputPath, kept);
    return false;
  }

  /**
   * After a successful build: remembers what was written, and returns the outputs that
   * were left as they were (input path → output paths), for stale-outputs.ts.
   */
  commit(): { kept: Map<string, Set<string>>; skipped: number } {
    for (const [file, signature] of this.pending) this.written.set(file, signature);
    // A list page that no longer exists (its list got shorter) must be written if it comes back.
    for (const file of [...this.written.keys()]) if (!this.seen.has(file)) this.written.delete(file);
    this.pending = new Map();
    this.ended();
    return { kept: this.kept, skipped: this.skippedCount };
  }

  /** After a failed build nothing is remembered (the next build is a full one). */
  abort(): void {
    this.pending = new Map();
    this.kept = new Map();
    this.ended();
  }

  private ended(): void {
    this.building = undefined;
    this.active = false;
    this.superseded = new Set();
    this.started = new Set();
    this.endLead();
  }
}
