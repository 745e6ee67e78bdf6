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
const scanAll = (files: string[]) => {
  for (const file of files) {
    if (seen.has(file)) continue;
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
    scanAll(message.finish);
    parentPort!.postMessage(checker.finish(dir, message.finish));
    parentPort!.close();
  }
});
