import type { ListingPage } from "../../_config/site/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";

/** Newer/older links (rel=prev/next) and "Page N of M"; nothing when a list fits one page. */
export function Pagination({ listing, site, noun = "stories" }: { listing: Pick<ListingPage, "pageNumber" | "totalPages" | "prev" | "next">; site: SiteData; noun?: string }) {
  if (listing.totalPages < 2) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      {listing.prev ? (
        <a class="pagination__prev" href={href(site, listing.prev)} rel="prev">
          ← Newer {noun}
        </a>
      ) : (
        <span class="pagination__prev" />
      )}
      <p class="pagination__status">
        Page {listing.pageNumber} of {listing.totalPages}
      </p>
      {listing.next ? (
        <a class="pagination__next" href={href(site, listing.next)} rel="next">
          Older {noun} →
        </a>
      ) : (
        <span class="pagination__next" />
      )}
    </nav>
  );
}
