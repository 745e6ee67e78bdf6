/**
 * schema.org objects for JSON-LD, as plain typed data (the `JsonLd` component writes
 * them through `jsonForScript`, the one serializer). Google's guides for the
 * properties: https://developers.google.com/search/docs/appearance/structured-data/article
 */
import type { ArticleView, AuthorData, Kind, PolicyKey } from "../content/index.ts";
import { isoDate } from "../content/index.ts";
import type { SiteData } from "../content/index.ts";
import { absoluteUrl, authorPath, homePath, searchPath } from "../content/index.ts";
import { assetUrl } from "./assets.ts";

export type Thing = { "@type": string; [key: string]: unknown };
export type JsonLdDocument = Thing & { "@context": "https://schema.org" };

export interface Crumb {
  name: string;
  /** site path, e.g. /world/ */
  path: string;
}

const CONTEXT = "https://schema.org" as const;

export const organizationId = (site: SiteData) => `${absoluteUrl(site, homePath())}#organization`;

/** The site's logo, at the fingerprinted name the build writes (never the plain /assets/logo.svg). */
export function logoUrl(site: SiteData): string {
  return absoluteUrl(site, assetUrl(site.logo));
}

function logo(site: SiteData): Thing {
  return { "@type": "ImageObject", url: logoUrl(site) };
}

/** schema.org type of each kind of work (https://schema.org/NewsArticle's subtypes). */
export const ARTICLE_TYPES: Record<Kind, string> = {
  news: "NewsArticle",
  analysis: "AnalysisNewsArticle",
  opinion: "OpinionNewsArticle",
  review: "ReviewNewsArticle",
  background: "BackgroundNewsArticle",
  explainer: "BackgroundNewsArticle",
  sponsored: "AdvertiserContentArticle",
};

/** `_data/site` policies → NewsMediaOrganization properties (the Trust Project's indicators). */
export const POLICY_PROPERTIES: Record<PolicyKey, string[]> = {
  ethics: ["ethicsPolicy", "publishingPrinciples"],
  corrections: ["correctionsPolicy"],
  diversity: ["diversityPolicy"],
  ownership: ["ownershipFundingInfo"],
  feedback: ["actionableFeedbackPolicy"],
  factChecking: ["verificationFactCheckingPolicy"],
  unnamedSources: ["unnamedSourcesPolicy"],
  masthead: ["masthead"],
};

/** A story's publisher: the home page's NewsMediaOrganization, by its @id. */
export function publisher(site: SiteData): Thing {
  return { "@type": "NewsMediaOrganization", "@id": organizationId(site), name: site.name, url: absoluteUrl(site, homePath()) };
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
    "@type": ARTICLE_TYPES[view.kind],
    "@id": `${url}#article`,
    url,
    headline: view.title,
    description: view.description,
    image: Array.isArray(images) ? images : [images],
    datePublished: isoDate(view.published, zone),
    dateModified: isoDate(view.modified, zone),
    author: articleAuthors(view, site),
    publisher: publisher(site),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    isAccessibleForFree: true,
    articleSection: view.section.name,
    keywords: view.tags.map((t) => t.name),
    inLanguage: view.language ?? site.language,
    ...(view.dateline ? { dateline: view.dateline } : {}),
    ...(view.corrections.length
      ? { correction: view.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: isoDate(c.date, zone), url: `${url}#${c.id}` })) }
      : {}),
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

/** The newsroom as a NewsMediaOrganization (home page): logo and every policy page it names. */
export function organization(site: SiteData): JsonLdDocument {
  const policies: Record<string, string> = {};
  for (const [key, path] of Object.entries(site.policies ?? {}) as [PolicyKey, string | undefined][]) {
    if (path) for (const property of POLICY_PROPERTIES[key]) policies[property] = absoluteUrl(site, path);
  }
  return { "@context": CONTEXT, ...publisher(site), logo: logo(site), description: site.description, ...policies };
}

/** An author page's Person: name, page, role, bio and profiles elsewhere. */
export function person(author: AuthorData, slug: string, site: SiteData): JsonLdDocument {
  const sameAs = [...(author.url ? [author.url] : []), ...(author.links ?? [])];
  return {
    "@context": CONTEXT,
    "@type": "Person",
    "@id": `${absoluteUrl(site, authorPath(slug))}#person`,
    name: author.name,
    url: absoluteUrl(site, authorPath(slug)),
    jobTitle: author.role,
    description: author.bio,
    ...(sameAs.length ? { sameAs } : {}),
    worksFor: { "@id": organizationId(site) },
  };
}
