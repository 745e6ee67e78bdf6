/**
 * The post-build checks `npm run build` runs on the temporary output before it
 * replaces dist/ (see _config/build/build.ts): html-validate on every page, and every
 * internal link, image, srcset entry and #fragment resolving inside the build.
 * Any finding fails the build with the list of findings; dist/ stays as it was.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { recordPhase } from "../../util/index.ts";
import { startHtmlWorker, validatePages } from "./html.ts";

/** html-validate worker threads: one per core, beside Pagefind and the link check (docs/performance.md). */
const HTML_WORKERS = Math.max(1, Math.min(4, availableParallelism()));
import type { LinkMessage } from "./links-worker.ts";
import type { LinkReport } from "./links.ts";
import { firstMessage, giveBack, keepingWorkers, largeHeap, nextMessage, takeWorker } from "../../util/index.ts";
import { formatFinding, listFiles, type Finding } from "./files.ts";
import type { BuildCache } from "../../cache/index.ts";

const LINK_WORKER = new URL("./links-worker.ts", import.meta.url);

export { checkLinks, LinkChecker } from "./links.ts";
export { validateHtml, validatePages } from "./html.ts";
export { fileForPath, formatFinding, listFiles, urlOfFile, type Finding } from "./files.ts";
export { headersRefs, jsonRefs, urlsOnOrigin, xmlRefs, type Ref } from "./link-sources.ts";

export interface CheckContext {
  /** the site's absolute base URL, path prefix included (site.url after SITE_URL) */
  siteUrl: string;
  /**
   * settles when the post-build steps (the search index) have written their files:
   * html-validate starts on Eleventy's pages before that, the link check after
   */
  stepsDone?: Promise<unknown>;
  /** project folder: html-validate results are cached in `<root>/.cache/checks/` by page content */
  root?: string;
  /**
   * in a build (buildSite): settles when Eleventy has written every page; until then
   * the pages arrive through `onPage` and the link check scans them as they come
   */
  written?: Promise<unknown>;
  onPage?(listener: (file: string, html: string) => void): void;
  /** in a build: the incremental build's cache (html-validate's results are read from the previous state, written to the next) */
  cache?: BuildCache;
  /**
   * in an incremental build: the SHA-256 of a file taken unchanged from the last build's
   * output (reuse.ts), else undefined. Its bytes are those that passed the last build's
   * html-validate and encoding checks, so those are not run on it again; it is not read
   * for the link check (its scan comes from the memo's parts by its path and that hash,
   * when needed), and its links are still resolved against this build where a target
   * may be gone.
   */
  unchanged?(file: string): string | undefined;
  /** in a build: the SHA-256 of a page Eleventy wrote (hashed from the page stream), so html-validate's memo need not read it again */
  pageHash?(file: string): string | undefined;
  /** in a build: the folder's listing once Eleventy is done and once the steps are (made once, shared) */
  listings?: { written: Promise<string[]>; final: Promise<string[]> };
}

export interface CheckReport {
  files: number;
  pages: number;
  links: number;
  /** pages whose html-validate result came from the cache (same bytes as a page of the last build) */
  cachedPages: number;
  /** pages whose link scan came from the cache (their references are still resolved against this build) */
  linkScansReused: number;
  /** links resolved against this build's files in this run (fewer than `links` when unchanged pages' targets are all still there) */
  linksResolved: number;
  /** in a build: the link memo's parts read (of the last memo's) and written afresh (of the next one's) */
  linkMemo?: LinkReport["memo"];
  findings: Finding[];
  /** milliseconds per check */
  timings: Record<string, number>;
}

/** A build whose output failed a check; its message lists every finding. */
export class CheckError extends Error {
  constructor(readonly findings: Finding[]) {
    const shown = findings.slice(0, 50).map((f) => `  ${formatFinding(f)}`);
    if (findings.length > shown.length) shown.push(`  … and ${findings.length - shown.length} more`);
    super(`${findings.length} problem${findings.length === 1 ? "" : "s"} in the built site:\n${shown.join("\n")}`);
    this.name = "CheckError";
  }
}

