/**
 * The dev loop's first answer to a saved story (docs/performance.md §12).
 *
 * Before Eleventy's incremental pass starts (`eleventy.beforeWatch`, which Eleventy
 * awaits), the edited story's page and the home page are rendered and written with
 * Eleventy's own Template class, from the last build's template map: the story's data
 * cascade is computed afresh (global data, directory data, its front matter, the data
 * schema), the home page gets the last build's `articles` with the story's new item.
 * Then Eleventy's pass runs as before and rewrites both, with the lists, feeds and
 * everything else: the output on disk after each build is the pass's, as before; the
 * two pages only show the edit sooner.
 *
 * It only answers a plain edit: one markdown file, on disk, that the last (successful)
 * build rendered, whose pages keep their URLs, while no file deletion is pending. Anything else (a new, renamed or deleted file,
 * a changed URL, an error anywhere) is left to Eleventy's pass, which reports errors.
 * If that pass fails, the two files are put back as they were (the last good pages).
 *
 * An edit saved while a pass still runs (an editor saving again seconds later) need not
 * wait for it: the two pages are written at once from the last good pass's map (`ahead`),
 * and the running pass leaves them (incremental.ts, `supersede`); when it has already
 * begun them, they are written after its own, which a pass of that story writes first.
 * The queued pass follows as always. What a page written ahead replaced is kept for the
 * queued pass: if it fails, the last good bytes come back.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { freshPages, freshTemplate, isWriteable, lastTemplateMap, pagesOfEntry, renderAndWrite, type PageEntry, type TemplateInternals, type TemplateWriterInternals } from "../eleventy/index.ts";
import { isArticlePath, publicArticles, type ArticleItem, type PageContext } from "../site/index.ts";

/** A page written ahead of the pass, as Eleventy's dev server takes it for a live reload. */
export interface EarlyPage {
  url: string;
  inputPath: string;
  outputPath: string;
  content: string;
}

const normal = (p: string) => p.replace(/^\.\//, "");

/** A pass's template map and collections, as `lastTemplateMap` reads them. */
export type TemplateMapSnapshot = NonNullable<ReturnType<typeof lastTemplateMap>>;

export class FastPath {
  /** files written ahead of the coming (or running) pass → their previous bytes (undefined: did not exist) */
  private backups = new Map<string, Buffer | undefined>();
  /** the same for pages written while a pass runs, ahead of the pass queued after it */
  private ahead = new Map<string, Buffer | undefined>();

  /**
   * Renders and writes `changed`'s pages and the home page from the last build's map
   * (`base`: a snapshot of it, while another pass builds a new one). Returns the pages
   * written ([] when this edit is left to Eleventy's pass).
   */
  async run(writer: TemplateWriterInternals | undefined, changed: string, base?: TemplateMapSnapshot): Promise<EarlyPage[]> {
    const backups = base ? this.ahead : this.backups;
    const last = base ?? lastTemplateMap(writer);
    if (!writer || !last || !changed.endsWith(".md") || !existsSync(changed)) return [];
    const { collections: collectionsData } = last;
    const { entry: before, home } = entriesOf(last, changed);
    if (!before || !pagesOfEntry(before).length || !home) return [];
    try {
      // read from disk: a save held while a pass runs is not yet in Eleventy's input cache
      const story = freshTemplate(writer, before.template, before.inputPath, await readFile(changed, "utf8"));
      const pages = await freshPages(story, () => collectionsData);
      const known = new Set(pagesOfEntry(before).map((p) => p.outputPath));
      if (pages.length === 0 || pages.some((p) => !known.has(p.outputPath))) return []; // a new URL: the pass decides
      const storyItems = pages.filter((p) => p.url !== false);
      const homeTemplate = freshTemplate(writer, home.template, home.inputPath);
      const homePages = await freshPages(homeTemplate, (data) => ({
        ...collectionsData,
        articles: withItem(collectionsData.articles as ArticleItem[], before.inputPath, storyItems, data as unknown as Pick<PageContext, "build" | "eleventy">),
      }));
      const written: EarlyPage[] = [];
      for (const [tmpl, list] of [[story, pages], [homeTemplate, homePages]] as const) {
        for (const page of list) if (typeof page.outputPath === "string" && isWriteable(tmpl)) written.push(await this.write(backups, tmpl, page));
      }
      return written;
    } catch {
      // the pass will report the problem; the pages this run wrote go back
      if (!base) await this.restore();
      return [];
    }
  }

  private async write(backups: Map<string, Buffer | undefined>, tmpl: TemplateInternals, page: PageEntry): Promise<EarlyPage> {
    const file = page.outputPath as string;
    if (!backups.has(file)) backups.set(file, await readFile(file).catch(() => undefined));
    const content = await renderAndWrite(tmpl, page);
    return { url: String(page.url), inputPath: page.inputPath, outputPath: file, content };
  }

  /** The pass succeeded: its output stands; pages written ahead of the next pass now wait on that one. */
  commit(): void {
    this.backups = this.ahead;
    this.ahead = new Map();
  }

  /** The pass failed: put every page written ahead of it (and of the next) back as it was. */
  async restore(): Promise<void> {
    // the later writes first, so a file written by both gets its oldest bytes back
    for (const map of [this.ahead, this.backups]) for (const [file, bytes] of map) if (bytes) await writeFile(file, bytes);
    this.backups = new Map();
    this.ahead = new Map();
  }
}

/** A map's entry for `changed` and the home page's entry. */
function entriesOf(base: TemplateMapSnapshot, changed: string) {
  return {
    entry: base.map.find((e) => normal(e.inputPath) === normal(changed)),
    home: base.map.find((e) => pagesOfEntry(e).some((p) => p.url === "/")),
  };
}

/** The output files `FastPath.run` writes for `changed` from a map: its pages' and the home page's. */
export function fastPathOutputs(base: TemplateMapSnapshot, changed: string): string[] {
  const { entry, home } = entriesOf(base, changed);
  if (!entry || !home) return [];
  return [...pagesOfEntry(entry), ...pagesOfEntry(home)].map((p) => p.outputPath).filter((file): file is string => typeof file === "string");
}

/**
 * The last build's `articles` with a story's old item replaced by its new pages (when
 * public), as collections.ts would list them; unchanged for a file that is no story.
 */
export function withItem(articles: ArticleItem[], inputPath: string, after: PageEntry[], ctx: Pick<PageContext, "build" | "eleventy">): ArticleItem[] {
  if (!isArticlePath(inputPath, ctx.eleventy.directories.input)) return articles;
  const others = articles.filter((item) => normal(item.inputPath) !== normal(inputPath));
  return publicArticles([...others, ...(after as unknown as ArticleItem[])], ctx.build);
}
