/**
 * The post-build checks `npm run build` runs on the temporary output before it
 * replaces dist/ (see _config/build.ts): html-validate on every page, and every
 * internal link, image, srcset entry and #fragment resolving inside the build.
 * Any finding fails the build with the list of findings; dist/ stays as it was.
 */
import { readFileSync } from "node:fs";
import { validatePages } from "./html.ts";
import { checkLinks, type LinkReport } from "./links.ts";
import { formatFinding, listFiles, type Finding } from "./files.ts";

export { checkLinks, PENDING_ROUTES } from "./links.ts";
export { validateHtml, validatePages } from "./html.ts";
export { fileForPath, formatFinding, listFiles, urlOfFile, type Finding } from "./files.ts";

export interface CheckContext {
  /** the site's absolute base URL, path prefix included (site.url after SITE_URL) */
  siteUrl: string;
}

export interface CheckReport {
  files: number;
  pages: number;
  links: number;
  pending: LinkReport["pending"];
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
    }
  };
  const files = listFiles(dir);
  const html = await time("html-validate", () => validatePages(dir, files));
  const links = await time("links", () => checkLinks(dir, files, ctx.siteUrl));
  const encoding = await time("encoding", () => replacementCharacters(dir, files));
  return {
    files: files.length,
    pages: html.pages,
    links: links.checked,
    pending: links.pending,
    findings: [...html.findings, ...links.findings, ...encoding],
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
  return async (dir: string, ctx: CheckContext): Promise<CheckReport> => {
    const report = await inspectBuild(dir, ctx);
    const t = report.timings;
    log(
      `Checked ${report.pages} pages with html-validate (${t["html-validate"]} ms) and ${report.links} links (${t.links} ms)` +
        (report.findings.length ? `: ${report.findings.length} problems` : ": no problems"),
    );
    for (const p of report.pending) log(`  pending: ${p.count} links into ${p.family} (e.g. ${p.example}); no page of that kind is built yet`);
    if (report.findings.length) throw new CheckError(report.findings);
    return report;
  };
}
