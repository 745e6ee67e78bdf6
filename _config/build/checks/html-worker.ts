/**
 * Worker-thread entry of the html-validate check (_config/build/checks/html.ts): validates
 * the pages it is given off the main thread, so Pagefind's pipe and the link check
 * keep running on the main one.
 */
import { parentPort, workerData } from "node:worker_threads";
import { validateEach } from "./html.ts";

const { dir, pages } = workerData as { dir: string; pages: string[] };
parentPort!.postMessage(await validateEach(dir, pages));
