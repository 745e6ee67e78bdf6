import type { PageContext } from "../../_config/site/index.ts";
import { archiveIndexPath, href, pathPrefix, searchPath, topicsIndexPath } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";

/**
 * The search page: a plain GET form (?q=) that Pagefind UI enhances in the browser,
 * running the query in `?q=` (the masthead's form sends readers here). The UI's files
 * come from the generated /pagefind/ bundle and its start-up code from
 * /assets/js/search.js: no inline script or style (the CSP forbids them).
 */
export default function Search(data: PageContext) {
  const { site } = data;
  const head = (
    <>
      <link rel="stylesheet" href={href(site, "/pagefind/pagefind-ui.css")} />
      <script src={href(site, "/pagefind/pagefind-ui.js")} defer />
      <script src={href(site, "/assets/js/search.js")} defer />
    </>
  );
  return (
    <Base ctx={data} title="Search" description={`Search the stories of ${site.name}.`} head={head} noindex>
      <div class="page search">
        <h1>Search</h1>
        <form class="search__form" role="search" action={href(site, searchPath())} method="get" data-search-form>
          <label for="search-q">Search the stories</label>{" "}
          <input id="search-q" type="search" name="q" />{" "}
          <button type="submit">Search</button>
        </form>
        <div id="search" class="search__results" data-bundle-path={href(site, "/pagefind/")} data-base-url={pathPrefix(site)} />
        <p class="search__status" data-search-status hidden />
        <noscript>
          <p class="search__noscript">
            Search runs in your browser and needs JavaScript, which is off here. You can still find every story through the sections above, the{" "}
            <a href={href(site, topicsIndexPath())}>topics</a> and the <a href={href(site, archiveIndexPath())}>archive</a>.
          </p>
        </noscript>
      </div>
    </Base>
  );
}
