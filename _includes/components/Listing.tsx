import type { ComponentChildren } from "preact";
import type { JsonLdDocument } from "../../_config/pages/index.ts";
import type { PageContext } from "../../_config/site/index.ts";
import { listingTitle, type ListingPage } from "../../_config/site/index.ts";
import { absoluteUrl } from "../../_config/content/index.ts";
import { ArticleList } from "./ArticleList.tsx";
import { FrontPage } from "./FrontPage.tsx";
import { Base } from "./Base.tsx";
import { Pagination } from "./Pagination.tsx";

export type ListingProps = PageContext & { listing: ListingPage };

/**
 * The shell of every paginated list (section, topic, author, archive): a header with
 * the page's h1 and the layout's intro, the stories, and the pagination.
 */
export function Listing({ ctx, kicker, intro, empty, section, listHeading, showSection = true, jsonLd }: {
  ctx: ListingProps;
  kicker?: ComponentChildren;
  intro?: ComponentChildren;
  /** what an empty list says */
  empty: string;
  /** the masthead entry this page belongs to */
  section?: string;
  /** an h2 over the stories (their headlines then are h3) */
  listHeading?: string;
  /** each card's section kicker (off on a section's own front) */
  showSection?: boolean;
  /** JSON-LD beside the breadcrumbs (an author page's Person) */
  jsonLd?: JsonLdDocument[];
}) {
  const { site, listing } = ctx;
  return (
    <Base ctx={ctx} section={section} title={listingTitle(listing)} description={listing.description} canonical={absoluteUrl(site, listing.url)} jsonLd={jsonLd}>
      <div class={`listing listing--${listing.type}`}>
        <header class="listing__header">
          {kicker && <p class="listing__kicker">{kicker}</p>}
          <h1 class="page-title">{listing.title}</h1>
          {intro}
          {listing.pageNumber > 1 && (
            <p class="listing__page">
              Page {listing.pageNumber} of {listing.totalPages}
            </p>
          )}
        </header>
        {listing.front?.lead ? (
          <FrontPage front={listing.front} ctx={ctx} streamHeading={listHeading ?? "More stories"} showSection={showSection} />
        ) : (
          <>
            {listHeading && <h2 class="list-heading">{listHeading}</h2>}
            <ArticleList items={listing.items} ctx={ctx} empty={empty} headingLevel={listHeading ? 3 : 2} showSection={showSection} />
          </>
        )}
        <Pagination listing={listing} site={site} />
      </div>
    </Base>
  );
}
