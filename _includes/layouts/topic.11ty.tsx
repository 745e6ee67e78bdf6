import { storyCount } from "../../_config/site/index.ts";
import { href, topicsIndexPath } from "../../_config/content/index.ts";
import { Listing, type ListingProps } from "../components/Listing.tsx";

/** A topic page: /topics/<tag-slug>/ and its pages. */
export default function Topic(data: ListingProps) {
  const { listing, site } = data;
  return (
    <Listing
      ctx={data}
      section="topics"
      kicker={<a href={href(site, topicsIndexPath())}>Topics</a>}
      intro={<p class="page-intro">{storyCount(listing.totalItems)} about {listing.title}.</p>}
      empty={`There are no stories about ${listing.title} yet.`}
    />
  );
}
