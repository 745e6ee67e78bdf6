import type { ArticleView } from "../../_config/content/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";
import { Time } from "./Time.tsx";

export interface ArticleCardProps {
  article: ArticleView;
  site: SiteData;
  headingLevel?: 2 | 3;
  /** `lead`: a front's lead story, large with its photo; otherwise a card with a thumbnail */
  variant?: "lead" | "top";
  /** the section kicker (left out on a section's own front, where every card shares it) */
  showSection?: boolean;
}

/** A story in a list: section, headline, dek, date, photo when present. */
export function ArticleCard({ article, site, headingLevel = 2, variant, showSection = true }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const lead = variant === "lead";
  return (
    <article class={variant ? `card card--${variant}` : "card"}>
      {article.photo && <img class={lead ? "card__photo card__photo--lead" : "card__photo"} src={href(site, article.photo.url)} alt={article.photo.alt} />}
      <div class="card__text">
        {showSection && (
          <p class="card__section">
            <a href={href(site, article.section.url)}>{article.section.name}</a>
          </p>
        )}
        {/* apart from the section link: a link in a line of other text must not rely on color alone */}
        {article.kindLabel && (
          <p class="card__kind">
            <span class="kind-label">{article.kindLabel}</span>
          </p>
        )}
        <Heading class="card__title" lang={article.language}>
          <a href={href(site, article.url)}>{article.title}</a>
        </Heading>
        <p class="card__dek" lang={article.language}>{article.description}</p>
        <p class="card__meta">
          <Time value={article.published} zone={site.timezone} text={article.shown.date} />
          {article.draft && <strong class="flag"> Draft</strong>}
          {article.scheduled && <strong class="flag"> Scheduled</strong>}
        </p>
      </div>
    </article>
  );
}
