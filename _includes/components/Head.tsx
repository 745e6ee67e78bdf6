import type { ComponentChildren } from "preact";
import type { SiteData } from "../../_config/schema.ts";
import { assetUrl } from "../../_config/assets.ts";
import { absoluteUrl, href } from "../../_config/urls.ts";

export interface HeadProps {
  site: SiteData;
  /** the page's own title; the site name is added by the pattern */
  title?: string;
  description: string;
  /** absolute canonical URL (a syndicated story's is its source's) */
  canonical: string;
  /** for pages that must not be indexed (404, drafts in the dev server) */
  noindex?: boolean;
  children?: ComponentChildren;
}

/** Title pattern: "Headline | Site"; the home page is "Site: description". */
export function pageTitle(site: SiteData, title?: string): string {
  return title ? `${title} | ${site.name}` : `${site.name}: ${site.description}`;
}

export function Head({ site, title, description, canonical, noindex, children }: HeadProps) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{pageTitle(site, title)}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={canonical} />
      {noindex && <meta name="robots" content="noindex" />}
      <meta name="color-scheme" content="light dark" />
      <link rel="stylesheet" href={href(site, assetUrl("/assets/css/site.css"))} />
      <link rel="icon" href={href(site, assetUrl(site.logo))} />
      <meta property="og:site_name" content={site.name} />
      <meta property="og:url" content={canonical.startsWith("http") ? canonical : absoluteUrl(site, canonical)} />
      {children}
    </head>
  );
}