/** Runs every check on a built folder and reports; never throws for findings. */
export async function inspectBuild(dir: string, ctx: CheckContext): Promise<CheckReport> {
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round(performance.now() - start);
      recordPhase(`check: ${name}`, performance.now() - start);
    }
  };
  // In a build, the results live in the build cache's state (a failed build leaves it as
  // it was); a check run on its own (tests) keeps them in `<root>/.cache/checks/`.
  const cacheDir = ctx.cache ? ctx.cache.previousPath("checks") : ctx.root ? path.join(ctx.root, ".cache", "checks") : undefined;
  const writeDir = ctx.cache ? ctx.cache.nextPath("checks") : cacheDir;
  // The link check's worker scans pages as Eleventy writes them (in a build), then the
  // rest of Eleventy's pages once it is done, while the steps run; html-validate (worker
  // threads too) starts on Eleventy's pages then. Both finish on the complete folder.
  // The link check's page scans are a memo too (a folder of parts, link-memo.ts: by page
  // path and bytes, under the site URL and the code fingerprint); only a build has a cache
  // to keep them in.
  const linkMemo = (base: string | undefined) => (base && ctx.cache ? path.join(base, `links-${createHash("sha1").update(`${ctx.siteUrl}\0${ctx.cache.fingerprint}`).digest("hex").slice(0, 16)}`) : undefined);
  const memoIn = linkMemo(ctx.cache?.previousPath("checks"));
  const memoOut = linkMemo(ctx.cache?.nextPath("checks"));
  // In a process that keeps its workers (keepWorkers, util/ts-worker.ts), one from an
  // earlier build, given back once it reported; otherwise it ends after its report.
  const linkWorker = takeWorker(LINK_WORKER, largeHeap());
  const keep = keepingWorkers();
  const linked = keep ? nextMessage<LinkReport>(linkWorker, "link check").then((r) => (giveBack(LINK_WORKER, linkWorker), r)) : firstMessage<LinkReport>(linkWorker, "link check");
  linked.catch(() => undefined); // awaited below
  linkWorker.postMessage({ start: { dir, siteUrl: ctx.siteUrl, memoIn, memoOut, startedAt: Date.now(), keep } } satisfies LinkMessage);
  ctx.onPage?.((file, html) => linkWorker.postMessage({ file, html } satisfies LinkMessage));
  // In a build, html-validate's first worker starts now, beside Eleventy's pass (its start-up is ≈ 1.2 s).
  const warmHtml = ctx.written ? startHtmlWorker() : undefined;
  let files: string[];
  let early: string[];
  /** files taken unchanged from the last build, with their hashes */
  let known = new Map<string, string>();
  let validating: Promise<{ findings: Finding[]; pages: number; cached: number }>;
  let linking: Promise<LinkReport>;
  /** once validatePages has the warm worker, ending or keeping it is validatePages' to do */
  let handed = false;
  try {
    await ctx.written;
    early = ctx.listings ? await ctx.listings.written : listFiles(dir);
    // Files taken unchanged from the last build (reuse.ts), with their hashes: not validated again.
    known = new Map(early.flatMap((f): [string, string][] => {
      const hash = ctx.unchanged?.(f);
      return hash ? [[f, hash]] : [];
    }));
    const fresh = early.filter((f) => !known.has(f));
    const reusedPages = [...known.keys()].filter((f) => f.endsWith(".html"));
    if (reusedPages.length) linkWorker.postMessage({ known: reusedPages.map((f) => [f, known.get(f)!]) } satisfies LinkMessage);
    handed = true;
    validating = time("html-validate", async () => {
      const r = await validatePages(dir, fresh, cacheDir, HTML_WORKERS, writeDir, warmHtml, { hashOf: (f) => ctx.pageHash?.(f), known: reusedPages.map((f) => known.get(f)!) });
      return { ...r, pages: r.pages + reusedPages.length, cached: r.cached + reusedPages.length };
    });
    validating.catch(() => undefined); // awaited below
    linking = time("links", () => (linkWorker.postMessage({ scan: early } satisfies LinkMessage), linked));
    linking.catch(() => undefined); // awaited below
    await ctx.stepsDone;
    files = ctx.listings ? await ctx.listings.final : listFiles(dir);
    // An incremental build: what the unchanged pages' links could have lost since the last build.
    const lastFiles = ctx.unchanged ? ctx.cache?.lastFiles : undefined;
    let last: { gone: string[]; hashes: Record<string, string> } | undefined;
    if (lastFiles) {
      const present = new Set(files);
      const hashes: Record<string, string> = {};
      for (const f of files) if (f.endsWith(".html") && !known.has(f) && lastFiles[f]) hashes[f] = lastFiles[f];
      last = { gone: Object.keys(lastFiles).filter((f) => !present.has(f)), hashes };
    }
    linkWorker.postMessage({ finish: files, ...(last && { last }) } satisfies LinkMessage);
  } catch (error) {
    await Promise.all([linkWorker.terminate(), handed && keep ? undefined : warmHtml?.terminate()]);
    throw error;
  }
  const finishing = performance.now();
  const linkReport = await linking;
  // What the link check adds once the steps are done (the build waits for it), and its parts.
  recordPhase("check: links (after the steps)", performance.now() - finishing);
  for (const [part, ms] of Object.entries(linkReport.timings ?? {})) recordPhase(`check: links: ${part}`, ms);
  const seen = new Set(early);
  const encoding = await time("encoding", () => replacementCharacters(dir, files.filter((f) => !known.has(f))));
  const first = await validating;
  const late = await validatePages(dir, files.filter((f) => !seen.has(f)));
  const html = { findings: [...first.findings, ...late.findings], pages: first.pages + late.pages, cached: first.cached };
  return {
    files: files.length,
    pages: html.pages,
    cachedPages: html.cached,
    links: linkReport.checked,
    linkScansReused: linkReport.reused ?? 0,
    linksResolved: linkReport.resolved ?? linkReport.checked,
    ...(linkReport.memo && { linkMemo: linkReport.memo }),
    findings: [...html.findings, ...linkReport.findings, ...encoding],
    timings,
  };
}

