import type { PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, topicsIndexPath } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { IndexList } from "../components/IndexList.tsx";

/** /topics/: every topic, alphabetical, with its story count. */
export default function TopicsIndex(data: PageContext) {
  const { site } = data;
  const topics = data.collections.topicsIndex;
  return (
    <Base ctx={data} section="topics" title="Topics" description={`Every topic covered by ${site.name}.`} canonical={absoluteUrl(site, topicsIndexPath())}>
      <header class="listing__header">
        <h1 class="page-title">Topics</h1>
        <p class="page-intro">Every topic covered by {site.name}, A to Z.</p>
      </header>
      {topics.length ? <IndexList entries={topics} site={site} /> : <p class="empty-list">There are no topics yet.</p>}
    </Base>
  );
}
