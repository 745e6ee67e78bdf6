/**
 * Build errors in the browser. Eleventy's dev server (2.x) only logs a failed
 * rebuild to the browser console, so this middleware (dev server only: nothing of
 * it is written to dist/) adds a small script to every HTML page it serves. The
 * script asks `/.newsroom/status.json` for the build status and shows the problems
 * in a banner over the last good page; it listens on the dev server's own
 * websocket, so the banner appears on a failed rebuild and goes on the next good one.
 * While the build is failing, a page that was never built shows the problems instead
 * of a bare 404.
 */
import { existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { escapeHtml } from "../markdown/index.ts";
import type { BuildStatus } from "./status.ts";

export const OVERLAY_SCRIPT_URL = "/.newsroom/errors.js";
export const STATUS_URL = "/.newsroom/status.json";
const TAG = `<script type="module" src="${OVERLAY_SCRIPT_URL}"></script>`;

/** The browser side, plain JavaScript (served as is, never compiled). */
export function overlayClient(statusUrl: string): string {
  return `const statusUrl = ${JSON.stringify(statusUrl)};
const box = document.createElement("aside");
box.id = "newsroom-build-errors";
box.setAttribute("role", "alert");
box.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;" +
  "padding:1rem 1.25rem;background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,monospace;" +
  "border-top:4px solid #e5484d;white-space:pre-wrap";
async function refresh() {
  const state = await (await fetch(statusUrl, { cache: "no-store" })).json();
  if (state.ok) return box.remove();
  box.textContent = "Build failed: you are seeing the last good version of this page. Fix and save:\\n\\n" + state.problems.join("\\n");
  if (!box.isConnected) document.body.append(box);
}
refresh();
const socket = new WebSocket(location.origin.replace(/^http/, "ws"));
socket.addEventListener("message", (event) => {
  const { type } = JSON.parse(event.data);
  if (type === "eleventy.error" || type === "eleventy.reload") refresh();
});
`;
}

export function errorPage(problems: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head><body><h1>Build failed</h1><p>This page has not been built yet. Fix and save:</p><pre>${escapeHtml(problems.join("\n"))}</pre>${TAG}</body></html>`;
}

/** Adds the overlay script tag to an HTML document. */
export function injectOverlay(html: string): string {
  if (html.includes(TAG)) return html;
  return html.includes("</body>") ? html.replace("</body>", `${TAG}</body>`) : html + TAG;
}

function outputFileOf(output: string, url: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!);
  const file = path.join(output, clean);
  return clean.endsWith("/") || (existsSync(file) && statSync(file).isDirectory()) ? path.join(file, "index.html") : file;
}

/** Connect-style middleware for the dev server (`setServerOptions({ middleware })`). */
export function overlayMiddleware(status: BuildStatus, output: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? "/";
    if (url.endsWith(OVERLAY_SCRIPT_URL)) {
      res.setHeader("Content-Type", "text/javascript; charset=utf-8");
      res.end(overlayClient(url.replace(OVERLAY_SCRIPT_URL, STATUS_URL)));
      return;
    }
    if (url.endsWith(STATUS_URL)) {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Cache-Control", "no-store");
      res.end(JSON.stringify(status.state));
      return;
    }
    if (!status.state.ok && !path.extname(url.split(/[?#]/)[0]!) && !existsSync(outputFileOf(output, url))) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(errorPage(status.state.problems));
      return;
    }
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const type = String(res.getHeader("Content-Type") ?? "");
      return end(typeof chunk === "string" && type.startsWith("text/html") ? injectOverlay(chunk) : chunk, ...rest);
    }) as ServerResponse["end"];
    next();
  };
}
