/**
 * What the post-build checks look at: every file of a built site, by site path,
 * and the mapping from a URL path back to the file a static host would serve.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** A problem one check found in one output file. */
export interface Finding {
  check: string;
  /** site path of the output file ("/world/x/index.html") */
  file: string;
  line?: number;
  message: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}${f.line ? `:${f.line}` : ""} [${f.check}] ${f.message}`;
}

/** Every file under `dir`, as sorted site paths ("/index.html"). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/${path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")}`)
    .sort();
}

export const isHtml = (sitePath: string) => sitePath.endsWith(".html");

/** The URL path a page is served at: "/world/x/index.html" → "/world/x/". */
export function urlOfFile(sitePath: string): string {
  return sitePath.replace(/(^|\/)index\.html$/, "$1");
}

/**
 * The output file a URL path (without prefix, query or fragment) is served from, or
 * undefined when there is none: "/x/" → x/index.html; "/x" → the file x, else
 * x/index.html (static hosts redirect a folder to its slash form).
 */
export function fileForPath(dir: string, urlPath: string): string | undefined {
  return candidateFiles(urlPath).find((c) => {
    const file = path.join(dir, c);
    return existsSync(file) && statSync(file).isFile();
  });
}

/** The files a static host may serve for a URL path, in order ([] for one that cannot name a file). */
export function candidateFiles(urlPath: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return [];
  }
  const normal = path.posix.normalize(decoded);
  if (!normal.startsWith("/")) return [];
  return normal.endsWith("/") ? [`${normal}index.html`] : [normal, `${normal}/index.html`];
}
