/**
 * The share image of a page (og:image, twitter:image, JSON-LD image), chosen in ONE
 * place so the photos module can swap in a 1200-px JPEG rendition here alone.
 */
import type { ArticleView } from "./articles.ts";
import type { SiteData } from "./schema.ts";
import { absoluteUrl, absoluteUrlOfHtmlPath } from "./urls.ts";

/** The site's default share image (src/assets/, made by scripts/make-share-image.ts). */
export const DEFAULT_SHARE_IMAGE = { path: "/assets/share-default.jpg", width: 1200, height: 630 } as const;

export interface ShareImage {
  /** absolute URL */
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

/**
 * The first body figure's photo in a story's rendered body. The body comes from our
 * own markdown renderer (`renderFigure`), whose figure markup is fixed, so a pattern
 * over it is exact and cheaper than parsing the source again.
 */
export function firstFigure(bodyHtml: string | undefined): { src: string; alt: string } | undefined {
  const m = /<figure class="figure"><img src="([^"]*)" alt="([^"]*)"/.exec(bodyHtml ?? "");
  return m ? { src: unescape(m[1]!), alt: unescape(m[2]!) } : undefined;
}

/**
 * og:image / twitter:image / JSON-LD image of a story: the lead photo, else the first
 * body figure, else the site default. The ONE place that chooses it (the photos
 * module will swap in a 1200-px JPEG rendition here).
 */
export function shareImage(view: Pick<ArticleView, "image"> | undefined, bodyHtml: string | undefined, site: SiteData): ShareImage {
  if (view?.image) return { url: absoluteUrl(site, view.image.url), alt: view.image.alt };
  const figure = firstFigure(bodyHtml);
  if (figure) return { url: absoluteUrlOfHtmlPath(site, figure.src), alt: figure.alt };
  return defaultShareImage(site);
}

export function defaultShareImage(site: SiteData): ShareImage {
  const { path, width, height } = DEFAULT_SHARE_IMAGE;
  return { url: absoluteUrl(site, path), alt: site.name, width, height };
}
