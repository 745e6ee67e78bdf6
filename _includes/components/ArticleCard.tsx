import type { ArticleView } from "../../_config/content/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";
import { Time } from "./Time.tsx";

/** A story in a list: section, headline, dek, date, photo when present. */
export function ArticleCard({ article, site, headingLevel = 2 }: { article: ArticleView; site: SiteData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class="card">
      {article.photo && <img class="card__photo" src={href(site, article.photo.url)} alt={article.photo.alt} />}
      <div class="card__text">
        <p class="card__section">
          <a href={href(site, article.section.url)}>{article.section.name}</a>
        </p>
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
          <Time value={article.published} zone={site.timezone} />
          {article.draft && <strong class="flag"> Draft</strong>}
          {article.scheduled && <strong class="flag"> Scheduled</strong>}
        </p>
      </div>
    </article>
  );
}
