/**
 * One page of one list (a section front, topic, author or archive month) and how a list
 * is cut into pages of `site.pageSize`, with its neighbours for rel=prev/next.
 */
import type { ArticleItem, ListingPage, ListingType } from "./types.ts";

export type { ListingPage, ListingType } from "./types.ts";

type ListHead = Pick<ListingPage, "type" | "key" | "title" | "description">;

/** Cuts one list into pages; an empty list still gets its first page. */
export function paginate<E extends object = object>(head: ListHead, items: ArticleItem[], pageSize: number, pathOf: (page: number) => string, extra?: E): (ListingPage & E)[] {
  return paginateList(head, items, pageSize, pathOf, extra);
}

/** `paginate` over a list of anything (the corrections page lists corrections, not stories). */
export function paginateList<T, H extends object, E extends object = object>(
  head: H,
  items: T[],
  pageSize: number,
  pathOf: (page: number) => string,
  extra?: E,
): (H & E & Omit<ListingPage, keyof ListHead | "items"> & { items: T[] })[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: totalPages }, (_, i) => ({
    ...head,
    ...(extra as E),
    url: pathOf(i + 1),
    pageNumber: i + 1,
    totalPages,
    totalItems: items.length,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
    prev: i > 0 ? pathOf(i) : undefined,
    next: i + 1 < totalPages ? pathOf(i + 2) : undefined,
    first: pathOf(1),
  }));
}

/** "World", or "World, page 2 of 3" past the first page (distinct titles per page). */
export function listingTitle(listing: Pick<ListingPage, "title" | "pageNumber" | "totalPages">): string {
  return listing.pageNumber > 1 ? `${listing.title}, page ${listing.pageNumber} of ${listing.totalPages}` : listing.title;
}

/** "1 story", "3 stories" */
export function storyCount(n: number): string {
  return `${n} ${n === 1 ? "story" : "stories"}`;
}

/**
 * The data of a listing page template (src/section.11ty.tsx, …): one output page per
 * page of each list of that type, at its stable URL. It lists stories, so it declares
 * them (`eleventyImport`): incremental rebuilds refresh it when a story changes.
 */
export function listingTemplate(type: ListingType, path: (key: string, page: number) => string) {
  const collection = `${type}Pages`;
  // Paginates over the pages to render: every page, except in an incremental production
  // build, which leaves out those it reuses unchanged (reuse.ts, indexes.ts).
  return {
    layout: `${type}.11ty.tsx`,
    pagination: { data: `collections.${collection}ToRender`, size: 1, alias: "listing" },
    permalink: (data: { listing: ListingPage }) => path(data.listing.key, data.listing.pageNumber),
    eleventyImport: { collections: ["articles", collection, `${collection}ToRender`] },
  };
}

/**
 * The data of an index page template (topics, authors, archive): one page listing a
 * collection's entries with their story counts, so it declares the stories too.
 */
export function indexTemplate(layout: "topics-index" | "authors-index" | "archive-index", permalink: string, collection: string) {
  return {
    layout: `${layout}.11ty.tsx`,
    permalink,
    eleventyImport: { collections: ["articles", collection] },
  };
}
