import type { IndexEntry } from "../../_config/site/index.ts";
import { storyCount } from "../../_config/site/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";

/** A list of topics, authors or months, each linked, with its story count. */
export function IndexList({ entries, site, detail }: { entries: IndexEntry[]; site: SiteData; detail?: (entry: IndexEntry) => string }) {
  return (
    <ul class="index-list">
      {entries.map((e) => (
        <li>
          <a href={href(site, e.url)}>{e.name}</a>
          {detail && <span class="index-list__detail">, {detail(e)}</span>} <span class="index-list__count">({storyCount(e.count)})</span>
        </li>
      ))}
    </ul>
  );
}
