import type { PageContext } from "../../_config/site/index.ts";
import { absoluteUrl, homePath, href, notFoundPath, searchPath } from "../../_config/content/index.ts";
import { Base } from "../components/Base.tsx";

/** Page not found: says so, and offers the front page and search. */
export default function NotFound(data: PageContext) {
  const { site } = data;
  return (
    <Base ctx={data} title="Page not found" description={`There is no page at this address on ${site.name}.`} canonical={absoluteUrl(site, notFoundPath())} noindex>
      <div class="page">
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
        <ul>
          <li>
            <a href={href(site, homePath())}>Go to the front page</a>
          </li>
          <li>
            <a href={href(site, searchPath())}>Search the stories</a>
          </li>
        </ul>
      </div>
    </Base>
  );
}
