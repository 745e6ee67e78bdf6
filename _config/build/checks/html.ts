/**
 * html-validate over every page of a build, with the project's `.htmlvalidate.json`
 * (html-validate:recommended; every rule changed there is justified in docs/proof.md).
 * https://html-validate.org/dev/using-api.html
 *
 * Speed (docs/performance.md): the configuration is resolved once, not once per page
 * (html-validate's static loader re-merges presets and rebuilds the element table on
 * every call); and with a cache folder, a page whose exact bytes were validated before
 * under the same html-validate version and configuration reuses that result.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData, type ResolvedConfig } from "html-validate";
import { isHtml, type Finding } from "./files.ts";
import type { Worker } from "node:worker_threads";
import { firstMessage, giveBack, keepingWorkers, nextMessage, takeWorker } from "../../util/index.ts";

/** Pages a worker thread should have before another one starts (≈ 11 ms each, against ≈ 1.2 s of start-up). */
const PAGES_PER_WORKER = 150;

const CONFIG_FILE = path.resolve(import.meta.dirname, "../../../.htmlvalidate.json");
const WORKER = new URL("./html-worker.ts", import.meta.url);

/** The static loader, with the one configuration resolved once (it never depends on the file name). */
class ResolvedOnceLoader extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;
  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

let validator: HtmlValidate | undefined;
const configText = () => readFileSync(CONFIG_FILE, "utf8");

function htmlValidate(): HtmlValidate {
  validator ??= new HtmlValidate(new ResolvedOnceLoader(JSON.parse(configText()) as ConfigData));
  return validator;
}

/** Validates one HTML document; `file` names it in the findings. */
export async function validateHtml(html: string, file: string): Promise<Finding[]> {
  const report = await htmlValidate().validateString(html, file);
  return report.results.flatMap((r) =>
    r.messages.filter((m) => m.severity >= 2).map((m) => ({ check: `html-validate ${m.ruleId}`, file, line: m.line, message: m.message })),
  );
}

type Cached = Omit<Finding, "file">[];

/** The cache file for this html-validate version and configuration (its entries keyed by the SHA-256 of a page's bytes). */
function cacheFile(cacheDir: string): string {
  const version = (createRequire(import.meta.url)("html-validate/package.json") as { version: string }).version;
  return path.join(cacheDir, `html-validate-${createHash("sha1").update(`${version}\0${configText()}\0sha256`).digest("hex").slice(0, 16)}.json`);
}

/** What a build knows of its pages' bytes, for the memo (checks/index.ts). */
export interface PageHashes {
  /** the SHA-256 (hex) of a page's bytes when known (the manifest hashed it as it was written): the page is not read again for its key */
  hashOf?(file: string): string | undefined;
  /** SHA-256s of the pages taken unchanged from the last build (not validated again): their results are carried into the new memo */
  known?: Iterable<string>;
}

/** Validates pages (site paths under `dir`) one after another; findings per page, in order. */
export async function validateEach(dir: string, pages: string[]): Promise<Cached[]> {
  const results: Cached[] = [];
  for (const page of pages) {
    const findings = await validateHtml(readFileSync(path.join(dir, page), "utf8"), page);
    results.push(findings.map(({ file: _file, ...rest }) => rest));
  }
  return results;
}

/** A job for the html-validate worker (html-worker.ts): the pages to validate under `dir`. */
export interface HtmlJob {
  dir: string;
  pages: string[];
  /** the worker stays for another job when done (keepWorkers), instead of ending */
  keep?: boolean;
}

/**
 * A worker thread that loads html-validate and compiles its schemas at once, then waits
 * for its pages (an `HtmlJob` message). Started when the checks start, beside Eleventy's
 * pass, its ≈ 1.2 s of start-up is done by the time the pages are written
 * (docs/performance.md, §28). Give it to `validatePages`; `terminate()` it if the build
 * fails first. In a process that keeps its workers (keepWorkers, util/ts-worker.ts), an
 * idle one from an earlier job, already warm.
 */
export function startHtmlWorker(): Worker {
  return takeWorker(WORKER);
}

