import { viewOf, type Front, type PageContext } from "../../_config/site/index.ts";
import { ArticleCard } from "./ArticleCard.tsx";

/**
 * A front: the lead story (large, with its photo), a row of top stories, then the
 * stream under its own heading. Headlines are h2 for the lead and top row and h3
 * under the stream's h2.
 */
export function FrontPage({ front, ctx, streamHeading, showSection = true }: { front: Front; ctx: PageContext; streamHeading: string; showSection?: boolean }) {
  const { site } = ctx;
  return (
    <div class="front">
      {front.lead && <ArticleCard article={viewOf(front.lead, ctx)} site={site} variant="lead" showSection={showSection} />}
      {front.top.length > 0 && (
        <div class="front__top">
          {front.top.map((item) => (
            <ArticleCard article={viewOf(item, ctx)} site={site} variant="top" showSection={showSection} />
          ))}
        </div>
      )}
      {front.stream.length > 0 && (
        <section class="front__stream" aria-labelledby="stream-heading">
          <h2 id="stream-heading" class="list-heading">
            {streamHeading}
          </h2>
          <div class="cards">
            {front.stream.map((item) => (
              <ArticleCard article={viewOf(item, ctx)} site={site} headingLevel={3} showSection={showSection} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
