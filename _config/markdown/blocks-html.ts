/**
 * The `::: figure` and `::: related` blocks as HTML (every text escaped), and the one
 * external-link rule. markdown.ts wires them into markdown-it; feeds reuse them.
 */
import { escapeHtml } from "./escape.ts";
import { href } from "../content/index.ts";

/** One external link rule: rel="noopener" for links that leave the site. */
export function isExternal(href: string, siteUrl: string | undefined): boolean {
  if (href.startsWith("//") || href.startsWith("/\\")) return true; // protocol-relative: another host
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return !siteUrl || new URL(href).host !== new URL(siteUrl).host;
  } catch {
    return true;
  }
}

/** A site path ("/world/x/") gets the path prefix, like every link layouts write. */
export function withPrefix(url: string, siteUrl: string | undefined): string {
  return siteUrl && url.startsWith("/") && !url.startsWith("//") ? href({ url: siteUrl }, url) : url;
}

export function renderFigure(fields: Record<string, string>, siteUrl?: string): string {
  const caption = fields.caption ? `<span class="figure__caption">${escapeHtml(fields.caption)}</span>` : "";
  const credit = fields.credit ? ` <span class="figure__credit">${escapeHtml(fields.credit)}</span>` : "";
  return (
    `<figure class="figure"><img src="${escapeHtml(withPrefix(fields.url ?? fields.src ?? "", siteUrl))}" alt="${escapeHtml(fields.alt ?? "")}">` +
    (caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : "") +
    `</figure>\n`
  );
}

export function renderRelated(fields: Record<string, string>, siteUrl?: string, sponsored = false): string {
  const href = withPrefix(fields.url ?? "", siteUrl);
  const rel = isExternal(href, siteUrl) ? (sponsored ? ' rel="sponsored noopener"' : ' rel="noopener"') : "";
  return (
    // An <aside> is a landmark: each needs its own accessible name (html-validate unique-landmark).
    `<aside class="related" aria-label="Related: ${escapeHtml(fields.title ?? "")}"><p class="related__label">Related</p>` +
    `<p class="related__title"><a href="${escapeHtml(href)}"${rel}>${escapeHtml(fields.title ?? "")}</a></p></aside>\n`
  );
}
