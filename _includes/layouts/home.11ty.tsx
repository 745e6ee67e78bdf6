import { viewOf, type PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, archiveIndexPath, homePath, href } from "../../_config/content/index.ts";
import { ArticleCard } from "../components/ArticleCard.tsx";
import { Base } from "../components/Base.tsx";
import { siteShareImage } from "../../_config/photos/index.ts";

/** The home page: the latest stories, newest first. */
export default function Home(data: PageContext) {
  const { site } = data;
  const latest = data.collections.articles.slice(0, site.pageSize).map((item) => viewOf(item, data));
  return (
    <Base ctx={data} description={site.description} canonical={absoluteUrl(site, homePath())} image={siteShareImage(site)}>
      <h1 class="visually-hidden">{site.name}</h1>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" class="list-heading">
          Latest news
        </h2>
        {latest.length ? (
          <div class="cards">
            {latest.map((article) => (
              <ArticleCard article={article} site={site} headingLevel={3} />
            ))}
          </div>
        ) : (
          <p>No stories yet.</p>
        )}
        {latest.length > 0 && (
          <p class="more-link">
            <a href={href(site, archiveIndexPath())}>More stories in the archive</a>
          </p>
        )}
      </section>
    </Base>
  );
}