/**
 * Validates every HTML page among `files` (site paths) under `dir`. With `cacheDir`,
 * results are looked up and stored by the SHA-256 of each page's bytes (`hashes.hashOf`
 * when the build knows it); the results of the pages `hashes.known` names are kept in
 * the new memo too, so a page reused by incremental builds is still known to a later
 * build that renders it again with the same bytes. With `workers`,
 * the pages not in the cache are shared among that many worker threads, the first of
 * them `warm` when given (startHtmlWorker; always used or terminated here).
 */
export async function validatePages(dir: string, files: string[], cacheDir?: string, workers = 0, writeDir = cacheDir, warm?: Worker, hashes: PageHashes = {}): Promise<{ findings: Finding[]; pages: number; cached: number }> {
  const pages = files.filter(isHtml);
  const read = cacheDir ? cacheFile(cacheDir) : undefined;
  const store = writeDir ? cacheFile(writeDir) : undefined;
  const before: Record<string, Cached> = read && existsSync(read) ? safeParse(readFileSync(read, "utf8")) : {};
  const keys = pages.map((page) => (store ? (hashes.hashOf?.(page) ?? createHash("sha256").update(readFileSync(path.join(dir, page))).digest("hex")) : ""));
  const todo = pages.filter((_, i) => !before[keys[i]!]);
  const fresh = new Map<string, Cached>();
  // A worker costs about a second of CPU before its first page (loading html-validate,
  // compiling its schemas): another one only pays for itself with enough pages to share.
  const threads = workers > 0 ? Math.max(1, Math.min(workers, Math.ceil(todo.length / PAGES_PER_WORKER))) : 0;
  const share = threads > 0 ? Math.ceil(todo.length / threads) : todo.length;
  const parts = todo.length ? Array.from({ length: Math.ceil(todo.length / share) }, (_, i) => todo.slice(i * share, (i + 1) * share)) : [];
  if (warm && !(workers > 0 && parts.length)) giveBack(WORKER, warm);
  const results = await Promise.all(parts.map((part, i) => (workers > 0 ? validateInWorker({ dir, pages: part }, i === 0 ? warm : undefined) : validateEach(dir, part))));
  parts.forEach((part, p) => part.forEach((page, i) => fresh.set(page, results[p]![i]!)));
  const after: Record<string, Cached> = {};
  const findings: Finding[] = [];
  pages.forEach((page, i) => {
    const result = fresh.get(page) ?? before[keys[i]!]!;
    if (store) after[keys[i]!] = result;
    findings.push(...result.map((f) => ({ ...f, file: page })));
  });
  if (store) {
    // Only this build's pages are kept (those validated and those taken unchanged), so the file never grows beyond one site.
    for (const hash of hashes.known ?? []) if (!(hash in after) && before[hash]) after[hash] = before[hash];
    mkdirSync(path.dirname(store), { recursive: true });
    writeFileSync(`${store}.${process.pid}.tmp`, JSON.stringify(after));
    renameSync(`${store}.${process.pid}.tmp`, store);
  }
  return { findings, pages: pages.length, cached: pages.length - todo.length };
}

/** validateEach in a worker thread (same result), so Pagefind's pipe keeps the main thread. */
function validateInWorker(job: HtmlJob, warm?: Worker): Promise<Cached[]> {
  // a warm worker that already stopped (its start-up failed) is replaced; a new one reports why
  const worker = warm && warm.threadId >= 0 ? warm : startHtmlWorker();
  // a kept worker is given back once it answered; otherwise it ends after its job (the answer waits for that)
  const keep = keepingWorkers();
  const result = keep ? nextMessage<Cached[]>(worker, "html-validate").then((r) => (giveBack(WORKER, worker), r)) : firstMessage<Cached[]>(worker, "html-validate");
  worker.postMessage({ ...job, keep } satisfies HtmlJob);
  return result;
}

function safeParse(text: string): Record<string, Cached> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, Cached>) : {};
  } catch {
    return {}; // a damaged cache is a cold cache
  }
}
