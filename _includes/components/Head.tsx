import type { ComponentChildren } from "preact";
import type { PageMeta } from "../../_config/pages/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { assetUrl } from "../../_config/pages/index.ts";
import { href } from "../../_config/content/index.ts";
import { FeedLinks } from "./FeedLinks.tsx";
import { JsonLd } from "./JsonLd.tsx";
import { SocialMeta } from "./SocialMeta.tsx";

export interface HeadProps {
  site: SiteData;
  /** the page's own title; the site name is added by the pattern */
  title?: string;
  /** description, canonical, social tags, feeds and JSON-LD (_config/pages/metadata.ts) */
  meta: PageMeta;
  children?: ComponentChildren;
}

/** Title pattern: "Headline | Site"; the home page is "Site: description". */
export function pageTitle(site: SiteData, title?: string): string {
  return title ? `${title} | ${site.name}` : `${site.name}: ${site.description}`;
}

export function Head({ site, title, meta, children }: HeadProps) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{pageTitle(site, title)}</title>
      <meta name="description" content={meta.description} />
      <link rel="canonical" href={meta.canonical} />
      {meta.robots && <meta name="robots" content={meta.robots} />}
      <meta name="color-scheme" content="light dark" />
      <link rel="stylesheet" href={href(site, assetUrl("/assets/css/site.css"))} />
      <link rel="icon" href={href(site, assetUrl(site.logo))} />
      <FeedLinks feeds={meta.feeds} />
      <SocialMeta meta={meta} site={site} />
      <JsonLd data={meta.jsonLd} />
      {children}
    </head>
  );
}
