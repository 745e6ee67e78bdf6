import type { PageContext } from "../../_config/site/index.ts";
import type { ArticleData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { AuthorNotes } from "../components/AuthorNotes.tsx";
import { Byline } from "../components/Byline.tsx";
import { CorrectionNotes, CorrectionNotice } from "../components/Corrections.tsx";
import { Figure } from "../components/Figure.tsx";
import { RawHtml } from "../components/RawHtml.tsx";
import type { PageMeta } from "../../_config/pages/index.ts";
import type { ArticleView } from "../../_config/content/index.ts";

/** The story's data, with the views computed for it before rendering (src/articles/articles.11tydata.ts). */
type Props = Omit<PageContext, "authors"> & ArticleData & { content: string; article?: ArticleView; meta?: PageMeta };

/** The story page: headline, dek, byline and dates, lead photo, body, promo, topics. */
export default function Article(data: Props) {
  // Eleventy still renders stories that get no page (drafts in production): they get no view.
  const { site, article, meta } = data;
  if (!article || !meta) return null;
  // Search indexes only public stories' headline, dek and body (data-pagefind-body);
  // everything else in the story is marked data-pagefind-ignore; the section and the
  // publication date are the results' metadata (data-pagefind-meta, shown under each result).
  const indexed = !article.draft && !article.scheduled;
  return (
    <Base ctx={data} section={article.section.slug} title={article.title} description={article.description} meta={meta}>
      <article class={`story story--${article.kind}`} lang={article.language} data-pagefind-body={indexed ? "" : undefined}>
        <header class="story__header">
          <p class="story__section" data-pagefind-ignore="index">
            <a href={href(site, article.section.url)} data-pagefind-meta="section">
              {article.section.name}
            </a>
            {article.draft && <strong class="flag"> Draft: not in production builds</strong>}
            {article.scheduled && <strong class="flag"> Scheduled: not yet public</strong>}
          </p>
          {article.kindLabel && (
            <p class="story__kind" data-pagefind-ignore="all">
              <span class="kind-label">{article.kindLabel}</span>
            </p>
          )}
          <h1 class="story__title">{article.title}</h1>
          <p class="story__dek">{article.description}</p>
          <div data-pagefind-ignore="index">
            <Byline article={article} site={site} />
          </div>
          {article.source && (
            <p class="story__source" data-pagefind-ignore="all">
              Originally published by <a href={article.source.url}>{article.source.name}</a>
            </p>
          )}
          <CorrectionNotice article={article} />
        </header>
        {article.image && (
          <div data-pagefind-ignore="all">
            <Figure image={article.image} site={site} lead />
          </div>
        )}
        <RawHtml className="story__body" html={data.content} />
        <AuthorNotes article={article} site={site} />
        <CorrectionNotes article={article} site={site} />
        {site.promo && (
          <p class="promo" data-pagefind-ignore="all">
            <a href={href(site, site.promo.url)}>{site.promo.text}</a>
          </p>
        )}
        {article.tags.length > 0 && (
          <nav class="story__topics" aria-label="Topics" data-pagefind-ignore="all">
            <h2>Topics</h2>
            <ul>
              {article.tags.map((t) => (
                <li>
                  <a href={href(site, t.url)} rel="tag">
                    {t.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </article>
    </Base>
  );
}
