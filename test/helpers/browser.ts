/**
 * Browser-test plumbing: Debian's Chromium driven by playwright-core, and a tiny
 * static server that serves a built folder on 127.0.0.1 with the headers its
 * `_headers` file declares (so the CSP under test is the one we ship).
 *
 * Without /usr/bin/chromium the browser tests skip with a loud message, except in
 * CI (CI=true) or when NEWSROOM_REQUIRE_BROWSER=1 (.ci/run sets it): then a missing
 * browser is a failure.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { headersFor, parseHeadersFile } from "../../_config/pages/headers.ts";
import { fileForPath } from "../../_config/build/checks/index.ts";

/** Debian's Chromium; NEWSROOM_CHROMIUM points elsewhere (tests of this gate use it). */
export const chromiumPath = () => process.env.NEWSROOM_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export const browserRequired = () => process.env.NEWSROOM_REQUIRE_BROWSER === "1" || process.env.CI === "true";

/** Why browser tests cannot run here, or undefined when they can. Throws when they must run. */
export function browserSkipReason(): string | undefined {
  const chromium = chromiumPath();
  if (existsSync(chromium)) return undefined;
  const message = `Chromium not found at ${chromium}: the browser tests (axe-core, CSP) cannot run`;
  if (browserRequired()) throw new Error(`${message}, and they are required here (CI or NEWSROOM_REQUIRE_BROWSER=1). Install it: apt-get install chromium`);
  const banner = "!".repeat(78);
  console.error(`\n${banner}\n!! SKIPPED: ${message}.\n!! Install it with: apt-get install chromium\n${banner}\n`);
  return message;
}

/** Chromium with a fresh, throw-away profile (playwright makes a new one per launch). */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS, headless: true });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a free port) with the headers of `dir/_headers`. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const headersFile = path.join(dir, "_headers");
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
  const server: Server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const file = fileForPath(dir, urlPath);
    if (!file || !statSync(path.join(dir, file)).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (!urlPath.endsWith("/") && file.endsWith("/index.html") && !urlPath.endsWith("index.html")) {
      res.writeHead(301, { location: `${urlPath}/` }).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", ...headersFor(rules, urlPath) });
    res.end(readFileSync(path.join(dir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** axe-core's serious and critical violations on a page, one line each (evaluated by the driver, so the page's CSP doesn't apply). */
export async function axeViolations(page: import("playwright-core").Page): Promise<string[]> {
  const axe = (await import("axe-core")).default;
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}
