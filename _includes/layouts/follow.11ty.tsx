import type { PageContext } from "../../_config/site/index.ts";
import { followFeeds } from "../../_config/pages/index.ts";
import { absoluteUrl, followPath, href } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";

/** Follow the site: what a feed is, how to use one, and every feed's address to copy. */
export default function Follow(data: PageContext) {
  const { site } = data;
  const feeds = followFeeds(site, data.sections);
  return (
    <Base ctx={data} title={`Follow ${site.name}`} description={`Get every new story from ${site.name} in your feed reader: the addresses of our feeds, for the whole site and for each section.`} canonical={absoluteUrl(site, followPath())}>
      <div class="page follow">
        <h1 class="page-title">Follow {site.name}</h1>
        <p class="page-intro">
          A feed is a list of our newest stories that a feed reader (an app or website such as NetNewsWire, Feedly, Inoreader or Thunderbird) checks for you. Add
          an address below to your reader and each new story appears there as we publish it: no account with us, no algorithm, no tracking.
        </p>
        <h2>How to follow</h2>
        <ol>
          <li>Copy the address of the feed you want.</li>
          <li>In your feed reader, choose “Add feed” or “Subscribe”, and paste it.</li>
        </ol>
        <h2>Our feeds</h2>
        <ul class="feed-list">
          {feeds.map((f) => (
            <li class="feed-list__item">
              <p class="feed-list__name">
                {f.front ? <a href={href(site, f.front)}>{f.name}</a> : f.name} <span class="feed-list__format">{f.format}</span>
              </p>
              <p class="feed-list__description">{f.description}</p>
              <p class="feed-list__url">
                <a href={f.url}>
                  <code>{f.url}</code>
                </a>
              </p>
            </li>
          ))}
        </ul>
      </div>
    </Base>
  );
}
