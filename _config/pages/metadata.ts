/**
 * Head metadata as typed data: what a crawler, a feed reader or a social card reads
 * from a page (title pattern aside, which lives in Head.tsx). Pure functions; the
 * components `SocialMeta`, `FeedLinks` and `JsonLd` only print what these return.
 */
import type { ArticleView } from "../content/index.ts";
import { isoDate } from "../content/index.ts";
import { breadcrumbList, newsArticle, organization, webSite, type Crumb, type JsonLdDocument } from "./jsonld.ts";
import type { SectionsData, SiteData } from "../content/index.ts";
import { siteShareImage, storyShareImage, storyStructuredImages, type ShareImage } from "../photos/index.ts";
import { absoluteUrl, feedPath, homePath, jsonFeedPath, sectionFeedPath, sectionPath } from "../content/index.ts";

export type { Crumb } from "./jsonld.ts";
export type { ShareImage } from "../photos/index.ts";

export interface FeedLink {
  type: "application/atom+xml" | "application/feed+json";
  title: string;
  /** absolute URL */
  url: string;
}

export interface ArticleMetaFields {
  published: string;
  modified: string;
  section: string;
  tags: string[];
  /** absolute URLs of the authors' pages */
  authors: string[];
}

export interface PageMeta {
  /** og:type */
  type: "article" | "website";
  /** og:title / twitter:title: the headline or page title, without the site name */
  title: string;
  description: string;
  /** absolute canonical URL (a syndicated story's is its source's) */
  canonical: string;
  image: ShareImage;
  article?: ArticleMetaFields;
  feeds: FeedLink[];
  jsonLd: JsonLdDocument[];
  noindex: boolean;
  /** the robots meta tag's content, if any: "noindex", or "max-image-preview:large" on an indexable story */
  robots?: string;
}

export interface MetaContext {
  site: SiteData;
  sections: SectionsData;
}

/** Feeds a page advertises: the site's Atom and JSON feeds, plus its section's Atom feed. */
export function feedLinks(ctx: MetaContext, section?: string): FeedLink[] {
  const { site } = ctx;
  const links: FeedLink[] = [
    { type: "application/atom+xml", title: `${site.name}: latest news`, url: absoluteUrl(site, feedPath()) },
    { type: "application/feed+json", title: `${site.name}: latest news (JSON Feed)`, url: absoluteUrl(site, jsonFeedPath()) },
  ];
  const s = section ? ctx.sections[section] : undefined;
  if (section && s) links.push({ type: "application/atom+xml", title: `${site.name}: ${s.title}`, url: absoluteUrl(site, sectionFeedPath(section)) });
  return links;
}

/**
 * Everything in a story page's head, from its view. The share image (og:image) and the
 * JSON-LD images (16x9, 4x3, 1x1 crops) come from the photos module (share-images.ts):
 * the lead photo, else the first body figure, else the story's generated social card.
 */
export function articleMeta(view: ArticleView, ctx: MetaContext): PageMeta {
  const { site } = ctx;
  // A syndicated copy either points search engines at its original (rel=canonical) or,
  // with `syndication: noindex`, asks them not to index it and keeps a self canonical.
  const self = absoluteUrl(site, view.url);
  const syndicatedNoindex = !!view.source && site.syndication === "noindex";
  const noindex = view.draft || view.scheduled || syndicatedNoindex;
  const image = storyShareImage(view, site);
  const crumbs: Crumb[] = [
    { name: site.name, path: homePath() },
    { name: view.section.name, path: view.section.url },
    { name: view.title, path: view.url },
  ];
  return {
    type: "article",
    title: view.title,
    description: view.description,
    canonical: view.source && !syndicatedNoindex ? view.source.url : self,
    image,
    article: {
      published: isoDate(view.published, site.timezone),
      modified: isoDate(view.modified, site.timezone),
      section: view.section.name,
      tags: view.tags.map((t) => t.name),
      authors: view.authors.map((a) => absoluteUrl(site, a.url)),
    },
    feeds: feedLinks(ctx, view.section.slug),
    jsonLd: [newsArticle(view, site, storyStructuredImages(view, site, image)), breadcrumbList(site, crumbs)],
    noindex,
    robots: noindex ? "noindex" : "max-image-preview:large",
  };
}

export interface PageMetaInput {
  /** the page's own title (none on the home page) */
  title?: string;
  description: string;
  /** the page's site path (Eleventy's page.url) */
  path: string;
  canonical?: string;
  /** the section the page belongs to: its feed is advertised, its front is a breadcrumb */
  section?: string;
  /** explicit trail (Home first); default Home › Section › this page */
  breadcrumbs?: Crumb[];
  noindex?: boolean;
  /** og:image / twitter:image (default: the site's generated card) */
  image?: ShareImage;
  /** more feeds to advertise (the corrections page's own) */
  feeds?: FeedLink[];
  /** more JSON-LD documents (an author page's Person) */
  jsonLd?: JsonLdDocument[];
}

/** Head metadata of any page that is not a story: home, indexes, search, 404. */
export function pageMeta(ctx: MetaContext, input: PageMetaInput): PageMeta {
  const { site } = ctx;
  const isHome = input.path === homePath();
  const base = {
    type: "website" as const,
    title: input.title ?? site.name,
    description: input.description,
    canonical: input.canonical ?? absoluteUrl(site, input.path),
    image: input.image ?? siteShareImage(site),
    feeds: [...feedLinks(ctx, input.section), ...(input.feeds ?? [])],
    noindex: input.noindex ?? false,
    robots: input.noindex ? "noindex" : undefined,
  };
  if (isHome) return { ...base, jsonLd: [webSite(site), organization(site)] };
  if (base.noindex) return { ...base, jsonLd: [] };
  return { ...base, jsonLd: [...(input.jsonLd ?? []), breadcrumbList(site, input.breadcrumbs ?? defaultCrumbs(ctx, input))] };
}

function defaultCrumbs(ctx: MetaContext, input: PageMetaInput): Crumb[] {
  const crumbs: Crumb[] = [{ name: ctx.site.name, path: homePath() }];
  const section = input.section ? ctx.sections[input.section] : undefined;
  if (input.section && section) crumbs.push({ name: section.title, path: sectionPath(input.section) });
  if (crumbs.at(-1)!.path !== input.path) crumbs.push({ name: input.title ?? ctx.site.name, path: input.path });
  return crumbs;
}

/** og:locale from the site language: en-US → en_US. */
export function ogLocale(language: string): string {
  return language.replace("-", "_");
}
