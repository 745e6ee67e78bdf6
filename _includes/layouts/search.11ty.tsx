import type { PageContext } from "../../_config/site/index.ts";
import { href, pathPrefix, searchPath } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";

/**
 * The search page: a plain GET form (?q=) that Pagefind UI enhances in the browser.
 * The UI's files come from the generated /pagefind/ bundle and its start-up code
 * from /assets/js/search.js: no inline script (a strict CSP is coming).
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
        <noscript>
          <p>Search runs in your browser and needs JavaScript. Without it, browse the sections above or the front page.</p>
        </noscript>
      </div>
    </Base>
  );
}
