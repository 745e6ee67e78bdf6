import { correctionLines, listingTitle, type CorrectionsPage, type PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, correctionsFeedPath, href } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { Time } from "../components/Time.tsx";

/** The corrections column: /corrections/ and its pages, every correction newest first, each linking to its story. */
export default function Corrections(data: PageContext & { corrections: CorrectionsPage }) {
  const { corrections: listing, site } = data;
  const lines = correctionLines(listing, data);
  const feed = { type: "application/atom+xml" as const, title: `${site.name}: corrections`, url: absoluteUrl(site, correctionsFeedPath()) };
  return (
    <Base ctx={data} title={listingTitle(listing)} description={listing.description} canonical={absoluteUrl(site, listing.url)} feeds={[feed]}>
      <div class="listing listing--corrections">
        <header class="listing__header">
          <h1 class="page-title">{listing.title}</h1>
          <p class="page-intro">
            {listing.description} <a href={href(site, correctionsFeedPath())}>Follow them in a feed reader</a>.
          </p>
        </header>
        {lines.length ? (
          <ol class="corrections-list">
            {lines.map((line) => (
              <li class="corrections-list__item">
                <p class="corrections-list__story">
                  {line.story.kindLabel && <><span class="kind-label">{line.story.kindLabel}</span> </>}
                  <a href={href(site, line.url)} lang={line.story.language}>
                    {line.story.title}
                  </a>
                </p>
                <p class="corrections-list__note">
                  <strong>{line.label}</strong>, <Time value={line.date} zone={site.timezone} text={line.shown} />: {line.text}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty-list">There are no corrections yet.</p>
        )}
        <Pagination listing={listing} site={site} noun="corrections" />
      </div>
    </Base>
  );
}
