/**
 * Worker-thread entry of the link check (_config/checks/links.ts): scans the pages
 * Eleventy wrote while the post-build steps run, then, given the final list of files,
 * resolves every reference and posts the report. Off the main thread, so Pagefind's
 * pipe is served without delay.
 */
import { parentPort, workerData } from "node:worker_threads";
import { LinkChecker } from "./links.ts";

const { dir, siteUrl, files } = workerData as { dir: string; siteUrl: string; files: string[] };
const checker = new LinkChecker(siteUrl);
for (const file of files) checker.scanFile(dir, file);
const scanned = new Set(files);
parentPort!.once("message", (final: string[]) => {
  for (const file of final) if (!scanned.has(file)) checker.scanFile(dir, file);
  parentPort!.postMessage(checker.finish(dir, final));
});
