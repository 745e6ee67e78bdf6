import type { SectionsData, SiteData } from "../../_config/content/index.ts";
import { href, homePath, searchPath, sectionPath, topicsIndexPath } from "../../_config/content/index.ts";

/**
 * Site name, search, the sections and the topics index, on every page. `current`: a
 * section slug, or "topics". Search is a plain GET form to /search/?q=, so it works
 * without JavaScript; on a phone the sections are one row that scrolls sideways.
 */
export function Masthead({ site, sections, current }: { site: SiteData; sections: SectionsData; current?: string }) {
  return (
    <header class="masthead">
      <div class="masthead__inner">
        <a class="masthead__name" href={href(site, homePath())}>
          {site.name}
        </a>
        <form class="masthead__search" role="search" action={href(site, searchPath())} method="get">
          <label class="visually-hidden" for="masthead-q">
            Search {site.name}
          </label>
          <input id="masthead-q" type="search" name="q" placeholder="Search" autocomplete="off" />
          <button type="submit">Search</button>
        </form>
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
