import type { PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, authorsIndexPath } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { IndexList } from "../components/IndexList.tsx";

/** /authors/: everyone in the byline registry, with role and story count. */
export default function AuthorsIndex(data: PageContext) {
  const { site } = data;
  const authors = data.collections.authorsIndex;
  const roles = new Map(authors.map((a) => [a.key, a.author.role]));
  return (
    <Base ctx={data} title="Authors" description={`The people who write for ${site.name}.`} canonical={absoluteUrl(site, authorsIndexPath())}>
      <header class="listing__header">
        <h1 class="page-title">Authors</h1>
        <p class="page-intro">The people who write for {site.name}.</p>
      </header>
      {authors.length ? <IndexList entries={authors} site={site} detail={(e) => roles.get(e.key) ?? ""} /> : <p class="empty-list">There are no authors yet.</p>}
    </Base>
  );
}
