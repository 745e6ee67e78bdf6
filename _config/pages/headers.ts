/**
 * HTTP headers for static hosts, written to `dist/_headers` in the Netlify /
 * Cloudflare Pages format (https://docs.netlify.com/routing/headers/,
 * https://developers.cloudflare.com/pages/configuration/headers/): a strict CSP
 * the site satisfies (no inline scripts or styles anywhere), the usual hardening
 * headers, and a year of immutable caching for fingerprinted assets (_config/pages/assets.ts).
 * The browser tests serve the build with exactly these headers.
 */
import { pathPrefix, type UrlSite } from "../content/index.ts";

/** Content-Security-Policy directives. `'self'` only: no inline code, no third parties. */
export const CSP_DIRECTIVES: Record<string, string> = {
  "default-src": "'none'",
  // 'wasm-unsafe-eval' lets Pagefind's search compile its WebAssembly; it does NOT
  // allow eval() of JavaScript. Everything else stays 'self' only.
  "script-src": "'self' 'wasm-unsafe-eval'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "media-src": "'self'",
  "manifest-src": "'self'",
  "form-action": "'self'",
  "base-uri": "'none'",
  "object-src": "'none'",
  "frame-ancestors": "'none'",
};

export function csp(directives: Record<string, string> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
}

const IMMUTABLE = "public, max-age=31536000, immutable";

export interface HeaderRule {
  /** URL path pattern; `*` matches anything (the hosts' "splat") */
  path: string;
  headers: [name: string, value: string][];
}

/** The rules for a site (its path prefix decides where the assets live). */
export function headerRules(site: UrlSite): HeaderRule[] {
  const prefix = pathPrefix(site);
  return [
    {
      path: "/*",
      headers: [
        ["Content-Security-Policy", csp()],
        ["X-Content-Type-Options", "nosniff"],
        ["Referrer-Policy", "strict-origin-when-cross-origin"],
        ["Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"],
        ["X-Frame-Options", "DENY"],
        ["Cross-Origin-Opener-Policy", "same-origin"],
        ["Strict-Transport-Security", "max-age=31536000"],
      ],
    },
    // Every file under assets/ carries a content hash in its name: it never changes.
    { path: `${prefix}assets/*`, headers: [["Cache-Control", IMMUTABLE]] },
    // Processed photos (eleventy-img) are named by a hash of the source and its options.
    { path: `${prefix}img/*`, headers: [["Cache-Control", IMMUTABLE]] },
    // Pagefind names its loader files without a hash (its index fragments are hashed):
    // cache them briefly and revalidate, so a new index is picked up within the hour.
    { path: `${prefix}pagefind/*`, headers: [["Cache-Control", "public, max-age=3600, must-revalidate"]] },
  ];
}

export function headersFile(rules: HeaderRule[]): string {
  return rules.map((r) => `${r.path}\n${r.headers.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`).join("\n");
}

/** Reads a `_headers` file back (used by the test server to apply it). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(":");
      const rule = rules.at(-1);
      if (rule && at > 0) rule.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host sends for a URL path: every matching rule, in order. */
export function headersFor(rules: HeaderRule[], urlPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const re = new RegExp(`^${rule.path.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    if (re.test(urlPath)) for (const [k, v] of rule.headers) out[k] = v;
  }
  return out;
}
