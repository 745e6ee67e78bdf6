/**
 * The types the site room shares: a story as a collection item, what every page's
 * data holds, and the list pages. Kept apart so collections, indexes and listings can
 * all use them without importing each other in a circle.
 */
import type { ArticleData, AuthorData, AuthorsData, SectionsData, SiteData } from "../content/index.ts";
import type { BuildInfo, CorrectionView, FrontData, PageData } from "../content/index.ts";
import type { CollectionItem } from "../eleventy/index.ts";

export type ArticleItem = CollectionItem<ArticleData & { build: BuildInfo }>;

/** What every page's data holds (global data + Eleventy's own), as layouts see it. */
export interface PageContext {
  site: SiteData;
  sections: SectionsData;
  /** the authors registry (_data/authors); on story pages `authors` is the byline list */
  staff: AuthorsData;
  build: BuildInfo;
  eleventy: { directories: { input: string } };
  page: { url: string | false; inputPath: string; date: Date; outputPath: string | false };
  /** `articles` (public stories, newest first), `pages` (src/pages/, by path) and the index lists (_config/site/indexes.ts) */
  collections: { articles: ArticleItem[]; pages: PageItem[] } & Indexes;
  content?: string;
  /** _data/front (validated; absent without the file) */
  front?: FrontData;
}

export type ListingType = "section" | "topic" | "author" | "archive";

/** One page of one list: what a section, topic, author or archive page renders. */
export interface ListingPage {
  type: ListingType;
  /** section slug, topic slug, author slug, or "yyyy/MM" */
  key: string;
  title: string;
  description: string;
  /** this page's path (no prefix): /world/, /world/page/2/ */
  url: string;
  /** 1-based */
  pageNumber: number;
  totalPages: number;
  /** stories in the whole list, over every page */
  totalItems: number;
  items: ArticleItem[];
  /** path of the newer page (rel=prev) and of the older one (rel=next) */
  prev?: string;
  next?: string;
  /** page 1 of the list */
  first: string;
  /** page 1 of a section front: its items cut into lead, top row and stream */
  front?: Front;
}

/** A front as the layouts lay it out: the lead, the row of top stories, then the stream (_config/site/front.ts). */
export interface Front {
  lead?: ArticleItem;
  top: ArticleItem[];
  stream: ArticleItem[];
}

/** One correction of one story, as the corrections column lists it. */
export interface CorrectionEntry {
  item: ArticleItem;
  correction: CorrectionView;
}

/** One page of the corrections column (/corrections/, /corrections/page/2/). */
export type CorrectionsPage = Omit<ListingPage, "type" | "items"> & { type: "corrections"; items: CorrectionEntry[] };

/** A page of src/pages/ (about, ethics, contact…), as the footer and the policy check see it. */
export type PageItem = CollectionItem<PageData>;

/** A line of an index page: a topic, an author or a month, with its story count. */
export interface IndexEntry {
  key: string;
  name: string;
  url: string;
  count: number;
}

export interface Indexes {
  sectionPages: ListingPage[];
  topicPages: ListingPage[];
  authorPages: (ListingPage & { author: AuthorData })[];
  archivePages: ListingPage[];
  /** the corrections column, page by page */
  correctionPages: CorrectionsPage[];
  /** every topic, alphabetical */
  topicsIndex: IndexEntry[];
  /** every author in the registry, in its order */
  authorsIndex: (IndexEntry & { author: AuthorData })[];
  /** years newest first, each with its months newest first */
  archiveIndex: { year: string; months: IndexEntry[] }[];
}

