/**
 * Site search: Pagefind indexes the story pages of a production build and writes its
 * static bundle to `<output>/pagefind/`. Only story pages carry `data-pagefind-body`,
 * so only public stories' headlines, deks and bodies are indexed: drafts and scheduled
 * stories have no page in production, and are unmarked in the dev server.
 *
 * The index is fed while Eleventy renders (`searchIndexStep`, a build step of
 * `buildSite`: each finished page arrives through page-stream.ts), so Pagefind's own
 * process parses pages on the second core instead of reading them all back from the
 * staging folder afterwards.
 * https://pagefind.app/docs/node-api/
 */
import path from "node:path";
import type { PagefindIndex } from "pagefind";

export const SEARCH_BUNDLE = "pagefind";
const MARK = "data-pagefind-body";

export interface SearchIndexResult {
  /** pages indexed (those with data-pagefind-body) */
  pages: number;
}

export interface SearchIndexRun {
  /** one finished page (path relative to the output folder, e.g. "world/x/index.html") */
  page(file: string, html: string): void;
  /** writes the bundle into `<dir>/pagefind/` once every page was given */
  finish(dir: string): Promise<SearchIndexResult>;
  /** stops Pagefind without writing (a failed build) */
  abort(): Promise<void>;
}

/**
 * Starts a Pagefind index that takes pages as they are rendered. Pagefind indexes
 * every page when no page has data-pagefind-body, so only marked pages are given to
 * it (the same result: with one marked page, it skips the unmarked ones), and a site
 * with no public story gets an empty index (the search page still loads).
 */
export function startSearchIndex(): SearchIndexRun {
  const started = (async () => {
    const pagefind = await import("pagefind");
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join("; ")}`);
    return { pagefind, index };
  })();
  started.catch(() => undefined); // reported by finish()
  const adds: Promise<string[]>[] = [];
  const close = async () => {
    const { pagefind } = await started.catch(() => ({ pagefind: undefined }));
    await pagefind?.close();
  };
  return {
    page(file, html) {
      if (!html.includes(MARK)) return;
      const added = started.then(({ index }) => index.addHTMLFile({ sourcePath: file, content: html })).then((r) => r.errors.map((e) => `${file}: ${e}`));
      added.catch(() => undefined); // reported by finish()
      adds.push(added);
    },
    async finish(dir) {
      try {
        const { index } = await started;
        const errors = (await Promise.all(adds)).flat();
        if (errors.length) throw new Error(`search index: ${errors.join("; ")}`);
        await writeBundle(index, dir);
        return { pages: adds.length };
      } finally {
        await close();
      }
    },
    abort: close,
  };
}

async function writeBundle(index: PagefindIndex, dir: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: path.join(dir, SEARCH_BUNDLE) });
  if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
}
