/**
 * The Content-Security-Policy of `/admin/*` (the rest of the site keeps its own,
 * _config/pages/headers.ts), as tight as Decap CMS 3 runs under, found by running it
 * in Chromium (test/browser/cms.test.ts serves the CMS with exactly this policy):
 *
 * - scripts only from the site itself, plus 'unsafe-eval': Decap validates its config
 *   with ajv, which compiles validators with `new Function` (no inline script is needed:
 *   the page holds none);
 * - 'unsafe-inline' styles: Decap's UI is styled by emotion, which injects <style> tags;
 * - images from `blob:` and `data:` (a photo picked for upload is previewed before it is
 *   saved), and from the git host's avatar server;
 * - fetch/XHR to the site itself and to the git host's API (or the dev server's local backend);
 * - frames: the preview pane is a same-origin iframe.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SiteData } from "../content/index.ts";

/** Where the CMS talks to, per backend (git-gateway and Netlify Identity live on the site's own origin). */
function backendOrigins(site: Pick<SiteData, "cms">): { connect: string[]; img: string[] } {
  const cms = site.cms;
  const own = cms?.base_url ? [new URL(cms.base_url).origin] : [];
  switch (cms?.backend) {
    case "github":
      return { connect: ["https://api.github.com", ...own], img: ["https://avatars.githubusercontent.com"] };
    case "gitlab":
      return { connect: [cms.base_url ? new URL(cms.base_url).origin : "https://gitlab.com"], img: ["https://secure.gravatar.com", "https://gitlab.com"] };
    default:
      return { connect: own, img: [] };
  }
}

/** The admin's CSP directives; `localBackend`: the dev server's decap-server URL. */
export function adminCspDirectives(site: Pick<SiteData, "cms">, localBackend?: string): Record<string, string> {
  const origins = backendOrigins(site);
  const connect = ["'self'", "blob:", ...(localBackend ? [new URL(localBackend).origin] : origins.connect)];
  return {
    "default-src": "'none'",
    "script-src": "'self' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": ["'self'", "data:", "blob:", ...(localBackend ? [] : origins.img)].join(" "),
    "font-src": "'self' data:",
    "connect-src": connect.join(" "),
    "frame-src": "'self'",
    "child-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
  };
}

export function cspValue(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
}

/**
 * Dev server middleware: /admin/ is served with the admin's CSP, as a host would from
 * `_headers`, except that `connect-src` names the dev server's own http origin instead
 * of 'self': that keeps out the dev server's live-reload WebSocket, which would reload
 * the editor (and lose what is being typed) every time a save rebuilds the site.
 */
export function adminHeadersMiddleware(localBackend: string) {
  const directives = adminCspDirectives({}, localBackend);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (/^\/admin\//.test(req.url ?? "")) {
      const host = req.headers.host ?? "";
      const own = /^[a-z0-9.-]+(?::\d+)?$/i.test(host) ? `http://${host}` : "'self'";
      res.setHeader("Content-Security-Policy", cspValue({ ...directives, "connect-src": directives["connect-src"]!.replace("'self'", own) }));
      res.setHeader("Cache-Control", "no-cache");
    }
    next();
  };
}
