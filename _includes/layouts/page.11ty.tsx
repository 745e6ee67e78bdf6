import type { PageContext } from "../../_config/site/index.ts";
import type { PageData } from "../../_config/content/index.ts";
import { absoluteUrl } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { RawHtml } from "../components/RawHtml.tsx";
import { Time } from "../components/Time.tsx";

type Props = PageContext & PageData & { content: string };

/** A page that is not a story (src/pages/): about, ethics and standards, contact… */
export default function Page(data: Props) {
  const { site } = data;
  const path = typeof data.page.url === "string" ? data.page.url : "/";
  return (
    <Base ctx={data} title={data.title} description={data.description} canonical={absoluteUrl(site, path)}>
      <article class="site-page">
        <header class="listing__header">
          <h1 class="page-title">{data.title}</h1>
          <p class="page-intro">{data.description}</p>
          {data.updated && (
            <p class="site-page__updated">
              Last updated <Time value={data.updated} zone={site.timezone} />
            </p>
          )}
        </header>
        <RawHtml className="story__body" html={data.content} />
      </article>
    </Base>
  );
}
