/**
 * Worker-thread entry of the link check (_config/build/checks/links.ts), off the main thread
 * so Eleventy and Pagefind's pipe keep it. Messages of a job, in order:
 *   { start }       the job: the built folder, the site URL, the memo's folders
 *   { file, html }  a page as Eleventy writes it (during the build)
 *   { known }       files taken unchanged from the last build, with their hashes: pages
 *                   are not read (their scans come from the memo's parts, when needed)
 *   { scan }        every file Eleventy wrote: those not yet seen are read from disk
 *   { finish }      the final list of files (after the post-build steps), and in an
 *                   incremental build the last output's files that are gone and the
 *                   last hashes of the pages scanned afresh: the rest is read, the
 *                   references resolved, and the report posted back
 * After its report the worker ends, unless the job says to keep it for another job
 * (keepWorkers, util/ts-worker.ts), which begins with its own `start`.
 */
import { parentPort } from "node:worker_threads";
import { LinkChecker, LinkMemo, type LinkReport } from "./links.ts";

/** `memoIn`/`memoOut`: the folders of the page scans of the last build (read) and of this one (written), link-memo.ts; `startedAt`: when the worker was asked for (Date.now()); `keep`: stay for another job */
export interface LinkJob {
  dir: string;
  siteUrl: string;
  memoIn?: string;
  memoOut?: string;
  startedAt?: number;
  keep?: boolean;
}

type JobMessage = { file: string; html: string } | { known: [string, string][] } | { scan: string[] } | { finish: string[]; last?: { gone: string[]; hashes: Record<string, string> } };
export type LinkMessage = { start: LinkJob } | JobMessage;

/** The job under way: what it does with each of its messages. */
let current: ((message: JobMessage) => void) | undefined;

parentPort!.on("message", (message: LinkMessage) => {
  if ("start" in message) current = startJob(message.start);
  else current?.(message);
});

function startJob({ dir, siteUrl, memoIn, memoOut, startedAt, keep }: LinkJob): (message: JobMessage) => void {
  /** milliseconds spent in each part of the worker's work, posted with the report (NEWSROOM_TIMINGS=1 shows them) */
  const timings: Record<string, number> = {};
  if (startedAt !== undefined) timings["start-up"] = Date.now() - startedAt;
  const timed = <T>(name: string, fn: () => T): T => {
    const start = performance.now();
    try {
      return fn();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - start;
    }
  };

  const checker = new LinkChecker(siteUrl, timed("memo read", () => LinkMemo.open(memoIn)));
  const seen = new Set<string>();
  // Feeds, sitemaps and `_headers` are read at the end only: they are few, and a file
  // Eleventy is still flushing when its pages are done could be read half-written.
  const scanAll = (files: string[], all = false) => {
    for (const file of files) {
      if (seen.has(file) || (!all && !file.endsWith(".html"))) continue;
      seen.add(file);
      checker.scanFile(dir, file);
    }
  };
  return (message) => {
    if ("html" in message) {
      seen.add(message.file);
      timed("scan (pages as written)", () => checker.scan(message.file, message.html));
    } else if ("known" in message) {
      timed("known pages", () => {
        for (const [file, hash] of message.known) {
          if (seen.has(file) || !file.endsWith(".html")) continue;
          seen.add(file);
          checker.scanKnown(dir, file, hash);
        }
      });
    } else if ("scan" in message) {
      timed("scan (after Eleventy)", () => scanAll(message.scan));
    } else {
      timed("scan (last files)", () => scanAll(message.finish, true));
      const report = timed("resolve", () => checker.finish(dir, message.finish, message.last));
      const memo = memoOut ? timed("memo write", () => checker.writeMemo(memoOut)) : undefined;
      current = undefined;
      parentPort!.postMessage({ ...report, reused: checker.reused, timings, ...(memo && { memo: { last: memo.last, read: memo.read, next: memo.next, written: memo.written } }) } satisfies LinkReport);
      if (!keep) parentPort!.close();
    }
  };
}
