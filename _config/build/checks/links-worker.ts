/**
 * Worker-thread entry of the link check (_config/build/checks/links.ts), off the main thread
 * so Eleventy and Pagefind's pipe keep it. Messages, in order:
 *   { file, html }  a page as Eleventy writes it (during the build)
 *   { scan }        every file Eleventy wrote: those not yet seen are read from disk
 *   { finish }      the final list of files (after the post-build steps): the rest is
 *                   read, every reference resolved, and the report posted back
 */
import { parentPort, workerData } from "node:worker_threads";
import { LinkChecker } from "./links.ts";

export type LinkMessage = { file: string; html: string } | { scan: string[] } | { finish: string[] };

const { dir, siteUrl } = workerData as { dir: string; siteUrl: string };
const checker = new LinkChecker(siteUrl);
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
parentPort!.on("message", (message: LinkMessage) => {
  if ("html" in message) {
    seen.add(message.file);
    checker.scan(message.file, message.html);
  } else if ("scan" in message) {
    scanAll(message.scan);
  } else {
    scanAll(message.finish, true);
    parentPort!.postMessage(checker.finish(dir, message.finish));
    parentPort!.close();
  }
});