/** U+FFFD in an output page means some input was not valid UTF-8 and got mangled. */
function replacementCharacters(dir: string, files: string[]): Finding[] {
  return files
    .filter((f) => /\.(html|xml|json|txt)$/.test(f))
    .filter((f) => readFileSync(`${dir}${f}`, "utf8").includes("\uFFFD"))
    .map((file) => ({ check: "encoding", file, message: "contains U+FFFD (a replacement character): some input was not valid UTF-8" }));
}

/** The checks as one step for buildSite: throws CheckError on any finding. */
export function postBuildChecks(log: (line: string) => void = () => undefined) {
  const check = async (dir: string, ctx: CheckContext): Promise<CheckReport> => {
    const report = await inspectBuild(dir, ctx);
    const t = report.timings;
    log(
      `Checked ${report.pages} pages with html-validate (${t["html-validate"]} ms) and ${report.links} links (${t.links} ms)` +
        (report.findings.length ? `: ${report.findings.length} problems` : ": no problems") +
        (report.cachedPages ? ` (${report.cachedPages} pages unchanged since the last check)` : "") +
        (report.linkScansReused ? ` (${report.linkScansReused} pages' links taken from the last scan; ${report.linksResolved} links resolved afresh)` : "") +
        (report.linkMemo?.last ? ` (link memo: ${report.linkMemo.read} of ${report.linkMemo.last} parts read, ${report.linkMemo.written} of ${report.linkMemo.next} written)` : ""),
    );
    if (report.findings.length) throw new CheckError(report.findings);
    return report;
  };
  standardChecks.add(check);
  return check;
}

/** The functions postBuildChecks made: a build checked by them can stand for another (settled, _config/cache/). */
const standardChecks = new WeakSet<object>();

/** Whether `check` is the project's own checks (postBuildChecks), not another function. */
export function isStandardCheck(check: object): boolean {
  return standardChecks.has(check);
}
