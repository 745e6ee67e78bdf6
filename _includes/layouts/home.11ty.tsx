import { homeFrontOf, type PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, archiveIndexPath, homePath, href } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { FrontPage } from "../components/FrontPage.tsx";
import { siteShareImage } from "../../_config/photos/index.ts";

/** The home page: the front editors chose (_data/front), then the latest stories, newest first. */
export default function Home(data: PageContext) {
  const { site } = data;
  const front = homeFrontOf(data);
  return (
    <Base ctx={data} description={site.description} canonical={absoluteUrl(site, homePath())} image={siteShareImage(site)}>
      <h1 class="visually-hidden">{site.name}</h1>
      {front.lead ? <FrontPage front={front} ctx={data} streamHeading="Latest news" /> : <p>No stories yet.</p>}
      {front.lead && (
        <p class="more-link">
          <a href={href(site, archiveIndexPath())}>More stories in the archive</a>
        </p>
      )}
    </Base>
  );
}
