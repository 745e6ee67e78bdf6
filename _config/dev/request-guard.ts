/**
 * The dev server's first middleware: a request whose path is not a plain site path is
 * answered 400 before Eleventy's dev server sees it. Eleventy Dev Server 2 throws on
 * `..%2f` ("Invalid path") and on broken percent-encoding (`URIError`) inside its
 * request handler, which ended the whole process (11ty/eleventy-dev-server#150, open).
 * Anything that still throws below this middleware is answered 500, never a crash.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Longer request targets are refused (browsers and CDNs stop near here too). */
export const MAX_URL_LENGTH = 2048;

/** Why a request target is refused (400), or undefined when it is a plain site path. */
export function badRequestReason(url: string): string | undefined {
  if (url.length > MAX_URL_LENGTH) return `URL longer than ${MAX_URL_LENGTH} characters`;
  const raw = url.split(/[?#]/)[0]!;
  if (!raw.startsWith("/")) return "not a path";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return "broken percent-encoding";
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return "control characters in the path";
  if (decoded.includes("\\")) return "a backslash in the path";
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) return "a . or .. segment in the path";
  return undefined;
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.end();
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`${status === 400 ? "Bad request" : "Server error"}: ${text}\n`);
}

/** Connect-style middleware: put it first in `setServerOptions({ middleware })`. */
export function requestGuard(log: (line: string) => void = () => {}) {
  return (req: IncomingMessage, res: ServerResponse, next: () => unknown): void => {
    const reason = badRequestReason(req.url ?? "/");
    if (reason) return answer(res, 400, reason);
    try {
      const result = next();
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          log(`request ${req.url?.slice(0, 200)} failed: ${(error as Error).message}`);
          answer(res, 500, "the dev server could not answer this request");
        });
      }
    } catch (error) {
      log(`request ${req.url?.slice(0, 200)} failed: ${(error as Error).message}`);
      answer(res, 500, "the dev server could not answer this request");
    }
  };
}
