import type { SectionsData, SiteData } from "../../_config/content/index.ts";
import { href, homePath, sectionPath, topicsIndexPath } from "../../_config/content/index.ts";

/** Site name, the sections and the topics index, on every page. `current`: a section slug, or "topics". */
export function Masthead({ site, sections, current }: { site: SiteData; sections: SectionsData; current?: string }) {
  return (
    <header class="masthead">
      <div class="masthead__inner">
        <a class="masthead__name" href={href(site, homePath())}>
          {site.name}
        </a>
        <nav class="masthead__nav" aria-label="Sections">
          <ul>
            {Object.entries(sections).map(([slug, section]) => (
              <li>
                <a href={href(site, sectionPath(slug))} aria-current={slug === current ? "page" : undefined}>
                  {section.title}
                </a>
              </li>
            ))}
            <li>
              <a href={href(site, topicsIndexPath())} aria-current={current === "topics" ? "page" : undefined}>
                Topics
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
