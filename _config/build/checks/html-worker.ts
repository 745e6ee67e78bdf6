/**
 * Worker-thread entry of the html-validate check (_config/build/checks/html.ts): loads
 * html-validate and compiles its schemas as soon as it starts (a first tiny document),
 * then validates the pages of the job it is sent, off the main thread, so Pagefind's
 * pipe and the link check keep running on the main one; it ends after its job, unless
 * the job says to keep it for another (keepWorkers, util/ts-worker.ts).
 */
import { parentPort } from "node:worker_threads";
import { validateEach, validateHtml, type HtmlJob } from "./html.ts";

const warmed = validateHtml('<!doctype html><html lang="en"><head><title>warm</title></head><body><p>warm</p></body></html>', "(warm-up)");
parentPort!.on("message", async ({ dir, pages, keep }: HtmlJob) => {
  await warmed;
  parentPort!.postMessage(await validateEach(dir, pages));
  if (!keep) parentPort!.close();
});
