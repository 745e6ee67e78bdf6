import type { ListingPage } from "../../_config/site/index.ts";
import type { AuthorData } from "../../_config/content/index.ts";
import { authorsIndexPath, href } from "../../_config/content/index.ts";
import { person } from "../../_config/pages/index.ts";
import { Listing, type ListingProps } from "../components/Listing.tsx";

/** An author page: /authors/<slug>/ with name, role, bio (photo and link when given) and their stories. */
export default function Author(data: ListingProps & { listing: ListingPage & { author: AuthorData } }) {
  const { listing, site } = data;
  const { author } = listing;
  return (
    <Listing
      ctx={data}
      jsonLd={[person(author, listing.key, site)]}
      kicker={<a href={href(site, authorsIndexPath())}>Authors</a>}
      intro={
        <div class={author.photo ? "author author--photo" : "author"}>
          {author.photo && <img class="author__photo" src={href(site, author.photo)} alt={author.name} />}
          <p class="author__role">{author.role}</p>
          <p class="author__bio">{author.bio}</p>
          {author.url && (
            <p class="author__url">
              <a href={author.url} rel="me noopener">
                {author.url.replace(/^https?:\/\//, "").replace(/\/$/, "")}
              </a>
            </p>
          )}
        </div>
      }
      listHeading={`Stories by ${author.name}`}
      empty={`There are no stories by ${author.name} yet.`}
    />
  );
}
