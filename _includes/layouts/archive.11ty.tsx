import { storyCount } from "../../_config/site/index.ts";
import { archiveIndexPath, href } from "../../_config/content/index.ts";
import { Listing, type ListingProps } from "../components/Listing.tsx";

/** A month of the archive: /archive/YYYY/MM/ and its pages. */
export default function Archive(data: ListingProps) {
  const { listing, site } = data;
  return (
    <Listing
      ctx={data}
      kicker={<a href={href(site, archiveIndexPath())}>Archive</a>}
      intro={<p class="page-intro">{storyCount(listing.totalItems)} published in {listing.title}.</p>}
      empty={`There are no stories from ${listing.title}.`}
    />
  );
}
