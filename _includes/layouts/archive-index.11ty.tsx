import type { PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, archiveIndexPath } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";
import { IndexList } from "../components/IndexList.tsx";

/** /archive/: every month with stories, grouped by year, newest first. */
export default function ArchiveIndex(data: PageContext) {
  const { site } = data;
  const years = data.collections.archiveIndex;
  return (
    <Base ctx={data} title="Archive" description={`Every story published by ${site.name}, month by month.`} canonical={absoluteUrl(site, archiveIndexPath())}>
      <header class="listing__header">
        <h1 class="page-title">Archive</h1>
        <p class="page-intro">Every story published by {site.name}, month by month.</p>
      </header>
      {years.length ? (
        years.map((y) => (
          <section class="archive-year" aria-labelledby={`year-${y.year}`}>
            <h2 id={`year-${y.year}`} class="list-heading">
              {y.year}
            </h2>
            <IndexList entries={y.months} site={site} />
          </section>
        ))
      ) : (
        <p class="empty-list">There are no stories yet.</p>
      )}
    </Base>
  );
}
