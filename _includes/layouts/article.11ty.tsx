import { articleView } from "../../_config/articles.ts";
import type { PageContext } from "../../_config/collections.ts";
import type { ArticleData } from "../../_config/schema.ts";
import { href } from "../../_config/urls.ts";
import { Base } from "../components/Base.tsx";
import { Byline } from "../components/Byline.tsx";
import { Figure } from "../components/Figure.tsx";
import { RawHtml } from "../components/RawHtml.tsx";
import { absoluteUrl } from "../../_config/urls.ts";
import { storyShareImage } from "../../_config/images.ts";
import { ShareImage } from "../components/ShareImage.tsx";

type Props = Omit<PageContext, "authors"> & ArticleData & { content: string };

/** The story page: headline, dek, byline and dates, lead photo, body, promo, topics. */
export default function Article(data: Props) {
  // Eleventy still renders stories that get no page (drafts in production); skip the work.
  if (data.page.url === false) return null;
  const { site } = data;
  const article = articleView(data, { ...data.page, url: data.page.url }, { ...data, authors: data.staff, inputDir: data.eleventy.directories.input });
  const canonical = article.source?.url ?? absoluteUrl(site, article.url);
  return (
    <Base ctx={data} section={article.section.slug} title={article.title} description={article.description} canonical={canonical} head={<ShareImage image={storyShareImage(article, site)} />}>
      <article class="story">
        <header class="story__header">
          <p class="story__section">
            <a href={href(site, article.section.url)}>{article.section.name}</a>
            {article.draft && <strong class="flag"> Draft: not in production builds</strong>}
            {article.scheduled && <strong class="flag"> Scheduled: not yet public</strong>}
          </p>
          <h1 class="story__title">{article.title}</h1>
          <p class="story__dek">{article.description}</p>
          <Byline article={article} site={site} />
          {article.source && (
            <p class="story__source">
              Originally published by <a href={article.source.url}>{article.source.name}</a>
            </p>
          )}
        </header>
        {article.image && <Figure image={article.image} site={site} lead />}
        <RawHtml className="story__body" html={data.content} />
        {site.promo && (
          <p class="promo">
            <a href={href(site, site.promo.url)}>{site.promo.text}</a>
          </p>
        )}
        {article.tags.length > 0 && (
          <nav class="story__topics" aria-label="Topics">
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
