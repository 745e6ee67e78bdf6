import type { ArticleView } from "../../_config/content/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";
import { Time } from "./Time.tsx";

/** "By …" (authors linked to their pages, else the source, else the newsroom) and the dates. */
export function Byline({ article, site }: { article: ArticleView; site: SiteData }) {
  const zone = site.timezone;
  return (
    <div class="byline">
      <p class="byline__names">
        By{" "}
        {article.authors.length
          ? article.authors.map((a, i) => (
              <>
                {i > 0 && (i === article.authors.length - 1 ? " and " : ", ")}
                <a href={href(site, a.url)} rel="author">
                  {a.name}
                </a>
              </>
            ))
          : article.byline}
      </p>
      <p class="byline__dates">
        Published <Time value={article.published} zone={zone} text={article.shown.published} searchMeta="date" />
        {article.updated && (
          <>
            {" · "}Updated <Time value={article.updated} zone={zone} text={article.shown.updated} />
          </>
        )}
      </p>
    </div>
  );
}
