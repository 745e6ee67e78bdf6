/**
 * schema.org objects for JSON-LD, as plain typed data (the `JsonLd` component writes
 * them through `jsonForScript`, the one serializer). Google's guides for the
 * properties: https://developers.google.com/search/docs/appearance/structured-data/article
 */
import type { ArticleView } from "../content/index.ts";
import { isoDate } from "../content/index.ts";
import type { SiteData } from "../content/index.ts";
import { absoluteUrl, homePath, searchPath } from "../content/index.ts";

export type Thing = { "@type": string; [key: string]: unknown };
export type JsonLdDocument = Thing & { "@context": "https://schema.org" };

export interface Crumb {
  name: string;
  /** site path, e.g. /world/ */
  path: string;
}

const CONTEXT = "https://schema.org" as const;

const organizationId = (site: SiteData) => `${absoluteUrl(site, homePath())}#organization`;

function logo(site: SiteData): Thing {
  return { "@type": "ImageObject", url: absoluteUrl(site, site.logo) };
}

/** The publisher: the site as an Organization with its logo. */
export function publisher(site: SiteData): Thing {
  return { "@type": "Organization", "@id": organizationId(site), name: site.name, url: absoluteUrl(site, homePath()), logo: logo(site) };
}

/** Home › Section › Story, with absolute URLs and 1-based positions. */
export function breadcrumbList(site: SiteData, crumbs: Crumb[]): JsonLdDocument {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: absoluteUrl(site, c.path) })),
  };
}

/** Who wrote it: the authors as Persons, else the source, else the newsroom, as an Organization. */
export function articleAuthors(view: ArticleView, site: SiteData): Thing[] {
  if (view.authors.length) {
    return view.authors.map((a) => ({
      "@type": "Person",
      name: a.name,
      url: absoluteUrl(site, a.url),
      jobTitle: a.role,
    }));
  }
  if (view.source) return [{ "@type": "Organization", name: view.source.name, url: view.source.url }];
  return [{ "@type": "Organization", name: site.newsroom, url: absoluteUrl(site, homePath()) }];
}

/** NewsArticle for a story page; `images`: absolute URL(s) of the story's image (crops welcome). */
export function newsArticle(view: ArticleView, site: SiteData, images: string | string[]): JsonLdDocument {
  const url = absoluteUrl(site, view.url);
  const zone = site.timezone;
  return {
    "@context": CONTEXT,
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    url,
    headline: view.title,
    description: view.description,
    image: Array.isArray(images) ? images : [images],
    datePublished: isoDate(view.published, zone),
    dateModified: isoDate(view.updated ?? view.published, zone),
    author: articleAuthors(view, site),
    publisher: publisher(site),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    isAccessibleForFree: true,
    articleSection: view.section.name,
    keywords: view.tags.map((t) => t.name),
    inLanguage: site.language,
    ...(view.source ? { isBasedOn: view.source.url } : {}),
  };
}

/** The site, with a SearchAction pointing at the search page (`?q=`). */
export function webSite(site: SiteData): JsonLdDocument {
  const home = absoluteUrl(site, homePath());
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    "@id": `${home}#website`,
    url: home,
    name: site.name,
    description: site.description,
    inLanguage: site.language,
    publisher: { "@id": organizationId(site) },
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(site, searchPath())}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** The newsroom as an Organization (home page). */
export function organization(site: SiteData): JsonLdDocument {
  return { "@context": CONTEXT, ...publisher(site), description: site.description };
}
